"""Moving paragraphs: one invertible operation that keeps every block's id.

A moved paragraph is the same paragraph in another place, not a deletion and an insertion:
it keeps its id, so its comments, reservations, footnote references, clause origin and
printed number go with it, and Compare shows it as moved. Nothing is copied or re-made.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from .changes import Changes
from .draft import Draft
from .ops import Operation


@dataclass
class MoveBlock(Operation):
    """Move `count` consecutive blocks, the first being `block_id`, so that the first one
    stands at `index` of the list afterwards (0 … len(blocks) - count)."""

    name: ClassVar[str] = "move_block"
    block_id: str
    index: int
    count: int = 1

    def apply(self, draft: Draft) -> Operation:
        start = draft.block_index(self.block_id)
        total = len(draft.blocks)
        if self.count < 1 or start + self.count > total:
            raise ValueError(f"cannot move {self.count} blocks from block {self.block_id}")
        if not 0 <= self.index <= total - self.count:
            raise ValueError(f"position {self.index} is outside the draft for {self.count} block(s)")
        moving = draft.blocks[start:start + self.count]
        rest = draft.blocks[:start] + draft.blocks[start + self.count:]
        draft.blocks[:] = rest[:self.index] + moving + rest[self.index:]
        return MoveBlock(self.block_id, start, self.count)

    def changes(self) -> Changes:
        # the others moved with it are named by the structure flag (see app.model.changes)
        return Changes(blocks=frozenset({self.block_id}), structure=True)

    def block_ids(self, draft: Draft) -> list[str]:
        """The ids of the blocks this move takes (read before applying it)."""
        start = draft.block_index(self.block_id)
        return [block.id for block in draft.blocks[start:start + self.count]]


def move_by(draft: Draft, first: int, count: int, delta: int) -> MoveBlock | None:
    """The move of blocks [first, first + count) by `delta` places (-1 up, +1 down), or None
    at the edge of the draft (nothing to move past)."""
    if count < 1 or first < 0 or first + count > len(draft.blocks):
        return None
    target = first + delta
    if target < 0 or target + count > len(draft.blocks) or delta == 0:
        return None
    return MoveBlock(draft.blocks[first].id, target, count)


def move_to(draft: Draft, first: int, count: int, before: int) -> MoveBlock | None:
    """The move of blocks [first, first + count) to stand before the block now at `before`
    (len(blocks): at the end), as a drop in a list does; None when nothing would change."""
    if count < 1 or first < 0 or first + count > len(draft.blocks):
        return None
    before = max(0, min(before, len(draft.blocks)))
    if first <= before <= first + count:
        return None
    target = before if before < first else before - count
    return MoveBlock(draft.blocks[first].id, target, count)
