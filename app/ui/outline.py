"""The annex at a glance: one line per paragraph, to see the structure and jump to a place.

A dock beside the cover. Titles and headings stand out; every other paragraph shows its
opening words ("WE REAFFIRM the importance…"), which is how negotiators name them in a
meeting. The list follows the cursor, and refreshes shortly after edits (only when a line
would change), so typing in a long draft stays fast. Dragging lines moves the paragraphs
(the same move as Edit ▸ Move Paragraph, keeping their ids, one undo step).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QDropEvent, QFont
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from app.i18n import _
from app.model import Block, BlockKind

from .editor.moving import move_paragraphs_to

#: Words shown per paragraph.
HEAD_WORDS = 9
REFRESH_DELAY_MS = 300
_BLOCK_ID = Qt.UserRole + 1


def outline_line(block: Block) -> str:
    words = block.text.split()
    head = " ".join(words[:HEAD_WORDS])
    if len(words) > HEAD_WORDS:
        head += " …"
    indent = "    " * (block.level if block.kind is BlockKind.LIST_ITEM else 0)
    bullet = "• " if block.kind is BlockKind.LIST_ITEM else ""
    return indent + bullet + (head or _("(empty paragraph)"))


class OutlinePanel(QListWidget):
    def __init__(self, editor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.setObjectName("outline")
        self.setUniformItemSizes(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.ElideRight)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self._lines: list[tuple[str, str, str]] = []   # (block id, kind, line) as shown
        self._rows: dict[str, int] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        editor.changed.connect(self._on_changes)
        editor.current_block_changed.connect(self.follow)
        self.itemActivated.connect(self._jump)
        self.itemClicked.connect(self._jump)
        self.refresh()

    def _on_changes(self, changes) -> None:
        """Another draft: at once; an edit of paragraphs (not of a comment or the cover):
        after a pause."""
        if changes.everything:
            self.refresh()
        elif changes.structure or changes.blocks:
            self._timer.start()

    def refresh(self) -> None:
        """Show the draft's paragraphs; does nothing if no line changed."""
        self._timer.stop()
        blocks = self.editor.draft().blocks
        lines = [(block.id, block.kind.value, outline_line(block)) for block in blocks]
        if lines == self._lines:
            return
        self._lines = lines
        self._rows = {block_id: row for row, (block_id, _kind, _line) in enumerate(lines)}
        strong = QFont(self.font())
        strong.setBold(True)
        self.setUpdatesEnabled(False)
        try:
            self.clear()
            for block_id, kind, line in lines:
                item = QListWidgetItem(line)
                item.setData(_BLOCK_ID, block_id)
                item.setToolTip(line)
                if kind in (BlockKind.TITLE.value, BlockKind.HEADING.value):
                    item.setFont(strong)
                self.addItem(item)
        finally:
            self.setUpdatesEnabled(True)
        current = self.editor.current_block_id()
        if current:
            self.follow(current)

    def follow(self, block_id: str) -> None:
        row = self._rows.get(block_id)
        if row is None:
            self._timer.start()  # a new paragraph: its line comes with the next refresh
            return
        self.blockSignals(True)
        self.setCurrentRow(row)
        self.blockSignals(False)
        self.scrollToItem(self.item(row))

    def drop_row(self, event: QDropEvent) -> int:
        """The row a drop puts the dragged lines before (count(): after the last)."""
        point = event.position().toPoint()
        item = self.itemAt(point)
        if item is None:
            return self.count()
        row = self.row(item)
        return row + 1 if point.y() > self.visualItemRect(item).center().y() else row

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        """Move the dragged paragraphs in the draft; the list follows from the model."""
        if event.source() is not self:
            event.ignore()
            return
        rows = sorted(self.row(item) for item in self.selectedItems())
        # Refused as far as Qt's drag is concerned: a MoveAction would have the view remove
        # the dragged lines itself; the list is rebuilt from the moved paragraphs instead.
        event.ignore()
        if rows and rows == list(range(rows[0], rows[-1] + 1)):
            if move_paragraphs_to(self.editor, rows[0], len(rows), self.drop_row(event)):
                self.refresh()

    def _jump(self, item: QListWidgetItem) -> None:
        block_id = item.data(_BLOCK_ID)
        if block_id:
            self.editor.go_to_block(block_id)
            self.editor.text_edit.setFocus()


def install(window) -> OutlinePanel:
    """Add the outline as a dock tabbed with the cover (View ▸ Show Outline)."""
    panel = OutlinePanel(window.editor)
    dock = window.add_dock(panel, _("Outline"), Qt.LeftDockWidgetArea, key="outline")
    cover = window.docks.get("cover")
    if cover is not None:
        window.tabifyDockWidget(cover, dock)
        cover.raise_()
    return panel
