"""Comment and reservation spans in the editor: char-format marks that Qt moves with the text.

The editor is buffer first: typing, pasting, Enter, Backspace, undo and redo change the
QTextDocument and the bridge reads the touched blocks back into the model by id, without
model operations. So a span anchor cannot be mapped by the operations there. Instead each
character of a span carries the annotation's id in the `COMMENT_IDS` char-format property
(a list of ids); Qt moves it with the text and restores it on undo. After the bridge has read
a change (this object connects to `contentsChange` after it), the anchors of the touched
blocks are re-derived from the marks with `app.model.annotations.rederive_block_anchors`:
an annotation whose characters are all gone is orphaned, and revives when undo brings them
back.

Operations applied through `DraftEditor.apply_operation` rewrite a block's text with fresh
formats; there the operation itself has already mapped the anchors (app.model.ops), so the
marks are painted back from the model, inside the same Qt undo step.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QTextBlock, QTextCharFormat, QTextCursor

from app.model import Draft
from app.model.annotations import (
    anchored as annotations,  # comments, reservations and square brackets: all are marked
)
from app.model.annotations import (
    find_anchored as find_annotation,
)
from app.model.annotations import (
    rederive_block_anchors,
    restore,
)
from app.model.changes import EDITOR, Changes

from .editor.formats import COMMENT_IDS, block_id_of, fragments


def _differs(draft: Draft, derived: dict) -> bool:
    """Whether re-derived anchors differ from the ones the draft holds."""
    for key, anchor in derived.items():
        item = find_annotation(draft, key)
        if item is None or item.anchor.to_json() != anchor:
            return True
    return False


def read_spans(block: QTextBlock) -> list[tuple[str, int, int]]:
    """(annotation id, start, end) of every run of marked characters in a block."""
    spans: list[tuple[str, int, int]] = []
    base = block.position()
    for fragment in fragments(block):
        ids = fragment.charFormat().property(COMMENT_IDS)
        if not ids:
            continue
        start = fragment.position() - base
        end = start + fragment.length()
        for key in ids if isinstance(ids, (list, tuple)) else [ids]:
            spans.append((str(key), start, end))
    return spans


def _segments(spans: list[tuple[str, int, int]]) -> list[tuple[int, int, list[str]]]:
    """Cut overlapping spans into pieces, each with the ids that cover it."""
    cuts = sorted({point for _, start, end in spans for point in (start, end)})
    pieces = []
    for low, high in pairwise(cuts):
        ids = [key for key, start, end in spans if start <= low and high <= end]
        if ids:
            pieces.append((low, high, ids))
    return pieces


class AnnotationMarks(QObject):
    """Keeps the model's span anchors and the editor's marks in step (see the module doc)."""

    #: Anchors were re-derived or painted: panes listing annotations may refresh.
    anchors_changed = Signal()

    def __init__(self, editor, parent: QObject | None = None) -> None:
        super().__init__(parent or editor)
        self.editor = editor
        self.document = editor.text_edit.document()
        self._draft: Draft | None = None
        self._busy = False
        self._pending_paint = False        # a new draft is loading: its marks come after
        self._block_count = self.document.blockCount()
        self.document.contentsChange.connect(self._on_change)
        changed = getattr(editor, "changed", None)
        if changed is not None:
            # "Everything, a draft shown": its marks are painted at once, before anyone can
            # edit or search it (not one turn of the event loop later).
            changed.connect(self._on_notice)
        self.paint_all()

    @classmethod
    def for_editor(cls, editor) -> AnnotationMarks:
        """The editor's marks keeper, created once (both panes share it)."""
        existing = editor.findChild(cls)
        return existing if existing is not None else cls(editor)

    # -- painting -----------------------------------------------------------------------------
    def paint_all(self) -> None:
        """Mark every live span of a freshly shown draft, outside the undo history."""
        draft = self.editor.draft()
        self._draft = draft
        self._pending_paint = False
        self._block_count = self.document.blockCount()
        if not any(item.anchor.scope == "span" for item in annotations(draft)):
            return
        steps = self.document.availableUndoSteps()
        undo = self.document.isUndoRedoEnabled()
        if steps == 0:
            self.document.setUndoRedoEnabled(False)   # painting is not an edit of the user's
        try:
            self._paint_blocks([block.id for block in draft.blocks], join=False)
        finally:
            self.document.setUndoRedoEnabled(undo)

    def _on_notice(self, changes: Changes) -> None:
        if changes.everything and self._pending_paint:
            self.paint_all()

    def _paint_if_pending(self) -> None:
        if self._pending_paint:
            self.paint_all()

    def paint(self, block_ids: list[str], join: bool = False) -> None:
        """Mark the live spans of some blocks (after adding an annotation, say)."""
        self._paint_blocks(block_ids, join)

    def _paint_blocks(self, block_ids: list[str], join: bool) -> None:
        draft = self.editor.draft()
        wanted_ids = set(block_ids)
        spans: dict[str, list[tuple[str, int, int]]] = {}
        for item in annotations(draft):       # one pass, not one per block
            anchor = item.anchor
            if anchor.scope == "span" and not anchor.orphaned and anchor.block_id in wanted_ids:
                spans.setdefault(anchor.block_id, []).append((item.id, anchor.start, anchor.end))
        if len(block_ids) > 50:               # many blocks: walk the document once
            found = []
            qt_block = self.document.firstBlock()
            while qt_block.isValid():
                if block_id_of(qt_block) in wanted_ids:
                    found.append(qt_block)
                qt_block = qt_block.next()
        else:
            found = [b for b in (self.editor.bridge.qt_block(key) for key in block_ids) if b is not None]
        cursor = QTextCursor(self.document)
        joined = join and self.document.availableUndoSteps() > 0
        if joined:
            cursor.joinPreviousEditBlock()
        else:
            cursor.beginEditBlock()
        self._busy = True
        try:
            for qt_block in found:
                wanted = spans.get(block_id_of(qt_block) or "", [])
                if not wanted and not read_spans(qt_block):
                    continue
                base = qt_block.position()
                length = qt_block.length() - 1
                if length and read_spans(qt_block):      # (a freshly shown draft has none)
                    clear = QTextCharFormat()
                    clear.setProperty(COMMENT_IDS, [])
                    cursor.setPosition(base)
                    cursor.setPosition(base + length, QTextCursor.MoveMode.KeepAnchor)
                    cursor.mergeCharFormat(clear)
                for start, end, ids in _segments(wanted):
                    start, end = max(0, min(start, length)), max(0, min(end, length))
                    if start >= end:
                        continue
                    fmt = QTextCharFormat()
                    fmt.setProperty(COMMENT_IDS, ids)
                    cursor.setPosition(base + start)
                    cursor.setPosition(base + end, QTextCursor.MoveMode.KeepAnchor)
                    cursor.mergeCharFormat(fmt)
        finally:
            self.editor.bridge.end_edit_block(cursor, joined)
            self._busy = False

    # -- following the text -------------------------------------------------------------------
    def _on_change(self, position: int, removed: int, added: int) -> None:
        if self._busy or self._pending_paint:
            return
        draft = self.editor.draft()
        if draft is not self._draft:
            # A new draft is being loaded (the document has none of its marks yet): leave its
            # anchors alone and paint them once loading has finished.
            self._draft = draft
            self._pending_paint = True
            QTimer.singleShot(0, self._paint_if_pending)   # unless the notice came first
            return
        first = self.document.findBlock(position)
        last = self.document.findBlock(position + added)
        if not first.isValid():
            first = self.document.lastBlock()
        if not last.isValid():
            last = self.document.lastBlock()
        touched: list[str] = []
        moved = False
        block = first
        while block.isValid() and block.blockNumber() <= last.blockNumber():
            block_id = block_id_of(block)
            if block_id:
                touched.append(block_id)
            block = block.next()
        if self._rewritten_by_operation():
            self._paint_blocks(touched, join=True)
        else:
            if removed == 0 and added > 0 and not self.editor.bridge.in_history:
                self._keep_edges_outside(position, added)
            block = first
            while block.isValid() and block.blockNumber() <= last.blockNumber():
                block_id = block_id_of(block)
                if block_id:
                    derived = rederive_block_anchors(draft, block_id, read_spans(block))
                    moved = moved or _differs(draft, derived)
                    restore(draft, derived)
                block = block.next()
        if self.document.blockCount() != self._block_count or removed > added:
            self._block_count = self.document.blockCount()
            moved = self._follow_blocks(draft) or moved
        self.anchors_changed.emit()
        if moved:
            # the editor's change notice: annotations moved with (or lost) their words
            initiator = getattr(self.editor, "_history", None) or EDITOR
            self.editor.report(Changes(blocks=frozenset(touched), annotations=True,
                                       initiator=initiator))

    def _ids_at(self, position: int) -> list[str]:
        cursor = QTextCursor(self.document)
        cursor.setPosition(position)
        cursor.setPosition(position + 1, QTextCursor.MoveMode.KeepAnchor)
        if "\u2029" in cursor.selectedText():        # a paragraph break has no marks of ours
            return []
        ids = cursor.charFormat().property(COMMENT_IDS)
        return list(ids) if isinstance(ids, (list, tuple)) else []

    def _keep_edges_outside(self, position: int, added: int) -> None:
        """Text typed at a span's edge takes the neighbour's marks in Qt; as in the model
        (app.model.annotations), only text typed strictly inside a span joins it."""
        inserted = self._ids_at(position)
        if not inserted:
            return
        before = self._ids_at(position - 1) if position > 0 else []
        after = self._ids_at(position + added)
        keep = [key for key in inserted if key in before and key in after]
        if keep == inserted:
            return
        fmt = QTextCharFormat()
        fmt.setProperty(COMMENT_IDS, keep)
        cursor = QTextCursor(self.document)
        cursor.joinPreviousEditBlock()
        self._busy = True
        try:
            cursor.setPosition(position)
            cursor.setPosition(position + added, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(fmt)
        finally:
            self.editor.bridge.end_edit_block(cursor, True)
            self._busy = False

    def _rewritten_by_operation(self) -> bool:
        # DraftEditor labels the Qt step while it writes an operation's blocks; during undo
        # and redo Qt restores the marks itself.
        return (getattr(self.editor, "_step_label", None) is not None
                and not self.editor.bridge.in_history)

    def _follow_blocks(self, draft: Draft) -> bool:
        """Orphan annotations of blocks that are gone; revive whole-block ones that are back.
        True when one of them changed."""
        present = {block.id for block in draft.blocks}
        changed = False
        for item in annotations(draft):
            anchor = item.anchor
            if anchor.block_id is None:
                continue
            if anchor.block_id not in present and not anchor.orphaned:
                anchor.orphaned = changed = True
            elif anchor.scope == "block" and anchor.orphaned and anchor.block_id in present:
                anchor.orphaned = False
                changed = True
        return changed
