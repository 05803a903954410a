"""How a paragraph is named to the user: "§ 7" (or "§ 7.1") for numbered paragraphs, "¶ 3"
(its position) for the others. The comparison, the comment lists, the compilation export and
the language-version pairing report all name paragraphs this way.

Numbers of NUMBERED blocks are not in their text; they are computed in reading order (a
deeper level restarts under each paragraph of the level above), so renumbering alone never
shows as a change of text.
"""

from __future__ import annotations

from .draft import Block, BlockKind


def paragraph_numbers(blocks: list[Block]) -> list[str]:
    """Per block the number it prints with ("7", "7.1"), or "" for an unnumbered block."""
    counters: list[int] = []
    numbers: list[str] = []
    for block in blocks:
        if block.kind != BlockKind.NUMBERED:
            numbers.append("")
            continue
        level = max(block.level, 0)
        del counters[level + 1:]
        while len(counters) <= level:
            counters.append(0)
        counters[level] += 1
        numbers.append(".".join(str(n) for n in counters[: level + 1]))
    return numbers


def paragraph_labels(blocks: list[Block]) -> list[str]:
    return [
        f"§ {number}" if number else f"¶ {position}"
        for position, number in enumerate(paragraph_numbers(blocks), start=1)
    ]
