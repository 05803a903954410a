"""Every operation says what it changed, and its undo says the same."""

from __future__ import annotations

import copy
from datetime import date

import pytest

from app.model import Block, BlockKind, Draft, Footnote, FootnoteRef, TextRun
from app.model.annotation_ops import (
    AddComment,
    AddParty,
    AddReply,
    AddReservation,
    EditComment,
    RemoveComment,
    SetAnchors,
    SetCommentStatus,
    SetReservationStatus,
)
from app.model.annotations import Anchor, Comment, Reply, Reservation, ReservationKind
from app.model.changes import EDITOR, FILE, UNDO, Changes, combined, flag_names
from app.model.move_ops import MoveBlock
from app.model.ops import (
    AddFootnote,
    Batch,
    InsertBlock,
    MergeWithNext,
    Operation,
    RemoveBlock,
    RemoveFootnote,
    SetBlockFormat,
    SetBlockNumber,
    SetFootnoteText,
    SetLanguageVersion,
    SetMeta,
    SplitBlock,
    delete_range,
    insert_text,
    step_changes,
)
from app.model.parties import Party, PartyKind
from app.model.suggestion_ops import AcceptSuggestion


def sample() -> Draft:
    draft = Draft(
        blocks=[
            Block(BlockKind.OPERATIVE, [TextRun("WE REAFFIRM the Mechanism"), FootnoteRef("f1"),
                                        TextRun(".")], id="b1"),
            Block(BlockKind.PARAGRAPH, [TextRun("Addressing drugs")], id="b2"),
        ],
        footnotes={"f1": Footnote("Hereinafter the Mechanism", "f1")},
    )
    draft.comments["c1"] = Comment("c1", Anchor("b1", 0, 11), "HU", "Too strong", quote="WE REAFFIRM",
                                   date=date(2026, 1, 1))
    draft.reservations["r1"] = Reservation("r1", Anchor("b2"), ["HU"], ReservationKind.SCRUTINY,
                                           date=date(2026, 1, 1))
    return draft


def blocks(*ids: str) -> frozenset[str]:
    return frozenset(ids)


def named(*ids: str) -> dict:
    """Only these comments or reservations changed."""
    return {"annotations": True, "annotation_ids": frozenset(ids)}


CASES: list[tuple[Operation, dict]] = [
    (insert_text("b1", 3, "ALL "), {"blocks": blocks("b1"), "annotations": True}),
    (delete_range("b1", 20, 27), {"blocks": blocks("b1"), "footnotes": True, "annotations": True}),
    (SplitBlock("b1", 11, "b9"), {"blocks": blocks("b1", "b9"), "structure": True,
                                  "annotations": True}),
    (MergeWithNext("b1"), {"blocks": blocks("b1", "b2"), "structure": True, "annotations": True}),
    (InsertBlock(1, Block(BlockKind.PARAGRAPH, [TextRun("New")], id="b5")),
     {"blocks": blocks("b5"), "structure": True}),   # no comment or reservation on it
    (insert_text("b2", 0, "On "), {"blocks": blocks("b2"), "annotations": True}),  # r1 is on b2
    (RemoveBlock("b1"), {"blocks": blocks("b1"), "structure": True, "footnotes": True,
                         "annotations": True}),
    (SetBlockFormat("b2", BlockKind.LIST_ITEM, 1), {"blocks": blocks("b2"), "structure": True}),
    (SetBlockNumber("b1", "5a"), {"blocks": blocks("b1"), "structure": True}),
    (MoveBlock("b1", 1), {"blocks": blocks("b1"), "structure": True}),
    (AddFootnote("f2", "A note"), {"footnotes": True}),
    (RemoveFootnote("f1"), {"footnotes": True}),
    (SetFootnoteText("f1", "Changed"), {"footnotes": True}),
    (SetMeta("subject", "A subject"), {"cover": True}),
    (SetLanguageVersion("es", {"language": "es", "blocks": {}, "footnotes": {}, "meta": {}}),
     {"translations": True}),
    (AddComment(Comment("c2", Anchor("b2"), "FR", "Why?").to_json()), named("c2")),
    (RemoveComment("c1"), named("c1")),
    (EditComment("c1", text="Far too strong"), named("c1")),
    (SetCommentStatus("c1", "taken"), named("c1")),
    (AddReply("c1", Reply("PRES", "Noted", date(2026, 1, 2), "p1").to_json()),
     named("c1")),
    (AddReservation(Reservation("r2", Anchor(None), ["FR"], ReservationKind.GENERAL).to_json()),
     named("r2")),
    (SetReservationStatus("r1", "lifted"), named("r1")),
    (SetAnchors({"c1": Anchor("b1", 0, 2).to_json()}), named("c1")),
    (AddParty(Party("UA", PartyKind.STATE, None, "Ukraine", "Ucrania", True).to_json()),
     named()),                                        # a party: no comment or reservation
]


@pytest.mark.parametrize(("operation", "expected"), CASES, ids=lambda value: getattr(value, "name", ""))
def test_each_operation_reports_what_it_changed_and_undo_reports_the_same(operation, expected):
    draft = sample()
    before = copy.deepcopy(draft)
    inverse = operation.apply(draft)
    done = step_changes(operation, inverse)
    assert done == Changes(**expected), done.describe()
    assert not done.everything
    redo = inverse.apply(draft)                       # undo
    assert step_changes(inverse, redo) == done          # undo reports the same things
    assert draft == before


def test_batch_reports_the_union_of_its_parts():
    batch = Batch([SetMeta("subject", "X"), insert_text("b2", 0, "On ")])
    draft = sample()
    inverse = batch.apply(draft)
    assert step_changes(batch, inverse) == Changes(blocks=blocks("b2"), cover=True,
                                                   annotations=True)


def test_an_operation_that_does_not_say_reports_everything():
    class Undeclared(Operation):
        def apply(self, draft):
            return self

    assert Undeclared().changes().everything
    assert Undeclared().changes().touches(cover=True)
    assert Undeclared().changes().touches_blocks(["anything"])


def test_accepting_a_suggestion_refreshes_everything():
    assert AcceptSuggestion("c1").changes().everything


def test_combining_and_reading_notices():
    text = Changes(blocks=blocks("b1"), initiator=UNDO)
    cover = Changes(cover=True)
    both = text | cover
    assert both.blocks == blocks("b1") and both.cover and both.initiator == UNDO
    assert both.touches(cover=True) and not both.touches(footnotes=True)
    assert both.touches_blocks(["b1", "b7"]) and not both.touches_blocks(["b7"])
    assert Changes(structure=True).touches_blocks(["b7"])
    assert Changes().empty and not both.empty
    assert combined([], FILE) == Changes(initiator=FILE)
    assert combined([text, cover]) == both
    assert Changes.all(FILE).touches(versions=True) and Changes.all(FILE).initiator == FILE
    assert Changes(blocks={"b1"}).blocks == blocks("b1")        # any iterable becomes a frozenset
    assert cover.by(FILE).initiator == FILE and cover.initiator == EDITOR
    assert set(flag_names()) == {"structure", "footnotes", "annotations", "cover",
                                 "translations", "versions"}
    with pytest.raises(TypeError):
        both.touches(colour=True)
    assert "blocks b1" in both.describe() and "cover" in both.describe()


def test_named_annotations_stay_named_only_while_every_change_names_them():
    one, other = Changes.of_annotations("c1"), Changes.of_annotations("r2")
    assert (one | other).annotation_ids == frozenset({"c1", "r2"})
    assert (one | Changes(cover=True)).annotation_ids == frozenset({"c1"})
    assert (Changes() | one).annotation_ids == frozenset({"c1"})
    unnamed = Changes(annotations=True)                 # e.g. anchors shifted by an edit
    assert (one | unnamed).annotation_ids is None
    assert (unnamed | one).annotation_ids is None
    assert (one | other).touches(annotations=True)
    assert Changes.of_annotations().touches(annotations=True)    # a party added
