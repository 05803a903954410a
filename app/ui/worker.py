"""Run slow core work (import, export, compare, indexing) off the GUI thread.

    task = run_in_background(
        window, lambda progress: import_text_file(path, progress),
        title=_("Importing"), on_done=show_draft, on_error=show_error,
    )

The core function receives an `app.progress.Progress`; its `step()` calls move a
QProgressDialog, whose Cancel button calls `progress.cancel()` so the core stops with
`Cancelled` at its next step. Exactly one of `on_done(result)`, `on_error(exception)` or
`on_cancelled()` is then called on the GUI thread. Qt objects must not be touched by the
core function: it runs in a QThreadPool thread.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from app.errors import ConcordiaError
from app.i18n import _
from app.log import log_path, record_bug
from app.progress import Cancelled, Progress

#: Tasks without a parent widget are kept alive here until they finish.
_unparented: set[BackgroundTask] = set()


class _Relay(QObject):
    """Lives on the GUI thread; signals emitted from the worker are queued to it."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class QtProgress(Progress):
    """A Progress whose steps are forwarded to the GUI thread."""

    def __init__(self, relay: _Relay) -> None:
        super().__init__()
        self._relay = relay

    def changed(self) -> None:
        self._relay.progressed.emit(int(self.done), int(self.total), str(self.message))


class _Job(QRunnable):
    def __init__(self, work: Callable[[Progress], Any], progress: Progress, relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._work, self._progress, self._relay = work, progress, relay

    def run(self) -> None:  # worker thread
        try:
            result = self._work(self._progress)
        except Cancelled:
            self._relay.cancelled.emit()
        except BaseException as error:  # delivered to the GUI, which shows one sentence
            error.__concordia_traceback__ = traceback.format_exc()  # type: ignore[attr-defined]
            self._relay.failed.emit(error)
        else:
            if self._progress.cancelled:
                self._relay.cancelled.emit()
            else:
                self._relay.succeeded.emit(result)


class BackgroundTask(QObject):
    """One piece of work in flight: its progress, its dialog, and how it ended."""

    finished = Signal()

    def __init__(
        self,
        parent: QWidget | None,
        work: Callable[[Progress], Any],
        *,
        title: str,
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        show_dialog_after_ms: int = 400,
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__(parent)
        self._relay = _Relay(self)
        self.progress: Progress = QtProgress(self._relay)
        self._on_done, self._on_cancelled = on_done, on_cancelled
        self.title = title
        self._on_error = on_error or (lambda error: show_task_error(parent, title, error))
        self.outcome: str | None = None  # "done", "error", "cancelled"
        self.dialog = QProgressDialog(title + "…", _("Cancel"), 0, 0, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModal)
        self.dialog.setMinimumDuration(show_dialog_after_ms)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)
        self.dialog.setValue(0)  # starts the minimum-duration clock
        self._relay.progressed.connect(self._show_progress)
        self._relay.succeeded.connect(self._succeeded)
        self._relay.failed.connect(self._failed)
        self._relay.cancelled.connect(self._cancelled)
        if parent is None:
            _unparented.add(self)
        (pool or QThreadPool.globalInstance()).start(_Job(work, self.progress, self._relay))

    @property
    def running(self) -> bool:
        return self.outcome is None

    @Slot()
    def cancel(self) -> None:
        if self.outcome is None and not self.progress.cancelled:
            self.progress.cancel()
            self.dialog.setLabelText(_("Cancelling…"))

    @Slot(int, int, str)
    def _show_progress(self, done: int, total: int, message: str) -> None:
        if self.outcome is not None:
            return
        if total > 0:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))
        if message and not self.progress.cancelled:
            self.dialog.setLabelText(message)

    def _finish(self, outcome: str) -> None:
        self.outcome = outcome
        self.dialog.canceled.disconnect(self.cancel)  # closing the dialog emits canceled
        self.dialog.close()
        self.dialog.deleteLater()
        _unparented.discard(self)

    @Slot(object)
    def _succeeded(self, result: Any) -> None:
        self._finish("done")
        try:
            self._on_done(result)
        finally:
            self.finished.emit()

    @Slot(object)
    def _failed(self, error: BaseException) -> None:
        self._finish("error")
        if not is_expected(error):  # a bug: the traceback saved in the worker goes to the log
            record_bug(_task_label(self.title), error,
                       getattr(error, "__concordia_traceback__", None))
        try:
            self._on_error(error)
        finally:
            self.finished.emit()

    @Slot()
    def _cancelled(self) -> None:
        self._finish("cancelled")
        try:
            if self._on_cancelled is not None:
                self._on_cancelled()
        finally:
            self.finished.emit()


def run_in_background(
    parent: QWidget | None,
    work: Callable[[Progress], Any],
    *,
    title: str,
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None] | None = None,
    on_cancelled: Callable[[], None] | None = None,
    show_dialog_after_ms: int = 400,
) -> BackgroundTask:
    """Start `work(progress)` in a pool thread with a progress dialog; see the module doc."""
    return BackgroundTask(
        parent,
        work,
        title=title,
        on_done=on_done,
        on_error=on_error,
        on_cancelled=on_cancelled,
        show_dialog_after_ms=show_dialog_after_ms,
    )


def _task_label(title: str) -> str:
    return f"background task “{title}”"


def is_expected(error: BaseException) -> bool:
    """Errors the user can act on (the family, the file system); anything else is a bug."""
    return isinstance(error, (ConcordiaError, OSError, UnicodeDecodeError))


def describe_error(error: BaseException) -> str:
    """One sentence for the user: our errors carry it; OS errors name the file."""
    if isinstance(error, ConcordiaError):
        return str(error)
    if isinstance(error, FileNotFoundError):
        return _("The file “{name}” does not exist.").format(name=error.filename or "")
    if isinstance(error, IsADirectoryError):
        return _("“{name}” is a folder, not a file.").format(name=error.filename or "")
    if isinstance(error, PermissionError):
        return _("You do not have permission to use “{name}”.").format(name=error.filename or "")
    if isinstance(error, UnicodeDecodeError):
        return _("The file is not readable text (it is not in UTF-8 or a known encoding).")
    if isinstance(error, OSError):
        detail = error.strerror or str(error)
        return _("The file could not be used: {detail}.").format(detail=detail)
    text = str(error).strip()
    if text and "\n" not in text and len(text) < 300 and isinstance(error, ValueError):
        return text
    return _("Something went wrong inside Concordia ({kind}); nothing was changed. The details "
             "are in {path}.").format(kind=type(error).__name__, path=log_path())


def show_task_error(parent: QWidget | None, title: str, error: BaseException) -> None:
    details = getattr(error, "__concordia_traceback__", "")
    if is_expected(error) or not details:
        QMessageBox.warning(parent, title, describe_error(error))
        return
    from .dialogs import ErrorDialog

    ErrorDialog(parent, title, describe_error(error), details).exec()
