"""A lock beside an open draft, so a second window or process cannot silently overwrite it.

The lock is an OS advisory lock on `<draft>.lock`: it vanishes with the process that holds it,
so a crash never leaves a stale lock that blocks the user. The file also records who holds it.
The holder deletes the file on release; a process that locked the deleted file in that moment
sees that the name now leads elsewhere and tries again, so two holders can never coexist.
"""

from __future__ import annotations

import getpass
import json
import os
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app.atomic import remove_leftover_temp_files

from .errors import DraftLockedError, SaveError

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(handle) -> bool:
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(handle) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(handle) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False

    def _unlock(handle) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


#: How often a waiting process tries the lock again.
RETRY_SECONDS = 0.05


def lock_path_for(draft_path: Path) -> Path:
    return draft_path.with_name(draft_path.name + ".lock")


class DraftLock:
    def __init__(self, draft_path: Path | str) -> None:
        self.draft_path = Path(draft_path)
        self.path = lock_path_for(self.draft_path)
        self._handle = None

    @property
    def held(self) -> bool:
        return self._handle is not None

    def acquire(self, wait: float = 0.0) -> None:
        """Take the lock or raise DraftLockedError naming who has it.

        `wait` seconds: keep retrying that long while another process holds it (a command
        changing a draft takes well under a second), then give up with the same sentence.
        """
        if self._handle is not None:
            return
        deadline = time.monotonic() + wait
        while True:
            handle = open(self.path, "a+", encoding="utf-8")
            if _try_lock(handle):
                if self._still_named(handle):
                    break
                handle.close()  # we locked a file its holder had just deleted: try the new one
                continue
            handle.seek(0)
            holder = _describe(handle.read())
            handle.close()
            if time.monotonic() >= deadline:
                raise DraftLockedError.for_path(self.draft_path, holder)
            time.sleep(RETRY_SECONDS)
        handle.seek(0)
        handle.truncate()
        handle.write(
            json.dumps({"pid": os.getpid(), "host": socket.gethostname(), "user": _user()})
        )
        handle.flush()
        self._handle = handle

    def _still_named(self, handle) -> bool:
        """True if `self.path` is still the file we locked (not deleted or replaced since)."""
        try:
            on_disk = os.stat(self.path)
        except FileNotFoundError:
            return False
        ours = os.fstat(handle.fileno())
        return (on_disk.st_dev, on_disk.st_ino) == (ours.st_dev, ours.st_ino)

    def release(self) -> None:
        if self._handle is None:
            return
        try:
            self.path.unlink(missing_ok=True)
        except OSError:
            pass  # a folder turned read-only: the file stays, but its OS lock goes below
        finally:
            _unlock(self._handle)
            self._handle.close()
            self._handle = None

    def __enter__(self) -> DraftLock:
        self.acquire()
        return self

    def __exit__(self, *exc_info) -> None:
        self.release()


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return ""


def _describe(raw: str) -> str:
    try:
        info = json.loads(raw)
    except ValueError:
        return ""
    parts = [info.get("user") or "", info.get("host") or ""]
    who = "@".join(part for part in parts if part)
    return f"{who}, pid {info.get('pid')}" if who else f"pid {info.get('pid')}"


def autosave_path_for(path: Path) -> Path:
    return path.with_name(path.name + ".autosave")


#: The first bytes of a rollback journal SQLite must play back (a "hot" journal).
_JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")


def sweep_leftovers(path: Path) -> None:
    """Remove temporary files a killed save of this draft (or of its recovery copy) left.
    Only the lock holder writes either, so none of them is still being written.

    A save killed inside its transaction leaves SQLite's `<draft>-journal`. A complete one
    (its header written) is the undo of that save, which SQLite plays back and deletes at the
    next reading of the draft: it stays. One whose header is still blank was killed before
    the draft file was touched: SQLite ignores it, and it goes here."""
    remove_leftover_temp_files(path)
    remove_leftover_temp_files(autosave_path_for(path))
    journal = path.with_name(path.name + "-journal")
    try:
        with journal.open("rb") as handle:
            hot = handle.read(len(_JOURNAL_MAGIC)) == _JOURNAL_MAGIC
        if not hot:
            journal.unlink()
    except OSError:
        pass                                # none, or a read-only folder


def lock_unless_read_only_folder(path: Path, wait: float) -> DraftLock | None:
    """The draft's lock, or None where no lock file can be made (a read-only folder: we
    could not save there either, so the draft opens read-only)."""
    lock = DraftLock(path)
    try:
        lock.acquire(wait)
    except OSError:
        return None
    return lock


#: How long a command waits for a draft another command is saving before it gives up with
#: the "already open" sentence (such a change holds the lock well under a second).
COMMAND_LOCK_WAIT = 3.0


@contextmanager
def holding_lock(path: Path | str, wait: float = COMMAND_LOCK_WAIT) -> Iterator[Path]:
    """Hold the lock of a draft file that is written whole without being read (a new draft,
    `import --out --force`), so a draft open in a window is never replaced behind its back.
    Check under it whether the file exists: another process may have made it meanwhile."""
    path = Path(path).resolve()
    lock = lock_unless_read_only_folder(path, wait)
    if lock is None:
        raise SaveError.not_writable(path)
    try:
        sweep_leftovers(path)
        yield path
    finally:
        lock.release()
