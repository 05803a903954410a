"""The window's layout (size, place, docks, tool bars) is saved as it changes, not only at exit.

A crash, a killed session or a power cut used to lose the panels the user arranged, because
the layout was written only by a clean close. `LayoutKeeper` writes it (and syncs the
settings file) a moment after the last move, resize, dock or tool bar change.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow, QToolBar

#: Wait this long after the last change before writing (a drag sends many).
SAVE_DELAY_MS = 800

_WINDOW_EVENTS = (QEvent.Type.Resize, QEvent.Type.Move, QEvent.Type.WindowStateChange)


class LayoutKeeper(QObject):
    def __init__(self, window: QMainWindow, delay_ms: int = SAVE_DELAY_MS) -> None:
        super().__init__(window)
        self.window = window
        self.saves = 0                       # how many times the layout was written (tests)
        self._closed = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self.save_now)
        window.installEventFilter(self)
        for dock in window.findChildren(QDockWidget):
            self.watch_dock(dock)
        for bar in window.findChildren(QToolBar):
            bar.topLevelChanged.connect(self.schedule)
            bar.visibilityChanged.connect(self.schedule)
            bar.orientationChanged.connect(self.schedule)

    def watch_dock(self, dock: QDockWidget) -> None:
        """Follow a dock added after the window was built."""
        dock.topLevelChanged.connect(self.schedule)
        dock.dockLocationChanged.connect(self.schedule)
        dock.visibilityChanged.connect(self.schedule)

    def schedule(self, *_ignored: object) -> None:
        # (docks say they were hidden while a window that was never closed is torn down)
        if not self._closed and shiboken6.isValid(self.window) and self.window.isVisible():
            self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.window and event.type() in _WINDOW_EVENTS:
            self.schedule()
        return False

    def save_now(self) -> None:
        """Write the layout now."""
        self.timer.stop()
        if self._closed:
            return
        settings = self.window.settings       # type: ignore[attr-defined]
        settings.save_window(self.window.saveGeometry(), self.window.saveState())
        settings.sync()
        self.saves += 1

    def closing(self) -> None:
        """The window closes: write its layout, and nothing after (the docks hiding with it)."""
        self.save_now()
        self._closed = True
