"""Build a draft from seed 003 for comparison tests, without depending on the text importer:
numbered lines become NUMBERED blocks (their numbers left out of the text, as the model
wants), other annex lines PARAGRAPH blocks, superscript marks real footnotes."""

from __future__ import annotations

import copy
import re
from pathlib import Path

from app.model import Block, BlockKind, Draft, Footnote, FootnoteRef, TextRun
from app.model.draft import NoteMeta

_SUPERSCRIPTS = {"¹": "1", "²": "2", "³": "3", "⁴": "4"}
_NUMBERED = re.compile(r"^(\d+)\.\s+(.*)$")


def draft_from_seed(path: Path) -> Draft:
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    start = next(i for i, line in enumerate(lines) if line.startswith("Draft Joint Declaration"))
    footnote_texts = {
        _SUPERSCRIPTS[line[0]]: line[1:].strip()
        for line in lines if line and line[0] in _SUPERSCRIPTS
    }
    draft = Draft(note=NoteMeta(number="10245/23", marking="LIMITE", sender="Presidency",
                                recipient="Delegations", subject=lines[start]))
    marks = {}
    for mark, text in footnote_texts.items():
        note = Footnote(text)
        draft.footnotes[note.id] = note
        marks[mark] = note.id
    draft.blocks.append(Block(BlockKind.TITLE, [TextRun(lines[start])]))
    for line in lines[start + 1:]:
        if not line or line == "-" or line[0] in _SUPERSCRIPTS:
            continue
        match = _NUMBERED.match(line)
        kind, text = (BlockKind.NUMBERED, match.group(2)) if match else (BlockKind.PARAGRAPH, line)
        content: list = []
        for part in re.split(r"([¹²³⁴])", text):
            if part in _SUPERSCRIPTS:
                content.append(FootnoteRef(marks[_SUPERSCRIPTS[part]]))
            elif part:
                content.append(TextRun(part))
        draft.blocks.append(Block(kind, content))
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
