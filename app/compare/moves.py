"""Moves: which paired blocks stayed in order and which moved, and the order a redline reads in.

The blocks that stayed in place are the largest set of pairs in the same order in both
versions (a longest increasing subsequence, weighted by length so a long paragraph is not
"moved" to make room for a short one); every other pair is a move.
"""

from __future__ import annotations

from bisect import bisect_left

Pair = tuple[int, int]


def in_place(pairs: list[Pair], weights: list[int] | None = None) -> set[Pair]:
    """The pairs kept in order. `pairs` sorted by old index; `weights` per pair (default 1)."""
    if not pairs:
        return set()
    if weights is None:
        return _longest_increasing(pairs)
    return _heaviest_increasing(pairs, weights)


def _longest_increasing(pairs: list[Pair]) -> set[Pair]:
    tails: list[int] = []          # smallest new index ending an increasing run of each length
    tail_at: list[int] = []        # which pair ends it
    previous: list[int] = [-1] * len(pairs)
    for position, (_, j) in enumerate(pairs):
        length = bisect_left(tails, j)
        if length == len(tails):
            tails.append(j)
            tail_at.append(position)
        else:
            tails[length] = j
            tail_at[length] = position
        previous[position] = tail_at[length - 1] if length else -1
    kept: set[Pair] = set()
    position = tail_at[-1] if tail_at else -1
    while position >= 0:
        kept.add(pairs[position])
        position = previous[position]
    return kept


def _heaviest_increasing(pairs: list[Pair], weights: list[int]) -> set[Pair]:
    """Heaviest increasing run of new indexes, O(n log n) with a Fenwick tree of maxima."""
    size = max(j for _, j in pairs) + 2
    best = [0] * (size + 1)
    best_at = [-1] * (size + 1)

    def query(limit: int) -> tuple[int, int]:      # best total over new index < limit
        total, at = 0, -1
        while limit > 0:
            if best[limit] > total:
                total, at = best[limit], best_at[limit]
            limit -= limit & -limit
        return total, at

    def update(index: int, total: int, at: int) -> None:
        while index <= size:
            if total > best[index]:
                best[index], best_at[index] = total, at
            index += index & -index

    previous = [-1] * len(pairs)
    totals = [0] * len(pairs)
    for position, (_, j) in enumerate(pairs):
        total, at = query(j + 1)
        totals[position] = total + weights[position]
        previous[position] = at
        update(j + 2, totals[position], position)
    position = max(range(len(pairs)), key=totals.__getitem__)
    kept: set[Pair] = set()
    while position >= 0:
        kept.add(pairs[position])
        position = previous[position]
    return kept


def reading_order(
    old_count: int, new_count: int, pairs: list[Pair], kept: set[Pair]
) -> list[tuple[int | None, int | None]]:
    """The rows of a redline, in order: (old, new) for a kept pair, (None, j) for a block that
    is new or moved here, (i, None) for a block deleted or moved away from here. Old blocks
    sit after the kept pair before them, so a deletion reads just before what replaced it."""
    new_of_old = {i: j for i, j in kept}
    after_new: dict[int, list[int]] = {}
    anchor = -1
    for i in range(old_count):
        if i in new_of_old:
            anchor = new_of_old[i]
        else:
            after_new.setdefault(anchor, []).append(i)
    kept_new = {j: i for i, j in kept}
    rows: list[tuple[int | None, int | None]] = [(i, None) for i in after_new.get(-1, [])]
    for j in range(new_count):
        if j in kept_new:
            rows.append((kept_new[j], j))
            rows.extend((i, None) for i in after_new.get(j, []))
        else:
            rows.append((None, j))
    return rows
