"""Crash copies of drafts that have no file yet (new or imported, never saved).

`DraftSession.autosave` keeps a copy beside a saved draft; an unnamed draft has no "beside",
so its copy goes to the user's data folder (`…/Concordia/recovery/untitled-<id>.concordia`).
The window holds a `DraftLock` on its copy while it lives: a copy whose lock can be taken
belongs to no running Concordia, so it was left by a crash and is offered at start-up.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import QStandardPaths

from app.model import Draft
from app.store import DraftFileError, DraftLock, DraftLockedError, load_draft, save_draft

PATTERN = "untitled-*.concordia"


def recovery_folder() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.AppDataLocation)
    return Path(base or Path.home() / ".concordia") / "recovery"


class UntitledCopy:
    """The crash copy of one window's unnamed draft."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or recovery_folder()
        self.path = self.folder / f"untitled-{uuid.uuid4().hex[:12]}.concordia"
        self._lock: DraftLock | None = None

    def write(self, draft: Draft) -> Path | None:
        """Keep a copy of `draft`; None if the folder cannot be written (never raises)."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            if self._lock is None:
                lock = DraftLock(self.path)
                lock.acquire()
                self._lock = lock
            save_draft(draft, self.path)
        except (DraftFileError, OSError):
            return None
        return self.path

    def discard(self) -> None:
        """The draft was saved or deliberately dropped: forget the copy."""
        self.path.unlink(missing_ok=True)
        if self._lock is not None:
            self._lock.release()
            self._lock = None


def orphaned_copies(folder: Path | None = None) -> list[Path]:
    """Copies no running Concordia holds, newest first."""
    folder = folder or recovery_folder()
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob(PATTERN):
        try:
            with DraftLock(path):
                pass
        except (DraftLockedError, OSError):
            continue  # a live window's copy, or a folder we cannot lock in
        found.append(path)
    return sorted(found, key=lambda item: item.stat().st_mtime, reverse=True)


def load_copy(path: Path) -> Draft:
    return load_draft(path)
