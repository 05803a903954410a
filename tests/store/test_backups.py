"""Rotating backups: the keeping policy on fake clocks, and real copies taken on save."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest

from app.model import Block, BlockKind, Draft, TextRun
from app.model.inline import plain_text
from app.store import load_draft, save_draft
from app.store.backups import (
    RECENT,
    BackupError,
    backup_after_save,
    backup_folder,
    due,
    list_backups,
    prune,
    restore_in_place,
    to_keep,
)
from app.store.session import DraftSession

from ..conftest import REPO

NOW = datetime(2024, 6, 30, 12, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def data_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data"


def draft_with(text: str) -> Draft:
    return Draft(blocks=[Block(BlockKind.PARAGRAPH, [TextRun(text)])])


def text_of(path) -> str:
    return plain_text(load_draft(path).blocks[0].content)


# -- the policy ---------------------------------------------------------------------------
def test_recent_saves_are_kept_ten_deep():
    times = [NOW - timedelta(minutes=10 * i) for i in range(30)]   # all today
    kept = to_keep(times, NOW)
    assert set(times[:RECENT]) <= kept
    assert len(kept) == RECENT          # the newest of today is among the recent ones


def test_one_a_day_for_a_week_one_a_week_for_four_then_one_a_month():
    # four saves a day, every day, for a year
    times = [NOW - timedelta(days=d, hours=h) for d in range(365) for h in (0, 3, 6, 9)]
    kept = sorted(to_keep(times, NOW), reverse=True)
    days = {t.date() for t in kept if (NOW.date() - t.date()).days < 7}
    assert len(days) == 7
    weeks = {t.isocalendar()[:2] for t in kept if 7 <= (NOW.date() - t.date()).days < 35}
    assert len([t for t in kept if 7 <= (NOW.date() - t.date()).days < 35]) == len(weeks) <= 5
    old = [t for t in kept if (NOW.date() - t.date()).days >= 35]
    assert len(old) == len({(t.year, t.month) for t in old})
    assert min(kept) < NOW - timedelta(days=330)          # the oldest month is still there
    assert len(kept) < 40
    # each kept day/week/month keeps its newest backup
    june_1 = [t for t in times if t.date() == NOW.date() - timedelta(days=3)]
    assert max(june_1) in kept


def test_at_most_one_backup_per_five_minutes():
    assert due(None, NOW)
    assert not due(NOW, NOW + timedelta(minutes=4, seconds=59))
    assert due(NOW, NOW + timedelta(minutes=5))
    assert due(NOW, NOW - timedelta(hours=1))     # a clock set back: never stuck without backups


# -- real files ---------------------------------------------------------------------------
def test_saving_takes_a_backup_that_is_a_real_draft_and_prunes(tmp_path, data_home):
    path = tmp_path / "note.concordia"
    session = DraftSession.new(draft_with("first"))
    session.save(path)
    (first,) = list_backups(path)
    assert first.path.parent == backup_folder(path)
    assert str(first.path).startswith(str(data_home / "concordia" / "backups" / "note-"))
    assert text_of(first.path) == "first"
    session.draft = draft_with("second")
    session.save()                        # within five minutes: no second backup
    assert len(list_backups(path)) == 1
    session.close()

    first.path.unlink()
    for minutes in range(0, 5 * 40, 5):   # a save every five minutes, on a fake clock
        save_draft(draft_with(f"at {minutes}"), path)
        assert backup_after_save(path, now=NOW + timedelta(minutes=minutes))
    backups = list_backups(path)
    assert len(backups) == RECENT         # all on one day: the ten most recent only
    assert text_of(backups[0].path) == "at 195"
    assert prune(path, now=NOW + timedelta(hours=4)) == []


def test_backup_copy_is_consistent_sqlite(tmp_path):
    path = tmp_path / "note.concordia"
    save_draft(draft_with("text"), path)
    backup = backup_after_save(path)
    with sqlite3.connect(backup.path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_backup_that_cannot_be_written_never_fails_the_save(tmp_path, monkeypatch, data_home):
    data_home.mkdir(parents=True)
    (data_home / "concordia").write_text("not a folder")     # the data folder is blocked
    path = tmp_path / "note.concordia"
    session = DraftSession.new(draft_with("kept"))
    assert session.save(path) == path.resolve()
    session.close()
    assert text_of(path) == "kept" and list_backups(path) == []


def test_restore_in_place_backs_up_the_current_state_first(tmp_path):
    path = tmp_path / "note.concordia"
    save_draft(draft_with("old words"), path)
    old = backup_after_save(path, now=NOW)
    save_draft(draft_with("new words"), path)
    before = restore_in_place(path, old.name)
    assert text_of(path) == "old words"
    assert text_of(before.path) == "new words"
    with pytest.raises(BackupError, match="no backup called"):
        restore_in_place(path, "missing")


# -- the command line ---------------------------------------------------------------------
def run(*args, env_home):
    import os

    env = {**os.environ, "XDG_DATA_HOME": str(env_home), "CONCORDIA_LANG": "en"}
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=120)


def test_cli_lists_and_restores(tmp_path, data_home):
    path = tmp_path / "note.concordia"
    save_draft(draft_with("version one"), path)
    first = backup_after_save(path, now=NOW)
    save_draft(draft_with("version two"), path)
    backup_after_save(path, now=NOW + timedelta(hours=1))

    listing = run("backup", "list", str(path), env_home=data_home)
    assert listing.returncode == 0, listing.stderr
    lines = listing.stdout.splitlines()
    assert [line.split("\t")[0] for line in lines] == [
        "note-20240630-130000.concordia", "note-20240630-120000.concordia"]
    assert "30 Jun 2024" in lines[0] and "kB" in lines[0]

    out = tmp_path / "restored.concordia"
    made = run("backup", "restore", str(path), "--backup", first.name, "--out", str(out),
               env_home=data_home)
    assert made.returncode == 0, made.stderr
    assert text_of(out) == "version one" and text_of(path) == "version two"
    again = run("backup", "restore", str(path), "--backup", first.name, "--out", str(out),
                env_home=data_home)
    assert again.returncode == 1 and "already exists" in again.stderr

    in_place = run("backup", "restore", str(path), "--backup", first.name, env_home=data_home)
    assert in_place.returncode == 0, in_place.stderr
    assert text_of(path) == "version one"
    assert len(list_backups(path)) == 3                   # the replaced state is one of them
    missing = run("backup", "restore", str(path), "--backup", "nope", env_home=data_home)
    assert missing.returncode == 1 and "no backup called" in missing.stderr
