"""Helpers for driving the main window like a user: isolated settings, a seed saved as a draft
file, windows opened on it (`window_maker`), an editor showing a draft, answers to dialogs.

Only file PATHS are injected (`PathAnswers`); every question is a real QMessageBox that
`Answers` clicks once it is on screen, recording what it said (other dialogs: `ModalWatcher`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox, QWidget

from app.importer.text import import_text_file
from app.model import Draft
from app.store import save_draft
from app.ui.editor import DraftEditor
from app.ui.main_window import MainWindow
from app.ui.settings import AppSettings


def isolated_settings(folder: Path) -> AppSettings:
    QCoreApplication.setOrganizationName("ConcordiaTest")
    folder.mkdir(parents=True, exist_ok=True)
    for fmt in (QSettings.IniFormat, QSettings.NativeFormat):
        QSettings.setPath(fmt, QSettings.UserScope, str(folder))
    settings = AppSettings(QSettings(str(folder / "concordia.ini"), QSettings.IniFormat))
    settings.set_recovery_folder(folder / "recovery")
    return settings


def seed_file(seed: Path, target: Path,
              prepare: Callable[[Draft], object] | None = None) -> Path:
    """A seed imported and saved as the draft file `target` (`prepare`: done to it first)."""
    draft, _report = import_text_file(seed)
    if prepare is not None:
        prepare(draft)
    target.parent.mkdir(parents=True, exist_ok=True)
    save_draft(draft, target)
    return target


@contextmanager
def window_maker(qtbot, settings: AppSettings) -> Iterator[Callable[..., MainWindow]]:
    """`make(prompter, opened=None, autosave_ms=60_000)`: a main window as the user starts it,
    shown and active (shortcuts only reach the active window), with the draft file `opened`
    open. At the end each is closed without prompts and its session (lock) released."""
    made: list[MainWindow] = []

    def make(prompter=None, opened: Path | None = None, autosave_ms: int = 60_000) -> MainWindow:
        # Not qtbot.addWidget: its tear-down closes windows before ours could answer a prompt.
        window = MainWindow(settings, prompter, autosave_ms=autosave_ms)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=2000)
        made.append(window)
        if opened is not None:
            assert window.files.open_path(opened, ask_first=False)
        return window

    try:
        yield make
    finally:
        for window in made:
            dispose(window)


def editor_with(qtbot, draft: Draft, size: tuple[int, int] | None = None) -> DraftEditor:
    """A draft editor (no window) showing `draft`; `size` is given before the draft is shown."""
    editor = DraftEditor()
    qtbot.addWidget(editor)
    if size is not None:
        editor.resize(*size)
    editor.set_draft(draft)
    return editor


def select(editor: DraftEditor, block_id: str, start: int, end: int) -> None:
    """Select characters `start` to `end` of a paragraph, as a drag over them would."""
    block = editor.bridge.qt_block(block_id)
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + start)
    cursor.setPosition(block.position() + end, QTextCursor.MoveMode.KeepAnchor)
    editor.text_edit.setTextCursor(cursor)


class PathAnswers:
    """Stands in for the file dialogs only: hands out the paths a test queued."""

    def __init__(self) -> None:
        self.open_paths: list[Path] = []
        self.save_paths: list[Path] = []
        self.import_paths: list[Path] = []
        self.asked: list[str] = []
        self.suggested: list[Path | None] = []

    def open_draft(self, parent) -> Path | None:
        self.asked.append("open")
        return self.open_paths.pop(0) if self.open_paths else None

    def save_draft_as(self, parent, suggested) -> Path | None:
        self.asked.append("save_as")
        self.suggested.append(suggested)
        return self.save_paths.pop(0) if self.save_paths else None

    def import_text(self, parent) -> Path | None:
        self.asked.append("import")
        return self.import_paths.pop(0) if self.import_paths else None


class ModalWatcher:
    """Looks every 20 ms for a modal dialog on screen and hands it to `answer`, until `stop`."""

    def __init__(self) -> None:
        self._timer = QTimer()
        self._timer.setInterval(20)
        self._timer.timeout.connect(self._poll)
        self._timer.start()

    def _poll(self) -> None:
        box = QApplication.activeModalWidget()
        if box is not None and box.isVisible():
            self.answer(box)

    def answer(self, box: QWidget) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        self._timer.stop()


class Answers(ModalWatcher):
    """Clicks buttons of the message boxes that appear, in order.

    Each answer is a QMessageBox.StandardButton or the object name of a custom button
    ("open_read_only", "save_as", "restore", "open_saved").
    """

    def __init__(self, *answers) -> None:
        self.queue = list(answers)
        self.seen: list[str] = []        # text of each box answered
        self.informative: list[str] = []
        self.unexpected: list[str] = []  # boxes nobody planned for: dismissed, never hung on
        super().__init__()

    def answer(self, box: QWidget) -> None:
        if not isinstance(box, QMessageBox):
            return
        if not self.queue:
            self.unexpected.append(box.text())
            box.reject()
            return
        answer = self.queue.pop(0)
        self.seen.append(box.text())
        self.informative.append(box.informativeText())
        if isinstance(answer, str):
            button = box.findChild(QAbstractButton, answer)
        else:
            button = box.button(answer)
        if button is None:
            self.unexpected.append(f"no button {answer!r} in: {box.text()}")
            box.reject()
            return
        button.click()

    @property
    def done(self) -> bool:
        """Every planned answer given and no unplanned box met."""
        return not self.queue and not self.unexpected


def close_without_prompt(window) -> None:
    """Tear-down: forget unsaved changes and close, releasing the lock."""
    if window.files.import_task is not None and window.files.import_task.running:
        window.files.import_task.cancel()
    window.cover_form._pending.clear()
    window.mark_saved()
    window.close()


def dispose(window) -> None:
    """Tear-down: close the window if it is open (no prompts), release its lock, delete it."""
    if window.isVisible():
        close_without_prompt(window)
    window.files.close_session()
    window.deleteLater()


def press(qtbot, window, key, modifier) -> None:
    """A shortcut as the user types it; a closed dialog may have left no window active."""
    if not window.isActiveWindow():
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClick(window, key, modifier)


@contextmanager
def side_by_side_of(qtbot, path: Path, config: Path) -> Iterator[tuple[MainWindow, QWidget]]:
    """A window with the draft file `path` open and its side-by-side view shown, closed after."""
    paths = PathAnswers()
    paths.open_paths.append(path)
    window = MainWindow(isolated_settings(config), paths, autosave_ms=60_000)
    window.show()
    window.files.open_path(path)
    window.actions_by_name["view_side_by_side"].trigger()
    view = window._bilingual_window
    qtbot.waitExposed(view)
    try:
        yield window, view
    finally:
        view.close()
        close_without_prompt(window)
        window.files.close_session()
        window.deleteLater()
