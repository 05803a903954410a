"""The editor bridge: keeps a `Draft`'s blocks in step with a `QTextDocument`, both ways.

Design: **buffer first**. The QTextDocument is the live buffer of the text being edited. Each
QTextBlock carries its block id, kind and level in its QTextBlockFormat, and a footnote
reference is one object character whose char format holds the footnote id (see `formats`).
Qt therefore moves ids and anchors with the text and restores them on undo, with no position
bookkeeping of ours. Why not "model first": every Qt input path (typing, IME, drag, paste,
Qt's own list and undo machinery) would have to be intercepted and re-expressed as model
operations; missing one silently desynchronises the model. Here, whatever Qt does, the
result is read back.

On `contentsChange(pos, removed, added)` only the touched blocks are read back: blocks before
the change and after it are unchanged in both the document and the model, so the model slice
between them is replaced by a fresh read of the touched QTextBlocks (O(touched), never the
whole document). Ids are repaired on the way: a block without an id or with an id already used
elsewhere (Qt copies the block format on Enter or paste) gets a new one, written back into
the same Qt undo step so undo/redo keep ids stable. (Enter itself is done by
`editing.split_block`, which gives the new half its id directly; at a block's very start the
text keeps the id and the new empty block before it gets the new one.)

Model data the document does not carry (a block's clause `origin`, its printed paragraph
`number`) is kept by id, also for blocks that disappear, so undoing their removal brings it
back.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument

from app.model import ANCHOR, Block, BlockKind, Draft, TextRun, new_id
from app.model.changes import EDITOR, UNDO, Changes
from app.model.draft import ClauseOrigin
from app.model.inline import normalise

from .formats import (
    block_format,
    block_id_of,
    clean_model_text,
    footnote_id_of,
    insert_inlines,
    read_block,
    with_new_id,
)
from .reference_numbers import ReferenceNumbers

log = logging.getLogger(__name__)

#: White space around the text (pixels), so it does not touch the frame like a form field.
PAGE_MARGIN = 18.0


class DocumentBridge(QObject):
    #: The model changed because the document did (after the touched blocks were read): a
    #: `Changes` naming the blocks read back (initiator EDITOR, or UNDO during a history replay;
    #: the editor corrects it to REDO).
    blocks_changed = Signal(object)
    #: Footnote references were added, removed or moved: the previous numbers, by block id.
    footnotes_renumbered = Signal(dict)
    #: A NUMBERED block appeared, went or changed kind: paragraph numbers may differ.
    numbering_changed = Signal()

    def __init__(self, document: QTextDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.draft = Draft()
        self.blocks_read = 0                       # how many QTextBlocks were read (tests, stats)
        self._numbers = ReferenceNumbers()
        self._printed: dict[str, str] = {}             # printed paragraph numbers, by block id
        self._ids: set[str] = set()
        self._origins: dict[str, ClauseOrigin] = {}  # by id, also for blocks no longer present
        self._loading = False
        self.in_history = False                    # True while Qt replays its undo/redo
        self.joining = 0                           # > 0 while a joined edit block ends (no new step)
        #: Names the draft shown, new on every load: copied paragraphs say where they came from.
        self.generation = new_id()
        document.contentsChange.connect(self._on_contents_change)

    # -- loading --------------------------------------------------------------------------
    def load(self, draft: Draft) -> None:
        """Show a draft: the document is rebuilt once, without undo history."""
        if not draft.blocks:
            draft.blocks.append(Block(BlockKind.PARAGRAPH, []))
        self._repair_model_ids(draft)
        for block in draft.blocks:
            # The form a read-back gives: runs merged, line breaks as "\n", no stray objects.
            block.content = normalise(
                [replace(item, text=clean_model_text(item.text)) if isinstance(item, TextRun) else item
                 for item in block.content]
            )
        self.draft = draft
        self.generation = new_id()
        # The numbers first, so that the first layout shows them (laying out again each of a
        # long draft's paragraphs with a footnote cost a second on opening it).
        self._renumber(announce=False)
        self._loading = True
        document = self.document
        try:
            document.setUndoRedoEnabled(False)
            document.clear()
            document.setDocumentMargin(PAGE_MARGIN)
            cursor = QTextCursor(document)
            cursor.beginEditBlock()
            for index, block in enumerate(draft.blocks):
                fmt = block_format(block.id, block.kind, block.level)
                if index == 0:
                    cursor.setBlockFormat(fmt)
                else:
                    cursor.insertBlock(fmt)
                insert_inlines(cursor, block.content)
            cursor.endEditBlock()
        finally:
            document.setUndoRedoEnabled(True)
            self._loading = False
        self._ids = {block.id for block in draft.blocks}
        self._origins = {block.id: block.origin for block in draft.blocks if block.origin}
        self._printed = {block.id: block.number for block in draft.blocks if block.number}
        self._renumber()
        self.numbering_changed.emit()

    @staticmethod
    def _repair_model_ids(draft: Draft) -> None:
        seen: set[str] = set()
        for block in draft.blocks:
            if not block.id or block.id in seen:
                block.id = new_id()
            seen.add(block.id)

    # -- footnote numbers -------------------------------------------------------------------
    def footnote_number(self, footnote_id: str) -> int | None:
        """The number of the footnote's first reference."""
        return self._numbers.of_footnote(footnote_id)

    def reference_numbers(self, block_id: str) -> list[int]:
        """The numbers of a block's footnote references, in order."""
        return self._numbers.in_block(block_id)

    def number_at(self, document: QTextDocument, position: int, footnote_id: str) -> int | None:
        """The number of the footnote reference character at `position` of the document."""
        return self._numbers.at(document, position, footnote_id)

    def refresh_footnote_numbers(self) -> None:
        self._renumber()

    def _renumber(self, announce: bool = True) -> None:
        previous = self._numbers.renumber(self.draft)
        if previous is not None and announce:
            self.footnotes_renumbered.emit(previous)

    # -- reading the document back --------------------------------------------------------
    def _on_contents_change(self, position: int, removed: int, added: int) -> None:
        if self._loading:
            return
        document = self.document
        try:
            first = document.findBlock(position)
            if not first.isValid():
                first = document.lastBlock()
            last = document.findBlock(position + added)
            if not last.isValid():
                last = document.lastBlock()
            start = first.blockNumber()
            suffix = document.blockCount() - 1 - last.blockNumber()
            end = len(self.draft.blocks) - suffix
            if end < start:
                raise LookupError("the model no longer lines up with the document")
            self._replace_range(start, end, first, last)
        except Exception:               # noqa: BLE001 - never leave the model stale
            log.exception("editor bridge: partial read failed; reading the whole document")
            self._replace_range(0, len(self.draft.blocks), document.firstBlock(), document.lastBlock())
            return
        if len(self.draft.blocks) != document.blockCount():
            log.error("editor bridge: %d model blocks for %d in the document; reading all",
                      len(self.draft.blocks), document.blockCount())
            self._replace_range(0, len(self.draft.blocks), document.firstBlock(), document.lastBlock())

    def _replace_range(self, start: int, end: int, first: QTextBlock, last: QTextBlock) -> None:
        old = self.draft.blocks[start:end]
        old_shape = [(block.id, block.kind, block.level, block.number) for block in old]
        old_by_id = {block.id: block for block in old}
        old_refs = [ref for block in old for ref in block.footnote_ids]
        had_numbered = any(block.kind is BlockKind.NUMBERED for block in old)
        for block in old:
            self._ids.discard(block.id)
        fresh: list[Block] = []
        repairs: list[tuple[QTextBlock, str]] = []
        qt_block = first
        stop = last.blockNumber()
        while qt_block.isValid() and qt_block.blockNumber() <= stop:
            read = read_block(qt_block)
            self.blocks_read += 1
            if not read.id or read.id in self._ids:
                read.id = new_id()
                repairs.append((qt_block, read.id))
            self._ids.add(read.id)
            previous = old_by_id.get(read.id)
            if previous is not None:
                # Keep the Block object (others may hold it); update what the widget owns.
                previous.kind, previous.level, previous.content = read.kind, read.level, read.content
                read = previous
            else:
                read.origin = self._origins.get(read.id)
                read.number = self._printed.get(read.id)
            fresh.append(read)
            qt_block = qt_block.next()
        for block in old:
            if block.origin:
                self._origins[block.id] = block.origin
            # A printed number comes back with its block on undo; a cleared one does not.
            if block.number:
                self._printed[block.id] = block.number
            else:
                self._printed.pop(block.id, None)
        self.draft.blocks[start:end] = fresh
        if repairs:
            self._write_repaired_ids(repairs)
        if old_refs != [ref for block in fresh for ref in block.footnote_ids]:
            self._renumber()             # only when references came, went or changed order
        if had_numbered or any(block.kind is BlockKind.NUMBERED for block in fresh):
            self.numbering_changed.emit()
        self.blocks_changed.emit(self._read_back_changes(old_shape, fresh, old_refs))

    def _read_back_changes(self, old_shape: list[tuple], fresh: list[Block],
                           old_refs: list[str]) -> Changes:
        """What a read-back changed: the blocks read (and those they replaced); structure when
        blocks came, went or changed kind, level or number; footnotes when references did."""
        shape = [(block.id, block.kind, block.level, block.number) for block in fresh]
        blocks = {item[0] for item in old_shape} | {block.id for block in fresh}
        return Changes(
            blocks=frozenset(blocks),
            structure=shape != old_shape,
            footnotes=old_refs != [ref for block in fresh for ref in block.footnote_ids],
            initiator=UNDO if self.in_history else EDITOR,
        )

    def _write_repaired_ids(self, repairs: list[tuple[QTextBlock, str]]) -> None:
        """Store new ids in the blocks' formats, inside the Qt undo step that made them."""
        cursor = QTextCursor(self.document)
        joined = not self.in_history and self.document.availableUndoSteps() > 0
        if joined:
            cursor.joinPreviousEditBlock()
        else:
            cursor.beginEditBlock()
        for qt_block, block_id in repairs:
            cursor.setPosition(qt_block.position())
            cursor.setBlockFormat(with_new_id(qt_block.blockFormat(), block_id))
        self.end_edit_block(cursor, joined)

    def end_edit_block(self, cursor: QTextCursor, joined: bool) -> None:
        """End an edit block; one opened with joinPreviousEditBlock is part of the step it
        joined: Qt announces that step again (undoCommandAdded), the editor must not take it
        for a new one (else one Ctrl+Z would undo two Qt steps)."""
        self.joining += joined
        try:
            cursor.endEditBlock()
        finally:
            self.joining -= joined

    def references_in_document(self) -> set[str]:
        """Footnote ids referenced in the document now (C++ search for the reference character)."""
        found: set[str] = set()
        cursor = self.document.find(ANCHOR)
        while not cursor.isNull():
            footnote_id = footnote_id_of(cursor.charFormat())
            if footnote_id:
                found.add(footnote_id)
            cursor = self.document.find(ANCHOR, cursor)
        return found

    def read_all_blocks(self) -> list[Block]:
        """A fresh read of the whole document (tests and debugging only: O(document))."""
        blocks = []
        qt_block = self.document.firstBlock()
        while qt_block.isValid():
            blocks.append(read_block(qt_block))
            qt_block = qt_block.next()
        return blocks

    # -- finding blocks -------------------------------------------------------------------
    def qt_block(self, block_id: str) -> QTextBlock | None:
        """The QTextBlock of a model block (the model and document line up by index)."""
        try:
            index = self.draft.block_index(block_id)
        except KeyError:
            return None
        found = self.document.findBlockByNumber(index)
        return found if found.isValid() and block_id_of(found) == block_id else None

    # -- writing model blocks into the document ------------------------------------------
    def write_blocks(self, target: list[Block]) -> None:
        """Make the document show `target` (a changed copy of the model's blocks) in ONE undo step.

        Only the differing middle is rewritten; the model follows through contentsChange.
        """
        current = self.draft.blocks
        prefix = 0
        limit = min(len(current), len(target))
        while prefix < limit and current[prefix] == target[prefix]:
            prefix += 1
        suffix = 0
        while (
            suffix < limit - prefix
            and current[len(current) - 1 - suffix] == target[len(target) - 1 - suffix]
        ):
            suffix += 1
        old = current[prefix : len(current) - suffix]
        new = target[prefix : len(target) - suffix]
        if not old and not new:
            return
        for block in new:
            if block.origin:
                self._origins[block.id] = block.origin
            if block.number:
                self._printed[block.id] = block.number
        cursor = QTextCursor(self.document)
        # Qt's undo puts the cursor where the edit block began: make that the changed place.
        cursor.setPosition(self._change_position(prefix, bool(old)))
        cursor.beginEditBlock()
        if [b.id for b in old] == [b.id for b in new]:
            for index, (before, after) in enumerate(zip(old, new, strict=True)):
                self._rewrite_block(cursor, self.document.findBlockByNumber(prefix + index), before, after)
        else:
            self._replace_blocks(cursor, prefix, len(old), new)
        cursor.endEditBlock()

    def _change_position(self, index: int, replacing: bool) -> int:
        """Where a rewrite of blocks from `index` begins: their start, or the end of the one before."""
        if replacing or index == 0:
            found = self.document.findBlockByNumber(index)
            return found.position() if found.isValid() else 0
        previous = self.document.findBlockByNumber(index - 1)
        return previous.position() + previous.length() - 1

    def _rewrite_block(self, cursor: QTextCursor, qt_block: QTextBlock, before: Block, after: Block) -> None:
        if before.content != after.content:
            cursor.setPosition(qt_block.position())
            cursor.setPosition(qt_block.position() + qt_block.length() - 1, QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
            insert_inlines(cursor, after.content)
        if (before.kind, before.level) != (after.kind, after.level):
            cursor.setPosition(qt_block.position())
            cursor.setBlockFormat(block_format(after.id, after.kind, after.level))

    def _replace_blocks(self, cursor: QTextCursor, index: int, count: int, new: list[Block]) -> None:
        document = self.document
        if count:
            first = document.findBlockByNumber(index)
            last = document.findBlockByNumber(index + count - 1)
            cursor.setPosition(first.position())
            cursor.setPosition(last.position() + last.length() - 1, QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()      # leaves one empty block at `index`
            if not new:
                self._drop_empty_block(cursor, index)
                return
            self._fill(cursor, new[0])
        elif index > 0:
            previous = document.findBlockByNumber(index - 1)
            cursor.setPosition(previous.position() + previous.length() - 1)
            cursor.insertBlock(block_format(new[0].id, new[0].kind, new[0].level))
            self._fill(cursor, new[0])
        else:
            cursor.setPosition(0)
            cursor.insertBlock(document.firstBlock().blockFormat())
            cursor.setPosition(0)
            self._fill(cursor, new[0])
        for block in new[1:]:
            cursor.insertBlock(block_format(block.id, block.kind, block.level))
            self._fill(cursor, block)

    def _fill(self, cursor: QTextCursor, block: Block) -> None:
        cursor.setBlockFormat(block_format(block.id, block.kind, block.level))
        insert_inlines(cursor, block.content)

    def _drop_empty_block(self, cursor: QTextCursor, index: int) -> None:
        document = self.document
        empty = document.findBlockByNumber(index)
        if index > 0:
            cursor.setPosition(empty.position() - 1)
            cursor.setPosition(empty.position(), QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
        elif empty.next().isValid():
            following = empty.next().blockFormat()
            cursor.setPosition(empty.position())
            cursor.setPosition(empty.next().position(), QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
            cursor.setBlockFormat(following)

    def apply_to_copy(self, apply: Callable[[Draft], object]) -> list[Block]:
        """Run a block operation on a copy of the blocks and return the result (model untouched)."""
        scratch = copy.copy(self.draft)
        scratch.blocks = [copy.copy(block) for block in self.draft.blocks]
        apply(scratch)
        return scratch.blocks
