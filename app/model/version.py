"""Versions: named, immutable snapshots of a whole draft ("Rev 1", "Presidency draft").

A snapshot is the JSON of every field of the draft except its versions, built generically from
the dataclass fields and their type hints, so a feature that adds a field to `Draft` (comments,
reservations …) is captured without touching this module, provided its types are dataclasses
(with or without `to_json`/`from_json`), enums, dates, lists, dicts or plain values.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import types
import typing
from collections.abc import Callable
from datetime import date, datetime, timezone
from enum import Enum
from typing import Any

from .draft import Draft, new_id

#: Draft fields a snapshot leaves out: a version never contains versions.
_NOT_SNAPSHOTTED = {"versions"}


#: The format of a snapshot's JSON, written into each one as "$format" (app/store/FORMATS.md).
#: 1: round 1, no number; 2: the number is written. A later format that renames or reshapes a
#: field adds a step to SNAPSHOT_MIGRATIONS, so no saved version ever loses a field silently.
SNAPSHOT_FORMAT = 2
FORMAT_KEY = "$format"

#: from_format: function bringing a snapshot's data to from_format + 1 (none needed yet).
SNAPSHOT_MIGRATIONS: dict[int, Callable[[dict], dict]] = {1: lambda data: data}


class NewerSnapshotError(ValueError):
    """A snapshot written by a newer Concordia: its fields may mean what this one cannot read."""

    def __init__(self, found: int) -> None:
        super().__init__(f"snapshot format {found}; this Concordia reads up to {SNAPSHOT_FORMAT}")
        self.found = found


class Version:
    """One saved version, never changed once made. `snapshot` is its JSON text.

    A version read from a draft file holds only its name, author and date until its text is
    asked for (`snapshot`, `data()`, `draft()`): `load` then fetches it from the file, as its
    data (or, for a damaged one, its text as stored).
    """

    __slots__ = ("name", "author", "created", "id", "_snapshot", "_load")

    def __init__(self, name: str, snapshot: str | None = None, author: str = "",
                 created: str = "", id: str | None = None,
                 load: Callable[[], dict | str] | None = None) -> None:
        if snapshot is None and load is None:
            raise TypeError("a Version needs its snapshot or a way to load it")
        for key, value in (("name", name), ("author", author), ("created", created),
                           ("id", id or new_id()), ("_snapshot", snapshot), ("_load", load)):
            object.__setattr__(self, key, value)

    def __setattr__(self, key: str, value: Any) -> None:
        raise dataclasses.FrozenInstanceError(f"cannot assign to field {key!r}")

    # A version never changes: a copy of a draft shares its versions.
    def __copy__(self) -> Version:
        return self

    def __deepcopy__(self, memo: dict) -> Version:
        return self

    def __reduce__(self) -> tuple:
        return (Version, (self.name, self.snapshot, self.author, self.created, self.id))

    @property
    def loaded(self) -> bool:
        return self._snapshot is not None

    @property
    def snapshot(self) -> str:
        if self._snapshot is None:
            loaded = self._load()
            text = loaded if isinstance(loaded, str) else json.dumps(
                loaded, ensure_ascii=False, separators=(",", ":"))
            object.__setattr__(self, "_snapshot", text)
        return self._snapshot

    def data(self) -> dict | str:
        """The snapshot's JSON data (a str only for a damaged snapshot that is not JSON)."""
        if self._snapshot is None:
            return self._load()
        try:
            return json.loads(self._snapshot)
        except ValueError:
            return self._snapshot

    def draft(self) -> Draft:
        """A fresh, independent Draft holding the text as it was when the version was saved."""
        data = self.data()
        if not isinstance(data, dict):
            raise ValueError("the snapshot is not a JSON object")
        return draft_from_snapshot(data)

    def info_json(self) -> dict:
        return {"id": self.id, "name": self.name, "author": self.author, "created": self.created}

    def _key(self) -> tuple:
        return (self.name, self.author, self.created, self.id)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Version):
            return NotImplemented
        return self._key() == other._key() and self.snapshot == other.snapshot

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"Version(name={self.name!r}, id={self.id!r}, created={self.created!r})"


def make_version(draft: Draft, name: str, author: str = "") -> Version:
    created = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    text = json.dumps(snapshot_of(draft), ensure_ascii=False, separators=(",", ":"))
    return Version(name=name, snapshot=text, author=author, created=created)


# -- generic snapshot codec ----------------------------------------------------------------

def snapshot_of(draft: Draft) -> dict:
    data: dict = {FORMAT_KEY: SNAPSHOT_FORMAT}
    data.update(
        (item.name, _encode(getattr(draft, item.name)))
        for item in dataclasses.fields(draft)
        if item.name not in _NOT_SNAPSHOTTED
    )
    return data


def current_snapshot(data: dict) -> dict:
    """`data` brought to SNAPSHOT_FORMAT; NewerSnapshotError for a snapshot from the future."""
    found = data.get(FORMAT_KEY, 1)
    if not isinstance(found, int) or found < 1:
        raise ValueError(f"snapshot format {found!r} is not a format number")
    if found > SNAPSHOT_FORMAT:
        raise NewerSnapshotError(found)
    while found < SNAPSHOT_FORMAT:
        data = SNAPSHOT_MIGRATIONS[found](data)
        found += 1
    return data


def draft_from_snapshot(data: dict) -> Draft:
    data = current_snapshot(data)
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


@functools.cache
def _hints(kind: type) -> dict[str, Any]:
    """A dataclass's field types, worked out once (thousands of objects per snapshot)."""
    return typing.get_type_hints(kind)


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
        hints = _hints(hint)
        return hint(**{
            item.name: _decode(data[item.name], hints[item.name])
            for item in dataclasses.fields(hint)
            if item.name in data
        })
    return data
