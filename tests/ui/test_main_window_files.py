"""The window's file handling, driven like a user: locks, bad files, prompts, autosave, recovery."""

from __future__ import annotations

import copy
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.store import autosave_path_for, load_draft, save_draft
from app.ui.main_window import MainWindow
from app.ui.untitled_copies import UntitledCopy
from tests.conftest import LAPAZ_SEED, REPO
from tests.ui.window_support import (
    Answers,
    PathAnswers,
    close_without_prompt,
    isolated_settings,
    press,
    seed_file,
    window_maker,
)


@pytest.fixture
def settings(tmp_path):
    return isolated_settings(tmp_path / "config")


@pytest.fixture
def paths():
    return PathAnswers()


@pytest.fixture
def lapaz_file(tmp_path) -> Path:
    return seed_file(LAPAZ_SEED, tmp_path / "drafts" / "lapaz.concordia")


@pytest.fixture
def make_window(qtbot, settings, paths):
    with window_maker(qtbot, settings) as make:
        yield lambda autosave_ms=60_000: make(paths, autosave_ms=autosave_ms)


def edit_subject(qtbot, window: MainWindow, text: str) -> None:
    """Type into the Subject field and leave it, as a user would."""
    field = window.cover_form.field_widget("subject")
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)
    window.cover_form.commit_pending()


def test_open_shows_cover_and_title(make_window, lapaz_file):
    window = make_window()
    assert window.files.open_path(lapaz_file)
    assert window.windowTitle() == "lapaz.concordia[*] — Concordia"
    assert not window.isWindowModified()
    subject = window.cover_form.field_widget("subject").toPlainText()
    assert subject == load_draft(lapaz_file).note.subject
    assert "La Paz" in subject


def test_modified_marker_follows_edits_and_save(qtbot, make_window, lapaz_file):
    window = make_window()
    window.files.open_path(lapaz_file)
    edit_subject(qtbot, window, "Draft declaration")
    assert window.isWindowModified()
    press(qtbot, window, Qt.Key_S, Qt.ControlModifier)
    assert not window.isWindowModified()
    assert load_draft(lapaz_file).note.subject == "Draft declaration"
    assert not autosave_path_for(lapaz_file).exists()


def test_lock_held_by_another_process_offers_read_only(qtbot, make_window, lapaz_file, paths, tmp_path):
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys; from app.store import DraftLock; lock = DraftLock(sys.argv[1]); "
         "lock.acquire(); print('locked', flush=True); sys.stdin.readline()",
         str(lapaz_file)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=REPO,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        window = make_window()
        before = copy.deepcopy(window.editor.draft())
        answers = Answers(QMessageBox.Cancel)
        assert not window.files.open_path(lapaz_file)
        assert "already open" in answers.seen[0] and f"pid {holder.pid}" in answers.seen[0]
        assert window.windowTitle().startswith("Untitled")
        assert window.editor.draft() == before

        answers = Answers("open_read_only")
        assert window.files.open_path(lapaz_file)
        assert answers.done
        assert window.files.session.read_only
        assert "(read-only)" in window.windowTitle()
        assert window.editor.text_edit.isReadOnly()
        assert window.cover_form.field_widget("subject").isReadOnly()

        # Save on a read-only draft says to use Save As; cancelling leaves the file alone.
        stamp = lapaz_file.stat().st_mtime_ns
        answers = Answers(QMessageBox.Cancel)
        press(qtbot, window, Qt.Key_S, Qt.ControlModifier)
        assert answers.done and "Save As" in answers.seen[0]
        assert lapaz_file.stat().st_mtime_ns == stamp

        # Save As makes a copy the user owns: editable again, the original untouched.
        mine = tmp_path / "mine.concordia"
        paths.save_paths.append(mine)
        answers = Answers("save_as")
        press(qtbot, window, Qt.Key_S, Qt.ControlModifier)
        assert answers.done
        assert not window.files.session.read_only
        assert window.windowTitle() == "mine.concordia[*] — Concordia"
        assert not window.editor.text_edit.isReadOnly()
        assert not window.cover_form.field_widget("subject").isReadOnly()
        assert load_draft(mine) == load_draft(lapaz_file)
        assert lapaz_file.stat().st_mtime_ns == stamp
    finally:
        holder.communicate("\n", timeout=10)


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty", "folder", "foreign", "newer"])
def test_bad_files_give_one_sentence_and_change_nothing(make_window, lapaz_file, tmp_path, damage):
    bad = tmp_path / f"bad-{damage}.concordia"
    if damage == "garbage":
        bad.write_bytes(b"PK\x03\x04 this is a zip, not a draft" * 20)
    elif damage == "truncated":
        data = lapaz_file.read_bytes()
        bad.write_bytes(data[: len(data) // 3])
    elif damage == "empty":
        bad.write_bytes(b"")
    elif damage == "foreign":  # somebody else's SQLite database
        with sqlite3.connect(bad) as connection:
            connection.execute("CREATE TABLE songs (title TEXT)")
    elif damage == "newer":  # a draft from a future Concordia
        shutil.copy(lapaz_file, bad)
        with sqlite3.connect(bad) as connection:
            connection.execute("PRAGMA user_version = 9999")
    else:
        bad.mkdir()
    window = make_window()
    window.files.open_path(lapaz_file)
    before, title = copy.deepcopy(window.editor.draft()), window.windowTitle()
    answers = Answers(QMessageBox.Ok)
    assert not window.files.open_path(bad)
    assert answers.done
    message = answers.seen[0]
    assert bad.name in message and "Traceback" not in message and "\n" not in message
    if damage == "newer":
        assert "newer Concordia" in message
    assert window.editor.draft() == before and window.windowTitle() == title
    assert window.files.session.path == lapaz_file.resolve()


def test_missing_file_message(make_window, tmp_path):
    window = make_window()
    answers = Answers(QMessageBox.Ok)
    assert not window.files.open_path(tmp_path / "gone.concordia")
    assert "gone.concordia" in answers.seen[0]


def test_close_prompt_cancel_keeps_window_discard_closes(qtbot, make_window, lapaz_file):
    window = make_window()
    window.files.open_path(lapaz_file)
    edit_subject(qtbot, window, "Unsaved subject")
    answers = Answers(QMessageBox.Cancel)
    assert not window.close()
    assert answers.done and "lapaz.concordia" in answers.seen[0]
    assert window.isVisible()

    answers = Answers(QMessageBox.Discard)
    assert window.close()
    assert not window.isVisible()
    assert load_draft(lapaz_file).note.subject != "Unsaved subject"
    assert not (lapaz_file.parent / "lapaz.concordia.lock").exists()


def test_close_prompt_save_writes_the_file(qtbot, make_window, lapaz_file):
    window = make_window()
    window.files.open_path(lapaz_file)
    edit_subject(qtbot, window, "Saved on close")
    answers = Answers(QMessageBox.Save)
    assert window.close()
    assert answers.done
    assert load_draft(lapaz_file).note.subject == "Saved on close"


def test_new_and_open_replace_the_draft_only_after_the_prompt(qtbot, make_window, lapaz_file, paths):
    window = make_window()
    window.files.open_path(lapaz_file)
    edit_subject(qtbot, window, "Keep me")
    answers = Answers(QMessageBox.Cancel)
    press(qtbot, window, Qt.Key_N, Qt.ControlModifier)
    assert answers.done
    assert window.editor.draft().note.subject == "Keep me"
    assert paths.asked == []

    answers = Answers(QMessageBox.Cancel)
    press(qtbot, window, Qt.Key_O, Qt.ControlModifier)
    assert answers.done and paths.asked == []  # no file dialog after Cancel

    answers = Answers(QMessageBox.Discard)
    window.actions_by_name["new"].trigger()
    assert answers.done
    assert window.windowTitle().startswith("Untitled")
    assert window.editor.draft().note.subject == ""
    assert not window.isWindowModified()


def _make_folder_read_only(folder: Path) -> bool:
    """chattr +i stops even root; otherwise a plain chmod does for a normal user."""
    if os.geteuid() == 0:
        if shutil.which("chattr") is None:
            return False
        return subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode == 0
    folder.chmod(0o555)
    return True


def _make_folder_writable(folder: Path) -> None:
    if os.geteuid() == 0:
        subprocess.run(["chattr", "-i", str(folder)], capture_output=True)
    folder.chmod(0o755)


def test_save_to_read_only_folder_offers_save_as(qtbot, make_window, lapaz_file, paths, tmp_path):
    window = make_window()
    window.files.open_path(lapaz_file)
    edit_subject(qtbot, window, "Rescued subject")
    folder = lapaz_file.parent
    if not _make_folder_read_only(folder):
        pytest.skip("cannot make a folder read-only here")
    elsewhere = tmp_path / "elsewhere" / "lapaz-copy.concordia"
    elsewhere.parent.mkdir()
    paths.save_paths.append(elsewhere)
    try:
        answers = Answers("save_as")
        press(qtbot, window, Qt.Key_S, Qt.ControlModifier)
        assert answers.done
        assert "read-only" in answers.seen[0] or "permission" in answers.seen[0]
        assert paths.asked == ["save_as"]
    finally:
        _make_folder_writable(folder)
    assert load_draft(elsewhere).note.subject == "Rescued subject"
    assert load_draft(lapaz_file).note.subject != "Rescued subject"
    assert window.files.session.path == elsewhere.resolve()
    assert window.windowTitle().startswith("lapaz-copy.concordia")
    assert not window.isWindowModified()


def test_autosave_after_the_timer_and_recovery_on_reopen(qtbot, make_window, lapaz_file):
    window = make_window(autosave_ms=150)
    window.files.open_path(lapaz_file)
    copy = autosave_path_for(lapaz_file)
    qtbot.wait(400)
    assert not copy.exists()  # nothing to keep while unmodified
    edit_subject(qtbot, window, "Typed before the crash")
    qtbot.waitUntil(copy.exists, timeout=3000)
    assert load_draft(copy).note.subject == "Typed before the crash"
    assert load_draft(lapaz_file).note.subject != "Typed before the crash"

    # A crash: the window goes away without saving and without the prompt.
    window.files.close_session()
    close_without_prompt(window)
    assert copy.exists()

    second = make_window()
    answers = Answers("restore")
    assert second.files.open_path(lapaz_file)
    assert answers.done and "lapaz.concordia" in answers.seen[0]
    assert second.editor.draft().note.subject == "Typed before the crash"
    assert second.cover_form.field_widget("subject").toPlainText() == "Typed before the crash"
    assert second.isWindowModified()
    press(qtbot, second, Qt.Key_S, Qt.ControlModifier)
    assert load_draft(lapaz_file).note.subject == "Typed before the crash"
    assert not copy.exists()


def test_recovery_declined_opens_saved_version_and_drops_the_copy(make_window, lapaz_file):
    draft = load_draft(lapaz_file)
    saved_subject = draft.note.subject
    draft.note.subject = "Autosaved only"
    copy = autosave_path_for(lapaz_file)
    save_draft(draft, copy)
    window = make_window()
    answers = Answers("open_saved")
    window.files.open_path(lapaz_file)
    assert answers.done
    assert window.editor.draft().note.subject == saved_subject
    assert not copy.exists()
    assert not window.isWindowModified()


def test_recent_files_remembered_and_missing_ones_pruned(make_window, lapaz_file, settings, tmp_path):
    other = tmp_path / "drafts" / "other.concordia"
    shutil.copy(lapaz_file, other)
    window = make_window()
    window.files.open_path(lapaz_file)
    window.files.open_path(other)
    assert settings.recent_files()[:2] == [other.resolve(), lapaz_file.resolve()]
    window.rebuild_recent_menu()
    names = [action.data() for action in window.recent_menu.actions() if action.data()]
    assert names[:2] == [str(other.resolve()), str(lapaz_file.resolve())]

    close_without_prompt(window)
    lapaz_file.unlink()
    second = make_window()
    second.rebuild_recent_menu()
    action = next(a for a in second.recent_menu.actions() if a.data() == str(lapaz_file.resolve()))
    answers = Answers(QMessageBox.Ok)
    action.trigger()
    assert answers.done and "no longer exists" in answers.seen[0]
    assert settings.recent_files() == [other.resolve()]


def test_geometry_and_docks_restored(qtbot, make_window):
    window = make_window()
    default = window.size()
    window.resize(760, 560)  # the offscreen screen is 800×600; the minimum size may round up
    qtbot.waitUntil(lambda: window.size() != default, timeout=2000)
    chosen = window.size()
    window.docks["footnotes"].hide()
    qtbot.wait(50)
    assert window.close()
    second = make_window()
    # Qt nudges a restored window to fit the (800×600 offscreen) screen: near, not equal.
    assert abs(second.width() - chosen.width()) <= 40
    assert abs(second.height() - chosen.height()) <= 40
    assert abs(second.height() - default.height()) > 200
    assert not second.docks["footnotes"].isVisible()
    assert second.docks["cover"].isVisible()


def test_quit_asks_once_per_unsaved_window(qtbot, make_window, lapaz_file, tmp_path):
    window = make_window()
    window.files.open_path(lapaz_file)
    edit_subject(qtbot, window, "Not yet saved")
    answers = Answers(QMessageBox.Cancel)
    press(qtbot, window, Qt.Key_Q, Qt.ControlModifier)
    assert answers.done and window.isVisible()
    answers = Answers(QMessageBox.Discard)
    window.actions_by_name["quit"].trigger()
    assert answers.done and not window.isVisible()


def test_never_saved_draft_survives_a_crash(qtbot, make_window, settings, tmp_path):
    source = tmp_path / "borrador.txt"
    shutil.copy(LAPAZ_SEED, source)
    window = make_window(autosave_ms=150)
    window.files.import_path(source, ask_first=False)
    qtbot.waitUntil(lambda: window.files.import_task is None, timeout=10_000)
    folder = settings.recovery_folder()
    qtbot.waitUntil(lambda: any(folder.glob("untitled-*.concordia")), timeout=3000)
    edit_subject(qtbot, window, "Imported, never saved")
    qtbot.waitUntil(
        lambda: load_draft(window.files.untitled.path).note.subject == "Imported, never saved",
        timeout=3000)
    expected = copy.deepcopy(window.editor.draft())

    second = make_window()
    assert not second.files.offer_untitled_recovery()  # the first window is alive: not offered

    # The first process dies: the OS drops its lock, the copy stays on disk.
    window.files.untitled._lock.release()
    window.files.untitled = UntitledCopy(folder)
    close_without_prompt(window)
    assert len(list(folder.glob("untitled-*.concordia"))) == 1

    answers = Answers("restore")
    assert second.files.offer_untitled_recovery()
    assert answers.done and "new draft" in answers.seen[0]
    assert second.editor.draft() == expected
    assert second.isWindowModified() and second.windowTitle().startswith("Untitled")
    # Protected again by the second window's own copy, which a Discard on close removes.
    copies = list(folder.glob("untitled-*.concordia"))
    assert copies == [second.files.untitled.path]
    answers = Answers(QMessageBox.Discard)
    assert second.close()
    assert list(folder.glob("untitled-*.concordia")) == []
