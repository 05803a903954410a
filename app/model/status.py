"""Paragraph status: agreed, agreed ad referendum (with the parties), pending.

A block's status is set by the negotiators; two more are derived and shown above it: "in
brackets" (the block has an open bracket) and "reserved" (an outstanding reservation is on it
or on a span of it). A block with no status set is pending. A silence procedure on the whole
text has a deadline and may be broken by parties.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .draft import Draft


class StatusKind(str, Enum):
    PENDING = "pending"
    AGREED = "agreed"
    AD_REFERENDUM = "ad_referendum"     # agreed ad referendum: the parties must confirm


class Effective(str, Enum):
    """What a paragraph's state is, derived states first."""

    IN_BRACKETS = "in_brackets"
    RESERVED = "reserved"
    PENDING = "pending"
    AD_REFERENDUM = "ad_referendum"
    AGREED = "agreed"


@dataclass
class BlockStatus:
    kind: StatusKind = StatusKind.PENDING
    parties: list[str] = field(default_factory=list)    # for ad referendum

    def to_json(self) -> dict:
        return {"kind": self.kind.value, "parties": list(self.parties)}

    @classmethod
    def from_json(cls, data: dict) -> BlockStatus:
        return cls(StatusKind(data.get("kind", "pending")),
                   [str(code) for code in data.get("parties", [])])


@dataclass
class Silence:
    """A silence procedure on the text: it passes at `deadline` unless a party breaks it."""

    deadline: datetime
    broken_by: list[str] = field(default_factory=list)

    @property
    def broken(self) -> bool:
        return bool(self.broken_by)

    def to_json(self) -> dict:
        return {"deadline": self.deadline.isoformat(timespec="minutes"),
                "broken_by": list(self.broken_by)}

    @classmethod
    def from_json(cls, data: dict) -> Silence:
        return cls(datetime.fromisoformat(data["deadline"]),
                   [str(code) for code in data.get("broken_by", [])])


def block_status(draft: Draft, block_id: str) -> BlockStatus:
    return draft.statuses.get(block_id) or BlockStatus()


def blocks_in_brackets(draft: Draft) -> set[str]:
    return {b.anchor.block_id for b in draft.brackets.values()
            if not b.anchor.orphaned and b.anchor.block_id is not None}


def reserved_blocks(draft: Draft) -> set[str]:
    return {r.anchor.block_id for r in draft.reservations.values()
            if r.outstanding and not r.anchor.orphaned and r.anchor.block_id is not None}


def effective_statuses(draft: Draft) -> dict[str, Effective]:
    """Each block's state: in brackets, else reserved, else the status set (pending if none)."""
    bracketed, reserved = blocks_in_brackets(draft), reserved_blocks(draft)
    result: dict[str, Effective] = {}
    for block in draft.blocks:
        if block.id in bracketed:
            result[block.id] = Effective.IN_BRACKETS
        elif block.id in reserved:
            result[block.id] = Effective.RESERVED
        else:
            result[block.id] = Effective(block_status(draft, block.id).kind.value)
    return result


def status_public_json(draft: Draft, block_id: str, bracketed: set[str],
                       reserved: set[str]) -> dict:
    """A block's `"status"` in `show --json`: keep these names stable."""
    status = block_status(draft, block_id)
    if block_id in bracketed:
        effective = Effective.IN_BRACKETS.value
    elif block_id in reserved:
        effective = Effective.RESERVED.value
    else:
        effective = status.kind.value
    return {"value": status.kind.value, "parties": list(status.parties),
            "in_brackets": block_id in bracketed, "reserved": block_id in reserved,
            "effective": effective}
