"""Reading and writing a draft file (`*.concordia`, one SQLite database).

Two ways to write, both leaving the old state or the new one whatever happens, kill -9
included:

* `save_changes`: the changes since the draft was read (or last saved) go into the file as
  one SQLite transaction (rollback journal, synchronous=FULL): rows of changed objects are
  upserted, rows of removed ones deleted, new versions added. Its cost is the change's, not
  the draft's. A hot journal left by a killed save is rolled back by the next opening.
* `save_draft`: a complete new file written beside the target, flushed and renamed over it
  (new drafts, Save As of a draft not read from a file, files of an older format, repairs).
  `copy_with_changes` makes a new file from the one read (SQLite's backup API) plus the
  changes, for Save As and the autosave copy.

The tables of the current text and their mapping to the model are app.store.row_tables'
registrations; a `StoredState` is what the file holds as of the last read or write, by table
and key, and each save compares the draft against it. Opening reads the current text only:
versions load when asked (app.store.version_rows).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.atomic import ReadOnlyTargetError, replace_file
from app.model import Draft
from app.model.changes import Changes
from app.model.integrity import Problem, check_draft

from . import annotations, brackets, draft_rows, schema  # noqa: F401  (the registrations of tables)
from .errors import (
    CorruptDraftError,
    DamagedDraftError,
    NewerFormatError,
    NotADraftError,
    SaveError,
)
from .row_decoding import UnreadableRow, without_cycle_collection
from .row_tables import ROW_TABLES
from .row_writes import write_rows as _write_rows
from .version_rows import VersionSource, read_versions, remove_versions, write_versions

SQLITE_MAGIC = b"SQLite format 3\x00"
DRAFT_SUFFIX = ".concordia"


@dataclass
class StoredState:
    """What a draft file holds as of our last read or write of it: the base of the next save."""

    path: Path
    rows: dict[str, dict[Any, tuple]]
    version_ids: list[str]
    signature: tuple[int, ...]
    source: VersionSource

    def current(self) -> bool:
        """The file is still the one we read or wrote (no other writer replaced it)."""
        return _signature(self.path) == self.signature


def _signature(path: Path) -> tuple[int, ...]:
    try:
        info = os.stat(path)
    except OSError:
        return ()
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)


# -- reading --------------------------------------------------------------------------------

def load_draft(path: Path | str) -> Draft:
    """Read a draft; raise a DraftFileError subclass with a user-facing sentence on bad input.

    A draft that breaks an invariant of its text raises DamagedDraftError, which carries the
    problems and the draft as read, for `concordia check --repair` and the window to repair.
    A damaged saved version alone does not stop it (only opening that version fails).
    """
    draft, problems = read_draft(path)
    if any(problem.affects_text for problem in problems):
        raise DamagedDraftError.for_path(Path(path), problems, draft)
    return draft


def read_draft(path: Path | str, deep: bool = False) -> tuple[Draft, list[Problem]]:
    """The draft as stored, and what `check_draft` finds wrong with it (nothing repaired)."""
    draft, problems, _state = read_stored(path, deep)
    return draft, problems


def read_stored(path: Path | str, deep: bool = False
                ) -> tuple[Draft, list[Problem], StoredState | None]:
    """As `read_draft`, with the state the next `save_changes` starts from (None for a file
    of an older format: it is migrated in memory and saved whole)."""
    with without_cycle_collection():    # tens of thousands of new objects, no cycles
        return _read_stored(Path(path), deep)


def _read_stored(path: Path, deep: bool) -> tuple[Draft, list[Problem], StoredState | None]:
    _check_header(path)
    connection = _connect_for_reading(path)
    try:
        application_id, version = _identity(path, connection)
        if application_id != schema.APPLICATION_ID:
            raise NotADraftError.for_path(path)
        if version > schema.SCHEMA_VERSION:
            raise NewerFormatError.for_path(path, version, schema.SCHEMA_VERSION)
        if version < schema.SCHEMA_VERSION:
            draft = _read_migrated(connection, version)
            state = None
        else:
            connection.execute("BEGIN")     # one consistent read of every table
            source = VersionSource(path)
            draft, rows = _read(connection, source)
            state = StoredState(path, rows, [v.id for v in draft.versions], _signature(path),
                                source)
            connection.execute("COMMIT")
        return draft, check_draft(draft, deep), state
    except UnreadableRow as error:
        raise CorruptDraftError.unreadable(path, error.what, error.why) from error
    except (sqlite3.DatabaseError, KeyError, ValueError, TypeError) as error:
        raise CorruptDraftError.for_path(path, str(error)[:200]) from error
    finally:
        connection.close()


def _connect_for_reading(path: Path) -> sqlite3.Connection:
    """Read-write where possible, so that SQLite rolls back what a killed save left (a hot
    journal); read-only where the file or folder allows nothing else."""
    uri = path.resolve().as_uri()
    for mode in ("rw", "ro"):
        try:
            connection = sqlite3.connect(f"{uri}?mode={mode}", uri=True, isolation_level=None)
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return connection
        except sqlite3.OperationalError as error:
            failure = error
            continue
        except sqlite3.DatabaseError as error:
            raise CorruptDraftError.for_path(path, str(error)) from error
    raise CorruptDraftError.for_path(path, str(failure))


def _read_migrated(connection: sqlite3.Connection, version: int) -> Draft:
    """An older format: migrate a copy in memory (the file is never touched) and read it all."""
    memory = sqlite3.connect(":memory:", isolation_level=None)
    try:
        connection.backup(memory)
        memory.execute("BEGIN")
        _migrate(memory, version)
        memory.execute("COMMIT")
        draft, _rows = _read(memory, None)
        return draft
    finally:
        memory.close()


def _check_header(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except FileNotFoundError:
        raise
    except IsADirectoryError as error:
        raise NotADraftError.for_path(path) from error
    if not header.startswith(SQLITE_MAGIC):
        raise NotADraftError.for_path(path)
    if len(header) < 100:
        raise CorruptDraftError.for_path(path, "file is truncated")


def _identity(path: Path, connection: sqlite3.Connection) -> tuple[int, int]:
    try:
        application_id = connection.execute("PRAGMA application_id").fetchone()[0]
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        check = connection.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise CorruptDraftError.for_path(path, str(error)) from error
    if check != "ok":
        raise CorruptDraftError.for_path(path, check)
    return application_id, version


def _migrate(connection, version: int) -> None:
    while version < schema.SCHEMA_VERSION:
        schema.MIGRATIONS[version](connection)
        version += 1


def _read(connection: sqlite3.Connection, source: VersionSource | None
          ) -> tuple[Draft, dict[str, dict[Any, tuple]]]:
    """The draft, and its rows by table and key as read (the base of the next save)."""
    tables = {row[0] for row in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    draft = Draft()
    stored: dict[str, dict[Any, tuple]] = {}
    for row_table in ROW_TABLES:
        if row_table.name not in tables:
            stored[row_table.name] = {}
            continue                     # an older file: the table comes with the next save
        present = {row[1] for row in connection.execute(
            f'PRAGMA table_info("{row_table.name}")')}
        columns = ", ".join(f'"{name}"' if name in present else f'NULL AS "{name}"'
                            for name in row_table.columns)
        order = ' ORDER BY "position"' if "position" in present else " ORDER BY rowid"
        rows = connection.execute(f'SELECT {columns} FROM "{row_table.name}"{order}').fetchall()
        row_table.read(draft, rows)
        key = row_table.key_index
        stored[row_table.name] = {row[key]: row for row in rows}
    if "versions" in tables:
        draft.versions = read_versions(connection, source)
    return draft, stored


# -- writing --------------------------------------------------------------------------------

def save_draft(draft: Draft, path: Path | str) -> StoredState:
    """Write the whole draft to `path` as a complete new file, atomically."""
    path = Path(path)
    written: list[StoredState] = []
    _saving(path, lambda: replace_file(
        path, lambda temp: written.append(write_draft_file(draft, temp, path))))
    return _settled(written[0], path)


def write_draft_file(draft: Draft, target: Path, final: Path | None = None) -> StoredState:
    """Write a complete draft database to `target` (which must be new or empty); the state
    is that of `final`, the name it will have (default: `target`)."""
    target.unlink(missing_ok=True)
    connection = sqlite3.connect(target, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode=OFF")  # a fresh file: the rename is our journal
        connection.execute(f"PRAGMA application_id={schema.APPLICATION_ID}")
        connection.execute(f"PRAGMA user_version={schema.SCHEMA_VERSION}")
        connection.execute("BEGIN")
        schema.create_all(connection)
        rows = _write_rows(connection, draft, {name: {} for name in _table_names()})
        write_versions(connection, draft.versions, set())
        connection.execute("COMMIT")
    finally:
        connection.close()
    final = final or target
    return StoredState(final, rows, [v.id for v in draft.versions], (), VersionSource(final))


def save_changes(draft: Draft, state: StoredState | None, path: Path | str,
                 changes: Changes | None = None) -> StoredState:
    """Write what changed since `state` into the draft file at `path`, as one transaction;
    `changes`, when known, limits the rows compared to those it can reach.

    Falls back to `save_draft` where there is nothing to change in place: no state (a new
    draft, an older format), or a file that is not the one the state describes.
    """
    path = Path(path)
    if state is None or state.path != path or not state.current():
        return save_draft(draft, path)
    if not os.access(path, os.W_OK):
        raise SaveError.file_read_only(path)
    with without_cycle_collection():
        rows = _saving(path, lambda: _update_in_place(path, draft, state, changes=changes))
    if rows is None:
        return save_draft(draft, path)
    new = StoredState(path, rows, [v.id for v in draft.versions], (), state.source)
    return _settled(new, path)


def copy_with_changes(draft: Draft, state: StoredState | None, target: Path | str
                      ) -> StoredState:
    """A new file at `target` holding `draft`: a copy of the file `state` describes with the
    changes made in it (fast for a large draft), else a complete new file."""
    target = Path(target)
    if state is None or not state.current():
        return save_draft(draft, target)
    written: list[dict | None] = []

    def write(temp: Path) -> None:
        temp.unlink(missing_ok=True)
        source = sqlite3.connect(state.path.resolve().as_uri() + "?mode=ro", uri=True)
        copy = sqlite3.connect(temp, isolation_level=None)
        try:
            source.backup(copy)
        finally:
            source.close()
            copy.close()
        rows = _update_in_place(temp, draft, state, journal=False)
        if rows is None:
            write_draft_file(draft, temp, target)
            rows = {}
        written.append(rows)

    _saving(target, lambda: replace_file(target, write))
    if not written[0]:
        _draft, _problems, new = read_stored(target)  # the complete write's state
        return new if new is not None else save_draft(draft, target)
    return _settled(StoredState(target, written[0], [v.id for v in draft.versions], (),
                                VersionSource(target)), target)


def _settled(state: StoredState, path: Path) -> StoredState:
    state.signature = _signature(path)
    return state


def _saving(path: Path, action: Callable[[], Any]) -> Any:
    """`action`, with the file system's refusals as SaveError's sentences."""
    try:
        return action()
    except ReadOnlyTargetError as error:
        raise SaveError.file_read_only(path) from error
    except PermissionError as error:
        raise SaveError.not_writable(path) from error
    except sqlite3.OperationalError as error:
        text = str(error)
        if "readonly" in text:
            raise SaveError.file_read_only(path) from error
        if "unable to open" in text:
            raise SaveError.not_writable(path) from error
        raise OSError(f"{path.name}: {text}") from error


def _table_names() -> list[str]:
    return [row_table.name for row_table in ROW_TABLES]


def _update_in_place(path: Path, draft: Draft, state: StoredState, journal: bool = True,
                     changes: Changes | None = None) -> dict[str, dict[Any, tuple]] | None:
    """The changes as one transaction on `path`; the rows now stored, or None where the file
    cannot take them in place (an unexpected format or a missing table). Without `journal`
    for a temporary copy, whose rename is its commit."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        if journal:
            connection.execute("PRAGMA journal_mode=DELETE")
            connection.execute("PRAGMA synchronous=FULL")
        else:
            connection.execute("PRAGMA journal_mode=OFF")
        connection.execute("BEGIN IMMEDIATE")
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        tables = {row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        if version != schema.SCHEMA_VERSION or not set(_table_names()) | {"versions"} <= tables:
            connection.execute("ROLLBACK")
            return None
        rows = _write_rows(connection, draft, state.rows, changes)
        if rows is None:
            connection.execute("ROLLBACK")
            return None
        ids = {v.id for v in draft.versions}
        remove_versions(connection, [key for key in state.version_ids if key not in ids])
        write_versions(connection, draft.versions, set(state.version_ids))
        connection.execute("COMMIT")
        return rows
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
    finally:
        connection.close()
