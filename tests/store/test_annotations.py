"""Comments, reservations and added parties survive a save and a load from a real file."""

import sqlite3
from datetime import date

from app.model import Block, BlockKind, Draft, TextRun
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
from app.model.parties import Party, PartyKind
from app.store import DraftSession, load_draft, save_draft


def annotated_draft() -> Draft:
    draft = Draft(blocks=[
        Block(BlockKind.TITLE, [TextRun("La Paz declaration")], id="t"),
        Block(BlockKind.OPERATIVE, [TextRun("WE REAFFIRM our commitment.")], id="b1"),
    ])
    draft.comments["c1"] = Comment(
        "c1", Anchor("b1", 12, 26), "HU", "Too strong; «compromiso» in ES.",
        suggestion="our shared commitment", status=CommentStatus.TAKEN,
        visibility=Visibility.INTERNAL, date=date(2024, 2, 20),
        replies=[Reply("PRES", "Agreed.", date(2024, 2, 21), "r-1")],
    )
    draft.comments["c0"] = Comment("c0", Anchor("b1", 3, 3, orphaned=True), "FR", "Gone.",
                                   date=date(2024, 2, 19))
    draft.reservations["r1"] = Reservation(
        "r1", Anchor(None), ["CELAC"], ReservationKind.POSITION,
        status=ReservationStatus.MAINTAINED,
        text_en="CELAC recalls its position on unilateral measures.",
        text_es="La CELAC recuerda su posición sobre las medidas unilaterales.",
        date=date(2024, 2, 22),
    )
    draft.reservations["r2"] = Reservation("r2", Anchor("b1"), ["PL", "HU"],
                                           ReservationKind.SCRUTINY, date=date(2024, 2, 22))
    draft.parties["AMB"] = Party("AMB", PartyKind.STATE, None, "Amberland", "Ambria", True)
    return draft


def test_round_trip(tmp_path):
    draft = annotated_draft()
    path = tmp_path / "lapaz.concordia"
    save_draft(draft, path)
    loaded = load_draft(path)
    assert loaded.comments == draft.comments
    assert list(loaded.comments) == ["c1", "c0"]          # order kept
    assert loaded.reservations == draft.reservations
    assert loaded.parties == draft.parties
    assert loaded.to_public_json() == draft.to_public_json()


def test_rows_are_in_real_tables(tmp_path):
    path = tmp_path / "d.concordia"
    save_draft(annotated_draft(), path)
    with sqlite3.connect(path) as connection:
        rows = connection.execute(
            "SELECT id, block_id, anchor_start, anchor_end, orphaned FROM comments ORDER BY position"
        ).fetchall()
        kinds = connection.execute("SELECT kind FROM reservations ORDER BY position").fetchall()
    assert rows == [("c1", "b1", 12, 26, 0), ("c0", "b1", 3, 3, 1)]
    assert kinds == [("position",), ("scrutiny",)]


def test_file_without_annotation_tables_still_opens(tmp_path):
    path = tmp_path / "old.concordia"
    save_draft(annotated_draft(), path)
    with sqlite3.connect(path) as connection:
        for table in ("comments", "reservations", "parties"):
            connection.execute(f"DROP TABLE {table}")
    loaded = load_draft(path)
    assert loaded.comments == {} and loaded.reservations == {}
    assert [block.id for block in loaded.blocks] == ["t", "b1"]


def test_session_save_keeps_annotations(tmp_path):
    path = tmp_path / "s.concordia"
    save_draft(annotated_draft(), path)
    session = DraftSession.open(path)
    try:
        session.draft.comments["c1"].status = CommentStatus.NOT_TAKEN
        session.save()
    finally:
        session.close()
    assert load_draft(path).comments["c1"].status == CommentStatus.NOT_TAKEN
