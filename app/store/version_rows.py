"""The `versions` table of a draft file: a version's name, author and date, and its snapshot
as a manifest of shared pieces (app.store.snapshot_pieces).

Opening a draft reads the names only; each `Version` loads its snapshot from the file when
asked, through the draft's `VersionSource` (which follows the draft to its new file on Save
As). Versions never change, and a saved version keeps its id, so a snapshot read later is
the one that was saved, whatever was saved since.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from datetime import datetime, timezone
from functools import partial
from pathlib import Path

from app.model import Draft
from app.model.version import FORMAT_KEY, Version
from app.model.version import snapshot_of as snapshot_data

from .snapshot_pieces import DAMAGED, PieceReader, PieceWriter, looks_like_manifest


class VersionSource:
    """Where a draft's versions are read from when asked: its file."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self, version_id: str) -> dict | str:
        try:
            connection = sqlite3.connect(self.path.resolve().as_uri() + "?mode=ro", uri=True)
        except sqlite3.Error as error:
            raise ValueError(f"the file cannot be read: {error}") from error
        try:
            connection.execute("BEGIN")
            return snapshot_of(connection, version_id)
        except sqlite3.Error as error:
            raise ValueError(f"the version cannot be read: {error}") from error
        finally:
            connection.close()


def snapshot_of(connection: sqlite3.Connection, version_id: str,
                reader: PieceReader | None = None) -> dict | str:
    row = connection.execute("SELECT manifest FROM versions WHERE id = ?", (version_id,)).fetchone()
    if row is None:
        raise ValueError("the version is no longer in the file")
    try:
        return (reader or PieceReader(connection)).snapshot(row[0])
    except zlib.error as error:
        raise ValueError(f"the version's manifest is damaged: {error}") from error


def read_versions(connection: sqlite3.Connection, source: VersionSource | None) -> list[Version]:
    """The versions in order; loading lazily from `source`, or now (None: a copy in memory).

    One known to be damaged (format 0, or a manifest that is not one) is read at once, for
    `check_draft` to report as before."""
    rows = connection.execute(
        "SELECT id, name, author, created, format, substr(manifest, 1, 2) FROM versions "
        "ORDER BY position").fetchall()
    reader = PieceReader(connection)
    versions = []
    for version_id, name, author, created, found, head in rows:
        if found == DAMAGED or not looks_like_manifest(head):
            try:
                data = snapshot_of(connection, version_id)
            except (ValueError, TypeError, sqlite3.Error, zlib.error):
                data = ""
            load = partial(_same, data if isinstance(data, str) else "")
        elif source is None:
            load = partial(_same, snapshot_of(connection, version_id, reader))
        else:
            load = partial(source.load, version_id)
        version = Version(name=name, author=author, created=created, id=version_id, load=load)
        if load.func is _same:
            version.snapshot  # noqa: B018  (read now: a copy in memory, or a damaged one)
        versions.append(version)
    return versions


def _same(data: dict | str) -> dict | str:
    return data


#: Snapshot data of versions made just before their save (`made_for_saving`), by id: the
#: save cuts them into pieces without writing and parsing back their JSON text.
_UNWRITTEN: dict[str, dict] = {}


def made_for_saving(draft: Draft, name: str, author: str) -> Version:
    """A version of `draft` that is written to the file at once (the caller saves right
    after, nothing changes the draft meanwhile): its text is made only if asked for."""
    data = snapshot_data(draft)
    created = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    text: list[str] = []

    def load() -> dict:
        if not text:
            text.append(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
        return json.loads(text[0])          # a copy: the version never changes

    version = Version(name=name, author=author, created=created, load=load)
    _UNWRITTEN[version.id] = data
    return version


def write_versions(connection: sqlite3.Connection, versions: list[Version],
                   known: set[str]) -> None:
    """Add the versions not in `known` (ids already in the file) and put all in order."""
    writer = PieceWriter(connection)
    for position, version in enumerate(versions):
        if version.id in known:
            connection.execute("UPDATE versions SET position = ? WHERE id = ? AND position != ?",
                               (position, version.id, position))
            continue
        data = _UNWRITTEN.pop(version.id, None) or version.data()
        if isinstance(data, dict):
            manifest, found = writer.manifest_of(data), data.get(FORMAT_KEY, 1)
        else:
            manifest, found = writer.manifest_of_text(data)
        connection.execute(
            "INSERT INTO versions (id, position, name, author, created, format, manifest) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (version.id, position, version.name, version.author, version.created,
             found if isinstance(found, int) else 1, manifest))
    writer.flush()


def remove_versions(connection: sqlite3.Connection, ids: list[str]) -> None:
    """Versions a draft no longer has (their pieces stay: other versions may share them)."""
    connection.executemany("DELETE FROM versions WHERE id = ?", [(key,) for key in ids])
