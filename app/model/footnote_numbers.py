"""The one rule for footnote numbers: the model, the editor, `show`, the DOCX writer and the
comparison all number footnotes with `number_notes`.

The rule (Word's practice, and the Council's: Word has no shared footnotes):
- every footnote *reference* is its own note mark, numbered 1…n in reading order; a footnote
  referenced twice takes two numbers, and its text stands under each;
- reservation footnotes (outstanding reservations sharing a place, app.model.reservation_text)
  are note marks in the same sequence, at their places: the end of the reserved span, of the
  paragraph, or of the title for the whole text. A drafting footnote after such a place is
  numbered after it, in the editor as in the export. Where a reservation footnote and a
  reference share an offset, the reference comes first.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .draft import Draft
from .inline import FootnoteRef, Inline, content_length
from .reservation_text import footnote_insertions, insert_into


@dataclass(frozen=True)
class NoteMark:
    """One footnote mark as printed."""

    number: int
    block_id: str
    footnote_id: str          # the draft's footnote, or the generated id of a reservation one
    text: str
    reservation: bool = False


@dataclass
class NumberedNotes:
    """The marks of a text in reading order, and the blocks' content with reservation marks."""

    marks: list[NoteMark] = field(default_factory=list)
    #: block id -> content with the reservation references in place (only blocks that have one).
    contents: dict[str, list[Inline]] = field(default_factory=dict)
    #: ids of the generated reservation footnotes -> their text.
    generated: dict[str, str] = field(default_factory=dict)

    def numbers_of(self, footnote_id: str) -> list[int]:
        """The numbers a footnote prints with, one per reference."""
        return [mark.number for mark in self.marks if mark.footnote_id == footnote_id]

    def in_block(self, block_id: str) -> list[NoteMark]:
        return [mark for mark in self.marks if mark.block_id == block_id]

    def references(self) -> dict[str, list[int]]:
        """Per drafting footnote id, its numbers in reading order (reservation marks left out)."""
        numbers: dict[str, list[int]] = {}
        for mark in self.marks:
            if not mark.reservation:
                numbers.setdefault(mark.footnote_id, []).append(mark.number)
        return numbers


def number_notes(draft: Draft, language: str | None = None,
                 contents: dict[str, list[Inline]] | None = None,
                 texts: dict[str, str] | None = None,
                 reservations: bool = True) -> NumberedNotes:
    """Number the footnote marks of `draft` (see the module doc).

    `contents` (block id -> inlines) is the text being numbered when it is not the draft's own
    (a language version); reservation footnotes then go at the end of their paragraph, as the
    export puts them. `texts` gives footnote texts in that language. `reservations=False`
    numbers drafting footnotes only (a text with its reservations already inserted).
    """
    language = language or draft.language
    own = contents is None
    blocks = {block.id: block.content for block in draft.blocks} if own else contents
    texts = texts if texts is not None else {fid: note.text for fid, note in draft.footnotes.items()}
    result = NumberedNotes()
    if reservations and draft.reservations:
        lengths = None if own else {bid: content_length(value) for bid, value in blocks.items()}
        insertions, generated = footnote_insertions(draft, language, None, lengths)
        result.generated = {fid: note.text for fid, note in generated.items()}
        for block_id, items in insertions.items():
            if block_id in blocks:
                result.contents[block_id] = insert_into(blocks[block_id], items)
    number = 0
    for block in draft.blocks:
        content = result.contents.get(block.id, blocks.get(block.id, []))
        for item in content:
            if not isinstance(item, FootnoteRef):
                continue
            number += 1
            fid = item.footnote_id
            if fid in result.generated:
                result.marks.append(NoteMark(number, block.id, fid, result.generated[fid], True))
            else:
                result.marks.append(NoteMark(number, block.id, fid, texts.get(fid, "")))
    return result
