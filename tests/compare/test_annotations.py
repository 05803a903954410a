"""Reservations and comments travel in versions and their changes show in the comparison."""

from app.compare import compare_drafts, comparison_to_json, summary_line
from app.model.annotations import (
    Anchor,
    Comment,
    Reservation,
    ReservationKind,
    ReservationStatus,
)
from app.store import load_draft, save_draft
from app.store.versions import find_version, save_version

from .seed_draft import draft_from_seed, numbered


def test_lifted_reservation_and_new_comment(tmp_path, clasi_seed):
    draft = draft_from_seed(clasi_seed)
    target = numbered(draft, 7)
    draft.reservations["r1"] = Reservation("r1", Anchor(target.id), ["BE", "DE"],
                                           ReservationKind.SCRUTINY)
    save_version(draft, "Rev 1")
    draft.reservations["r1"].status = ReservationStatus.LIFTED
    draft.comments["c1"] = Comment("c1", Anchor(target.id), "FR", "Prefer 'reinforce'.")
    path = tmp_path / "d.concordia"
    save_draft(draft, path)
    saved = load_draft(path)
    rev1 = find_version(saved, "Rev 1").draft()
    assert rev1.reservations["r1"].status == ReservationStatus.ENTERED
    assert rev1.comments == {}
    comparison = compare_drafts(rev1, saved)
    items = [(i.section, i.kind, i.label) for i in comparison.items]
    assert ("reservations", "lifted", "BE, DE: scrutiny reservation on § 7") in items
    assert ("comments", "added", "FR on § 7") in items
    assert summary_line(comparison) == "1 comment added; 1 reservation lifted"
    assert comparison_to_json(comparison)["items"][0]["section"] in ("comments", "reservations")
