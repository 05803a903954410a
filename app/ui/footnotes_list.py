"""The Footnotes list: every footnote mark of the draft, numbered as the Word export prints it.

One row per printed mark (a footnote referenced twice is listed at both numbers, as Word
prints it twice); reservation footnotes, which the export generates, are listed in the same
sequence and marked as such. A click puts the cursor just after the reference in the text (so
the Footnote pane shows it), or at the reserved paragraph for a reservation footnote; moving
the cursor to a reference selects its row.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.model import FootnoteRef
from app.model.footnote_numbers import NoteMark, number_notes

if TYPE_CHECKING:
    from .editor.widget import DraftEditor
    from .main_window import MainWindow

#: Characters of a footnote's text shown in its row (the whole text is the row's tooltip).
SHOWN_CHARACTERS = 110

_MARK_ROLE = Qt.ItemDataRole.UserRole


def shorten(text: str, limit: int = SHOWN_CHARACTERS) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


class FootnotesList(QWidget):
    def __init__(self, editor: DraftEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("footnotes_list")
        self.editor = editor
        self.marks: list[NoteMark] = []
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("footnotes_tree")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([_("No."), _("Footnote text")])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        self.tree.itemClicked.connect(lambda item, _column: self.go_to(item))
        self.tree.itemActivated.connect(lambda item, _column: self.go_to(item))
        self.empty_label = QLabel(_("This draft has no footnotes."), self)
        self.empty_label.setObjectName("footnotes_list_empty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.tree)
        layout.addWidget(self.empty_label)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.refresh)
        # The editor's change notice: footnotes, their order (structure), the reservations
        # the export turns into footnotes (annotations); another draft at once.
        editor.changed.connect(self._on_changes)
        editor.text_edit.cursorPositionChanged.connect(self.follow_cursor)
        self.refresh()

    def _on_changes(self, changes) -> None:
        if changes.everything:
            self.refresh()
        elif changes.touches(footnotes=True, structure=True, annotations=True):
            self.on_draft_changed()

    def on_draft_changed(self) -> None:
        """The draft changed: list its footnotes again soon (one method for change notices)."""
        self._timer.start()

    def refresh(self) -> None:
        self._timer.stop()
        draft = self.editor.draft()
        marks = number_notes(draft).marks
        rows = [(mark.number, mark.footnote_id, mark.text, mark.reservation) for mark in marks]
        shown = [(m.number, m.footnote_id, m.text, m.reservation) for m in self.marks]
        if rows == shown and self.tree.topLevelItemCount() == len(rows):
            return
        self.marks = marks
        self.tree.clear()
        items = []
        for index, mark in enumerate(marks):
            text = shorten(mark.text) or _("(empty footnote)")
            item = QTreeWidgetItem([str(mark.number), text])
            item.setData(0, _MARK_ROLE, index)
            item.setToolTip(1, mark.text)
            if mark.reservation:
                item.setToolTip(1, _("Added by the Word export for an outstanding reservation:")
                                + "\n" + mark.text)
            item.setTextAlignment(0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if mark.reservation:
                font = item.font(1)
                font.setItalic(True)
                item.setFont(1, font)
            items.append(item)
        self.tree.addTopLevelItems(items)
        self.tree.setVisible(bool(items))
        self.empty_label.setVisible(not items)
        self.follow_cursor()

    def follow_cursor(self) -> None:
        """Select the row of the footnote the Footnote pane shows (the one at the cursor)."""
        footnote_id = self.editor.footnote_pane.footnote_id
        block_id = self.editor.current_block_id()
        rows = [i for i, mark in enumerate(self.marks) if mark.footnote_id == footnote_id]
        if not rows:
            self.tree.clearSelection()
            return
        here = [i for i in rows if self.marks[i].block_id == block_id]
        item = self.tree.topLevelItem((here or rows)[0])
        if item is not None and self.tree.currentItem() is not item:
            self.tree.setCurrentItem(item)

    def go_to(self, item: QTreeWidgetItem) -> None:
        index = item.data(0, _MARK_ROLE)
        if index is None or not 0 <= index < len(self.marks):
            return
        mark = self.marks[index]
        offset = self._reference_offset(mark)
        if offset is None:
            self.editor.go_to_block(mark.block_id)
        else:
            qt_block = self.editor.bridge.qt_block(mark.block_id)
            if qt_block is None:
                return
            cursor = self.editor.text_edit.textCursor()
            cursor.setPosition(qt_block.position() + offset)
            self.editor.text_edit.setTextCursor(cursor)
            self.editor.text_edit.ensureCursorVisible()
        self.editor.text_edit.setFocus()

    def _reference_offset(self, mark: NoteMark) -> int | None:
        """Just after the reference this mark numbers (its n-th in the block), or None."""
        if mark.reservation:
            return None
        draft = self.editor.draft()
        try:
            block = draft.block(mark.block_id)
        except KeyError:
            return None
        nth = [m.number for m in self.marks if m.block_id == mark.block_id
               and m.footnote_id == mark.footnote_id].index(mark.number)
        offset = 0
        for item in block.content:
            if isinstance(item, FootnoteRef):
                offset += 1
                if item.footnote_id == mark.footnote_id:
                    if nth == 0:
                        return offset
                    nth -= 1
            else:
                offset += len(item.text)
        return None


def install(window: MainWindow) -> FootnotesList:
    pane = FootnotesList(window.editor)
    window.add_dock(pane, _("Footnotes List"), Qt.DockWidgetArea.RightDockWidgetArea, key="footnotes_list")
    window.footnotes_list = pane
    return pane
