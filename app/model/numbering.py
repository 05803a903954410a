"""How a paragraph is named to the user: "§ 7" (or "§ 7.1") for numbered paragraphs, "¶ 3"
(its position) for the others. The comparison, the comment lists, the compilation export and
the language-version pairing report all name paragraphs this way.

Numbers of NUMBERED blocks are not in their text; they are computed in reading order (a
deeper level restarts under each paragraph of the level above), so renumbering alone never
shows as a change of text. A block may carry the number its source printed (`Block.number`,
"8" or "5a") where that is not the computed one: it prints that number and the computation
goes on from it ("8, 9, 10 …"; after "5a" comes 6).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from .draft import BlockKind

_LEADING_DIGITS = re.compile(r"\d+")


class Numbered(Protocol):
    """What numbering needs of a block (a model Block or an exporter's localised block)."""

    kind: BlockKind
    level: int


def _source_number(block: Numbered) -> str | None:
    return (getattr(block, "number", None) or "").strip() or None


def _follow(counters: list[int], level: int, printed: str) -> None:
    """Set the counters from a printed number so the computed ones continue after it."""
    parts = printed.split(".")
    # "8" at level 1 only sets that level; "7.3" sets both levels.
    first = level + 1 - len(parts) if len(parts) <= level + 1 else 0
    for offset, part in enumerate(parts[: level + 1]):
        match = _LEADING_DIGITS.match(part.strip())
        if match and 0 <= first + offset <= level:
            counters[first + offset] = int(match.group())


class _Counter:
    """The running numbers of the levels, fed one block at a time in reading order."""

    def __init__(self) -> None:
        self.counters: list[int] = []

    def _at(self, level: int) -> None:
        del self.counters[level + 1:]
        while len(self.counters) <= level:
            self.counters.append(0)

    def computed(self, level: int) -> str:
        """The number the next paragraph at `level` gets when it has none of its own."""
        self._at(level)
        following = self.counters[: level + 1]
        following[level] += 1
        return ".".join(str(n) for n in following)

    def take(self, block: Numbered) -> str:
        if block.kind != BlockKind.NUMBERED:
            return ""
        level = max(block.level, 0)
        self._at(level)
        printed = _source_number(block)
        if printed is None:
            self.counters[level] += 1
            return ".".join(str(n) for n in self.counters[: level + 1])
        _follow(self.counters, level, printed)
        return printed


def paragraph_numbers(blocks: Sequence[Numbered]) -> list[str]:
    """Per block the number it prints with ("7", "7.1", "5a"), or "" for an unnumbered block."""
    counter = _Counter()
    return [counter.take(block) for block in blocks]


def from_source(blocks: Sequence[Numbered]) -> list[bool]:
    """Per block whether its number is the source's own rather than a computed one."""
    return [block.kind == BlockKind.NUMBERED and _source_number(block) is not None
            for block in blocks]


def keep_source_numbers(blocks: Sequence, printed: Sequence[str | None]) -> None:
    """Set `number` on the blocks whose printed number (per block, None: none) differs from
    the number computed in order, so each prints as its source did and the others stay
    computed."""
    counter = _Counter()
    for block, number in zip(blocks, printed, strict=True):
        block.number = None
        if block.kind == BlockKind.NUMBERED and number is not None and number.strip():
            if counter.computed(max(block.level, 0)) != number.strip():
                block.number = number.strip()
        counter.take(block)


def paragraph_labels(blocks: Sequence[Numbered]) -> list[str]:
    return [
        f"§ {number}" if number else f"¶ {position}"
        for position, number in enumerate(paragraph_numbers(blocks), start=1)
    ]
