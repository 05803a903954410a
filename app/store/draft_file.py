"""Reading and writing a draft file (`*.concordia`, SQLite through SQLAlchemy).

Saves are atomic: the whole draft goes into a new file beside the target, which is flushed to
disk and then renamed over it. A crash at any moment leaves either the old file or the new one.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from sqlalchemy import create_engine, insert, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.pool import StaticPool

from app.atomic import ReadOnlyTargetError, replace_file
from app.i18n import _
from app.model import Block, BlockKind, Draft, Footnote, LanguageVersion, NoteMeta
from app.model.draft import ClauseOrigin
from app.model.inline import inline_from_json
from app.model.integrity import Problem, check_draft

from . import schema
from .annotations import read_annotations, write_annotations
from .brackets import read_brackets, write_brackets
from .errors import (
    CorruptDraftError,
    DamagedDraftError,
    NewerFormatError,
    NotADraftError,
    SaveError,
)
from .row_decoding import UnreadableRow, enum_or_raw, json_of, reading
from .versions import read_versions, write_versions

SQLITE_MAGIC = b"SQLite format 3\x00"
DRAFT_SUFFIX = ".concordia"


def _engine_for(connection: sqlite3.Connection) -> Engine:
    return create_engine("sqlite://", creator=lambda: connection, poolclass=StaticPool)


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
    path = Path(path)
    _check_header(path)
    try:
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise CorruptDraftError.for_path(path, str(error)) from error
    try:
        application_id, version = _identity(path, source)
        if application_id != schema.APPLICATION_ID:
            raise NotADraftError.for_path(path)
        if version > schema.SCHEMA_VERSION:
            raise NewerFormatError.for_path(path, version, schema.SCHEMA_VERSION)
        # Work on an in-memory copy: reading never holds the file, and migrations never touch it.
        memory = sqlite3.connect(":memory:")
        source.backup(memory)
    except sqlite3.DatabaseError as error:
        raise CorruptDraftError.for_path(path, str(error)) from error
    finally:
        source.close()
    try:
        engine = _engine_for(memory)
        with engine.begin() as connection:
            _migrate(connection, version)
            draft = _read(connection)
        return draft, check_draft(draft, deep)
    except UnreadableRow as error:
        raise CorruptDraftError.unreadable(path, error.what, error.why) from error
    except (sqlite3.DatabaseError, KeyError, ValueError, TypeError) as error:
        raise CorruptDraftError.for_path(path, str(error)) from error
    except Exception as error:  # SQLAlchemy wraps sqlite errors
        if "DatabaseError" in type(error).__name__ or "OperationalError" in type(error).__name__:
            raise CorruptDraftError.for_path(path, str(error.args[0])[:200]) from error
        raise
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
    application_id = connection.execute("PRAGMA application_id").fetchone()[0]
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    check = connection.execute("PRAGMA quick_check").fetchone()[0]
    if check != "ok":
        raise CorruptDraftError.for_path(path, check)
    return application_id, version


def _migrate(connection: Connection, version: int) -> None:
    while version < schema.SCHEMA_VERSION:
        schema.MIGRATIONS[version](connection)
        version += 1


def _read(connection: Connection) -> Draft:
    info: dict = {}
    for row in connection.execute(select(schema.draft_info)):
        with reading(_("the setting “{key}”").format(key=row.key)):
            info[row.key] = json.loads(row.value)
    with reading(_("the cover details")):
        note = info.get("note", {})
        if not isinstance(note, dict):
            raise UnreadableRow(_("the cover details"),
                                _("it is stored as a list, not as named fields"))
        meta = NoteMeta.from_json(note)
    with reading(_("the other language versions")):
        translations = {
            lang: LanguageVersion.from_json(data)
            for lang, data in info.get("translations", {}).items()
        }
    draft = Draft(note=meta, language=info.get("language", "en"), translations=translations)
    rows = connection.execute(select(schema.blocks).order_by(schema.blocks.c.position))
    for number, row in enumerate(rows, start=1):
        what = _("the paragraph {number}").format(number=number)
        with reading(what):
            draft.blocks.append(
                Block(
                    id=row.id,
                    kind=enum_or_raw(BlockKind, row.kind),  # check_draft names a bad kind or level
                    level=row.level,
                    content=[inline_from_json(item) for item in json_of(row.content, list, what)],
                    origin=ClauseOrigin.from_json(json.loads(row.origin)) if row.origin else None,
                    number=row.number or None,
                )
            )
    for row in connection.execute(select(schema.footnotes)):
        draft.footnotes[row.id] = Footnote(row.text, row.id)
    draft.versions = read_versions(connection)
    read_annotations(connection, draft)
    read_brackets(connection, draft)
    return draft


# -- writing --------------------------------------------------------------------------------

def save_draft(draft: Draft, path: Path | str) -> None:
    """Write the whole draft to `path` atomically."""
    path = Path(path)
    try:
        replace_file(path, lambda temp: write_draft_file(draft, temp))
    except ReadOnlyTargetError as error:
        raise SaveError.file_read_only(path) from error
    except PermissionError as error:
        raise SaveError.not_writable(path) from error


def write_draft_file(draft: Draft, target: Path) -> None:
    """Write a complete draft database to `target` (which must be new or empty)."""
    target.unlink(missing_ok=True)
    connection = sqlite3.connect(target)
    try:
        connection.execute("PRAGMA journal_mode=OFF")  # a fresh file: the rename is our journal
        connection.execute(f"PRAGMA application_id={schema.APPLICATION_ID}")
        connection.execute(f"PRAGMA user_version={schema.SCHEMA_VERSION}")
        engine = _engine_for(connection)
        schema.metadata.create_all(engine)
        with engine.begin() as conn:
            _write(conn, draft)
        engine.dispose()
    finally:
        connection.close()


def _write(connection: Connection, draft: Draft) -> None:
    info = {
        "note": draft.note.to_json(),
        "language": draft.language,
        "translations": {lang: tr.to_json() for lang, tr in draft.translations.items()},
    }
    connection.execute(
        insert(schema.draft_info),
        [{"key": key, "value": json.dumps(value, ensure_ascii=False)} for key, value in info.items()],
    )
    if draft.blocks:
        connection.execute(
            insert(schema.blocks),
            [
                {
                    "id": block.id,
                    "position": position,
                    "kind": block.kind.value,
                    "level": block.level,
                    "content": json.dumps(
                        [item.to_json() for item in block.content], ensure_ascii=False
                    ),
                    "origin": json.dumps(block.origin.to_json(), ensure_ascii=False)
                    if block.origin
                    else None,
                    "number": block.number,
                }
                for position, block in enumerate(draft.blocks)
            ],
        )
    if draft.footnotes:
        connection.execute(
            insert(schema.footnotes),
            [{"id": note.id, "text": note.text} for note in draft.footnotes.values()],
        )
    write_versions(connection, draft.versions)
    write_annotations(connection, draft)
    write_brackets(connection, draft)
