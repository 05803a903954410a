"""Seed 003 as a draft (through the real text importer) and a revision of it made with
every kind of change a negotiator meets."""

from __future__ import annotations

import copy
from pathlib import Path

from app.importer.text import import_text_file
from app.model import Block, BlockKind, Draft, TextRun


def draft_from_seed(path: Path) -> Draft:
    draft, _report = import_text_file(path)
    return draft


def numbered(draft: Draft, number: int) -> Block:
    """The block printed as § `number` (numbers are computed, not stored)."""
    blocks = [block for block in draft.blocks if block.kind == BlockKind.NUMBERED]
    return blocks[number - 1]


def make_revision(rev1: Draft) -> tuple[Draft, dict]:
    """Rev 2 of the seed: one paragraph inserted (so all after it renumber), one deleted, one
    reworded, one moved, one footnote changed. Returns the draft and what was done, by id."""
    rev2 = copy.deepcopy(rev1)
    rev2.versions = []
    reworded = numbered(rev2, 2)
    reworded.content = [TextRun(reworded.text.replace(
        "Aware of the criminal threats", "Aware of the serious and growing criminal threats"))]
    deleted = numbered(rev2, 18)
    rev2.blocks.remove(deleted)
    moved = numbered(rev2, 14)
    rev2.blocks.remove(moved)
    rev2.blocks.insert(rev2.blocks.index(numbered(rev2, 20)) + 1, moved)
    inserted = Block(BlockKind.NUMBERED, [TextRun(
        "Stress the need to protect witnesses and whistle-blowers in cases of organised crime;")])
    rev2.blocks.insert(rev2.blocks.index(numbered(rev2, 5)) + 1, inserted)
    footnote_id = rev2.footnote_order()[0]
    rev2.footnotes[footnote_id].text = (
        "Name changed to European Union Drugs Agency (EUDA) by Regulation (EU) 2023/1322.")
    return rev2, {
        "reworded": reworded.id, "deleted": deleted.id, "moved": moved.id,
        "inserted": inserted.id, "footnote": footnote_id,
    }
