"""Helpers for driving the main window like a user: isolated settings, answers to dialogs.

Only file PATHS are injected (`PathAnswers`); every question is a real QMessageBox that
`Answers` clicks once it is on screen, recording what it said.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox

from app.ui.settings import AppSettings


def isolated_settings(folder: Path) -> AppSettings:
    QCoreApplication.setOrganizationName("ConcordiaTest")
    folder.mkdir(parents=True, exist_ok=True)
    for fmt in (QSettings.IniFormat, QSettings.NativeFormat):
        QSettings.setPath(fmt, QSettings.UserScope, str(folder))
    settings = AppSettings(QSettings(str(folder / "concordia.ini"), QSettings.IniFormat))
    settings.set_recovery_folder(folder / "recovery")
    return settings


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


class Answers:
    """Clicks buttons of the message boxes that appear, in order.

    Each answer is a QMessageBox.StandardButton or the object name of a custom button
    ("open_read_only", "save_as", "restore", "open_saved").
    """

    def __init__(self, *answers) -> None:
        self.queue = list(answers)
        self.seen: list[str] = []        # text of each box answered
        self.informative: list[str] = []
        self.unexpected: list[str] = []  # boxes nobody planned for: dismissed, never hung on
        self._timer = QTimer()
        self._timer.setInterval(20)
        self._timer.timeout.connect(self._poll)
        self._timer.start()

    def _poll(self) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not box.isVisible():
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

    def stop(self) -> None:
        self._timer.stop()


def close_without_prompt(window) -> None:
    """Tear-down: forget unsaved changes and close, releasing the lock."""
    if window.files.import_task is not None and window.files.import_task.running:
        window.files.import_task.cancel()
    window.cover_form._pending.clear()
    window.mark_saved()
    window.close()


def press(qtbot, window, key, modifier) -> None:
    """A shortcut as the user types it; a closed dialog may have left no window active."""
    if not window.isActiveWindow():
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClick(window, key, modifier)
