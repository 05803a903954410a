"""Seeds with reservations, comments (one internal) and a Spanish side, and what a file shows.

`expected_view(draft, language)` is the draft as a note exported with circulation comments
in `language` shows it — what an exact import must give back, field for field (`show --json`):
the export language's texts, outstanding reservations and circulation comments only, anchors
as exported (span offsets belong to the draft's own text), a position statement's wording in
that language.
"""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path

from app.docx.localise import localise
from app.importer.text import import_text_file
from app.model import Draft, LanguageVersion, TextRun
from app.model.annotations import (
    Anchor,
    Comment,
    CommentStatus,
    Reply,
    Reservation,
    ReservationKind,
    ReservationStatus,
    Visibility,
)

INTERNAL_TEXT = "Our line: accept only if DE moves on paragraph 4."


def annotated_seed(seed: Path) -> Draft:
    draft, _report = import_text_file(seed)
    draft.note.initials, draft.note.directorate = "MR/mdc", "JAI.B"
    first, second, third = (draft.blocks[i].id for i in (1, 2, 3))
    when = date(2024, 3, 1)
    draft.reservations = {r.id: r for r in [
        Reservation("r-scrutiny", Anchor(first), ["HU", "BE", "DE"], ReservationKind.SCRUTINY, date=when),
        Reservation("r-ling", Anchor(first), ["PL"], ReservationKind.LINGUISTIC,
                    ReservationStatus.MAINTAINED, date=when),
        Reservation("r-span", Anchor(second, 3, 12), ["FR"], ReservationKind.SUBSTANTIVE, date=when),
        Reservation("r-position", Anchor(None), ["CELAC"], ReservationKind.POSITION,
                    text_en="CELAC recalls its position on unilateral measures.",
                    text_es="La CELAC recuerda su posición sobre las medidas unilaterales.", date=when),
        Reservation("r-lifted", Anchor(third), ["IT"], ReservationKind.GENERAL,
                    ReservationStatus.LIFTED, date=when),
    ]}
    draft.comments = {c.id: c for c in [
        Comment("c-span", Anchor(third, 0, 9), "FR", "Too long.\nShorten it.",
                suggestion="WE STRESS", status=CommentStatus.TAKEN, date=date(2024, 3, 2),
                replies=[Reply("ES", "Agreed, with a shorter verb.", date(2024, 3, 3), "rp-1")]),
        Comment("c-block", Anchor(first), "CELAC", "Add a reference to the 2023 declaration.",
                date=date(2024, 3, 2)),
        Comment("c-internal", Anchor(second), "ES", INTERNAL_TEXT,
                visibility=Visibility.INTERNAL, date=date(2024, 3, 2)),
    ]}
    draft.translations["es"] = tagged_spanish(draft)
    return draft


def tagged_spanish(draft: Draft) -> LanguageVersion:
    """A Spanish side for a seed with no Spanish text: each text tagged "[es]" (same structure)."""
    def tagged(content):
        return [TextRun("[es] "), *(copy.copy(item) for item in content)]
    return LanguageVersion(
        language="es",
        meta={"subject": "[es] " + draft.note.subject, "intro": "[es] " + draft.note.intro},
        blocks={block.id: tagged(block.content) for block in draft.blocks},
        footnotes={fid: "[es] " + note.text for fid, note in draft.footnotes.items()},
    )


def expected_view(draft: Draft, language: str) -> dict:
    view = copy.deepcopy(draft)
    own = language == draft.language
    view.comments = {c.id: c for c in view.comments.values()
                     if c.visibility == Visibility.CIRCULATION
                     and c.status != CommentStatus.WITHDRAWN and not c.anchor.orphaned}
    view.reservations = {r.id: r for r in view.reservations.values()
                         if r.outstanding and not r.anchor.orphaned}
    for item in [*view.comments.values(), *view.reservations.values()]:
        if not own and item.anchor.scope == "span":     # offsets of the other language
            item.anchor = Anchor(item.anchor.block_id)
    for r in view.reservations.values():
        wording = r.wording(language) if r.kind == ReservationKind.POSITION else ""
        r.text_en, r.text_es = (wording, "") if language != "es" else ("", wording)
    if not own:
        local = localise(draft, language)
        version = draft.translations[language]
        view.note.sender, view.note.recipient = local.sender, local.recipient
        view.note.subject, view.note.intro = local.subject, local.intro
        for block in view.blocks:
            block.content = copy.deepcopy(version.blocks[block.id])
        for fid, note in view.footnotes.items():
            note.text = version.footnotes.get(fid, note.text)
    view.language = language
    view.note.drafter = ""      # not shown in the note
    view.translations = {}
    return view.to_public_json()


def comparable(view: dict) -> dict:
    """Annotations in id order (a draft keeps them in a dict; the order carries no meaning)."""
    view = copy.deepcopy(view)
    for key in ("comments", "reservations"):
        view[key] = sorted(view[key], key=lambda item: item["id"])
    return view
