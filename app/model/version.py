"""Versions: named, immutable snapshots of a whole draft ("Rev 1", "Presidency draft").

A snapshot is the JSON of every field of the draft except its versions, built generically from
the dataclass fields and their type hints, so a feature that adds a field to `Draft` (comments,
reservations …) is captured without touching this module, provided its types are dataclasses
(with or without `to_json`/`from_json`), enums, dates, lists, dicts or plain values.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from dataclasses import dataclass
from datetime import date, datetime, timezone
from enum import Enum
from typing import Any

from .draft import Draft, new_id

#: Draft fields a snapshot leaves out: a version never contains versions.
_NOT_SNAPSHOTTED = {"versions"}


@dataclass(frozen=True)
class Version:
    """One saved version. `snapshot` is JSON text: frozen, cheap to keep, parsed only on use."""

    name: str
    snapshot: str
    author: str = ""
    created: str = ""                       # UTC, ISO 8601 ("2026-11-23T17:50:00+00:00")
    id: str = dataclasses.field(default_factory=new_id)

    def draft(self) -> Draft:
        """A fresh, independent Draft holding the text as it was when the version was saved."""
        return draft_from_snapshot(json.loads(self.snapshot))

    def info_json(self) -> dict:
        return {"id": self.id, "name": self.name, "author": self.author, "created": self.created}


def make_version(draft: Draft, name: str, author: str = "") -> Version:
    created = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    text = json.dumps(snapshot_of(draft), ensure_ascii=False, separators=(",", ":"))
    return Version(name=name, snapshot=text, author=author, created=created)


# -- generic snapshot codec ----------------------------------------------------------------

def snapshot_of(draft: Draft) -> dict:
    return {
        item.name: _encode(getattr(draft, item.name))
        for item in dataclasses.fields(draft)
        if item.name not in _NOT_SNAPSHOTTED
    }


def draft_from_snapshot(data: dict) -> Draft:
    hints = typing.get_type_hints(Draft, localns={"Version": Version})
    values = {
        item.name: _decode(data[item.name], hints[item.name])
        for item in dataclasses.fields(Draft)
        if item.name in data and item.name not in _NOT_SNAPSHOTTED
    }
    return Draft(**values)


def _encode(value: Any) -> Any:
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "to_json"):
        return value.to_json()
    if dataclasses.is_dataclass(value):
        return {item.name: _encode(getattr(value, item.name)) for item in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(key): _encode(item) for key, item in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [_encode(item) for item in value]
    raise TypeError(f"cannot snapshot a {type(value).__name__}")


def _decode(data: Any, hint: Any) -> Any:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return None if data is None else _decode(data, options[0])
    if data is None:
        return None
    if origin in (list, tuple, set):
        (item_hint, *_) = typing.get_args(hint) or (Any,)
        return origin(_decode(item, item_hint) for item in data)
    if origin is dict:
        _, value_hint = typing.get_args(hint) or (str, Any)
        return {key: _decode(item, value_hint) for key, item in data.items()}
    if not isinstance(hint, type):
        return data                          # Any, unions of literals …: stored as is
    if hasattr(hint, "from_json"):
        return hint.from_json(data)
    if issubclass(hint, Enum):
        return hint(data)
    if issubclass(hint, date):
        return date.fromisoformat(data)
    if dataclasses.is_dataclass(hint):
        hints = typing.get_type_hints(hint)
        return hint(**{
            item.name: _decode(data[item.name], hints[item.name])
            for item in dataclasses.fields(hint)
            if item.name in data
        })
    return data
