"""Progress and cancellation for long work (import, export, compare, indexing).

Core functions take a `Progress` and call `step()`; the CLI prints it on stderr, the window
shows a progress dialog whose Cancel button sets `cancelled`, and the work stops with
`Cancelled` at the next step, leaving nothing half-written.
"""

from __future__ import annotations

import sys
import threading
import time


class Cancelled(Exception):
    """The user cancelled the work."""


class Progress:
    """Silent progress that can still be cancelled (thread-safe)."""

    def __init__(self) -> None:
        self._cancel = threading.Event()
        self.done = 0
        self.total = 0
        self.message = ""

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def step(self, done: int, total: int, message: str = "") -> None:
        """Record progress; raise Cancelled if the user asked to stop."""
        self.done, self.total, self.message = done, total, message
        self.changed()
        if self._cancel.is_set():
            raise Cancelled()

    def changed(self) -> None:  # for subclasses
        pass


class StderrProgress(Progress):
    """Progress for the command line: a line on stderr, redrawn at most ten times a second."""

    def __init__(self, stream=None) -> None:
        super().__init__()
        self.stream = stream or sys.stderr
        self._last = 0.0

    def changed(self) -> None:
        now = time.monotonic()
        final = self.total and self.done >= self.total
        if now - self._last < 0.1 and not final:
            return
        self._last = now
        percent = f"{100 * self.done // self.total:3d}%" if self.total else "   "
        end = "\n" if final else "\r"
        if self.stream.isatty() or final:
            print(f"{percent} {self.message}"[:100], end=end, file=self.stream, flush=True)
