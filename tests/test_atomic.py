"""app.atomic: a file is replaced whole or not at all, keeps its mode, and leaves no litter."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.atomic import ReadOnlyTargetError, replace_file


def _write(text: str):
    def write(temp: Path) -> None:
        temp.write_text(text, encoding="utf-8")
    return write


def _litter(folder: Path) -> list[Path]:
    return [path for path in folder.iterdir() if path.name.startswith(".")]


def test_creates_then_replaces_whole_file(tmp_path):
    target = tmp_path / "note.txt"
    replace_file(target, _write("first, rather longer text"))
    assert target.read_text(encoding="utf-8") == "first, rather longer text"
    replace_file(target, _write("second"))
    assert target.read_text(encoding="utf-8") == "second"
    assert _litter(tmp_path) == []


def test_writer_may_recreate_the_temporary_file(tmp_path):
    target = tmp_path / "db.bin"

    def recreate(temp: Path) -> None:  # as sqlite3 does after unlinking it
        temp.unlink()
        temp.write_bytes(b"fresh")

    replace_file(target, recreate)
    assert target.read_bytes() == b"fresh"


def test_new_file_follows_umask_and_existing_file_keeps_its_mode(tmp_path):
    umask = os.umask(0o022)
    os.umask(umask)
    fresh = tmp_path / "fresh.txt"
    replace_file(fresh, _write("x"))
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~umask
    kept = tmp_path / "kept.txt"
    kept.write_text("old")
    kept.chmod(0o640)
    replace_file(kept, _write("new"))
    assert kept.stat().st_mode & 0o777 == 0o640
    assert kept.read_text() == "new"


@pytest.mark.parametrize("stage", ["write", "before_replace"])
def test_failure_keeps_the_old_file_and_removes_the_temporary_one(tmp_path, stage):
    target = tmp_path / "note.txt"
    target.write_text("old")

    def fail() -> None:
        raise RuntimeError("stop")

    def write(temp: Path) -> None:
        temp.write_text("half")
        if stage == "write":
            fail()

    with pytest.raises(RuntimeError):
        replace_file(target, write, fail if stage == "before_replace" else None)
    assert target.read_text() == "old"
    assert _litter(tmp_path) == []


def test_read_only_target_is_left_alone(tmp_path, read_only_folder):
    target = tmp_path / "locked.txt"
    target.write_text("old")
    read_only_folder(target)
    with pytest.raises(ReadOnlyTargetError) as error:
        replace_file(target, _write("new"))
    assert isinstance(error.value, PermissionError)
    assert target.read_text() == "old"
    assert _litter(tmp_path) == []


def test_missing_folder_is_an_os_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        replace_file(tmp_path / "nowhere" / "x.txt", _write("x"))
