"""Order-keeping alignment of two block sequences by anchor similarity.

A dynamic programme over (draft block, other block) picks the links with the highest total
score: one block for one (1–1), one draft block for two neighbouring blocks of the other text
(a paragraph the translation split, 1–2), or two draft blocks for one (a paragraph it merged,
2–1). Leaving a block unlinked costs a little (more than taking two for one, as a translator
splits or merges more often than they leave out), so a missing paragraph is skipped instead of
shifting every pair after it, whose anchors would all fit worse. The programme runs in a band around the diagonal, a
narrow margin that doubles only where the best path reaches its edge, so its cost grows
linearly with the text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .pair_anchors import (
    COMBINE_COST,
    MIN_MATCH,
    SKIP_COST,
    Anchors,
    combined,
    length_ratio,
    similarity,
)

#: Half-width of the first band, in blocks, around the diagonal.
BAND = 12

_NONE, _SKIP_MAIN, _SKIP_OTHER, _ONE_ONE, _ONE_TWO, _TWO_ONE = range(6)
_NEG = float("-inf")


@dataclass(frozen=True)
class Link:
    """Draft blocks `main` are the counterpart of blocks `other` of the other text."""
    main: tuple[int, ...]
    other: tuple[int, ...]
    score: float


def align(mine: Sequence[Anchors], theirs: Sequence[Anchors]) -> list[Link]:
    """The best order-keeping links between the two sequences, in order.

    The band starts narrow; where the best path runs along its edge the path may have been
    cut short, and the programme runs again in a band twice as wide."""
    n, m = len(mine), len(theirs)
    if not n or not m:
        return []
    width = BAND
    while True:
        links, on_edge = _align_in_band(mine, theirs, width)
        if not on_edge or width >= max(n, m):
            return links
        width *= 2


def _align_in_band(mine: Sequence[Anchors], theirs: Sequence[Anchors], width: int
                   ) -> tuple[list[Link], bool]:
    n, m = len(mine), len(theirs)
    ratio = length_ratio(mine, theirs)
    mine_pairs = [combined(mine[i], mine[i + 1]) for i in range(n - 1)]
    theirs_pairs = [combined(theirs[j], theirs[j + 1]) for j in range(m - 1)]

    def band(i: int) -> tuple[int, int]:
        centre = i * m // n
        return max(0, centre - width), min(m, centre + width)

    def score(a: Anchors | None, b: Anchors | None, cost: float) -> float | None:
        if a is None or b is None:
            return None
        value = similarity(a, b, ratio)
        if value is None or value - cost < MIN_MATCH:
            return None
        return value - cost

    lows: list[int] = []
    bests: list[list[float]] = []
    moves: list[list[int]] = []
    gains: list[list[float]] = []       # score of the link each cell's move takes

    def best(i: int, j: int) -> float:
        if i < 0:
            return _NEG
        k = j - lows[i]
        row = bests[i]
        return row[k] if 0 <= k < len(row) else _NEG

    for i in range(n + 1):
        low, high = band(i)
        lows.append(low)
        row = [_NEG] * (high - low + 1)
        move = [_NONE] * (high - low + 1)
        gain = [0.0] * (high - low + 1)
        bests.append(row)
        moves.append(move)
        gains.append(gain)
        for j in range(low, high + 1):
            k = j - low
            if i == 0 and j == 0:
                row[k] = 0.0
                continue
            value, how = _NEG, _NONE
            if i and (candidate := best(i - 1, j) - SKIP_COST) > value:
                value, how = candidate, _SKIP_MAIN
            if j > low and (candidate := row[k - 1] - SKIP_COST) > value:
                value, how = candidate, _SKIP_OTHER
            if i and j:
                gained = score(mine[i - 1], theirs[j - 1], 0.0)
                if gained is not None and (candidate := best(i - 1, j - 1) + gained) > value:
                    value, how, gain[k] = candidate, _ONE_ONE, gained
            if i and j > 1:
                gained = score(mine[i - 1], theirs_pairs[j - 2], COMBINE_COST)
                if gained is not None and (candidate := best(i - 1, j - 2) + gained) > value:
                    value, how, gain[k] = candidate, _ONE_TWO, gained
            if i > 1 and j:
                gained = score(mine_pairs[i - 2], theirs[j - 1], COMBINE_COST)
                if gained is not None and (candidate := best(i - 2, j - 1) + gained) > value:
                    value, how, gain[k] = candidate, _TWO_ONE, gained
            row[k], move[k] = value, how
    return _trace(moves, gains, lows, n, m)


def _trace(moves, gains, lows, n: int, m: int) -> tuple[list[Link], bool]:
    """The links of the best path, and whether it touched the edge of the band."""
    result: list[Link] = []
    on_edge = False
    i, j = n, m
    while i > 0 or j > 0:
        k = j - lows[i]
        if (k == 0 and lows[i] > 0) or (k == len(moves[i]) - 1 and j < m):
            on_edge = True
        how = moves[i][k]
        gained = gains[i][j - lows[i]]
        if how == _SKIP_MAIN:
            i -= 1
        elif how == _SKIP_OTHER:
            j -= 1
        elif how == _ONE_ONE:
            result.append(Link((i - 1,), (j - 1,), gained))
            i, j = i - 1, j - 1
        elif how == _ONE_TWO:
            result.append(Link((i - 1,), (j - 2, j - 1), gained))
            i, j = i - 1, j - 2
        elif how == _TWO_ONE:
            result.append(Link((i - 2, i - 1), (j - 1,), gained))
            i, j = i - 2, j - 1
        else:                                   # only the start has no move
            break
    result.reverse()
    return result, on_edge


def fill_gaps(links: list[Link], n: int, m: int) -> list[Link]:
    """Blocks left between two links are linked one to one, in order, when both sides have
    as many (a heading on one side, a paragraph on the other)."""
    result: list[Link] = []
    last_i = last_j = -1
    for link in [*links, Link((n,), (m,), 0.0)]:
        gap_main = range(last_i + 1, link.main[0])
        gap_other = range(last_j + 1, link.other[0])
        if gap_main and len(gap_main) == len(gap_other):
            result.extend(Link((i,), (j,), 0.0) for i, j in zip(gap_main, gap_other, strict=True))
        if link.main[0] < n:
            result.append(link)
        last_i, last_j = link.main[-1], link.other[-1]
    return result
