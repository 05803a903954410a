"""Compare two drafts: align paragraphs, find moves, diff words inside changed paragraphs,
and list footnote, cover and other item changes."""

from __future__ import annotations

from app.i18n import _
from app.model import Block, Draft
from app.model.footnote_numbers import NumberedNotes, number_notes
from app.model.numbering import paragraph_labels
from app.progress import Progress

from .align import align_blocks
from .items import compare_items
from .moves import in_place, reading_order
from .redline import Comparison, FieldChange, FootnoteChange, Piece, Row, RowKind
from .sentences import find_sentence_moves
from .words import (
    DELETE,
    EQUAL,
    INSERT,
    coarse_tokens,
    diff_tokens,
    inline_diff,
    inline_tokens,
    tokenize,
)


def compare_drafts(
    old: Draft, new: Draft, old_name: str = "", new_name: str = "",
    progress: Progress | None = None, use_ids: bool = True,
) -> Comparison:
    progress = progress or Progress()
    pairs = align_blocks(old.blocks, new.blocks, use_ids=use_ids)
    kept = in_place(pairs, [len(old.blocks[i].text) + 1 for i, _ in pairs])
    new_of_old = dict(pairs)
    old_of_new = {j: i for i, j in pairs}
    old_labels = paragraph_labels(old.blocks)
    new_labels = paragraph_labels(new.blocks)

    rows: list[Row] = []
    order = reading_order(len(old.blocks), len(new.blocks), pairs, kept)
    for count, (i, j) in enumerate(order):
        if count % 200 == 0:
            progress.step(count, len(order), _("Comparing"))
        if i is not None and j is not None:
            rows.append(_pair_row(old.blocks[i], new.blocks[j], old_labels[i], new_labels[j]))
        elif j is not None:
            source = old_of_new.get(j)
            if source is None:
                block = new.blocks[j]
                rows.append(Row(RowKind.INSERTED, new=block, new_label=new_labels[j],
                                pieces=[Piece(INSERT, coarse_tokens(block.content))]))
            else:
                row = _pair_row(old.blocks[source], new.blocks[j], old_labels[source],
                                new_labels[j])
                row.words_changed = row.kind == RowKind.CHANGED
                row.kind = RowKind.MOVED_HERE
                row.renumbered = False
                rows.append(row)
        elif i is not None:
            block = old.blocks[i]
            target = new_of_old.get(i)
            rows.append(Row(
                RowKind.DELETED if target is None else RowKind.MOVED_AWAY,
                old=block, old_label=old_labels[i],
                new_label="" if target is None else new_labels[target],
                pieces=[Piece(DELETE, coarse_tokens(block.content))],
            ))
    progress.step(len(order), len(order), _("Compared"))
    old_notes, new_notes = _numbered(old), _numbered(new)
    old_order, new_order = _first_numbers(old_notes), _first_numbers(new_notes)
    return Comparison(
        old_name=old_name,
        new_name=new_name,
        rows=rows,
        footnotes=compare_footnotes(old, new, old_order, new_order),
        fields=compare_fields(old, new),
        items=compare_items(old, new),
        old_footnotes={fid: note.text for fid, note in old.footnotes.items()},
        new_footnotes={fid: note.text for fid, note in new.footnotes.items()},
        footnote_marks=_footnote_marks(old_order, new_order),
        old_reference_numbers=_by_block(old_notes),
        new_reference_numbers=_by_block(new_notes),
        sentence_moves=find_sentence_moves(rows),
    )


def _numbered(draft: Draft) -> NumberedNotes:
    """The draft's footnote marks; a Word comparison's text (app.compare.texts) already has
    its reservation footnotes in, as drafting footnotes "reservation:…"."""
    inserted = any(fid.startswith("reservation:") for fid in draft.footnotes)
    return number_notes(draft, reservations=not inserted)


def _first_numbers(notes: NumberedNotes) -> dict[str, int]:
    """Per drafting footnote the number of its first reference (the one rule of app.model)."""
    return {fid: numbers[0] for fid, numbers in notes.references().items()}


def _by_block(notes: NumberedNotes) -> dict[str, list[int]]:
    numbers: dict[str, list[int]] = {}
    for mark in notes.marks:
        if not mark.reservation:
            numbers.setdefault(mark.block_id, []).append(mark.number)
    return numbers


def _footnote_marks(old_numbers: dict[str, int], new_numbers: dict[str, int]) -> dict[str, str]:
    marks = {fid: f"({n})" for fid, n in old_numbers.items()}
    marks.update({fid: str(n) for fid, n in new_numbers.items()})
    return marks


def _pair_row(old: Block, new: Block, old_label: str, new_label: str) -> Row:
    row = Row(RowKind.UNCHANGED, old=old, new=new, old_label=old_label, new_label=new_label)
    row.format_changed = (old.kind, old.level) != (new.kind, new.level)
    # Numbers are computed, not typed: another number alone is no change of the paragraph.
    row.renumbered = old_label != new_label and old_label.startswith("§")
    if old.content == new.content:
        row.pieces = [Piece(EQUAL, coarse_tokens(new.content))]
        return row
    row.pieces = [Piece(op, tokens) for op, tokens in inline_diff(old.content, new.content)]
    # Cheap test first: most changed paragraphs differ in more than spacing.
    spacing_only = ("".join(old.text.split()) == "".join(new.text.split())
                    and _without_spaces(old) == _without_spaces(new))
    row.kind = RowKind.SPACING if spacing_only else RowKind.CHANGED
    return row


def _without_spaces(block: Block) -> list:
    def blank(token) -> bool:
        text = token if isinstance(token, str) else token[0]
        return text.isspace()

    return [token for token in inline_tokens(block.content) if not blank(token)]


def compare_footnotes(old: Draft, new: Draft, old_numbers: dict[str, int] | None = None,
                      new_numbers: dict[str, int] | None = None) -> list[FootnoteChange]:
    """Footnotes added, reworded or removed; numbered by their first reference."""
    old_numbers = _first_numbers(_numbered(old)) if old_numbers is None else old_numbers
    new_numbers = _first_numbers(_numbered(new)) if new_numbers is None else new_numbers
    changes: list[FootnoteChange] = []
    for fid, note in new.footnotes.items():
        before = old.footnotes.get(fid)
        if before is None:
            changes.append(FootnoteChange("added", fid, new_text=note.text,
                                          new_number=new_numbers.get(fid)))
        elif before.text != note.text:
            changes.append(FootnoteChange(
                "reworded", fid, before.text, note.text, old_numbers.get(fid),
                new_numbers.get(fid),
                [Piece(op, tokens) for op, tokens in diff_tokens(tokenize(before.text),
                                                                 tokenize(note.text))],
            ))
    for fid, note in old.footnotes.items():
        if fid not in new.footnotes:
            changes.append(FootnoteChange("removed", fid, old_text=note.text,
                                          old_number=old_numbers.get(fid)))
    changes.sort(key=lambda c: (c.new_number or c.old_number or 0, c.kind))
    return changes


def compare_fields(old: Draft, new: Draft) -> list[FieldChange]:
    before, after = old.note.to_json(), new.note.to_json()
    return [
        FieldChange(name, before.get(name), after.get(name))
        for name in after
        if before.get(name) != after.get(name)
    ]
