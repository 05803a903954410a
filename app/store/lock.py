"""A lock beside an open draft, so a second window or process cannot silently overwrite it.

The lock is an OS advisory lock on `<draft>.lock`: it vanishes with the process that holds it,
so a crash never leaves a stale lock that blocks the user. The file also records who holds it.
"""

from __future__ import annotations

import getpass
import json
import os
import socket
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

    def acquire(self) -> None:
        """Take the lock or raise DraftLockedError naming who has it."""
        if self._handle is not None:
            return
        handle = open(self.path, "a+", encoding="utf-8")
        if not _try_lock(handle):
            handle.seek(0)
            holder = _describe(handle.read())
            handle.close()
            raise DraftLockedError.for_path(self.draft_path, holder)
        handle.seek(0)
        handle.truncate()
        handle.write(
            json.dumps({"pid": os.getpid(), "host": socket.gethostname(), "user": _user()})
        )
        handle.flush()
        self._handle = handle

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
