"""How the editor takes an operation (`DraftEditor.apply_operation`): block operations are
written into the QTextDocument and read back like typing; the others change the model only,
and must leave the blocks as they were (or the document would no longer show the model).
"""

from __future__ import annotations

from app.model import Draft, Operation
from app.model.move_ops import MoveBlock
from app.model.ops import (
    Batch,
    InsertBlock,
    MergeWithNext,
    RemoveBlock,
    ReplaceContent,
    SetBlockFormat,
    SplitBlock,
)

#: Operations that change blocks: they are written into the document (one Qt step) and read back.
BLOCK_OPERATIONS = (ReplaceContent, SplitBlock, MergeWithNext, InsertBlock, RemoveBlock, SetBlockFormat,
                    MoveBlock)


def only_block_operations(op: Operation) -> bool:
    """A block operation, or a batch of block operations only (Replace All): one Qt step."""
    if isinstance(op, Batch):
        return bool(op.operations) and all(isinstance(p, BLOCK_OPERATIONS) for p in op.operations)
    return isinstance(op, BLOCK_OPERATIONS)


def touches_blocks(op: Operation) -> bool:
    if isinstance(op, Batch):
        return any(touches_blocks(part) for part in op.operations)
    return isinstance(op, BLOCK_OPERATIONS)


def fingerprint(draft: Draft) -> list[tuple]:
    """Cheap identity of the blocks: operations replace a block's content list, never edit it."""
    return [(id(b), b.id, b.kind, b.level, id(b.content)) for b in draft.blocks]
