"""Operations change the draft and their inverses restore it exactly."""

import copy

import pytest

from app.model import Block, BlockKind, Draft, Footnote, FootnoteRef, TextRun
from app.model.inline import anchored_text, content_length, split_at
from app.model.ops import (
    AddFootnote,
    Batch,
    InsertBlock,
    MergeWithNext,
    RemoveBlock,
    ReplaceContent,
    SetBlockFormat,
    SetFootnoteText,
    SetMeta,
    SplitBlock,
    delete_range,
    insert_text,
    operation_from_json,
)


def sample() -> Draft:
    return Draft(
        blocks=[
            Block(BlockKind.OPERATIVE, [TextRun("WE REAFFIRM", bold=True), TextRun(" the Mechanism"),
                                        FootnoteRef("f1"), TextRun(".")], id="b1"),
            Block(BlockKind.LIST_ITEM, [TextRun("Addressing drugs")], level=1, id="b2"),
        ],
        footnotes={"f1": Footnote("Hereinafter 'the Mechanism'", "f1")},
    )


OPERATIONS = [
    insert_text("b1", 11, ",", italic=True),
    delete_range("b1", 0, 3),
    delete_range("b1", 20, 26),            # across the footnote reference
    ReplaceContent("b2", 0, 10, [TextRun("Countering", underline=True)]),
    SplitBlock("b1", 11, "b9"),
    SplitBlock("b1", 0, "b9", BlockKind.PARAGRAPH, 0),
    MergeWithNext("b1"),
    InsertBlock(1, Block(BlockKind.HEADING, [TextRun("1. Heading")], id="h1")),
    RemoveBlock("b2"),
    SetBlockFormat("b2", BlockKind.LIST_ITEM, 2),
    AddFootnote("f2", "A new note"),
    SetFootnoteText("f1", "Changed"),
    SetMeta("subject", "La Paz declaration"),
    SetMeta("date", "2024-02-28"),
    SetMeta("codes", ["COLAC 27"]),
    Batch([SplitBlock("b1", 5, "b9"), insert_text("b9", 0, "X")]),
]


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda op: op.name)
def test_inverse_restores_draft(operation):
    draft = sample()
    before = copy.deepcopy(draft)
    inverse = operation.apply(draft)
    assert draft != before
    redo = inverse.apply(draft)
    assert draft == before
    redo.apply(draft)
    again = sample()
    operation.apply(again)
    assert draft == again


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda op: op.name)
def test_operations_serialise(operation):
    restored = operation_from_json(operation.to_json())
    first, second = sample(), sample()
    operation.apply(first)
    restored.apply(second)
    assert first == second


def test_split_keeps_id_on_first_half():
    draft = sample()
    SplitBlock("b1", 11, "new").apply(draft)
    assert [b.id for b in draft.blocks] == ["b1", "new", "b2"]
    assert draft.blocks[0].text == "WE REAFFIRM"
    assert draft.blocks[1].text == " the Mechanism."
    assert draft.blocks[1].footnote_ids == ["f1"]
    assert draft.blocks[1].kind == BlockKind.OPERATIVE


def test_deleting_a_reference_keeps_the_footnote_text():
    draft = sample()
    inverse = delete_range("b1", 25, 26).apply(draft)
    assert draft.blocks[0].footnote_ids == []
    assert draft.unreferenced_footnotes() == ["f1"]
    inverse.apply(draft)
    assert draft.footnote_order() == ["f1"]


def test_out_of_range_edit_is_refused_and_changes_nothing():
    draft = sample()
    before = copy.deepcopy(draft)
    with pytest.raises(ValueError):
        insert_text("b2", 99, "x").apply(draft)
    with pytest.raises(ValueError):
        Batch([insert_text("b2", 0, "ok"), insert_text("b2", 99, "x")]).apply(draft)
    assert draft == before


def test_offsets_count_a_reference_as_one_character():
    content = sample().blocks[0].content
    assert content_length(content) == len(anchored_text(content)) == 27
    left, right = split_at(content, 26)
    assert right == [TextRun(".")]


def test_full_number_puts_revision_inside():
    from app.model import NoteMeta

    assert NoteMeta(number="6914/24", suffix="REV 1").full_number == "6914/1/24 REV 1"
    assert NoteMeta(number="9465/18", suffix="COR 1").full_number == "9465/18 COR 1"
    assert NoteMeta(number="6914/24").full_number == "6914/24"
