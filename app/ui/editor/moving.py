"""Moving whole paragraphs, keeping their ids: Move Paragraph Up/Down, and cut and paste.

Move Up/Down (Alt+Shift+Up/Down) is one `MoveBlock` operation written into the document as
ONE Qt step (`DraftEditor.apply_operation`), so one Ctrl+Z takes it back; the cursor and
selection stay on the moved text.

Cut and paste of whole paragraphs (selected up to the start of the next one, i.e. with their
paragraph mark) is a move too when pasted at the start of a paragraph of the same draft: each
pasted paragraph takes back its id if no paragraph of the document has it any longer (it was
cut). A copy pasted while the original is still there gets a new id, as does text from
another draft or program.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QTextCharFormat, QTextCursor

from app.i18n import _
from app.model import Block, new_id
from app.model.move_ops import MoveBlock, move_by, move_to

from .clipboard import Pasted
from .formats import COMMENT_IDS, block_format, block_id_of, insert_inlines

if TYPE_CHECKING:
    from .widget import DraftEditor


def selected_range(editor: DraftEditor) -> tuple[int, int]:
    """(first block number, count) of the paragraphs under the cursor or selection. A
    selection ending at the very start of a paragraph does not take that paragraph."""
    cursor = editor.text_edit.textCursor()
    document = editor.text_edit.document()
    first = document.findBlock(cursor.selectionStart())
    last = document.findBlock(cursor.selectionEnd())
    if (cursor.hasSelection() and last.blockNumber() > first.blockNumber()
            and cursor.selectionEnd() == last.position()):
        last = last.previous()
    return first.blockNumber(), last.blockNumber() - first.blockNumber() + 1


def move_paragraphs(editor: DraftEditor, delta: int) -> bool:
    """Move the paragraphs under the cursor up (-1) or down (+1); False at the edge."""
    if editor.read_only:
        return False
    first, count = selected_range(editor)
    return apply_move(editor, move_by(editor.draft(), first, count, delta))


def move_paragraphs_to(editor: DraftEditor, first: int, count: int, before: int) -> bool:
    """Move paragraphs [first, first + count) before the one now at `before` (a drop)."""
    if editor.read_only:
        return False
    return apply_move(editor, move_to(editor.draft(), first, count, before))


def apply_move(editor: DraftEditor, op: MoveBlock | None) -> bool:
    if op is None:
        return False
    text_edit = editor.text_edit
    document = text_edit.document()
    start = editor.draft().block_index(op.block_id)
    base = document.findBlockByNumber(start).position()
    cursor = text_edit.textCursor()
    anchor, position = cursor.anchor() - base, cursor.position() - base
    editor.apply_operation(op, _("Move Paragraph"))
    moved = document.findBlockByNumber(op.index)
    end = document.findBlockByNumber(op.index + op.count - 1)
    limit = end.position() + end.length() - 1
    cursor = QTextCursor(document)
    cursor.setPosition(min(moved.position() + max(anchor, 0), limit))
    cursor.setPosition(min(moved.position() + max(position, 0), limit),
                       QTextCursor.MoveMode.KeepAnchor)
    text_edit.setTextCursor(cursor)
    text_edit.ensureCursorVisible()
    # Same paragraph, another place: the status bar's "¶ 9 of 24" and the outline follow.
    editor.current_block_changed.emit(op.block_id)
    return True


# -- cut and paste of whole paragraphs ---------------------------------------------------------
def is_paragraph_paste(editor: DraftEditor, pasted: Pasted, cursor: QTextCursor) -> bool:
    """Whole paragraphs (each with its mark: the last one is the empty rest after the last
    mark) pasted at the start of a paragraph, with nothing selected."""
    whole = pasted.whole
    if len(whole) < 2 or len(whole) != len(pasted.blocks) or cursor.hasSelection():
        return False
    if not all(whole[:-1]) or whole[-1] or pasted.blocks[-1].content:
        return False
    return cursor.atBlockStart()


def kept_ids(editor: DraftEditor, pasted: Pasted) -> list[str]:
    """The id each pasted paragraph gets: its own when it came from this draft and no
    paragraph has it now (it was cut), else a new one."""
    same_draft = bool(pasted.source) and pasted.source == editor.bridge.generation
    present: set[str] = set()
    if same_draft:
        qt_block = editor.text_edit.document().firstBlock()
        while qt_block.isValid():
            present.add(block_id_of(qt_block) or "")
            qt_block = qt_block.next()
    ids: list[str] = []
    for original in pasted.ids[:-1]:  # the last is the empty rest after the last mark
        keep = same_draft and original and original not in present and original not in ids
        ids.append(original if keep else new_id())
    return ids


def paste_paragraphs(editor: DraftEditor, blocks: list[Block], ids: list[str],
                     cursor: QTextCursor, spans: list[list[tuple[str, int, int]]] | None = None,
                     ) -> None:
    """Insert `blocks` (whole paragraphs) before the cursor's paragraph, with `ids`, as ONE
    Qt step; the cursor ends where it was, at the start of that paragraph. A paragraph that
    keeps its id gets back its commented stretches (`spans`), so its comments and
    reservations go with it (app.ui.annotation_marks reads them back)."""
    text_edit = editor.text_edit
    document = text_edit.document()
    target = cursor.block().blockNumber()
    cursor = QTextCursor(cursor)
    with editor.labelled_edit(_("Paste")):
        cursor.beginEditBlock()
        for offset, (block, block_id) in enumerate(zip(blocks, ids, strict=True)):
            here = document.findBlockByNumber(target + offset)
            cursor.setPosition(here.position())
            cursor.insertBlock(here.blockFormat(), here.charFormat())
            empty = QTextCursor(document.findBlockByNumber(target + offset))
            empty.setBlockFormat(block_format(block_id, block.kind, block.level))
            insert_inlines(empty, block.content)
        cursor.endEditBlock()
        marked = [(target + offset, own) for offset, own in enumerate(spans or [])
                  if offset < len(blocks) and own]
        if marked:
            # In the same undo step, after the insertion (marks on freshly inserted text at a
            # span's edge would be taken for typing and dropped).
            cursor.joinPreviousEditBlock()
            for number, own in marked:
                base = document.findBlockByNumber(number).position()
                for start, end, keys in _segments(own):
                    fmt = QTextCharFormat()
                    fmt.setProperty(COMMENT_IDS, keys)
                    cursor.setPosition(base + start)
                    cursor.setPosition(base + end, QTextCursor.MoveMode.KeepAnchor)
                    cursor.mergeCharFormat(fmt)
            editor.bridge.end_edit_block(cursor, True)
    after = QTextCursor(document.findBlockByNumber(target + len(blocks)))
    text_edit.setTextCursor(after)
    text_edit.ensureCursorVisible()
    editor.qt_barrier()


def _segments(spans: list[tuple[str, int, int]]) -> list[tuple[int, int, list[str]]]:
    """Overlapping spans cut into pieces, each with the ids covering it."""
    cuts = sorted({point for _key, start, end in spans for point in (start, end)})
    pieces = []
    for low, high in zip(cuts, cuts[1:], strict=False):
        keys = [key for key, start, end in spans if start <= low and high <= end]
        if keys:
            pieces.append((low, high, keys))
    return pieces
