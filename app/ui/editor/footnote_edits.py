"""The editor's footnotes: which reference the cursor is at, the footnote pane showing its
text, an edit of that text as one undo step, and Insert ▸ Footnote (reference and footnote in
one step). Functions of the `DraftEditor` (widget), which keeps the methods of the same names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.i18n import _
from app.model import ANCHOR, FootnoteRef, new_id
from app.model.changes import Changes
from app.model.ops import AddFootnote

from .formats import footnote_format, run_format, run_from_format
from .undo import FootnoteTextStep

if TYPE_CHECKING:
    from .widget import DraftEditor


def footnote_at_cursor(editor: DraftEditor) -> str | None:
    """The reference at or just before the cursor in its block, else the first after it."""
    cursor = editor.text_edit.textCursor()
    block = cursor.block()
    offset = cursor.positionInBlock()
    blocks = editor.bridge.draft.blocks
    before: str | None = None
    after: str | None = None
    position = 0
    for item in blocks[block.blockNumber()].content if block.blockNumber() < len(blocks) else []:
        length = 1 if isinstance(item, FootnoteRef) else len(item.text)
        if isinstance(item, FootnoteRef):
            if position <= offset:
                before = item.footnote_id
            elif after is None:
                after = item.footnote_id
        position += length
    return before or after


def refresh_pane(editor: DraftEditor) -> None:
    """Show the footnote at the cursor in the footnote pane (or none)."""
    footnote_id = footnote_at_cursor(editor)
    footnote = editor.bridge.draft.footnotes.get(footnote_id) if footnote_id else None
    if footnote is None:
        editor.footnote_pane.show_footnote(None, None, "")
    else:
        editor.footnote_pane.show_footnote(footnote_id, editor.bridge.footnote_number(footnote_id),
                                           footnote.text)


def footnote_text(editor: DraftEditor, footnote_id: str) -> str | None:
    footnote = editor.bridge.draft.footnotes.get(footnote_id)
    return footnote.text if footnote is not None else None


def edit_footnote_text(editor: DraftEditor, footnote_id: str, text: str) -> None:
    """The pane's text typed into the footnote: one undo step (none if nothing changed)."""
    footnote = editor.bridge.draft.footnotes.get(footnote_id)
    if footnote is None or footnote.text == text or editor.read_only:
        return

    def stepped(_footnote_id: str, initiator: str) -> None:
        editor.qt_barrier()
        refresh_pane(editor)
        editor.modified.emit()
        editor.report(Changes(footnotes=True, initiator=initiator))

    editor.undo_stack.push(
        FootnoteTextStep(editor.bridge.draft, footnote_id, text, _("Edit footnote"), stepped))


def insert_footnote(editor: DraftEditor) -> None:
    """Insert a reference at the cursor and create its footnote: ONE undo step."""
    if editor.read_only:
        return
    footnote_id = new_id()
    cursor = editor.text_edit.textCursor()
    cursor.setPosition(cursor.selectionEnd())
    editor.undo_stack.beginMacro(_("Insert footnote"))
    try:
        editor.push_model_step(AddFootnote(footnote_id, ""))
        following = run_from_format("", cursor.charFormat())
        cursor.beginEditBlock()
        cursor.insertText(ANCHOR, footnote_format(footnote_id))
        cursor.endEditBlock()
        cursor.setCharFormat(run_format(following))
    finally:
        editor.undo_stack.endMacro()
    editor.qt_barrier()
    editor.text_edit.setTextCursor(cursor)
    refresh_pane(editor)
    editor.footnote_inserted.emit(footnote_id)
    editor.footnote_pane.editor.setFocus()
