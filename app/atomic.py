"""Replace a file atomically: write a complete new file beside it, flush it, rename it over.

    replace_file(target, lambda temp: document.save(str(temp)))

A crash or an error at any moment leaves either the old file or the new one, never half of
either; the temporary file is removed on every path out. Both draft saves and exports go
through here, so they behave alike on disk; each caller turns OSError into its own sentence.

Only a killed process (kill -9, power cut) leaves its temporary file behind. Its name tells
which target it was for (`.<name>.<digest of the name>.<random>.tmp`), so whoever next writes
that target under its lock can sweep them with `remove_leftover_temp_files`.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

__all__ = ["ReadOnlyTargetError", "leftover_temp_files", "remove_leftover_temp_files",
           "replace_file"]


class ReadOnlyTargetError(PermissionError):
    """The target exists and may not be written, though its folder may."""

    def __init__(self, target: Path) -> None:
        super().__init__(errno.EACCES, "file is read-only", str(target))
        self.target = target


def replace_file(target: Path, write: Callable[[Path], None],
                 before_replace: Callable[[], None] | None = None) -> None:
    """Make `target` the file that `write(temp_path)` writes, atomically.

    `write` gets a fresh empty file's path in the target's folder (it may delete and recreate
    it). `before_replace`, called once the new file is complete and the target is still
    untouched, may raise to abandon the replacement (e.g. a cancelled export). The new file
    keeps the mode of the file it replaces (else the umask's), not mkstemp's private 0600.

    Raises OSError as the file system reports it; ReadOnlyTargetError when `target` is
    read-only (the rename would otherwise succeed in a writable folder and overwrite it).
    """
    folder = target.parent if str(target.parent) else Path(".")
    handle, temp_name = tempfile.mkstemp(prefix=_temp_prefix(target), suffix=".tmp", dir=folder)
    os.close(handle)
    temp_path = Path(temp_name)
    try:
        write(temp_path)
        _fsync_file(temp_path)
        os.chmod(temp_path, _mode_for(target))
        if before_replace is not None:
            before_replace()
        if target.exists() and not os.access(target, os.W_OK):
            raise ReadOnlyTargetError(target)
        os.replace(temp_path, target)
        _fsync_folder(folder)
    finally:
        temp_path.unlink(missing_ok=True)


def _temp_prefix(target: Path) -> str:
    """`.<name>.<digest>.`: the digest of the whole name keeps apart two targets whose names
    share their first 60 characters (the rest is cut to keep file names short)."""
    digest = hashlib.sha1(os.fsencode(target.name)).hexdigest()[:8]
    return f".{target.name[:60]}.{digest}."


#: What tempfile.mkstemp puts between prefix and suffix.
_RANDOM_PART = r"[a-z0-9_]{8}"


def leftover_temp_files(target: Path) -> list[Path]:
    """Temporary files `replace_file` made for `target` and did not remove (a killed writer).

    Also those of older versions (`.<name>.<random>.tmp`) when the name was not cut short, as
    they then cannot belong to another target. Another process's temporary file for the same
    target is in this list too while it writes: call it only under the target's writer lock.
    """
    folder = target.parent if str(target.parent) else Path(".")
    # (`-journal`: a rollback journal SQLite made for a temporary draft file being written)
    patterns = [re.escape(_temp_prefix(target)) + _RANDOM_PART + r"\.tmp(?:-journal)?"]
    if len(target.name) <= 60:
        patterns.append(re.escape(f".{target.name}.") + _RANDOM_PART + r"\.tmp(?:-journal)?")
    matcher = re.compile("|".join(f"(?:{pattern})" for pattern in patterns))
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    return sorted(folder / name for name in names if matcher.fullmatch(name))


def remove_leftover_temp_files(target: Path) -> int:
    """Delete `target`'s leftover temporary files; how many went. The caller must hold the
    lock every writer of `target` takes, so none of them is still being written."""
    removed = 0
    for path in leftover_temp_files(target):
        try:
            path.unlink()
            removed += 1
        except FileNotFoundError:
            pass
        except OSError:
            break  # a read-only folder: nothing else will go either, and saving will say so
    return removed


def _mode_for(target: Path) -> int:
    """The existing file's mode, else what a new file gets under the process umask."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        pass
    umask = 0o022
    try:  # os.umask can only be read by setting it, which would race other threads
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                umask = int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    return 0o666 & ~umask


def _fsync_file(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable."""
    if os.name == "nt":  # pragma: no cover - folders cannot be opened on Windows
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
