"""Edits as small, invertible, serialisable operations.

`apply(draft)` changes the draft in place and returns the operation that undoes it. The CLI,
the importers and the editor all change a draft through these, so one undo history can hold
text and non-text edits alike.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field, fields
from typing import Any, ClassVar

from . import annotations as anchors
from .changes import Changes, combined
from .draft import Block, BlockKind, Draft, Footnote, NoteMeta
from .inline import (
    FootnoteRef,
    Inline,
    content_length,
    inline_from_json,
    normalise,
    slice_content,
    split_at,
)

_REGISTRY: dict[str, type[Operation]] = {}


class Operation:
    name: ClassVar[str] = ""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.name:
            _REGISTRY[cls.name] = cls

    def apply(self, draft: Draft) -> Operation:  # pragma: no cover - interface
        raise NotImplementedError

    def changes(self) -> Changes:
        """What applying this changes (see app.model.changes). An operation that does not
        say reports everything, so nothing showing the draft misses it."""
        return Changes.all()

    def to_json(self) -> dict:
        data: dict[str, Any] = {"op": self.name}
        for item in fields(self):  # type: ignore[arg-type]
            value = getattr(self, item.name)
            if item.name == "content":
                value = [inline.to_json() for inline in value]
            elif isinstance(value, Block):
                value = value.to_json()
            elif isinstance(value, BlockKind):
                value = value.value
            data[item.name] = value
        return data


def operation_from_json(data: dict) -> Operation:
    data = dict(data)
    cls = _REGISTRY[data.pop("op")]
    if cls is Batch:
        return Batch([operation_from_json(item) for item in data["operations"]])
    if data.get("content") is not None:
        data["content"] = [inline_from_json(item) for item in data["content"]]
    if isinstance(data.get("block"), dict):
        data["block"] = Block.from_json(data["block"])
    if "kind" in data and data["kind"] is not None:
        data["kind"] = BlockKind(data["kind"])
    return cls(**data)


@dataclass
class ReplaceContent(Operation):
    """Replace the span [start, end) of a block's content (insert: start == end; delete: no content)."""

    name: ClassVar[str] = "replace_content"
    block_id: str
    start: int
    end: int
    content: list[Inline] = field(default_factory=list)
    anchors: dict | None = None        # comment/reservation anchors to restore (set on inverses)

    def apply(self, draft: Draft) -> Operation:
        block = draft.block(self.block_id)
        if not 0 <= self.start <= self.end <= content_length(block.content):
            raise ValueError(
                f"range {self.start}-{self.end} outside block {self.block_id} "
                f"of length {content_length(block.content)}"
            )
        removed = slice_content(block.content, self.start, self.end)
        left, rest = split_at(block.content, self.start)
        _, right = split_at(rest, self.end - self.start)
        block.content = normalise(left + list(self.content) + right)
        inserted = content_length(self.content)
        saved = anchors.snapshot(draft, [self.block_id])
        anchors.map_replace(draft, self.block_id, self.start, self.end, inserted)
        anchors.restore(draft, self.anchors)
        return ReplaceContent(self.block_id, self.start, self.start + inserted, removed, saved)

    def changes(self) -> Changes:
        return Changes(blocks=frozenset({self.block_id}), annotations=bool(self.anchors),
                       footnotes=any(isinstance(item, FootnoteRef) for item in self.content))


def insert_text(block_id: str, offset: int, text: str, **fmt: bool) -> ReplaceContent:
    from .inline import TextRun

    return ReplaceContent(block_id, offset, offset, [TextRun(text, **fmt)])


def delete_range(block_id: str, start: int, end: int) -> ReplaceContent:
    return ReplaceContent(block_id, start, end, [])


@dataclass
class SplitBlock(Operation):
    """Split a block at an offset; the first half keeps the id, the second gets `new_id`."""

    name: ClassVar[str] = "split_block"
    block_id: str
    offset: int
    new_id: str
    kind: BlockKind | None = None      # kind of the new block; default: same as the first
    level: int | None = None
    anchors: dict | None = None
    number: str | None = None          # printed number of the new block; default: computed

    def apply(self, draft: Draft) -> Operation:
        index = draft.block_index(self.block_id)
        block = draft.blocks[index]
        left, right = split_at(block.content, self.offset)
        block.content = left
        # The first half keeps the source's number; the new paragraph is numbered in order.
        second = Block(
            id=self.new_id,
            kind=self.kind or block.kind,
            level=block.level if self.level is None else self.level,
            content=right,
            number=self.number,
        )
        draft.blocks.insert(index + 1, second)
        saved = anchors.snapshot(draft, [self.block_id, self.new_id])
        anchors.map_split(draft, self.block_id, self.offset, self.new_id)
        anchors.restore(draft, self.anchors)
        return MergeWithNext(self.block_id, saved)

    def changes(self) -> Changes:
        return Changes(blocks=frozenset({self.block_id, self.new_id}), structure=True,
                       annotations=bool(self.anchors))


@dataclass
class MergeWithNext(Operation):
    """Join a block with the one after it; the merged block keeps the first id."""

    name: ClassVar[str] = "merge_with_next"
    block_id: str
    anchors: dict | None = None

    def apply(self, draft: Draft) -> Operation:
        index = draft.block_index(self.block_id)
        if index + 1 >= len(draft.blocks):
            raise ValueError(f"block {self.block_id} has no following block to merge")
        block = draft.blocks[index]
        second = draft.blocks.pop(index + 1)
        offset = content_length(block.content)
        block.content = normalise(block.content + second.content)
        saved = anchors.snapshot(draft, [self.block_id, second.id])
        anchors.map_merge(draft, self.block_id, second.id, offset, content_length(second.content))
        anchors.restore(draft, self.anchors)
        return SplitBlock(self.block_id, offset, second.id, second.kind, second.level, saved,
                          second.number)

    def changes(self) -> Changes:
        return Changes(blocks=frozenset({self.block_id}), structure=True,
                       annotations=bool(self.anchors))


@dataclass
class InsertBlock(Operation):
    name: ClassVar[str] = "insert_block"
    index: int
    block: Block
    anchors: dict | None = None        # anchors of the block's annotations before its removal

    def apply(self, draft: Draft) -> Operation:
        if any(existing.id == self.block.id for existing in draft.blocks):
            raise ValueError(f"block {self.block.id} already exists")
        draft.blocks.insert(self.index, copy.deepcopy(self.block))
        saved = anchors.snapshot(draft, [self.block.id])
        anchors.restore(draft, self.anchors)
        return RemoveBlock(self.block.id, saved)

    def changes(self) -> Changes:
        return Changes(blocks=frozenset({self.block.id}), structure=True,
                       footnotes=bool(self.block.footnote_ids), annotations=bool(self.anchors))


@dataclass
class RemoveBlock(Operation):
    name: ClassVar[str] = "remove_block"
    block_id: str
    anchors: dict | None = None

    def apply(self, draft: Draft) -> Operation:
        index = draft.block_index(self.block_id)
        block = draft.blocks.pop(index)
        saved = anchors.snapshot(draft, [self.block_id])
        anchors.orphan_block(draft, self.block_id)
        anchors.restore(draft, self.anchors)
        return InsertBlock(index, block, saved)

    def changes(self) -> Changes:
        return Changes(blocks=frozenset({self.block_id}), structure=True,
                       annotations=bool(self.anchors))


@dataclass
class SetBlockFormat(Operation):
    name: ClassVar[str] = "set_block_format"
    block_id: str
    kind: BlockKind
    level: int = 0

    def apply(self, draft: Draft) -> Operation:
        block = draft.block(self.block_id)
        inverse = SetBlockFormat(self.block_id, block.kind, block.level)
        block.kind, block.level = self.kind, self.level
        return inverse

    def changes(self) -> Changes:
        return Changes(blocks=frozenset({self.block_id}), structure=True)


@dataclass
class SetBlockNumber(Operation):
    """Give a block a printed number ("8", "5a"), or with None let it be computed again."""

    name: ClassVar[str] = "set_block_number"
    block_id: str
    number: str | None = None

    def apply(self, draft: Draft) -> Operation:
        block = draft.block(self.block_id)
        inverse = SetBlockNumber(self.block_id, block.number)
        block.number = (self.number or "").strip() or None
        return inverse

    def changes(self) -> Changes:
        return Changes(blocks=frozenset({self.block_id}), structure=True)


@dataclass
class AddFootnote(Operation):
    """Register a footnote's text; its reference is placed with ReplaceContent."""

    name: ClassVar[str] = "add_footnote"
    footnote_id: str
    text: str

    def apply(self, draft: Draft) -> Operation:
        if self.footnote_id in draft.footnotes:
            raise ValueError(f"footnote {self.footnote_id} already exists")
        draft.footnotes[self.footnote_id] = Footnote(self.text, self.footnote_id)
        return RemoveFootnote(self.footnote_id)

    def changes(self) -> Changes:
        return Changes(footnotes=True)


@dataclass
class RemoveFootnote(Operation):
    name: ClassVar[str] = "remove_footnote"
    footnote_id: str

    def apply(self, draft: Draft) -> Operation:
        footnote = draft.footnotes.pop(self.footnote_id)
        return AddFootnote(footnote.id, footnote.text)

    def changes(self) -> Changes:
        return Changes(footnotes=True)


@dataclass
class SetFootnoteText(Operation):
    name: ClassVar[str] = "set_footnote_text"
    footnote_id: str
    text: str

    def apply(self, draft: Draft) -> Operation:
        footnote = draft.footnotes[self.footnote_id]
        inverse = SetFootnoteText(self.footnote_id, footnote.text)
        footnote.text = self.text
        return inverse

    def changes(self) -> Changes:
        return Changes(footnotes=True)


_META_FIELDS = {item.name for item in fields(NoteMeta)}


@dataclass
class SetMeta(Operation):
    """Set one cover field; values are in the JSON form of NoteMeta (dates as ISO strings)."""

    name: ClassVar[str] = "set_meta"
    field_name: str
    value: Any

    def apply(self, draft: Draft) -> Operation:
        if self.field_name not in _META_FIELDS:
            raise ValueError(f"unknown cover field {self.field_name!r}")
        old = getattr(draft.note, self.field_name)
        value = self.value
        if self.field_name == "date" and isinstance(value, str):
            from datetime import date

            value = date.fromisoformat(value)
        setattr(draft.note, self.field_name, copy.deepcopy(value))
        if self.field_name == "date" and old is not None:
            old = old.isoformat()
        return SetMeta(self.field_name, copy.deepcopy(old))

    def changes(self) -> Changes:
        return Changes(cover=True)


@dataclass
class Batch(Operation):
    """Several operations applied as one step (one undo)."""

    name: ClassVar[str] = "batch"
    operations: list[Operation] = field(default_factory=list)

    def apply(self, draft: Draft) -> Operation:
        inverses: list[Operation] = []
        try:
            for operation in self.operations:
                inverses.append(operation.apply(draft))
        except Exception:
            for inverse in reversed(inverses):
                inverse.apply(draft)
            raise
        return Batch(list(reversed(inverses)))

    def to_json(self) -> dict:
        return {"op": self.name, "operations": [op.to_json() for op in self.operations]}

    def changes(self) -> Changes:
        return combined(op.changes() for op in self.operations)



@dataclass
class SetLanguageVersion(Operation):
    """Put (or with None remove) a language version, as its JSON; the inverse restores the old one."""

    name: ClassVar[str] = "set_language_version"
    language: str
    version: dict | None = None

    def apply(self, draft: Draft) -> Operation:
        from .draft import LanguageVersion

        old = draft.translations.get(self.language)
        if self.version is None:
            draft.translations.pop(self.language, None)
        else:
            draft.translations[self.language] = LanguageVersion.from_json(
                copy.deepcopy(self.version)
            )
        return SetLanguageVersion(self.language, old.to_json() if old is not None else None)

    def changes(self) -> Changes:
        return Changes(translations=True)


def step_changes(operation: Operation, inverse: Operation) -> Changes:
    """What a step changed: what the operation and its inverse name (so undo reports the same)."""
    return operation.changes() | inverse.changes()
