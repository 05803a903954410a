"""MoveBlock moves paragraphs keeping their ids, with their footnotes and annotations."""

from __future__ import annotations

import copy
from datetime import date

import pytest

from app.model import Block, BlockKind, Draft, Footnote, FootnoteRef, TextRun, operation_from_json
from app.model.annotations import Anchor, Comment
from app.model.move_ops import MoveBlock, move_by, move_to


def sample() -> Draft:
    draft = Draft(
        blocks=[Block(BlockKind.NUMBERED, [TextRun(f"para {n}")], id=f"b{n}") for n in range(5)],
        footnotes={"f1": Footnote("a note", "f1")},
    )
    draft.blocks[1].content.append(FootnoteRef("f1"))
    draft.blocks[1].number = "5a"
    return draft


def order(draft: Draft) -> list[str]:
    return [block.id for block in draft.blocks]


def test_move_down_and_up_and_back():
    draft = sample()
    before = copy.deepcopy(draft)
    inverse = move_by(draft, 1, 1, 1).apply(draft)
    assert order(draft) == ["b0", "b2", "b1", "b3", "b4"]
    assert draft.block("b1").footnote_ids == ["f1"] and draft.block("b1").number == "5a"
    inverse.apply(draft)
    assert draft == before
    move_by(draft, 3, 2, -3).apply(draft)
    assert order(draft) == ["b3", "b4", "b0", "b1", "b2"]


def test_edges_give_no_move_and_bad_moves_refuse():
    draft = sample()
    assert move_by(draft, 0, 1, -1) is None
    assert move_by(draft, 4, 1, 1) is None
    assert move_by(draft, 3, 2, 1) is None
    with pytest.raises(ValueError):
        MoveBlock("b4", 0, 2).apply(draft)
    with pytest.raises(ValueError):
        MoveBlock("b0", 5).apply(draft)
    assert order(draft) == ["b0", "b1", "b2", "b3", "b4"]


def test_move_to_is_a_drop_before_a_row():
    draft = sample()
    assert move_to(draft, 1, 1, 1) is None and move_to(draft, 1, 1, 2) is None
    move_to(draft, 0, 2, 5).apply(draft)
    assert order(draft) == ["b2", "b3", "b4", "b0", "b1"]
    move_to(draft, 4, 1, 0).apply(draft)
    assert order(draft) == ["b1", "b2", "b3", "b4", "b0"]


def test_annotations_stay_on_the_moved_paragraph_and_json_round_trips():
    draft = sample()
    draft.comments["c1"] = Comment(id="c1", party="BE", text="why?", date=date(2024, 3, 1),
                                   anchor=Anchor("b1", 0, 4))
    op = MoveBlock("b1", 3)
    assert operation_from_json(op.to_json()) == op
    inverse = op.apply(draft)
    assert draft.blocks[3].id == "b1"
    assert draft.comments["c1"].anchor == Anchor("b1", 0, 4)
    assert inverse == MoveBlock("b1", 1, 1)
