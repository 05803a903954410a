"""The log file: `concordia.log` in the user's data folder, rotated so it never grows unbounded.

The command line and the window both write to it. It holds what the user cannot see in one
sentence: the traceback of a bug (an exception outside `app.errors.ConcordiaError`), the
traceback saved by a background task, and which draft was kept safe after a crash.

The data folder is the same one the clause library uses (app.library.db): XDG_DATA_HOME or
~/.local/share/concordia on Linux, %APPDATA%\\Concordia on Windows, Application Support on macOS.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOGGER_NAME = "concordia"
LOG_NAME = "concordia.log"
#: 1 MB per file and three old files: months of bug reports, a few MB at most.
MAX_BYTES = 1024 * 1024
BACKUPS = 3

log = logging.getLogger(LOGGER_NAME)
log.addHandler(logging.NullHandler())  # never logging's last resort: a traceback on stderr
log.propagate = False  # the log file only: the terminal gets one sentence, not a traceback


def user_data_folder() -> Path:
    """Where Concordia keeps per-user data (the library, the log)."""
    if sys.platform == "win32":  # pragma: no cover - platform specific
        return Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming") / "Concordia"
    if sys.platform == "darwin":  # pragma: no cover - platform specific
        return Path.home() / "Library" / "Application Support" / "Concordia"
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "concordia"


def log_path() -> Path:
    return user_data_folder() / LOG_NAME


def setup_logging() -> Path | None:
    """Send the `concordia` logger to the rotating log file; the file, or None if unwritable.

    Safe to call more than once (one handler per file). When the folder cannot be written the
    log goes nowhere rather than stopping the program: the user's work matters more than it.
    """
    target = log_path()
    for handler in log.handlers:
        if isinstance(handler, RotatingFileHandler) and Path(handler.baseFilename) == target:
            return target
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(target, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                      encoding="utf-8")  # opens now: unwritable is found here
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(process)d %(levelname)s %(message)s"))
    for stale in [h for h in log.handlers if isinstance(h, RotatingFileHandler)]:
        log.removeHandler(stale)  # the data folder changed (tests point XDG_DATA_HOME elsewhere)
        stale.close()
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return target


def record_bug(where: str, error: BaseException, details: str | None = None) -> Path | None:
    """Write an unexpected exception and its traceback to the log; the log file, or None.

    `details` is a traceback already formatted elsewhere (a worker thread saves its own).
    """
    target = setup_logging()
    if target is None:
        return None
    if details is None:
        details = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    log.error("%s: %s\n%s", where, one_line(error), details.rstrip())
    flush()
    return target


def one_line(error: BaseException) -> str:
    """`KeyError: 'x'`: the kind of error and its text on one line, for a short report."""
    text = " ".join(str(error).split())
    if len(text) > 160:
        text = text[:157] + "…"
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def flush() -> None:
    for handler in log.handlers:
        handler.flush()
