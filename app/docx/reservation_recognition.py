"""Reservation footnotes recognised by their wording, when a file has lost Concordia's data.

A footnote that reads only as reservation sentences of the note's language ("BE, DE, HU:
scrutiny reservation. PL: linguistic reservation.") — exactly as app.model.reservation_text
writes them, with parties Concordia knows — becomes those reservations again and is removed
from the footnotes, so a re-export prints it once. A position statement is free wording and
cannot be told from a drafting footnote: it stays a footnote. Anything else stays as it is.
"""

from __future__ import annotations

import re
from datetime import date

from app.i18n import ngettext
from app.importer.report import ImportReport
from app.model import Draft, FootnoteRef
from app.model.annotations import Anchor, Reservation, ReservationKind
from app.model.draft import new_id
from app.model.inline import content_length, normalise
from app.model.parties import PartyRegistry
from app.model.reservation_text import KIND_ORDER, PARTY_SEPARATOR, footnote_text

_PLACEHOLDER = "QQPARTIESQQ"


def _sentence_patterns(language: str, registry: PartyRegistry) -> list[tuple[ReservationKind, str, str]]:
    """(kind, text before the parties, text after) of each kind's sentence in `language`."""
    patterns = []
    for kind in KIND_ORDER:
        if kind == ReservationKind.POSITION:
            continue
        sample = Reservation(id="", anchor=Anchor(), parties=[_PLACEHOLDER], kind=kind)
        before, _sep, after = footnote_text([sample], language, registry).partition(_PLACEHOLDER)
        patterns.append((kind, before, after))
    return patterns


def parse_reservation_footnote(text: str, language: str, registry: PartyRegistry
                               ) -> list[tuple[ReservationKind, list[str]]] | None:
    """The (kind, party codes) a reservation footnote says, or None if it says anything else."""
    codes_by_label = {registry.label(party.code, language): party.code for party in registry}
    alternatives = "|".join(
        f"(?P<k{index}>{re.escape(before)}(?P<p{index}>[^.:]+?){re.escape(after)})"
        for index, (_kind, before, after) in enumerate(_sentence_patterns(language, registry)))
    sentence = re.compile(rf"\s*(?:{alternatives})")
    kinds = [kind for kind, _b, _a in _sentence_patterns(language, registry)]
    found, position, text = [], 0, text.strip()
    while position < len(text):
        match = sentence.match(text, position)
        if match is None or match.end() == position:
            return None
        index = next(i for i in range(len(kinds)) if match.group(f"k{i}") is not None)
        labels = [label.strip() for label in match.group(f"p{index}").split(PARTY_SEPARATOR.strip())]
        codes = [codes_by_label.get(label) for label in labels]
        if not labels or None in codes:
            return None
        found.append((kinds[index], [code for code in codes if code]))
        position = match.end()
    return found or None


def recognise_reservation_footnotes(draft: Draft, report: ImportReport) -> int:
    """Turn recognised reservation footnotes into reservations; returns how many footnotes."""
    registry = PartyRegistry.for_draft(draft)
    recognised = 0
    for block in draft.blocks:
        offset, content = 0, []
        for item in block.content:
            parsed = None
            if isinstance(item, FootnoteRef) and item.footnote_id in draft.footnotes:
                parsed = parse_reservation_footnote(draft.footnotes[item.footnote_id].text,
                                                    draft.language, registry)
            if parsed is None:
                content.append(item)
                offset += content_length([item])
                continue
            recognised += 1
            del draft.footnotes[item.footnote_id]
            at_end = offset >= content_length(block.content) - 1
            # Only where the footnote stood is known: the end of the paragraph, or a point.
            anchor = Anchor(block.id) if at_end else Anchor(block.id, offset, offset)
            for kind, codes in parsed:
                key = new_id()
                draft.reservations[key] = Reservation(key, anchor.copy(), codes, kind,
                                                      date=date.today())
        block.content = normalise(content)
    if recognised:
        report.warn(ngettext(
            "{n} footnote was read back as reservations from its wording; check their dates "
            "and statuses.",
            "{n} footnotes were read back as reservations from their wording; check their "
            "dates and statuses.", recognised).format(n=recognised))
    return recognised


__all__ = ["parse_reservation_footnote", "recognise_reservation_footnotes"]
