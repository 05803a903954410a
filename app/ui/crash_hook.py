"""What the window does with an exception nobody caught: keep the work, log it, tell the user.

`install_crash_hook(app)` replaces `sys.excepthook` (PySide6 reports an exception escaping a
slot or an event handler through it) and `threading.excepthook`. On an uncaught exception:
1. every open window's unsaved changes are written to their recovery copy first (the same
   autosave that runs every two minutes), before anything else can go wrong;
2. the traceback and the copies kept go to the log file (app.log);
3. a dialog gives the sentence, where the changes were kept, and "Copy Details".
The window stays open: the user decides whether to save and restart. One dialog at a time;
a burst of errors (a failing paint handler) is logged, not stacked in dialogs.
"""

from __future__ import annotations

import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from app.errors import ConcordiaError
from app.i18n import _
from app.log import log, one_line, record_bug

from .dialogs import ErrorDialog


def keep_open_drafts_safe() -> tuple[list[Path], list[str]]:
    """Autosave every open window; the copies written, and a line for each that failed."""
    kept: list[Path] = []
    failed: list[str] = []
    for widget in QApplication.topLevelWidgets():
        files = getattr(widget, "files", None)
        if files is None or not hasattr(files, "autosave"):
            continue
        try:
            written = files.autosave()
        except Exception as error:  # the state that failed may fail the autosave too
            failed.append(f"{getattr(files, 'display_name', '?')}: {one_line(error)}")
            continue
        if written is not None:
            kept.append(Path(written))
    return kept, failed


class CrashHook:
    def __init__(self) -> None:
        self.dialog: ErrorDialog | None = None
        self._previous = sys.excepthook
        self._previous_thread_hook = threading.excepthook

    def install(self) -> None:
        sys.excepthook = self.handle
        threading.excepthook = self._handle_thread

    def uninstall(self) -> None:
        sys.excepthook = self._previous
        threading.excepthook = self._previous_thread_hook

    def handle(self, kind: type[BaseException], error: BaseException,
               trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):  # Ctrl+C in the terminal that started us
            self._previous(kind, error, trace)
            return
        details = "".join(traceback.format_exception(kind, error, trace))
        kept, failed = keep_open_drafts_safe()
        logged = record_bug("window", error, details)
        for path in kept:
            log.info("unsaved changes kept in %s", path)
        for line in failed:
            log.error("could not keep the unsaved changes of %s", line)
        if self.dialog is not None and self.dialog.isVisible():
            return  # one dialog is enough; the rest is in the log
        self.dialog = self._make_dialog(error, details, kept, logged)
        self.dialog.open()  # not exec(): no nested event loop inside an exception handler

    def _handle_thread(self, hook_args: threading.ExceptHookArgs) -> None:
        """A plain Python thread died: log it, and show the dialog from the GUI thread."""
        if hook_args.exc_value is None:
            return
        error, trace = hook_args.exc_value, hook_args.exc_traceback
        app = QApplication.instance()
        if app is None:
            record_bug(f"thread {getattr(hook_args.thread, 'name', '?')}", error)
            return
        QTimer.singleShot(0, app, lambda: self.handle(type(error), error, trace))

    @staticmethod
    def _make_dialog(error: BaseException, details: str, kept: list[Path],
                     logged: Path | None) -> ErrorDialog:
        if isinstance(error, ConcordiaError):  # a sentence for the user that nobody caught
            title, text = _("Concordia"), str(error)
        else:
            title = _("Internal Error")
            text = _("Concordia met an internal error ({error}).").format(error=one_line(error))
        notes = []
        if kept:
            notes.append(_("Your unsaved changes were kept in {paths}; if Concordia closes "
                           "before you save, they are offered back next time.").format(
                               paths=", ".join(f"“{path}”" for path in kept)))
        if logged is not None:
            notes.append(_("The details are in {path}.").format(path=logged))
        parent = QApplication.activeWindow()
        return ErrorDialog(parent if isinstance(parent, QWidget) else None,
                           title, text, details, " ".join(notes))


def install_crash_hook() -> CrashHook:
    hook = CrashHook()
    hook.install()
    return hook
