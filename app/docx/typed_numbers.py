"""Paragraph numbers typed as text in a Word file ("7. Reiterate …", "5a. …").

Council notes made in Word often carry their point numbers as typed text rather than Word
numbering. Such a paragraph is a numbered paragraph whose number, as printed, is data: the
typed number leaves the text and is kept on the block where it differs from the computed one
(a text whose points start at 8 keeps 8, 9 …; "5a" stays 5a).
"""

from __future__ import annotations

import re
from dataclasses import replace

from app.model import BlockKind, Draft, TextRun
from app.model.numbering import keep_source_numbers, paragraph_numbers

#: "7. ", "12. ", "5a. ": one to three digits, an optional letter, a full stop, a space.
TYPED_NUMBER = re.compile(r"\s*(\d{1,3}[a-z]?)\.\s+(?=\S)")
#: Fewer typed numbers than this and a leading figure is more likely a sentence than a point.
MIN_TYPED = 2


def number_typed_paragraphs(draft: Draft) -> int:
    """Make plain paragraphs that start with a typed number numbered paragraphs; returns how
    many. Blocks already numbered keep their numbers."""
    found: dict[int, tuple[str, int]] = {}
    for index, block in enumerate(draft.blocks):
        if block.kind is not BlockKind.PARAGRAPH or not block.content:
            continue
        first = block.content[0]
        if isinstance(first, TextRun) and (match := TYPED_NUMBER.match(first.text)):
            found[index] = (match.group(1), match.end())
    if len(found) < MIN_TYPED:
        return 0
    printed = paragraph_numbers(draft.blocks)
    wanted: list[str | None] = []
    for index, block in enumerate(draft.blocks):
        if index in found:
            number, cut = found[index]
            first = block.content[0]
            rest = first.text[cut:]
            block.content = ([replace(first, text=rest)] if rest else []) + block.content[1:]
            block.kind, block.level = BlockKind.NUMBERED, 0
            wanted.append(number)
        else:
            wanted.append(printed[index] if block.kind is BlockKind.NUMBERED else None)
    keep_source_numbers(draft.blocks, wanted)
    return len(found)
