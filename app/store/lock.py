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
from pathlib import Path

from .errors import DraftLockedError

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
