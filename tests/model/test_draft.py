"""Finding a block by id: fast for thousands of look-ups, and right after any change."""

from __future__ import annotations

import pytest

from app.model import Block, BlockKind, Draft, TextRun


def test_finding_a_block_follows_every_change_to_the_list():
    blocks = [Block(BlockKind.PARAGRAPH, [TextRun(f"P{n}")], id=f"b{n}") for n in range(6)]
    draft = Draft(blocks=list(blocks))
    assert draft.block_index("b4") == 4 and draft.block("b4").text == "P4"
    draft.blocks.insert(0, Block(BlockKind.PARAGRAPH, [TextRun("New")], id="n"))
    assert draft.block_index("b4") == 5 and draft.block_index("n") == 0
    del draft.blocks[2]                                  # b1 goes
    assert draft.block_index("b4") == 4
    with pytest.raises(KeyError):
        draft.block_index("b1")
    draft.blocks.reverse()
    assert [draft.block_index(b.id) for b in draft.blocks] == list(range(len(draft.blocks)))
    draft.blocks = blocks[:2]                            # the list itself replaced
    assert draft.block_index("b1") == 1
    with pytest.raises(KeyError):
        draft.block("b4")
    assert draft == Draft(blocks=blocks[:2])             # the look-up table is not compared
