"""Whether each footnote of the draft and its translation are still in step.

A footnote pair lives as a block pair does (app.model.in_step): the language version keeps,
by footnote id, both texts as they were when the pair was last confirmed and the time
(`footnotes_confirmed`, `footnotes_confirmed_other`, `footnotes_confirmed_at`); the pair is
out of step when either text differs from those, or when it was never confirmed. A footnote
with no text in the translation is **unpaired**: the translated NOTE cannot carry it.

Only the footnotes the draft's text refers to are pairs (an unreferenced footnote is not
exported in any language). Footnotes generated from reservations are not pairs either: their
sentences are written by the program in each export language from the catalog and the
parties' names (app.model.reservation_text), so there is no translator's text to fall out of
step; a position statement's own wording is the exception, checked in `position_statements`.
"""

from __future__ import annotations

from dataclasses import dataclass

from .annotations import ReservationKind
from .draft import Draft, LanguageVersion
from .in_step import InStepJudgement, translation_language
from .inline import footnote_ids


@dataclass(frozen=True)
class FootnotePairState(InStepJudgement):
    """One footnote of the draft and its translation, as they stand."""

    footnote_id: str
    block_id: str                    # the block of its first reference in the draft's text
    index: int                       # that block's position, 0-based
    main_text: str
    other_text: str | None           # None: no text in the translation (unpaired)
    confirmed_main: str | None
    confirmed_other: str | None
    confirmed_at: str | None
    #: the translation's paragraphs refer to it: without that the translated NOTE leaves
    #: it out, whatever its text
    referenced_there: bool


def translated_references(version: LanguageVersion | None) -> set[str]:
    if version is None:
        return set()
    return {fid for content in version.blocks.values() for fid in footnote_ids(content)}


def footnote_states(draft: Draft, language: str | None = None) -> list[FootnotePairState]:
    """One state per footnote the draft's text refers to, in reading order."""
    version = draft.translations.get(translation_language(draft, language))
    there = translated_references(version)
    states: list[FootnotePairState] = []
    seen: set[str] = set()
    for index, block in enumerate(draft.blocks):
        for fid in block.footnote_ids:
            if fid in seen or fid not in draft.footnotes:
                continue
            seen.add(fid)
            states.append(footnote_state(draft, fid, block.id, index, version, fid in there))
    return states


def footnote_state(draft: Draft, footnote_id: str, block_id: str, index: int,
                   version: LanguageVersion | None, referenced_there: bool) -> FootnotePairState:
    other = version.footnotes.get(footnote_id) if version is not None else None
    return FootnotePairState(
        footnote_id=footnote_id, block_id=block_id, index=index,
        main_text=draft.footnotes[footnote_id].text,
        other_text=other if other is not None and other.strip() else None,
        confirmed_main=version.footnotes_confirmed.get(footnote_id) if version else None,
        confirmed_other=version.footnotes_confirmed_other.get(footnote_id) if version else None,
        confirmed_at=version.footnotes_confirmed_at.get(footnote_id) if version else None,
        referenced_there=referenced_there,
    )


@dataclass(frozen=True)
class FootnoteStatus:
    pairs: int
    unpaired: list[FootnotePairState]          # no text in the translation
    left_out: list[FootnotePairState]          # the translation's paragraphs never refer to it
    out_of_step: list[FootnotePairState]
    numbers: dict[str, int]                    # footnote id → its number in the draft's text

    def to_json(self) -> dict:
        """New names beside `language status --json`'s block ones (those stay as they were)."""
        def one(state: FootnotePairState) -> dict:
            return {"id": state.footnote_id, "number": self.numbers.get(state.footnote_id),
                    "block": state.block_id}

        return {
            "footnote_pairs": self.pairs,
            "unpaired_footnotes": [one(state) for state in self.unpaired],
            "footnotes_left_out": [one(state) for state in self.left_out],
            "footnotes_out_of_step": [
                {**one(state), "changed": state.changed_sides,
                 "confirmed_at": state.confirmed_at}
                for state in self.out_of_step],
        }


def footnote_numbers(draft: Draft) -> dict[str, int]:
    """Footnote id → the number of its first reference, as the editor and the NOTE print it
    (reservation footnotes counted)."""
    from .footnote_numbers import number_notes

    numbers: dict[str, int] = {}
    for mark in number_notes(draft).marks:
        if not mark.reservation and mark.footnote_id is not None:
            numbers.setdefault(mark.footnote_id, mark.number)
    return numbers


def footnote_status(draft: Draft, language: str | None = None) -> FootnoteStatus:
    states = footnote_states(draft, language)
    has_version = translation_language(draft, language) in draft.translations
    return FootnoteStatus(
        pairs=sum(1 for state in states if state.paired),
        unpaired=[state for state in states if not state.paired],
        left_out=[state for state in states if has_version and not state.referenced_there],
        out_of_step=[state for state in states if state.out_of_step],
        numbers=footnote_numbers(draft) if states else {},
    )


def position_statements_in_english(draft: Draft, language: str) -> list[str]:
    """English wordings of the position statements a Spanish NOTE would print in English: a
    statement entered without a Spanish wording falls back to its English one
    (Reservation.wording), which would pass unnoticed inside a Spanish footnote."""
    from .reservation_text import place_of

    if language != "es":
        return []
    return [item.text_en.strip() for item in draft.reservations.values()
            if item.kind == ReservationKind.POSITION and item.text_en.strip()
            and not item.text_es.strip() and place_of(draft, item) is not None]
