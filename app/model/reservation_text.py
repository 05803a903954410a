"""Reservations as footnotes: where each goes and what it says, in the export language.

Outstanding reservations (entered or maintained, anchor not orphaned) that share a place
become one footnote. Inside it, reservations of one kind are merged into one sentence with
their parties in protocol order ("BE, DE, HU: scrutiny reservation."); kinds follow
`KIND_ORDER`; position statements keep their own wording and come last. The sentences are
export labels from the catalog of the export language (msgctxt "export"); none of the Spanish
reservation terms is verified against a Council document, so each is flagged there.

Places: a span reservation at the end of its span, a paragraph reservation at the end of the
paragraph, a whole-text reservation at the end of the title (the first title block, else the
first block).
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass

from .annotations import Reservation, ReservationKind
from .draft import BlockKind, Draft, Footnote
from .inline import FootnoteRef, Inline, content_length, normalise, split_at
from .parties import PartyRegistry

KIND_ORDER = (
    ReservationKind.GENERAL,
    ReservationKind.SUBSTANTIVE,
    ReservationKind.SCRUTINY,
    ReservationKind.PARLIAMENTARY_SCRUTINY,
    ReservationKind.LINGUISTIC,
    ReservationKind.POSITION,
)

#: msgids (context "export"); `{parties}` is the list of parties, e.g. "BE, DE, HU".
SENTENCES = {
    ReservationKind.SCRUTINY: "{parties}: scrutiny reservation.",
    ReservationKind.PARLIAMENTARY_SCRUTINY: "{parties}: parliamentary scrutiny reservation.",
    ReservationKind.LINGUISTIC: "{parties}: linguistic reservation.",
    ReservationKind.GENERAL: "{parties}: general reservation.",
    ReservationKind.SUBSTANTIVE: "{parties}: substantive reservation.",
}
#: Names of the kinds for lists and the GUI (context "export" too, so one reviewer sees all).
KIND_NAMES = {
    ReservationKind.SCRUTINY: "scrutiny reservation",
    ReservationKind.PARLIAMENTARY_SCRUTINY: "parliamentary scrutiny reservation",
    ReservationKind.LINGUISTIC: "linguistic reservation",
    ReservationKind.GENERAL: "general reservation",
    ReservationKind.SUBSTANTIVE: "substantive reservation",
    ReservationKind.POSITION: "position statement",
}
PARTY_SEPARATOR = ", "   # "HU, PL:" in both languages (codes are not translated)


@dataclass(frozen=True)
class Place:
    """Where a reservation footnote goes: a block and an offset in it."""

    block_id: str
    offset: int


def title_block_id(draft: Draft) -> str | None:
    for block in draft.blocks:
        if block.kind == BlockKind.TITLE:
            return block.id
    return draft.blocks[0].id if draft.blocks else None


def place_of(draft: Draft, reservation: Reservation,
             lengths: dict[str, int] | None = None) -> Place | None:
    """The footnote's place, or None when it is not exported (lifted, orphaned, no text).

    `lengths` (block id -> length of the text being exported) is given when that text is
    another language version: span offsets belong to the draft's own text, so a span
    reservation then goes at the end of its paragraph.
    """
    anchor = reservation.anchor
    if not reservation.outstanding or anchor.orphaned:
        return None
    block_id = anchor.block_id if anchor.block_id is not None else title_block_id(draft)
    if block_id is None:
        return None
    try:
        block = draft.block(block_id)
    except KeyError:
        return None
    if lengths is not None:
        return Place(block_id, lengths.get(block_id, 0))
    length = content_length(block.content)
    if anchor.scope == "span" and anchor.end is not None:
        return Place(block_id, min(anchor.end, length))
    return Place(block_id, length)


def kind_name(kind: ReservationKind, language: str) -> str:
    return _label(KIND_NAMES[kind], language)


def footnote_text(reservations: Iterable[Reservation], language: str,
                  registry: PartyRegistry) -> str:
    """One footnote's wording for reservations sharing a place."""
    by_kind: dict[ReservationKind, list[str]] = {}
    statements: list[str] = []
    for reservation in reservations:
        if reservation.kind == ReservationKind.POSITION:
            wording = reservation.wording(language).strip()
            if wording and wording not in statements:
                statements.append(wording)
        else:
            by_kind.setdefault(reservation.kind, []).extend(reservation.parties)
    sentences = []
    for kind in KIND_ORDER:
        if kind in by_kind:
            codes = registry.protocol_order(by_kind[kind], language)
            parties = PARTY_SEPARATOR.join(registry.label(code, language) for code in codes)
            sentences.append(_label(SENTENCES[kind], language).format(parties=parties))
    sentences.extend(statements)
    return " ".join(sentences)


@dataclass(frozen=True)
class ReservationFootnote:
    place: Place
    text: str
    reservation_ids: tuple[str, ...]


def reservation_footnotes(draft: Draft, language: str,
                          registry: PartyRegistry | None = None,
                          lengths: dict[str, int] | None = None) -> list[ReservationFootnote]:
    """Every footnote to generate, in reading order (`lengths`: see `place_of`)."""
    registry = registry or PartyRegistry.for_draft(draft)
    grouped: dict[Place, list[Reservation]] = {}
    for reservation in draft.reservations.values():
        place = place_of(draft, reservation, lengths)
        if place is not None:
            grouped.setdefault(place, []).append(reservation)
    order = {block.id: index for index, block in enumerate(draft.blocks)}
    places = sorted(grouped, key=lambda place: (order[place.block_id], place.offset))
    return [
        ReservationFootnote(
            place,
            footnote_text(grouped[place], language, registry),
            tuple(item.id for item in grouped[place]),
        )
        for place in places
    ]


# -- building the draft an exporter writes -----------------------------------------------

#: Order of insertions that share an offset: a comment's end, then footnotes, then a start.
BEFORE_FOOTNOTES, FOOTNOTE, AFTER_FOOTNOTES = 0, 1, 2


def insert_inlines(draft: Draft, insertions: dict[str, list[tuple[int, int, Inline]]]) -> None:
    """Insert inlines into blocks: block id -> [(offset, rank, inline)], offsets of the original.

    Applied from the end of each block backwards so every offset still means the original one.
    """
    for block_id, items in insertions.items():
        block = draft.block(block_id)
        block.content = insert_into(block.content, items)


def insert_into(content: list[Inline], items: list[tuple[int, int, Inline]]) -> list[Inline]:
    """A new content list with (offset, rank, inline) items inserted at original offsets."""
    result = list(content)
    length = content_length(result)
    for offset, _rank, inline in sorted(items, key=lambda item: (item[0], item[1]), reverse=True):
        left, right = split_at(result, max(0, min(offset, length)))
        result = left + [inline] + right
    return normalise(result)


def footnote_insertions(draft: Draft, language: str,
                        registry: PartyRegistry | None = None,
                        lengths: dict[str, int] | None = None,
                        ) -> tuple[dict[str, list[tuple[int, int, Inline]]], dict[str, Footnote]]:
    """The footnote references and texts that `with_reservation_footnotes` adds."""
    insertions: dict[str, list[tuple[int, int, Inline]]] = {}
    footnotes: dict[str, Footnote] = {}
    notes = reservation_footnotes(draft, language, registry, lengths)
    for number, note in enumerate(notes, start=1):
        footnote_id = f"reservation-{number}"
        while footnote_id in draft.footnotes:
            footnote_id += "x"
        footnotes[footnote_id] = Footnote(note.text, footnote_id)
        insertions.setdefault(note.place.block_id, []).append(
            (note.place.offset, FOOTNOTE, FootnoteRef(footnote_id))
        )
    return insertions, footnotes


def with_reservation_footnotes(draft: Draft, language: str,
                               registry: PartyRegistry | None = None) -> Draft:
    """A copy of the draft with its reservations as ordinary footnotes, ready for a writer.

    The draft itself is not changed. The DOCX writer uses `footnote_insertions` directly on
    the text of the export language (see app.docx.comments).
    """
    result = copy.deepcopy(draft)
    insertions, footnotes = footnote_insertions(result, language, registry)
    insert_inlines(result, insertions)
    result.footnotes.update(footnotes)
    return result


def _label(message: str, language: str) -> str:
    from app.i18n import translator

    t = translator(language)
    return _labels(t).get(message) or t.pgettext("export", message)


def _labels(t) -> dict[str, str]:
    """Reservation wording: literal calls so `pybabel extract` finds them, each flagged."""
    return {
        # UNVERIFIED: "reserva de estudio" not seen in a Council document (conventions §3).
        "{parties}: scrutiny reservation.": t.pgettext(
            "export", "{parties}: scrutiny reservation."),
        # UNVERIFIED: "reserva de examen parlamentario" not seen in a Council document.
        "{parties}: parliamentary scrutiny reservation.": t.pgettext(
            "export", "{parties}: parliamentary scrutiny reservation."),
        # UNVERIFIED: "reserva lingüística" not seen in a Council document.
        "{parties}: linguistic reservation.": t.pgettext(
            "export", "{parties}: linguistic reservation."),
        # UNVERIFIED: "reserva general" not seen in a Council document.
        "{parties}: general reservation.": t.pgettext(
            "export", "{parties}: general reservation."),
        # UNVERIFIED: "reserva sustantiva" not seen in a Council document (EN not either).
        "{parties}: substantive reservation.": t.pgettext(
            "export", "{parties}: substantive reservation."),
        # UNVERIFIED: name of the kind, as above.
        "scrutiny reservation": t.pgettext("export", "scrutiny reservation"),
        # UNVERIFIED: name of the kind, as above.
        "parliamentary scrutiny reservation": t.pgettext(
            "export", "parliamentary scrutiny reservation"),
        # UNVERIFIED: name of the kind, as above.
        "linguistic reservation": t.pgettext("export", "linguistic reservation"),
        # UNVERIFIED: name of the kind, as above.
        "general reservation": t.pgettext("export", "general reservation"),
        # UNVERIFIED: name of the kind, as above.
        "substantive reservation": t.pgettext("export", "substantive reservation"),
        # UNVERIFIED: "declaración de posición" not seen in a Council document.
        "position statement": t.pgettext("export", "position statement"),
    }
