"""Draft files on disk: round trip, atomic saves, locks, and every kind of bad file."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from datetime import date
from pathlib import Path

import pytest

from app.model import (
    Block,
    BlockKind,
    Draft,
    Footnote,
    FootnoteRef,
    LanguageVersion,
    NoteMeta,
    TextRun,
)
from app.store import (
    CorruptDraftError,
    DraftLock,
    DraftLockedError,
    DraftSession,
    NewerFormatError,
    NotADraftError,
    SaveError,
    load_draft,
    save_draft,
    schema,
)

REPO = Path(__file__).resolve().parents[2]


def sample_draft(blocks: int = 3) -> Draft:
    note = NoteMeta(number="6914/24", date=date(2024, 2, 28), codes=["CORDROGUE 26", "COLAC 27"],
                    marking="LIMITE", languages=["en", "es"], subject="La Paz declaration")
    draft = Draft(note=note)
    for index in range(blocks):
        draft.blocks.append(
            Block(BlockKind.NUMBERED, [TextRun(f"Paragraph {index} ¿ñ?", bold=index % 2 == 0),
                                       FootnoteRef(f"f{index}")], id=f"b{index}")
        )
        draft.footnotes[f"f{index}"] = Footnote(f"Note {index}", f"f{index}")
    draft.translations["es"] = LanguageVersion("es", {"subject": "Declaración de La Paz"},
                                               {"b0": [TextRun("Párrafo 0")]}, {"f0": "Nota 0"})
    return draft


def test_round_trip(tmp_path):
    draft = sample_draft()
    path = tmp_path / "lapaz.concordia"
    save_draft(draft, path)
    assert load_draft(path) == draft
    assert not list(tmp_path.glob(".*.tmp")), "temporary file left behind"


def test_save_replaces_whole_file(tmp_path):
    path = tmp_path / "d.concordia"
    save_draft(sample_draft(5), path)
    smaller = sample_draft(1)
    save_draft(smaller, path)
    assert load_draft(path) == smaller


def test_garbage_file_is_not_a_draft(tmp_path):
    path = tmp_path / "notes.concordia"
    path.write_bytes(b"PK\x03\x04 this is a zip, not a draft" * 10)
    with pytest.raises(NotADraftError) as error:
        load_draft(path)
    assert "notes.concordia" in str(error.value)
    assert path.read_bytes().startswith(b"PK"), "a bad file must not be touched"


def test_foreign_sqlite_database_is_not_a_draft(tmp_path):
    path = tmp_path / "other.concordia"
    connection = sqlite3.connect(path)
    connection.execute("create table t (x)")
    connection.commit()
    connection.close()
    with pytest.raises(NotADraftError):
        load_draft(path)


def test_truncated_file_is_reported_as_damaged(tmp_path):
    path = tmp_path / "d.concordia"
    save_draft(sample_draft(200), path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises((CorruptDraftError, NotADraftError)) as error:
        load_draft(path)
    assert "d.concordia" in str(error.value)


def test_newer_format_is_refused_with_versions(tmp_path):
    path = tmp_path / "d.concordia"
    save_draft(sample_draft(), path)
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version={schema.SCHEMA_VERSION + 1}")
    connection.commit()
    connection.close()
    with pytest.raises(NewerFormatError) as error:
        load_draft(path)
    assert str(schema.SCHEMA_VERSION + 1) in str(error.value)


def test_older_format_is_migrated_in_memory(tmp_path, monkeypatch):
    """A file at version N opens through the migration N -> N+1, leaving the file untouched."""
    path = tmp_path / "d.concordia"
    save_draft(sample_draft(), path)
    calls = []

    def add_column(connection):
        calls.append(True)
        connection.execute("ALTER TABLE draft_info ADD COLUMN note_extra TEXT")

    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version={schema.SCHEMA_VERSION}")
    connection.commit()
    connection.close()
    before = path.read_bytes()
    monkeypatch.setattr(schema, "SCHEMA_VERSION", schema.SCHEMA_VERSION + 1)
    monkeypatch.setitem(schema.MIGRATIONS, schema.SCHEMA_VERSION - 1, add_column)
    assert load_draft(path) == sample_draft()
    assert calls == [True]
    assert path.read_bytes() == before


def test_read_only_folder_gives_clear_error(tmp_path, read_only_folder):
    folder = tmp_path / "ro"
    folder.mkdir()
    save_draft(sample_draft(), folder / "d.concordia")
    read_only_folder(folder)
    with pytest.raises(SaveError) as error:
        save_draft(sample_draft(1), folder / "d.concordia")
    assert "read-only" in str(error.value)
    assert load_draft(folder / "d.concordia") == sample_draft()


def test_session_in_read_only_folder_opens_read_only(tmp_path, read_only_folder):
    folder = tmp_path / "ro"
    folder.mkdir()
    save_draft(sample_draft(), folder / "d.concordia")
    read_only_folder(folder)
    session = DraftSession.open(folder / "d.concordia")
    assert session.read_only
    with pytest.raises(SaveError):
        session.save()


def test_read_only_file_is_not_overwritten(tmp_path, read_only_folder):
    path = tmp_path / "d.concordia"
    save_draft(sample_draft(), path)
    read_only_folder(path)
    with pytest.raises(SaveError) as error:
        save_draft(sample_draft(1), path)
    assert "d.concordia" in str(error.value)
    assert load_draft(path) == sample_draft()


def test_unwritable_folder_as_root_simulated_by_missing_folder(tmp_path):
    with pytest.raises(FileNotFoundError):
        save_draft(sample_draft(), tmp_path / "missing" / "d.concordia")


KILLER = textwrap.dedent(
    """
    import sys, time
    sys.path.insert(0, {repo!r})
    from app.store import draft_file
    from tests.store.test_draft_file import sample_draft
    original = draft_file._write_rows
    def slow_write(connection, draft, stored):
        rows = original(connection, draft, stored)
        print("writing", flush=True)
        time.sleep(30)          # killed here, in the middle of the save
        return rows
    draft_file._write_rows = slow_write
    draft_file.save_draft(sample_draft(50), {path!r})
    """
)


def test_kill_during_save_leaves_previous_file(tmp_path):
    path = tmp_path / "d.concordia"
    good = sample_draft(3)
    save_draft(good, path)
    process = subprocess.Popen(
        [sys.executable, "-c", KILLER.format(repo=str(REPO), path=str(path))],
        stdout=subprocess.PIPE, text=True, cwd=REPO,
    )
    assert process.stdout.readline().strip() == "writing"
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=10)
    assert load_draft(path) == good


HOLDER = textwrap.dedent(
    """
    import sys, time
    sys.path.insert(0, {repo!r})
    from app.store import DraftLock
    lock = DraftLock({path!r}); lock.acquire()
    print("locked", flush=True)
    time.sleep(30)
    """
)


def test_lock_held_by_another_process(tmp_path):
    path = tmp_path / "d.concordia"
    save_draft(sample_draft(), path)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER.format(repo=str(REPO), path=str(path))],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(DraftLockedError) as error:
            DraftSession.open(path)
        assert f"pid {holder.pid}" in str(error.value)
        session = DraftSession.open(path, read_only=True)
        assert session.read_only and session.draft == sample_draft()
        with pytest.raises(SaveError):
            session.save()
    finally:
        holder.kill()
        holder.wait()
    # A crashed holder leaves no stale lock behind.
    session = DraftSession.open(path)
    assert not session.read_only
    session.close()


def test_session_save_as_moves_the_lock(tmp_path):
    first, second = tmp_path / "a.concordia", tmp_path / "b.concordia"
    save_draft(sample_draft(), first)
    session = DraftSession.open(first)
    session.draft.note.subject = "changed"
    session.save(second)
    assert session.path == second.resolve()
    DraftSession.open(first).close()          # the old file is free again
    with pytest.raises(DraftLockedError):
        DraftSession.open(second)
    session.close()
    assert load_draft(second).note.subject == "changed"


def test_autosave_and_recovery(tmp_path):
    path = tmp_path / "d.concordia"
    save_draft(sample_draft(), path)
    session = DraftSession.open(path)
    session.draft.note.subject = "unsaved work"
    time.sleep(0.01)
    assert session.autosave() is not None
    session.close()                        # a crash: no save
    reopened = DraftSession.open(path)
    assert reopened.recovery_available() is not None
    assert reopened.draft.note.subject == "La Paz declaration"
    reopened.recover()
    assert reopened.draft.note.subject == "unsaved work"
    reopened.save()
    assert reopened.recovery_available() is None
    reopened.close()


def test_lock_is_released(tmp_path):
    path = tmp_path / "d.concordia"
    with DraftLock(path):
        assert (tmp_path / "d.concordia.lock").exists()
    assert not (tmp_path / "d.concordia.lock").exists()
