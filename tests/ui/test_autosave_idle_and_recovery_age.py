"""The window keeps a recovery copy a few seconds after typing stops, says how old a recovery
copy is when it offers one, and holds its draft's lock so a command cannot change it behind
its back. Real window, real files, real `python -m app` processes."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtTest import QTest

from app.model.inline import plain_text
from app.store import autosave_path_for, load_draft, save_draft
from app.ui.file_controller import IDLE_AUTOSAVE_MS
from app.ui.main_window import MainWindow
from app.ui.recovery_note import describe_age, describe_recovery_copy
from tests.conftest import LAPAZ_SEED, REPO
from tests.ui.window_support import (
    Answers,
    PathAnswers,
    isolated_settings,
    seed_file,
    window_maker,
)

TWO_MINUTES = 120_000


@pytest.fixture
def lapaz_file(tmp_path) -> Path:
    return seed_file(LAPAZ_SEED, tmp_path / "drafts" / "lapaz.concordia")


@pytest.fixture
def window(qtbot, tmp_path):
    with window_maker(qtbot, isolated_settings(tmp_path / "config")) as make:
        yield make(PathAnswers(), autosave_ms=TWO_MINUTES)


def type_in_first_paragraph(window: MainWindow, text: str) -> None:
    editor = window.editor
    editor.text_edit.setFocus()
    cursor = editor.text_edit.textCursor()
    cursor.setPosition(editor.bridge.qt_block(editor.draft().blocks[1].id).position())
    editor.text_edit.setTextCursor(cursor)
    QTest.keyClicks(editor.text_edit, text)


def copy_holds(copy: Path, text: str) -> bool:
    return copy.exists() and any(text in plain_text(block.content)
                                 for block in load_draft(copy).blocks)


def test_autosave_runs_when_typing_stops_not_only_every_two_minutes(qtbot, window, lapaz_file):
    assert window.files.open_path(lapaz_file)
    copy = autosave_path_for(lapaz_file)
    pause = IDLE_AUTOSAVE_MS * 0.6 / 1000   # twice this is past the idle delay: it must restart
    type_in_first_paragraph(window, "Typed ")
    qtbot.wait(int(pause * 1000))
    type_in_first_paragraph(window, "again ")              # restarts the countdown
    qtbot.wait(int(pause * 1000))
    assert not copy.exists(), "no copy while the user is still typing"
    qtbot.waitUntil(lambda: copy_holds(copy, "again Typed"), timeout=IDLE_AUTOSAVE_MS + 5000)
    assert "again Typed" not in plain_text(load_draft(lapaz_file).blocks[1].content)


def test_recovery_prompt_says_how_old_the_copy_is(window, lapaz_file):
    draft = load_draft(lapaz_file)
    draft.note.subject = "Kept three minutes ago"
    copy = autosave_path_for(lapaz_file)
    save_draft(draft, copy)
    now = time.time()
    os.utime(lapaz_file, (now - 600, now - 600))
    os.utime(copy, (now - 185, now - 185))
    written = dt.datetime.fromtimestamp(now - 185)

    answers = Answers("restore")
    assert window.files.open_path(lapaz_file)
    assert answers.done and "lapaz.concordia" in answers.seen[0]
    note = answers.informative[0]
    assert note.startswith("Recovery copy from ") and f"{written:%H:%M}" in note
    assert "3 minutes old; edits after that are not in it." in note
    assert window.editor.draft().note.subject == "Kept three minutes ago"


def test_a_command_is_refused_while_the_window_has_the_draft(window, lapaz_file):
    assert window.files.open_path(lapaz_file)
    before = lapaz_file.read_bytes()
    block = load_draft(lapaz_file).blocks[1].id
    result = subprocess.run(
        [sys.executable, "-m", "app", "comment", "add", str(lapaz_file), "--block", block,
         "--party", "HU", "--text", "behind the window's back"],
        cwd=REPO, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "is already open in another Concordia window" in result.stderr
    assert f"pid {os.getpid()}" in result.stderr and result.stderr.count("\n") == 1
    assert lapaz_file.read_bytes() == before


@pytest.mark.parametrize(("minutes", "expected"), [
    (0, "less than a minute old"), (1, "1 minute old"), (3, "3 minutes old"),
    (59, "59 minutes old"), (60, "1 hour old"), (150, "2 hours old"),
    (47 * 60, "47 hours old"), (5 * 24 * 60, "5 days old"),
])
def test_ages_in_english(minutes, expected):
    assert describe_age(dt.timedelta(minutes=minutes, seconds=20)) == expected


def test_time_of_the_copy_follows_the_language_and_names_the_day_when_not_today():
    now = dt.datetime(2026, 12, 2, 14, 35)
    today = describe_recovery_copy(dt.datetime(2026, 12, 2, 14, 32), now, "en")
    assert today == "Recovery copy from 14:32, 3 minutes old; edits after that are not in it."
    earlier = dt.datetime(2026, 11, 30, 9, 5)
    assert "02/12/2026" not in describe_recovery_copy(earlier, now, "en")
    assert "30/11/2026, 09:05" in describe_recovery_copy(earlier, now, "en")
    assert "30/11/26, 9:05" in describe_recovery_copy(earlier, now, "es")   # Babel's es_ES
