"""Paragraph names shown to the user: numbers in reading order, nested levels restart."""

from app.model import Block, BlockKind, TextRun
from app.model.numbering import paragraph_labels, paragraph_numbers


def block(kind: BlockKind, level: int = 0) -> Block:
    return Block(kind, [TextRun("x")], level)


def test_numbers_restart_under_each_paragraph_and_others_go_by_position():
    blocks = [block(BlockKind.TITLE), block(BlockKind.NUMBERED), block(BlockKind.NUMBERED, 1),
              block(BlockKind.NUMBERED, 1), block(BlockKind.NUMBERED), block(BlockKind.NUMBERED, 1),
              block(BlockKind.PARAGRAPH)]
    assert paragraph_numbers(blocks) == ["", "1", "1.1", "1.2", "2", "2.1", ""]
    assert paragraph_labels(blocks) == ["¶ 1", "§ 1", "§ 1.1", "§ 1.2", "§ 2", "§ 2.1", "¶ 7"]
