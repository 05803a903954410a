"""The printed numbers of the editor's footnote references (app.model.footnote_numbers: one
number per reference, reservation footnotes counted where the export puts them)."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument

from app.model import Draft
from app.model.footnote_numbers import number_notes

from .formats import block_id_of, is_footnote_format


class ReferenceNumbers:
    def __init__(self) -> None:
        self._first: dict[str, int] = {}              # footnote id -> its first number
        self._by_block: dict[str, list[int]] = {}     # block id -> its references' numbers

    def renumber(self, draft: Draft) -> dict[str, list[int]] | None:
        """Number the draft's references afresh; the previous numbers by block when any
        changed, else None."""
        notes = number_notes(draft)
        by_block: dict[str, list[int]] = {}
        for mark in notes.marks:
            if not mark.reservation:
                by_block.setdefault(mark.block_id, []).append(mark.number)
        if by_block == self._by_block:
            return None
        previous = self._by_block
        self._by_block = by_block
        self._first = {fid: numbers[0] for fid, numbers in notes.references().items()}
        return previous

    def of_footnote(self, footnote_id: str) -> int | None:
        """The number of the footnote's first reference."""
        return self._first.get(footnote_id)

    def in_block(self, block_id: str) -> list[int]:
        """The numbers of a block's footnote references, in order."""
        return self._by_block.get(block_id, [])

    def at(self, document: QTextDocument, position: int, footnote_id: str) -> int | None:
        """The number of the footnote reference character at `position` of the document."""
        qt_block = document.findBlock(position)
        numbers = self._by_block.get(block_id_of(qt_block) or "", [])
        before = 0                        # footnote references before it in its block
        fragments = qt_block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.position() >= position:
                break
            if is_footnote_format(fragment.charFormat()):
                before += min(fragment.length(), position - fragment.position())
            fragments += 1
        if before < len(numbers):
            return numbers[before]
        return self._first.get(footnote_id)
