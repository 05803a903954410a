"""An open draft: its file, its lock, its autosave copy. Shared by the window and the CLI.

Every change to a draft file takes one path: lock, then read, change, save, release
(`DraftSession.editing` for a command; the window opens a session, holding the lock from open
to close, and saves it). The lock comes before the read, so a second writer either waits for
the first one's save and reads it, or is refused with DraftLockedError's sentence: no change
is ever lost. A session that may not write says why in one sentence (`check_writable`), the
same for a command and the window.

A save writes what changed since the session read (or last saved) the file, as one SQLite
transaction (app.store.draft_file.save_changes); Save As and the autosave copy are complete
new files, copied from the draft's file and then changed. A command that makes its change
through `DraftSession.changing` and `session.apply(operation)` saves faster still: only the
rows its operations can reach are built and compared (app.store.row_scope); otherwise every
row of the draft is.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from app.model import Draft
from app.model.changes import Changes
from app.model.integrity import Problem
from app.model.integrity import repair as repair_problems
from app.model.ops import Operation, step_changes
from app.model.version import Version

from .draft_file import (
    StoredState,
    copy_with_changes,
    load_draft,
    read_stored,
    save_changes,
)
from .errors import DamagedDraftError, SaveError
from .lock import (
    COMMAND_LOCK_WAIT,
    DraftLock,
    autosave_path_for,
    holding_lock,
    lock_unless_read_only_folder,
    sweep_leftovers,
)
from .versions import save_version

__all__ = ["COMMAND_LOCK_WAIT", "WINDOW_LOCK_WAIT", "DraftSession", "after_save",
           "autosave_path_for", "holding_lock", "save_version_in_file"]

#: Called with the file's path after every save of a session (app.store.backups registers
#: its rotating backup here): the store's lower modules never import the ones above them.
_AFTER_SAVE: list[Callable[[Path], None]] = []


def after_save(hook: Callable[[Path], None]) -> Callable[[Path], None]:
    if hook not in _AFTER_SAVE:
        _AFTER_SAVE.append(hook)
    return hook

#: The window waits less: a draft open in another window stays locked anyway.
WINDOW_LOCK_WAIT = 1.0


@dataclass
class DraftSession:
    """A draft with the file it came from. `read_only` when another process holds the lock
    (or no lock file can be made beside it: a read-only folder)."""

    draft: Draft
    path: Path | None = None
    read_only: bool = False
    _lock: DraftLock | None = field(default=None, repr=False)
    _state: StoredState | None = field(default=None, repr=False)
    #: What app.model.integrity found when the draft was read, and what repair left.
    problems: list[Problem] = field(default_factory=list, repr=False)
    unrepaired: list[Problem] = field(default_factory=list, repr=False)
    #: What the operations applied through `apply` (and `declare`) changed since the draft
    #: was read or saved; None when it may have been changed otherwise: every row is then
    #: compared on save (app.store.row_scope).
    touched: Changes | None = field(default=None, repr=False)

    # -- opening ----------------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path | str, read_only: bool = False, wait: float = 0.0,
             repair: bool = False, deep: bool = False) -> DraftSession:
        """Open a draft, taking its lock first (retrying up to `wait` seconds); raise
        DraftLockedError if someone else keeps it and read_only is False. With `repair`, what
        app.model.integrity can mend is mended in memory (the file changes only on save);
        `deep` also checks every saved version (`problems` says what was found)."""
        path = Path(path).resolve()
        lock = None if read_only else lock_unless_read_only_folder(path, wait)
        try:
            session = cls(draft=Draft(), path=path, read_only=lock is None, _lock=lock)
            session._read(repair, deep)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        if lock is not None:
            sweep_leftovers(path)
        return session

    def _read(self, repair: bool, deep: bool) -> None:
        draft, problems, self._state = read_stored(self.path, deep)
        if repair:
            self.unrepaired = repair_problems(draft, problems)
        elif any(problem.affects_text for problem in problems):
            raise DamagedDraftError.for_path(self.path, problems, draft)
        else:
            self.unrepaired = problems
        self.draft, self.problems = draft, problems

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
        with cls.changing(path, wait) as session:
            session.touched = None        # the block changes the draft itself
            yield session.draft

    @classmethod
    @contextmanager
    def changing(cls, path: Path | str, wait: float = COMMAND_LOCK_WAIT
                 ) -> Iterator[DraftSession]:
        """As `editing`, yielding the session: a block that makes every change through
        `session.apply(operation)` (or says what it changed with `declare`) gets a save
        that builds only the rows those changes reach."""
        session = cls.open(path, wait=wait)
        try:
            session.check_writable()
            session.touched = Changes()
            yield session
            session.save()
        finally:
            session.close()

    def apply(self, operation: Operation) -> Operation:
        """Apply `operation` to the draft, noting what it changed; returns its inverse."""
        inverse = operation.apply(self.draft)
        self.declare(step_changes(operation, inverse))
        return inverse

    def declare(self, changes: Changes) -> None:
        """Note a change made to the draft other than through `apply`."""
        if self.touched is not None:
            self.touched = self.touched | changes

    def check_writable(self, target: Path | None = None) -> None:
        """Raise SaveError's sentence if saving to `target` (default: the draft's file) cannot
        be done: the one place that says why a draft is read-only."""
        target = target or self.path
        if target is None or target != self.path or not self.read_only:
            return
        if self._lock is None and not self.writable_folder:
            raise SaveError.not_writable(target)   # no lock file could be made there
        raise SaveError.read_only(target)

    # -- saving -----------------------------------------------------------------------------
    def save(self, path: Path | str | None = None) -> Path:
        """Save to `path` (Save As) or to the current file; returns the file written."""
        target = Path(path).resolve() if path is not None else self.path
        if target is None:
            raise ValueError("no file name: use save(path)")
        self.check_writable(target)
        if target != self.path:
            new_lock = DraftLock(target)
            new_lock.acquire()
            try:
                sweep_leftovers(target)
                state = copy_with_changes(self.draft, self._state, target)
            except BaseException:
                new_lock.release()  # the draft stays where it was, and so does its lock
                raise
            self.close()
            self._lock, self.path, self.read_only = new_lock, target, False
            if self._state is not None:      # the versions read lazily now come from there
                self._state.source.path = target
                state.source = self._state.source
            self._state = state
        else:
            if self._lock is not None:
                sweep_leftovers(target)
            self._state = save_changes(self.draft, self._state, target, self.touched)
        if self.touched is not None:
            self.touched = Changes()
        autosave_path_for(target).unlink(missing_ok=True)
        for hook in _AFTER_SAVE:
            hook(target)
        return target

    def autosave(self) -> Path | None:
        """Write a recovery copy beside the draft (never over it); None for an unnamed draft."""
        if self.path is None or self.read_only:
            return None
        target = autosave_path_for(self.path)
        try:
            copy_with_changes(self.draft, self._state, target)
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
            recovered = load_draft(candidate)
            # The copy goes once the draft is saved: versions come from the draft's own file
            # where it has them (same id, same text), the copy's own ones are read now.
            own = {version.id: version for version in self.draft.versions}
            recovered.versions = [own.get(v.id) or _read_now(v) for v in recovered.versions]
            self.draft = recovered
            self.touched = None            # a draft replaced: every row is compared

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


def _read_now(version: Version) -> Version:
    return Version(version.name, version.snapshot, version.author, version.created, version.id)


def save_version_in_file(path: Path | str, name: str, author: str | None = None) -> Version:
    """Open the draft file under its lock, add the version, and save (one transaction)."""
    with DraftSession.changing(path) as session:
        version = save_version(session.draft, name, author, saved_now=True)
        session.declare(Changes(versions=True))
        return version
