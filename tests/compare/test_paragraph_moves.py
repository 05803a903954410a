"""A moved paragraph is one move in Compare and its summary, however the move was made."""

from __future__ import annotations

import copy

from app.compare import compare_drafts
from app.compare.redline import RowKind
from app.compare.summary import count, summary_line
from app.importer.text import import_text_file
from app.model import Block, new_id
from app.model.move_ops import MoveBlock
from app.model.numbering import paragraph_labels
from tests.conftest import CLASI_SEED


def seed():
    draft, _report = import_text_file(CLASI_SEED)
    return draft, paragraph_labels(draft.blocks).index("§ 7")


def kinds(comparison) -> list[RowKind]:
    return [row.kind for row in comparison.rows if row.is_change]


def test_move_block_is_one_move_and_nothing_else():
    draft, index = seed()
    old = copy.deepcopy(draft)
    MoveBlock(draft.blocks[index].id, index + 2).apply(draft)
    comparison = compare_drafts(old, draft, "Rev 0", "Rev 1")
    assert kinds(comparison) == [RowKind.MOVED_AWAY, RowKind.MOVED_HERE]
    assert summary_line(comparison) == "1 paragraph moved"


def test_a_paste_that_took_another_paragraphs_id_still_reads_as_a_move():
    """What cut and paste did before it kept ids: the pasted text took the id of the paragraph
    it was pasted into, whose own text went to a new id. The words all survive, so Compare
    must say one move, not "1 changed, 1 inserted, 1 deleted"."""
    draft, index = seed()
    old = copy.deepcopy(draft)
    cut = draft.blocks.pop(index)
    host = draft.blocks[index + 1]
    own = host.content
    host.content = copy.deepcopy(cut.content)
    draft.blocks.insert(index + 2, Block(host.kind, own, level=host.level, id=new_id()))
    comparison = compare_drafts(old, draft, "Rev 0", "Rev 1")
    counts = count(comparison)
    assert (counts.moved, counts.changed, counts.inserted, counts.deleted) == (1, 0, 0, 0)
    assert summary_line(comparison) == "1 paragraph moved"


def test_a_paragraph_rewritten_in_place_stays_one_changed_paragraph():
    draft, index = seed()
    old = copy.deepcopy(draft)
    from app.model import TextRun

    draft.blocks[index].content = [TextRun("Entirely different words about something else.")]
    draft.blocks.insert(3, Block(draft.blocks[3].kind, [TextRun("A new paragraph on visas.")]))
    comparison = compare_drafts(old, draft, "Rev 0", "Rev 1")
    assert kinds(comparison) == [RowKind.INSERTED, RowKind.CHANGED]
    assert count(comparison).deleted == 0
