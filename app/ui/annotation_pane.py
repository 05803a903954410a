"""What the comments pane and the reservations overview share.

Both list a draft's annotations (comments, reservations) in a tree grouped under the
paragraph they are anchored to, in text order ("Whole text" first, orphans last), rebuild it
shortly after an edit that concerns them (the editor's change notice: annotations, structure,
or a paragraph one is anchored to) and at once when another draft is shown, select an
annotation's span when it is clicked, and add an annotation as one undo step together with
the marks painted in the text. A subclass says which annotations it lists, which it shows,
and what a row holds. An action on an annotation gone since it was listed is refused with
one sentence (`apply_to`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QMainWindow,
    QMessageBox,
    QToolBar,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from app.i18n import _
from app.model.annotations import Anchor
from app.model.changes import Changes
from app.model.ops import Operation
from app.model.parties import PartyRegistry

from .annotation_dialogs import paragraph_names, select_anchor
from .annotation_marks import AnnotationMarks

ID_ROLE = Qt.ItemDataRole.UserRole
#: Typing must not rebuild the list at each key.
REFRESH_DELAY_MS = 250
#: Width a panel dock gets when it is brought forward from hidden.
PANEL_WIDTH = 380


class AnnotationPane(QWidget):
    #: After an annotation was added (its id): the window brings the pane's dock forward.
    annotation_added = Signal(str)

    #: Group heading for annotations whose paragraph was deleted; set by the subclass.
    orphan_heading = ""
    #: Title of the message box that refuses bad input.
    complaint_title = ""

    def __init__(self, editor, marks: AnnotationMarks | None, headers: list[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.marks = marks or AnnotationMarks.for_editor(editor)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(headers)
        # A tool bar, not a row of buttons: it folds into a » menu when the dock is narrow.
        self.toolbar = QToolBar()
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        editor.changed.connect(self._on_changes)
        self.tree.itemClicked.connect(self._on_clicked)
        self._anchor_blocks: set[str | None] = set()

    # -- what a subclass says -------------------------------------------------------------------
    def annotations(self, draft) -> dict[str, Any]:
        raise NotImplementedError

    def shown(self, annotation: Any) -> bool:
        return True

    def add_row(self, group: QTreeWidgetItem, annotation: Any,
                registry: PartyRegistry) -> QTreeWidgetItem:
        raise NotImplementedError

    def position_in_block(self, anchor: Anchor) -> int:
        return anchor.start or 0

    def _on_changes(self, changes: Changes) -> None:
        if changes.everything:
            # Another draft (or all of this one): never list, even briefly, what is gone.
            self._refresh_timer.stop()
            self.refresh()
        elif changes.touches(annotations=True, structure=True) or self._anchored_in(changes.blocks):
            self._refresh_timer.start()

    def _anchored_in(self, block_ids: frozenset[str]) -> bool:
        # the paragraphs listed as of the last refresh (their names head the groups); an
        # annotation moving to another paragraph is an annotation or structure change
        return not self._anchor_blocks.isdisjoint(block_ids)

    # -- the tree -------------------------------------------------------------------------------
    def registry(self) -> PartyRegistry:
        return PartyRegistry.for_draft(self.editor.draft())

    def refresh(self) -> None:
        draft = self.editor.draft()
        self._anchor_blocks = {item.anchor.block_id for item in self.annotations(draft).values()}
        names = paragraph_names(draft)
        order = {block.id: index for index, block in enumerate(draft.blocks)}
        registry = self.registry()
        selected = self.current_id()
        self.tree.setUpdatesEnabled(False)
        # taking the items out is ~40x faster than clear() on a large expanded tree
        self.tree.invisibleRootItem().takeChildren()
        groups: dict[str, QTreeWidgetItem] = {}
        current: QTreeWidgetItem | None = None

        def text_order(annotation: Any) -> tuple:
            anchor = annotation.anchor
            if anchor.block_id is None:
                return (-1, 0)
            if anchor.orphaned or anchor.block_id not in order:
                return (len(order), 0)
            return (order[anchor.block_id], self.position_in_block(anchor))

        for annotation in sorted(self.annotations(draft).values(), key=text_order):
            if not self.shown(annotation):
                continue
            heading = self._heading(annotation.anchor, names, order)
            group = groups.get(heading)
            if group is None:
                group = QTreeWidgetItem([heading])       # detached: adding one by one is slow
                group.setToolTip(0, heading)
                groups[heading] = group
            row = self.add_row(group, annotation, registry)
            row.setData(0, ID_ROLE, annotation.id)
            if annotation.id == selected:
                current = row
        self.tree.addTopLevelItems(list(groups.values()))
        self.tree.expandAll()
        if current is not None:
            self.tree.setCurrentItem(current)
        self.tree.setUpdatesEnabled(True)

    def _heading(self, anchor: Anchor, names: dict[str, str], order: dict[str, int]) -> str:
        if anchor.block_id is None:
            return _("Whole text")
        if anchor.orphaned or anchor.block_id not in order:
            return self.orphan_heading
        return names.get(anchor.block_id, anchor.block_id)

    def visible_ids(self) -> list[str]:
        ids: list[str] = []
        for index in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(index)
            ids.extend(group.child(row).data(0, ID_ROLE) for row in range(group.childCount()))
        return ids

    def current_id(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, ID_ROLE) if item is not None else None

    def select(self, annotation_id: str) -> None:
        """Show the annotation's place: its span selected, or its paragraph."""
        annotation = self.annotations(self.editor.draft()).get(annotation_id)
        if annotation is not None:
            select_anchor(self.editor, annotation.anchor)

    def _on_clicked(self, item: QTreeWidgetItem) -> None:
        annotation_id = item.data(0, ID_ROLE)
        if annotation_id:
            self.select(annotation_id)

    # -- changes --------------------------------------------------------------------------------
    def apply_addition(self, operation: Operation, anchor: Anchor, label: str,
                       annotation_id: str) -> None:
        """The addition and the span's mark in the text are one undo step."""
        stack = self.editor.undo_stack
        stack.beginMacro(label)
        try:
            self.editor.apply_operation(operation, label)
            if anchor.scope == "span":
                self.marks.paint([anchor.block_id])
        finally:
            stack.endMacro()
        self.refresh()
        self.annotation_added.emit(annotation_id)

    def apply_to(self, annotation_id: str, operation: Operation, label: str) -> bool:
        """Apply an operation on one listed annotation; True when it was applied. One gone
        since it was listed (undone, or another draft shown) is refused with a sentence."""
        if annotation_id not in self.annotations(self.editor.draft()):
            self.refresh()
            self.complain(_("That item is no longer in this draft; nothing was changed."))
            return False
        try:
            self.editor.apply_operation(operation, label)
        except (KeyError, ValueError) as error:
            self.complain(_("Nothing was changed: {reason}").format(reason=error))
            return False
        self.refresh()
        return True

    def complain(self, message: str) -> None:
        """Refuse with one sentence: a message box when the pane is seen, else the status bar."""
        if self.isVisible():
            QMessageBox.information(self, self.complaint_title, message)
            return
        window = self.editor.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(message, 8000)


def bring_forward_on_addition(pane: AnnotationPane, dock: QWidget) -> None:
    """A comment entered with Ctrl+Alt+M while its dock is hidden must still be seen."""
    def show(_annotation_id: str) -> None:
        was_hidden = dock.isHidden()
        dock.show()
        dock.raise_()
        window = dock.parentWidget()
        if was_hidden and isinstance(window, QMainWindow) and not dock.isFloating():
            # Shown from hidden it would get a sliver; give it room to read a row.
            window.resizeDocks([dock], [PANEL_WIDTH], Qt.Orientation.Horizontal)

    pane.annotation_added.connect(show)

