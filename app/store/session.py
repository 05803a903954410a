"""An open draft: its file, its lock, its autosave copy. Shared by the window and the CLI.

Every change to a draft file takes one path: lock, then read, change, save, release
(`DraftSession.editing` for a command; the window holds the lock from open to close). The
lock comes before the read, so a second writer either waits for the first one's save and
reads it, or is refused with DraftLockedError's sentence: no change is ever lost.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from app.atomic import remove_leftover_temp_files
from app.model import Draft
from app.model.integrity import repair as repair_problems

from .backups import backup_after_save
from .draft_file import load_draft, read_draft, save_draft
from .errors import SaveError
from .lock import DraftLock

#: How long a command waits for a draft another command is saving before it gives up with
#: the "already open" sentence (such a change holds the lock well under a second).
COMMAND_LOCK_WAIT = 3.0
#: The window waits less: a draft open in another window stays locked anyway.
WINDOW_LOCK_WAIT = 1.0


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
    def open(cls, path: Path | str, read_only: bool = False, wait: float = 0.0,
             repair: bool = False) -> DraftSession:
        """Open a draft, taking its lock first (retrying up to `wait` seconds); raise
        DraftLockedError if someone else keeps it and read_only is False. With `repair`, what
        app.model.integrity can mend is mended in memory (the file changes only on save)."""
        path = Path(path).resolve()
        read = _read_repaired if repair else load_draft
        if read_only:
            return cls(draft=read(path), path=path, read_only=True)
        lock = _lock_unless_read_only_folder(path, wait)
        try:
            draft = read(path)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        session = cls(draft=draft, path=path, read_only=lock is None, _lock=lock)
        if lock is not None:
            session._sweep_leftovers(path)
        return session

    @classmethod
    def new(cls, draft: Draft | None = None) -> DraftSession:
        return cls(draft=draft or Draft())

    @classmethod
    @contextmanager
    def editing(cls, path: Path | str, wait: float = COMMAND_LOCK_WAIT) -> Iterator[Draft]:
        """One change to a draft file by a command: lock it (waiting up to `wait` seconds for
        another command to finish), read it, yield the draft, save when the block ends
        normally; on an exception nothing is saved. The lock is released either way; a draft
        that cannot be written raises SaveError before the block runs."""
        session = cls.open(path, wait=wait)
        try:
            if session.read_only:
                raise SaveError.not_writable(session.path)  # no lock file could be made there
            yield session.draft
            session.save()
        finally:
            session.close()

    @staticmethod
    def _sweep_leftovers(path: Path) -> None:
        """Remove temporary files a killed save of this draft (or of its recovery copy) left.
        Only the lock holder writes either, so none of them is still being written."""
        remove_leftover_temp_files(path)
        remove_leftover_temp_files(autosave_path_for(path))

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
                self._sweep_leftovers(target)
                save_draft(self.draft, target)
            except BaseException:
                new_lock.release()  # the draft stays where it was, and so does its lock
                raise
            self.close()
            self._lock, self.path, self.read_only = new_lock, target, False
        else:
            if self._lock is not None:
                self._sweep_leftovers(target)
            save_draft(self.draft, target)
        autosave_path_for(target).unlink(missing_ok=True)
        backup_after_save(target)
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


def _lock_unless_read_only_folder(path: Path, wait: float) -> DraftLock | None:
    """The draft's lock, or None where no lock file can be made (a read-only folder: we
    could not save there either, so the draft opens read-only)."""
    lock = DraftLock(path)
    try:
        lock.acquire(wait)
    except OSError:
        return None
    return lock


@contextmanager
def holding_lock(path: Path | str, wait: float = COMMAND_LOCK_WAIT) -> Iterator[Path]:
    """Hold the lock of a draft file that is written whole without being read (a new draft,
    `import --out --force`), so a draft open in a window is never replaced behind its back.
    Check under it whether the file exists: another process may have made it meanwhile."""
    path = Path(path).resolve()
    lock = _lock_unless_read_only_folder(path, wait)
    if lock is None:
        raise SaveError.not_writable(path)
    try:
        DraftSession._sweep_leftovers(path)
        yield path
    finally:
        lock.release()


def _read_repaired(path: Path) -> Draft:
    draft, problems = read_draft(path)
    repair_problems(draft, problems)
    return draft
