"""A bug in the window: the draft is kept first, the traceback logged, and a dialog explains.

pytest-qt normally catches exceptions raised in slots itself; these tests switch that off
(`qt_no_exception_capture`) so the exception reaches our real `sys.excepthook`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QPushButton

from app.importer import import_text_file
from app.store import autosave_path_for, load_draft, save_draft
from app.ui.crash_hook import install_crash_hook
from app.ui.dialogs import ErrorDialog
from app.ui.main_window import MainWindow
from app.ui.worker import run_in_background
from tests.conftest import LAPAZ_SEED
from tests.ui.window_support import PathAnswers, close_without_prompt, isolated_settings

pytestmark = pytest.mark.qt_no_exception_capture


@pytest.fixture
def data_home(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data" / "concordia"


@pytest.fixture
def crash_hook():
    hook = install_crash_hook()
    yield hook
    hook.uninstall()
    if hook.dialog is not None:
        hook.dialog.close()


@pytest.fixture
def window(qtbot, tmp_path):
    draft, _report = import_text_file(LAPAZ_SEED)
    path = tmp_path / "drafts" / "lapaz.concordia"
    path.parent.mkdir()
    save_draft(draft, path)
    shown = MainWindow(isolated_settings(tmp_path / "config"), PathAnswers(), autosave_ms=600_000)
    shown.show()
    assert shown.files.open_path(path)
    yield shown
    close_without_prompt(shown)
    shown.files.close_session()
    shown.deleteLater()


def type_subject(qtbot, window: MainWindow, text: str) -> None:
    field = window.cover_form.field_widget("subject")
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)
    window.cover_form.commit_pending()


def buggy_button(window: MainWindow) -> QPushButton:
    """A button whose slot has a real bug: it looks up a paragraph id that is not there."""
    button = QPushButton("Renumber", window)

    def renumber() -> None:
        positions = {block.id: index for index, block in enumerate(window.current_draft().blocks)}
        positions["paragraph-that-is-not-there"] += 1

    button.clicked.connect(renumber)
    button.show()
    return button


def test_a_bug_in_a_slot_keeps_the_draft_logs_and_explains(qtbot, window, crash_hook, data_home):
    lapaz = window.files.session.path
    type_subject(qtbot, window, "Typed just before the bug")
    copy = autosave_path_for(lapaz)
    assert not copy.exists()

    buggy_button(window).click()

    dialog = crash_hook.dialog
    assert isinstance(dialog, ErrorDialog) and dialog.isVisible()
    assert "internal error (KeyError: 'paragraph-that-is-not-there')" in dialog.message.text()
    assert str(copy) in dialog.note.text() and str(data_home / "concordia.log") in dialog.note.text()
    # The draft was kept before anything else: the recovery copy holds the typed subject.
    assert load_draft(copy).note.subject == "Typed just before the bug"
    assert load_draft(lapaz).note.subject != "Typed just before the bug"

    log = (data_home / "concordia.log").read_text(encoding="utf-8")
    assert "window: KeyError: 'paragraph-that-is-not-there'" in log
    assert 'positions["paragraph-that-is-not-there"] += 1' in log  # the traceback's source line
    assert f"unsaved changes kept in {copy}" in log

    QApplication.clipboard().clear()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QApplication.clipboard().text()
    assert copied.startswith("Traceback (most recent call last):")
    assert "KeyError: 'paragraph-that-is-not-there'" in copied
    assert dialog.isVisible()  # copying does not close it
    QApplication.clipboard().clear()
    assert window.isVisible()  # the window stays: the user decides what to do next


def test_a_burst_of_errors_is_one_dialog_and_every_error_logged(qtbot, window, crash_hook,
                                                                data_home):
    button = buggy_button(window)
    button.click()
    first = crash_hook.dialog
    button.click()
    assert crash_hook.dialog is first
    dialogs = [w for w in QApplication.topLevelWidgets()
               if isinstance(w, ErrorDialog) and w.isVisible()]
    assert dialogs == [first]
    log = (data_home / "concordia.log").read_text(encoding="utf-8")
    assert log.count("window: KeyError") == 2
    assert "unsaved changes kept" not in log  # nothing was modified: no copy to write


def test_an_uncaught_user_error_shows_its_own_sentence(qtbot, window, crash_hook, data_home):
    from app.store import SaveError

    button = QPushButton("Save elsewhere", window)
    target = window.files.session.path

    def save_elsewhere() -> None:
        raise SaveError.not_writable(target)

    button.clicked.connect(save_elsewhere)
    button.click()
    dialog = crash_hook.dialog
    assert dialog.windowTitle() == "Concordia"
    assert dialog.message.text() == str(SaveError.not_writable(target))
    assert "internal error" not in dialog.message.text()


def test_a_bug_in_a_background_task_reaches_the_log_and_the_dialog(qtbot, data_home):
    """The worker thread's saved traceback, not the GUI thread's, is what the log keeps."""
    seen: list[ErrorDialog] = []

    def close_the_error_dialog() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, ErrorDialog):
            seen.append(box)
            box.copy_details()
            box.reject()
        else:
            QTimer.singleShot(20, close_the_error_dialog)

    def count_clauses(progress):
        clauses = {"operative": 3}
        return clauses["preamble"]  # the bug

    QTimer.singleShot(20, close_the_error_dialog)
    task = run_in_background(None, count_clauses, title="Counting clauses", on_done=print)
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    assert task.outcome == "error" and len(seen) == 1
    assert "KeyError" in seen[0].message.text() and "concordia.log" in seen[0].message.text()
    log = (data_home / "concordia.log").read_text(encoding="utf-8")
    assert "background task “Counting clauses”: KeyError: 'preamble'" in log
    assert "in count_clauses" in log and 'return clauses["preamble"]' in log
    assert "Traceback" in QApplication.clipboard().text()
    QApplication.clipboard().clear()
