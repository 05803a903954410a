"""Versions that share their text: a snapshot cut into pieces, each distinct piece stored once.

A version's snapshot (app.model.version) is a JSON object of the draft's fields. Stored, each
list field (`blocks`) becomes `{"$b": [piece ids]}` with one piece per item, each dict field
whose values are objects (`footnotes`, `comments`, `translations` …) `{"$d": [piece ids]}`
with one `[key, value]` piece per entry, and within a piece (one level down) a list or dict
of 16 or more entries (a language version's paragraphs) is cut the same way; such a piece is
referred to by its id negated, so reading looks inside only those. The rest stays in the
version's `manifest`. A piece is keyed by the hash of its JSON, so twenty versions that differ in 2 % of
their paragraphs store the other 98 % once; a piece is never changed or removed once written.

Reading joins the pieces back into the very same JSON data. The markers cannot clash with a
snapshot's own data: its objects are field names from the model's `to_json`, never `$b`/`$d`.

Only plain sqlite3 here: this module sits below the schema (whose migration 3 → 4 uses it).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zlib
from typing import Any

from app.model.version import FORMAT_KEY

LIST, DICT = "$b", "$d"
#: A list of at least this many objects inside a piece is cut into pieces of its own.
NESTED_LIST = 16
#: A manifest that holds a damaged snapshot's text as it was (kept, never dropped).
RAW = "$raw"
#: The format number of a version whose snapshot was found damaged (kept as it was).
DAMAGED = 0


def raw_manifest(text: object) -> bytes:
    return zlib.compress(_dumps({RAW: text}).encode("utf-8"), 6)


def looks_like_manifest(head: bytes | None) -> bool:
    """The first bytes of a stored manifest: a zlib stream starts with 0x78."""
    return isinstance(head, bytes) and len(head) >= 2 and head[0] == 0x78


#: One encoder for every piece (json.dumps with options would build one per call).
_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def _has_large_part(inside: dict) -> bool:
    """A value of `inside` is a list or dict of NESTED_LIST entries or more (a plain loop:
    this runs for each of tens of thousands of pieces)."""
    for value in inside.values():
        if isinstance(value, (list, dict)) and len(value) >= NESTED_LIST:
            return True
    return False


def _is_objects(values: Any, minimum: int) -> bool:
    return len(values) >= minimum and all(isinstance(item, dict) for item in values)


class PieceWriter:
    """Stores pieces into a draft file's `pieces` table within the caller's transaction."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self._known: dict[bytes, int] | None = None
        self._next = 0
        self._new: list[tuple[int, bytes, bytes]] = []

    def _ids(self) -> dict[bytes, int]:
        if self._known is None:
            rows = self.connection.execute("SELECT hash, id FROM pieces").fetchall()
            self._known = {bytes(digest): number for digest, number in rows}
            self._next = max(self._known.values(), default=0) + 1
        return self._known

    def store(self, value: Any) -> int:
        text = _dumps(value).encode("utf-8")
        digest = hashlib.sha256(text).digest()[:16]
        known = self._ids()
        number = known.get(digest)
        if number is None:
            number = known[digest] = self._next
            self._next += 1
            self._new.append((number, digest, zlib.compress(text, 6)))
        return number

    def _cut(self, value: Any) -> Any:
        if isinstance(value, list):
            return {LIST: [self._piece(item) for item in value]}
        return {DICT: [self._piece([key, item]) for key, item in value.items()]}

    def _piece(self, item: Any) -> int:
        """The id of `item` stored as a piece; negated if its large parts became pieces."""
        inside = item[1] if isinstance(item, list) and len(item) == 2 else item
        if isinstance(inside, dict) and _has_large_part(inside):
            cut = {key: self._cut(value) if isinstance(value, (list, dict))
                   and len(value) >= NESTED_LIST else value for key, value in inside.items()}
            return -self.store([item[0], cut] if inside is not item else cut)
        return self.store(item)

    def manifest_of(self, data: dict) -> bytes:
        """The compressed manifest of a snapshot's data; its new pieces wait for `flush`."""
        manifest: dict = {}
        for key, value in data.items():
            if isinstance(value, list) and value or isinstance(value, dict) and value and \
                    _is_objects(list(value.values()), 1):
                manifest[key] = self._cut(value)
            else:
                manifest[key] = value
        return zlib.compress(_dumps(manifest).encode("utf-8"), 6)

    def manifest_of_text(self, snapshot: str) -> tuple[bytes, int]:
        """As `manifest_of` for a snapshot's JSON text, with its format number; a text that is
        not a JSON object is kept whole with format 0 (damaged: reported as it was before)."""
        try:
            data = json.loads(snapshot)
        except (TypeError, ValueError):
            data = None
        if not isinstance(data, dict):
            return raw_manifest(snapshot), DAMAGED
        found = data.get(FORMAT_KEY, 1)
        return self.manifest_of(data), found if isinstance(found, int) else 1

    def flush(self) -> None:
        if self._new:
            self.connection.executemany("INSERT INTO pieces (id, hash, body) VALUES (?, ?, ?)",
                                        self._new)
            self._new = []


class PieceReader:
    """Joins manifests back into snapshot data; reads the pieces it needs, in batches."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self._bodies: dict[int, Any] = {}

    def _fetch(self, numbers: set[int]) -> None:
        wanted = sorted(numbers - self._bodies.keys())
        for start in range(0, len(wanted), 900):
            batch = wanted[start:start + 900]
            marks = ",".join("?" * len(batch))
            rows = self.connection.execute(
                f"SELECT id, body FROM pieces WHERE id IN ({marks})", batch).fetchall()
            # One parse for the batch: thousands of small json.loads calls cost more.
            values = json.loads(b"[" + b",".join(zlib.decompress(body) for _n, body in rows)
                                + b"]")
            self._bodies.update(zip((number for number, _body in rows), values, strict=True))
        missing = numbers - self._bodies.keys()
        if missing:
            raise ValueError(f"{len(missing)} pieces of the version are missing")

    def _expand(self, marker: dict) -> Any:
        if LIST in marker:
            return [self._body(number) for number in marker[LIST]]
        return dict(self._body(number) for number in marker[DICT])

    def _body(self, number: int) -> Any:
        if number > 0:
            return self._bodies[number]
        piece = self._bodies[-number]
        inside = piece[1] if isinstance(piece, list) else piece
        joined = {key: self._expand(value) if _is_marker(value) else value
                  for key, value in inside.items()}
        return [piece[0], joined] if isinstance(piece, list) else joined

    def snapshot(self, manifest: bytes) -> dict | str:
        """The snapshot's data (or, for a damaged one kept as it was, its text)."""
        tree = json.loads(zlib.decompress(manifest))
        if isinstance(tree, dict) and set(tree) == {RAW}:
            return tree[RAW]
        pending = {number for value in tree.values() if _is_marker(value)
                   for number in next(iter(value.values()))}
        while pending:                      # pieces may hold further pieces: a batch a level
            self._fetch({abs(number) for number in pending})
            deeper: set[int] = set()
            for number in pending:
                if number < 0:
                    piece = self._bodies[-number]
                    inside = piece[1] if isinstance(piece, list) else piece
                    deeper.update(sub for value in inside.values() if _is_marker(value)
                                  for sub in next(iter(value.values())))
            pending = deeper
        return {key: self._expand(value) if _is_marker(value) else value
                for key, value in tree.items()}


def _is_marker(value: Any) -> bool:
    return isinstance(value, dict) and len(value) == 1 and (LIST in value or DICT in value)
