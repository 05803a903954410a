"""An open draft: its file, its lock, its autosave copy. Shared by the window and the CLI."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from app.model import Draft

from .draft_file import load_draft, save_draft
from .errors import SaveError
from .lock import DraftLock


def autosave_path_for(path: Path) -> Path:
    return path.with_name(path.name + ".autosave")


@dataclass
class DraftSession:
    """A draft with the file it came from. `read_only` when another process holds the lock."""

    draft: Draft
    path: Path | None = None
    read_only: bool = False
    _lock: DraftLock | None = field(default=None, repr=False)

    # -- opening ----------------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path | str, read_only: bool = False) -> DraftSession:
        """Open a draft; raise DraftLockedError if someone else has it and read_only is False."""
        path = Path(path).resolve()
        draft = load_draft(path)
        session = cls(draft=draft, path=path, read_only=read_only)
        if not read_only:
            session._take_lock(path)
        return session

    @classmethod
    def new(cls, draft: Draft | None = None) -> DraftSession:
        return cls(draft=draft or Draft())

    @classmethod
    @contextmanager
    def editing(cls, path: Path | str) -> Iterator[Draft]:
        """One change to a draft file by a command: open it under its lock, yield the draft,
        save when the block ends normally; on an exception nothing is saved. The lock is
        released either way; a draft that cannot be written raises SaveError first."""
        session = cls.open(path)
        try:
            if session.read_only:
                raise SaveError.read_only(Path(path))
            yield session.draft
            session.save()
        finally:
            session.close()

    def _take_lock(self, path: Path) -> None:
        lock = DraftLock(path)
        try:
            lock.acquire()
        except OSError:
            # A read-only folder: we cannot lock, and we could not save there anyway.
            self.read_only = True
            return
        self._lock = lock

    # -- saving -----------------------------------------------------------------------------
    def save(self, path: Path | str | None = None) -> Path:
        """Save to `path` (Save As) or to the current file; returns the file written."""
        target = Path(path).resolve() if path is not None else self.path
        if target is None:
            raise ValueError("no file name: use save(path)")
        if target == self.path and self.read_only:
            raise SaveError.read_only(target)
        if target != self.path:
            new_lock = DraftLock(target)
            new_lock.acquire()
            try:
                save_draft(self.draft, target)
            except BaseException:
                new_lock.release()  # the draft stays where it was, and so does its lock
                raise
            self.close()
            self._lock, self.path, self.read_only = new_lock, target, False
        else:
            save_draft(self.draft, target)
        autosave_path_for(target).unlink(missing_ok=True)
        return target

    def autosave(self) -> Path | None:
        """Write a recovery copy beside the draft (never over it); None for an unnamed draft."""
        if self.path is None or self.read_only:
            return None
        target = autosave_path_for(self.path)
        try:
            save_draft(self.draft, target)
        except (SaveError, OSError):
            return None
        return target

    def recovery_available(self) -> Path | None:
        """An autosave copy newer than the saved draft, left by a crash."""
        if self.path is None:
            return None
        candidate = autosave_path_for(self.path)
        if candidate.exists() and candidate.stat().st_mtime >= self.path.stat().st_mtime:
            return candidate
        return None

    def recover(self) -> None:
        candidate = self.recovery_available()
        if candidate is not None:
            self.draft = load_draft(candidate)

    def discard_recovery(self) -> None:
        if self.path is not None:
            autosave_path_for(self.path).unlink(missing_ok=True)

    def close(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    @property
    def writable_folder(self) -> bool:
        return self.path is None or os.access(self.path.parent, os.W_OK)
