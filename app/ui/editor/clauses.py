"""Clauses from the library in the editor: inserting them where a drafter expects, and showing them.

Where a clause goes, given the cursor (or a drop position):
- in an empty paragraph: it takes that paragraph's place (the drafter made room for it);
- at the very start of a paragraph: before it;
- anywhere else in a paragraph: after it (a clause is a whole paragraph; it never splits one).

Each insertion is ONE undo step (the block, with its `origin`, and its paired wording in the
draft's other language version). Afterwards the cursor stands at the end of the new block,
so a second clause chosen at once goes after the first.

The editor does not know the library: a dropped clause id is turned into an insertion by
`DraftEditor.resolve_clause` (set by the window's library panel); without it, or when the
library no longer has the clause, the drop is pasted as plain text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QMimeData, QPoint
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QToolTip

from app.i18n import _
from app.model import Block, Draft, Operation
from app.model.ops import Batch, RemoveBlock

from . import clipboard
from .agreed import difference_html
from .formats import block_id_of

if TYPE_CHECKING:
    from .widget import DraftEditor


class Insertion(Protocol):
    """What the library hands over (`app.library.ClauseInsertion`)."""

    block: Block

    def operation(self, index: int, draft: Draft | None = None) -> Operation: ...


def insertion_place(editor: DraftEditor, cursor: QTextCursor) -> tuple[int, str | None]:
    """(index for the new block, id of an empty paragraph it replaces or None)."""
    qt_block = cursor.block()
    index = qt_block.blockNumber()
    model = editor.decorations.model_block(qt_block)
    if qt_block.length() == 1 and model is not None and model.origin is None and not model.content:
        return index, model.id
    if cursor.atBlockStart() and qt_block.length() > 1:
        return index, None
    return index + 1, None


def insert_clauses(editor: DraftEditor, insertions: list[Insertion], cursor: QTextCursor | None = None) -> None:
    """Insert clauses in order at the cursor: one undo step, origins and pairs kept."""
    if editor.read_only or not insertions:
        return
    cursor = QTextCursor(cursor) if cursor is not None else editor.text_edit.textCursor()
    cursor.setPosition(cursor.selectionStart())      # a selection is not replaced by a clause
    index, replaced = insertion_place(editor, cursor)
    label = _("Insert agreed language")
    editor.undo_stack.beginMacro(label)
    try:
        for number, insertion in enumerate(insertions):
            draft = editor.draft()
            operation = insertion.operation(index + number, draft)
            if replaced is not None and number == 0:
                operation = Batch([operation, RemoveBlock(replaced)])
            editor.apply_operation(operation, label)
    finally:
        editor.undo_stack.endMacro()
    editor.qt_barrier()
    last = editor.bridge.qt_block(insertions[-1].block.id)
    if last is not None:
        end = QTextCursor(last)
        end.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        editor.text_edit.setTextCursor(end)
        editor.text_edit.ensureCursorVisible()


def drop_clauses(editor: DraftEditor, clause_ids: list[str], source: QMimeData) -> None:
    """A hit dragged from the Library dock was dropped at the text cursor."""
    resolve = editor.resolve_clause
    insertions = [found for found in (resolve(cid) for cid in clause_ids) if found is not None] if resolve else []
    if insertions:
        insert_clauses(editor, insertions)
        return
    plain = QMimeData()                        # no library: the wording alone, as a paste
    plain.setText(source.text())
    pasted = clipboard.read_mime(plain)
    if pasted.blocks:
        editor.paste(pasted)


def tooltip_at(editor: DraftEditor, point: QPoint) -> str:
    """The agreed-language difference when the pointer is on a block's margin marker."""
    edit = editor.text_edit
    layout = edit.document().documentLayout()
    qt_block = edit.cursorForPosition(point).block()
    if not qt_block.isValid():
        return ""
    rect = layout.blockBoundingRect(qt_block).translated(
        -edit.horizontalScrollBar().value(), -edit.verticalScrollBar().value())
    if not rect.top() <= point.y() <= rect.bottom() or point.x() > rect.left() + 2:
        return ""                               # over the text, not the margin
    return difference_html(editor.decorations.model_block(qt_block))


def show_difference(editor: DraftEditor) -> str:
    """View ▸ Show Agreed Language Difference: the paragraph at the cursor, as a tooltip."""
    edit = editor.text_edit
    block = editor.current_block()
    text = difference_html(block) or _("This paragraph was not inserted from the clause library.")
    where = edit.viewport().mapToGlobal(edit.cursorRect().bottomLeft())
    QToolTip.showText(where, text, edit.viewport())
    return text


def current_block(editor: DraftEditor) -> Block | None:
    """The model block at the cursor, found by index (no scan of the draft)."""
    qt_block = editor.text_edit.textCursor().block()
    blocks = editor.bridge.draft.blocks
    number = qt_block.blockNumber()
    if 0 <= number < len(blocks) and blocks[number].id == block_id_of(qt_block):
        return blocks[number]
    return None
