"""Comment and reservation anchors follow the text through every operation, and undo is exact."""

import copy
import json
from datetime import date

import pytest

from app.model import Block, BlockKind, Draft, FootnoteRef, TextRun, operation_from_json
from app.model.annotation_ops import AddComment, AddReservation, SetAnchors
from app.model.annotations import (
    Anchor,
    Comment,
    Reservation,
    ReservationKind,
    block_spans,
    rederive_block_anchors,
)
from app.model.ops import (
    Batch,
    InsertBlock,
    MergeWithNext,
    RemoveBlock,
    ReplaceContent,
    SplitBlock,
    delete_range,
    insert_text,
)

TEXT = "WE REAFFIRM our commitment to the Mechanism."
#       0123456789012345678901234567890123456789012345
#                  ^12 "our" 15       ^29 "the Mechanism" 42


def make_draft() -> Draft:
    draft = Draft(
        blocks=[
            Block(BlockKind.TITLE, [TextRun("La Paz declaration")], id="t"),
            Block(BlockKind.OPERATIVE, [TextRun(TEXT)], id="b1"),
            Block(BlockKind.OPERATIVE, [TextRun("WE AGREE to meet again.")], id="b2"),
        ]
    )
    # "our commitment" = 12..26
    AddComment(Comment("c1", Anchor("b1", 12, 26), "HU", "Too strong.",
                       date=date(2024, 2, 1)).to_json()).apply(draft)
    AddReservation(Reservation("r1", Anchor("b1"), ["PL"], ReservationKind.SCRUTINY,
                               date=date(2024, 2, 1)).to_json()).apply(draft)
    return draft


def span(draft: Draft, key: str = "c1") -> tuple:
    anchor = (draft.comments.get(key) or draft.reservations[key]).anchor
    return (anchor.block_id, anchor.start, anchor.end, anchor.orphaned)


def covered(draft: Draft, key: str = "c1") -> str:
    anchor = draft.comments[key].anchor
    return draft.block(anchor.block_id).text[anchor.start:anchor.end]


def apply_and_undo(draft: Draft, operation) -> tuple:
    """Apply, record the result, undo (through JSON, as a saved history would), check exactness."""
    before = copy.deepcopy(draft)
    inverse = operation.apply(draft)
    after = copy.deepcopy(draft)
    inverse = operation_from_json(json.loads(json.dumps(inverse.to_json())))
    redo = inverse.apply(draft)
    assert draft == before
    redo.apply(draft)
    assert draft == after
    return after


@pytest.mark.parametrize(
    "offset, expected",
    [
        (0, ("b1", 15, 29, False)),      # before the span: it shifts
        (12, ("b1", 15, 29, False)),     # just before: typed text stays outside
        (18, ("b1", 12, 29, False)),     # inside: the span grows
        (26, ("b1", 12, 26, False)),     # just after: outside
        (40, ("b1", 12, 26, False)),     # after: unchanged
    ],
)
def test_insert_moves_span(offset, expected):
    draft = make_draft()
    after = apply_and_undo(draft, insert_text("b1", offset, "XYZ"))
    assert span(after) == expected
    assert covered(after).replace("XYZ", "") == "our commitment"


@pytest.mark.parametrize(
    "start, end, expected_text",
    [
        (0, 3, "our commitment"),        # before
        (10, 16, "commitment"),            # across the start
        (15, 19, "ourmitment"),         # inside
        (20, 30, "our comm"),              # across the end
        (30, 40, "our commitment"),      # after
    ],
)
def test_delete_keeps_surviving_text(start, end, expected_text):
    draft = make_draft()
    after = apply_and_undo(draft, delete_range("b1", start, end))
    assert covered(after) == expected_text
    assert not after.comments["c1"].anchor.orphaned


def test_deleting_the_whole_span_orphans_and_undo_revives():
    draft = make_draft()
    inverse = delete_range("b1", 5, 30).apply(draft)
    assert "c1" in draft.comments                       # kept, never dropped
    assert span(draft) == ("b1", 5, 5, True)
    inverse.apply(draft)
    assert span(draft) == ("b1", 12, 26, False)
    assert covered(draft) == "our commitment"


def test_typing_over_a_span_orphans_it():
    draft = make_draft()
    apply_and_undo(draft, ReplaceContent("b1", 12, 26, [TextRun("the pledge")]))
    ReplaceContent("b1", 12, 26, [TextRun("the pledge")]).apply(draft)
    assert span(draft)[3] is True


def test_footnote_reference_counts_one():
    draft = make_draft()
    inverse = ReplaceContent("b1", 3, 3, [FootnoteRef("f1")]).apply(draft)
    assert span(draft) == ("b1", 13, 27, False)
    inverse.apply(draft)
    assert span(draft) == ("b1", 12, 26, False)


@pytest.mark.parametrize(
    "offset, expected",
    [
        (5, ("b9", 7, 21, False)),       # split before the span: it moves to the new block
        (12, ("b9", 0, 14, False)),      # split at its start
        (20, ("b1", 12, 20, False)),     # across it: the first part stays
        (30, ("b1", 12, 26, False)),     # after it
    ],
)
def test_split_and_undo(offset, expected):
    draft = make_draft()
    after = apply_and_undo(draft, SplitBlock("b1", offset, "b9"))
    assert span(after) == expected
    assert span(after, "r1") == ("b1", None, None, False)   # a paragraph reservation keeps the id


def test_merge_moves_anchors_of_the_second_block():
    draft = make_draft()
    AddComment(Comment("c2", Anchor("b2", 3, 8), "FR", "Which?").to_json()).apply(draft)
    AddReservation(Reservation("r2", Anchor("b2"), ["DE"], ReservationKind.GENERAL).to_json()).apply(draft)
    after = apply_and_undo(draft, MergeWithNext("b1"))
    assert after.comments["c2"].anchor.block_id == "b1"
    assert after.block("b1").text[slice(*span(after, "c2")[1:3])] == "AGREE"
    # the paragraph reservation of the second block now covers its former text
    r2 = after.reservations["r2"].anchor
    assert after.block("b1").text[r2.start:r2.end] == "WE AGREE to meet again."


def test_manual_split_then_merge_keeps_text_anchored():
    draft = make_draft()
    SplitBlock("b1", 5, "b9").apply(draft)
    MergeWithNext("b1").apply(draft)
    assert covered(draft) == "our commitment"


def test_remove_block_orphans_and_insert_undo_revives():
    draft = make_draft()
    inverse = RemoveBlock("b1").apply(draft)
    assert span(draft)[3] is True and span(draft, "r1")[3] is True
    assert set(draft.comments) == {"c1"} and set(draft.reservations) == {"r1"}
    redo = operation_from_json(inverse.to_json()).apply(draft)
    assert span(draft) == ("b1", 12, 26, False)
    assert span(draft, "r1") == ("b1", None, None, False)
    redo.apply(draft)
    assert span(draft)[3] is True


def test_pasting_a_new_block_touches_no_anchor():
    draft = make_draft()
    after = apply_and_undo(draft, InsertBlock(1, Block(BlockKind.PARAGRAPH, [TextRun("New")], id="n")))
    assert span(after) == ("b1", 12, 26, False)


def test_batch_of_typing_undoes_in_one_step():
    draft = make_draft()
    before = copy.deepcopy(draft)
    steps = Batch([insert_text("b1", 0, "A"), delete_range("b1", 10, 20), SplitBlock("b1", 4, "b9")])
    inverse = steps.apply(draft)
    inverse.apply(draft)
    assert draft == before


def test_whole_text_anchor_never_moves():
    draft = make_draft()
    AddReservation(Reservation("r3", Anchor(None), ["CELAC"], ReservationKind.POSITION,
                               text_en="CELAC recalls its position.").to_json()).apply(draft)
    RemoveBlock("t").apply(draft)
    delete_range("b1", 0, 10).apply(draft)
    assert span(draft, "r3") == (None, None, None, False)


def test_rederive_from_editor_spans():
    draft = make_draft()
    # the bridge replaced the whole block text: the mapping alone orphans the comment …
    ReplaceContent("b1", 0, len(TEXT), [TextRun("XX" + TEXT)]).apply(draft)
    assert span(draft)[3] is True
    # … and the spans read back from the widget's char formats put it right (two runs joined)
    anchors = rederive_block_anchors(draft, "b1", [("c1", 14, 20), ("c1", 20, 28)])
    assert span(draft)[3] is True                          # pure: nothing changed yet
    inverse = SetAnchors(anchors).apply(draft)
    assert span(draft) == ("b1", 14, 28, False)
    assert covered(draft) == "our commitment"
    assert block_spans(draft, "b1") == [("c1", 14, 28)]
    inverse.apply(draft)
    assert span(draft)[3] is True


def test_rederive_orphans_a_span_the_editor_lost():
    draft = make_draft()
    anchors = rederive_block_anchors(draft, "b1", [])
    assert anchors == {"c1": {"block_id": "b1", "start": 12, "end": 26, "orphaned": True}}
