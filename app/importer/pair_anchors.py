"""What two blocks in different languages have in common: the anchors that pair them.

Words differ between languages, so a block is described by what a translation keeps: its kind
and level, its paragraph number, its footnote markers, the figures in its text, the names and
acronyms written the same way in both languages ("CELAC", "Europol", "La Paz"), how many quoted
titles it holds, and its length (scaled by the two texts' overall length ratio). `similarity`
turns the anchors of two blocks into a score: positive is evidence they are counterparts, and
a pairing never takes a pair scoring under `MIN_MATCH`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from app.model import Block, BlockKind

#: A pair needs at least this score; a block with nothing better stays unpaired.
MIN_MATCH = -0.5
#: What two blocks of the same kind score before any anchor: pairing is preferred to leaving
#: both unpaired, so a loose translation still pairs where nothing better is on offer.
BASE = 0.5
#: Variance of a translation's length per character (Gale and Church 1993 measured 6.8).
_VARIANCE = 6.8
#: What taking two blocks of one side for one of the other costs: a split or merge is chosen
#: only when the anchors of the two together clearly beat those of either alone.
COMBINE_COST = 0.5
#: What leaving one block unpaired costs. Together with COMBINE_COST it makes a paragraph
#: split in two pair whole (1–2) rather than by its longer half and a skip.
SKIP_COST = 0.4
#: What two blocks of different kinds (a heading and a paragraph) lose.
KIND_MISMATCH = 1.2

_NUMBER = re.compile(r"\d+")
#: Capitalised words and acronyms, not at the start of a sentence (where every language
#: capitalises): the names a translation writes the same way.
_NAME = re.compile(r"(?<![.!?¿¡:]\s)(?<!^)\b[A-ZÁÉÍÓÚÑÜ][\wÁÉÍÓÚÑÜáéíóúñü-]+")
_QUOTED = re.compile(r"[“«\"][^”»\"]{2,}[”»\"]")


@dataclass(frozen=True)
class Anchors:
    kind: BlockKind
    level: int
    ordinal: int | None          # draft: n-th numbered paragraph; version: its source number
    footnotes: int
    numbers: tuple[str, ...]
    names: frozenset[str]
    quotes: int
    length: int
    item: bool = False           # a numbered paragraph or list item (also when kinds are loose)
    position: int | None = None  # n-th numbered paragraph or list item, counted (loose kinds)


def block_anchors(blocks: Sequence[Block], numbers: dict[str, int] | None,
                  loose_kinds: bool = False) -> list[Anchors]:
    """The anchors of each block. `numbers`: the source paragraph numbers of a version's
    blocks (None for the draft, whose numbered paragraphs count in order); `loose_kinds`:
    kinds and levels are not compared (Word styles do not carry them reliably)."""
    result = []
    count = items = 0
    for block in blocks:
        ordinal = position = None
        if block.kind is BlockKind.NUMBERED:
            count += 1
            ordinal = count if numbers is None else numbers.get(block.id)
        if loose_kinds and block.kind in (BlockKind.NUMBERED, BlockKind.LIST_ITEM):
            # Word numbers list paragraphs itself and the reader does not keep the number:
            # counting them is a hint, not a rule (a missing one shifts the count after it).
            items += 1
            position = items
        text = block.text
        result.append(Anchors(
            kind=BlockKind.PARAGRAPH if loose_kinds else block.kind,
            level=0 if loose_kinds else block.level,
            ordinal=ordinal,
            footnotes=len(block.footnote_ids),
            numbers=tuple(_NUMBER.findall(text)),
            names=frozenset(name for name in _NAME.findall(text) if len(name) > 1),
            quotes=len(_QUOTED.findall(text)),
            length=len(text),
            item=block.kind in (BlockKind.NUMBERED, BlockKind.LIST_ITEM),
            position=position,
        ))
    return result


def combined(first: Anchors, second: Anchors) -> Anchors | None:
    """The anchors of two neighbouring blocks read as one paragraph (a split or a merge), or
    None when the second is a numbered paragraph, a list item (Word gives each its own
    number or bullet) or a title, which never continue another."""
    if second.ordinal is not None or second.item or second.kind is BlockKind.TITLE:
        return None
    return Anchors(first.kind, first.level, first.ordinal, first.footnotes + second.footnotes,
                   first.numbers + second.numbers, first.names | second.names,
                   first.quotes + second.quotes, first.length + 1 + second.length, first.item)


def length_ratio(mine: Sequence[Anchors], theirs: Sequence[Anchors]) -> float:
    """How much longer the other language runs overall (Spanish about 1.15 × English)."""
    total_mine = sum(a.length for a in mine) or 1
    total_theirs = sum(a.length for a in theirs) or 1
    return min(2.0, max(0.5, total_theirs / total_mine))


def similarity(a: Anchors, b: Anchors, ratio: float = 1.0) -> float | None:
    """Evidence that block `a` of the draft and `b` of the other text are counterparts;
    None when they cannot pair at all (different paragraph numbers, or a numbered paragraph
    and another kind)."""
    score = BASE + (0.2 if a.level == b.level else -0.3)
    if a.kind is not b.kind:
        # A numbered paragraph pairs only with a numbered one; headings, titles and plain
        # paragraphs are told apart by the importer's guesses, which may differ across languages.
        if BlockKind.NUMBERED in (a.kind, b.kind):
            return None
        score -= KIND_MISMATCH
    if a.ordinal is not None and b.ordinal is not None:
        if a.ordinal != b.ordinal:
            return None
        score += 3.0
    elif a.position is not None and a.position == b.position:
        score += 1.5
    if a.footnotes or b.footnotes:
        score += 1.0 if a.footnotes == b.footnotes else -1.0 * min(abs(a.footnotes - b.footnotes), 2)
    if a.numbers or b.numbers:
        if a.numbers == b.numbers:
            score += 1.5
        else:
            shared = len(set(a.numbers) & set(b.numbers))
            score += 0.4 * shared - 0.8 * min(len(set(a.numbers) ^ set(b.numbers)), 3)
    if a.names and b.names:
        score += 0.4 * min(len(a.names & b.names), 3)
    if a.quotes or b.quotes:
        score += 0.5 if a.quotes == b.quotes else -0.5
    return score + _length_evidence(a.length, b.length, ratio)


def _length_evidence(mine: int, theirs: int, ratio: float) -> float:
    """Gale and Church's measure: how many standard deviations the other block's length is
    from the expected one, the deviation growing with the square root of the length (short
    blocks vary more, relatively). Measured on the UDHR pair: counterparts fall within 1.1 of
    each other but one, a neighbour's paragraph is 2 to 7 away."""
    spread = math.sqrt(_VARIANCE * (mine + theirs) / 2 + 1)
    return 1.5 - 0.7 * abs(theirs - ratio * mine) / spread
