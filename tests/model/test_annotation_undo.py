"""Removing a comment or reservation and undoing it puts it back where it was in the order."""

import json

import pytest

from app.model import Block, BlockKind, Draft, TextRun
from app.model.annotation_ops import AddComment, AddReservation, RemoveComment, RemoveReservation
from app.model.annotations import Anchor, Comment, Reservation, ReservationKind
from app.model.ops import operation_from_json


def make_draft() -> Draft:
    draft = Draft(blocks=[Block(BlockKind.OPERATIVE, [TextRun("WE AGREE to meet.")], id="b1")])
    for key in "abc":
        AddComment(Comment(key, Anchor("b1"), "HU", f"remark {key}").to_json()).apply(draft)
        AddReservation(Reservation(key, Anchor("b1"), ["PL"], ReservationKind.SCRUTINY).to_json()
                       ).apply(draft)
    return draft


@pytest.mark.parametrize("remove, items", [(RemoveComment, "comments"),
                                           (RemoveReservation, "reservations")])
@pytest.mark.parametrize("key", ["a", "b", "c"])
def test_undo_of_a_removal_restores_the_order(remove, items, key):
    draft = make_draft()
    before = list(getattr(draft, items).items())
    undo = remove(key).apply(draft)
    assert key not in getattr(draft, items)
    # through JSON, as the undo history stores it
    redo = operation_from_json(json.loads(json.dumps(undo.to_json()))).apply(draft)
    assert list(getattr(draft, items).items()) == before
    redo.apply(draft)
    assert list(getattr(draft, items)) == [k for k, _ in before if k != key]


def test_adding_twice_is_refused():
    draft = make_draft()
    with pytest.raises(ValueError):
        AddComment(draft.comments["a"].to_json()).apply(draft)
