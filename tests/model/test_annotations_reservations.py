"""Reservations grouped into footnotes, worded in English and Spanish, placed at their anchor."""

from app.model import Block, BlockKind, Draft, FootnoteRef, TextRun
from app.model.annotation_ops import AddReservation, lift_reservation
from app.model.annotations import Anchor, Reservation, ReservationKind
from app.model.inline import anchored_text
from app.model.parties import PartyRegistry
from app.model.reservation_text import (
    footnote_text,
    kind_name,
    reservation_footnotes,
    with_reservation_footnotes,
)

REGISTRY = PartyRegistry()


def res(key, parties, kind=ReservationKind.SCRUTINY, anchor=None, **kw) -> Reservation:
    return Reservation(key, anchor or Anchor("b1"), parties, kind, **kw)


def make_draft() -> Draft:
    return Draft(blocks=[
        Block(BlockKind.TITLE, [TextRun("La Paz declaration")], id="t"),
        Block(BlockKind.OPERATIVE, [TextRun("WE REAFFIRM our commitment.")], id="b1"),
        Block(BlockKind.OPERATIVE, [TextRun("WE AGREE to meet.")], id="b2"),
    ])


def test_same_kind_merges_parties_in_protocol_order():
    text = footnote_text([res("a", ["HU"]), res("b", ["DE", "BE"]), res("c", ["HU"])], "en", REGISTRY)
    assert text == "BE, DE, HU: scrutiny reservation."


def test_spanish_wording_from_the_catalog():
    text = footnote_text([res("a", ["PL", "HU"]), res("b", ["BE"], ReservationKind.LINGUISTIC)],
                         "es", REGISTRY)
    assert text == "HU, PL: reserva de estudio. BE: reserva lingüística."
    assert kind_name(ReservationKind.PARLIAMENTARY_SCRUTINY, "es") == "reserva de examen parlamentario"


def test_kinds_in_fixed_order_and_position_statements_last():
    items = [
        res("p", ["CELAC"], ReservationKind.POSITION,
            text_en="CELAC recalls its position on unilateral measures.",
            text_es="La CELAC recuerda su posición sobre las medidas unilaterales."),
        res("s", ["SE"], ReservationKind.PARLIAMENTARY_SCRUTINY),
        res("g", ["FR"], ReservationKind.GENERAL),
        res("t", ["BR", "AT"], ReservationKind.SUBSTANTIVE),
    ]
    assert footnote_text(items, "en", REGISTRY) == (
        "FR: general reservation. AT, Brazil: substantive reservation. "
        "SE: parliamentary scrutiny reservation. CELAC recalls its position on unilateral measures."
    )
    assert footnote_text(items, "es", REGISTRY).endswith(
        "AT, Brasil: reserva sustantiva. SE: reserva de examen parlamentario. "
        "La CELAC recuerda su posición sobre las medidas unilaterales."
    )


def test_position_statement_without_spanish_falls_back_to_english():
    item = res("p", ["CELAC"], ReservationKind.POSITION, text_en="CELAC recalls its position.")
    assert footnote_text([item], "es", REGISTRY) == "CELAC recalls its position."


def test_places_and_lifted_ones_are_left_out():
    draft = make_draft()
    for item in [
        res("r1", ["HU"], anchor=Anchor("b1", 3, 11)),            # span "REAFFIRM"
        res("r2", ["DE"], anchor=Anchor("b1", 3, 11)),            # same place: same footnote
        res("r3", ["PL"], anchor=Anchor("b2")),                   # paragraph: at its end
        res("r4", ["CELAC"], ReservationKind.POSITION, anchor=Anchor(None),
            text_en="CELAC recalls its position."),               # whole text: on the title
        res("r5", ["SE"], anchor=Anchor("b2")),
    ]:
        AddReservation(item.to_json()).apply(draft)
    lift_reservation("r5").apply(draft)
    notes = reservation_footnotes(draft, "en")
    assert [(n.place.block_id, n.place.offset, n.text) for n in notes] == [
        ("t", 18, "CELAC recalls its position."),
        ("b1", 11, "DE, HU: scrutiny reservation."),
        ("b2", 17, "PL: scrutiny reservation."),
    ]


def test_export_copy_has_real_footnotes_and_leaves_the_draft_alone():
    draft = make_draft()
    draft.blocks[1].content = [TextRun("WE REAFFIRM"), FootnoteRef("f1"), TextRun(" our commitment.")]
    from app.model import Footnote
    draft.footnotes["f1"] = Footnote("A drafting note.", "f1")
    AddReservation(res("r1", ["HU", "BE"], anchor=Anchor("b1", 0, 12)).to_json()).apply(draft)
    AddReservation(res("r2", ["EL"], ReservationKind.GENERAL, anchor=Anchor("b1")).to_json()).apply(draft)
    before = draft.to_public_json()
    exported = with_reservation_footnotes(draft, "es")
    assert draft.to_public_json() == before
    content = exported.block("b1").content
    assert anchored_text(content) == "WE REAFFIRM\ufffc\ufffc our commitment.\ufffc"
    order = exported.footnote_order()
    assert [exported.footnotes[f].text for f in order] == [
        "A drafting note.", "BE, HU: reserva de estudio.", "EL: reserva general.",
    ]
