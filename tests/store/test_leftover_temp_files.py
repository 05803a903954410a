"""Saves killed with kill -9 leave temporary files; the next open or save of that draft, under
its lock, removes them, and never one another process may still be writing."""

from __future__ import annotations

import multiprocessing
import random
import time
from pathlib import Path

import pytest

from app.atomic import leftover_temp_files
from app.importer.text import import_text_file
from app.model import new_id
from app.model.annotation_ops import AddComment
from app.model.annotations import Anchor, Comment, Visibility
from app.store import DraftSession, autosave_path_for, load_draft, save_draft
from tests.conftest import LAPAZ_SEED

KILLS = 25


@pytest.fixture
def lapaz(tmp_path) -> Path:
    draft, _report = import_text_file(LAPAZ_SEED)
    path = tmp_path / "lapaz.concordia"
    save_draft(draft, path)
    return path


def hidden_temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".") and p.suffix == ".tmp")


def save_forever(path: str, run: int, to_autosave: bool, saving) -> None:
    """In a child: add an internal comment and save (or autosave), again and again."""
    session = DraftSession.open(path)
    saving.set()
    block = session.draft.blocks[1].id
    for number in range(10_000):
        comment = Comment(new_id(), Anchor(block), "HU", f"run {run} save {number}",
                          visibility=Visibility.INTERNAL)
        AddComment(comment.to_json()).apply(session.draft)
        if to_autosave:
            session.autosave()
        else:
            session.save()


def kill_mid_save(path: Path, to_autosave: bool) -> int:
    """Kill -9 a saving process KILLS times; how many kills left a temporary file behind."""
    context = multiprocessing.get_context("forkserver")
    pick = random.Random(42)
    littered = 0
    for run in range(KILLS):
        saving = context.Event()
        child = context.Process(target=save_forever, args=(str(path), run, to_autosave, saving))
        before = set(hidden_temps(path.parent))
        child.start()
        # However slow the start-up on a busy machine, the kill lands among the saves.
        assert saving.wait(timeout=120), "the saving process never started"
        time.sleep(pick.uniform(0.05, 0.3))
        child.kill()
        child.join(timeout=30)
        littered += bool(set(hidden_temps(path.parent)) - before)
    return littered


def assert_whole_draft(path: Path) -> None:
    """The file is some complete state: each run's saved comments are 0..n with no gap."""
    saved: dict[str, set[int]] = {}
    for comment in load_draft(path).comments.values():
        _run, run, _save, number = comment.text.split()
        saved.setdefault(run, set()).add(int(number))
    for numbers in saved.values():
        assert numbers == set(range(len(numbers)))


# A save into the draft itself is a transaction in place and makes no temporary file (its
# kill -9 test: test_kill_in_place_save.py); the recovery copy is still a complete new file.
@pytest.mark.parametrize("to_autosave", [True], ids=["autosave"])
def test_temporary_files_of_killed_saves_go_at_the_next_open(lapaz, to_autosave):
    littered = kill_mid_save(lapaz, to_autosave)
    print(f"{littered} of {KILLS} kills left a temporary file")
    assert littered > 0, "no kill landed inside a save: the test proves nothing"
    session = DraftSession.open(lapaz)
    try:
        assert hidden_temps(lapaz.parent) == []
        assert_whole_draft(lapaz)
        if to_autosave:
            assert_whole_draft(autosave_path_for(lapaz))
    finally:
        session.close()
    assert sorted(p.name for p in lapaz.parent.iterdir()) == sorted(
        ["lapaz.concordia"] + (["lapaz.concordia.autosave"] if to_autosave else []))


def test_the_next_save_removes_them_too(lapaz):
    session = DraftSession.new(load_draft(lapaz))
    (lapaz.parent / ".lapaz.concordia.k3j4h5g6.tmp").write_bytes(b"older naming, killed")
    for temp in leftover_temp_files(lapaz):
        temp.unlink()
    kill_target = lapaz.parent / ".lapaz.concordia.q1w2e3r4.tmp"
    kill_target.write_bytes(b"killed")
    session.save(lapaz)                      # Save As onto the draft: takes the lock, sweeps
    session.close()
    assert hidden_temps(lapaz.parent) == []


def test_another_target_and_a_writer_in_flight_keep_their_temporary_files(lapaz, tmp_path):
    """Only this draft's (and its recovery copy's) leftovers go, and only under its lock."""
    other = tmp_path / "lapaz.concordia.old.concordia"     # shares the draft's name as a prefix
    save_draft(load_draft(lapaz), other)
    others = tmp_path / ".lapaz.concordia.old.concordia.a1b2c3d4.tmp"
    others.write_bytes(b"another target's")
    export = tmp_path / ".lapaz.docx.z9y8x7w6.tmp"
    export.write_bytes(b"an export's")
    mine = tmp_path / ".lapaz.concordia.m1n2b3v4.tmp"
    mine.write_bytes(b"in flight: its writer holds the lock")

    holder = DraftSession.open(lapaz)        # the writer holds the draft's lock...
    mine.write_bytes(b"in flight")           # ...and is writing this one now
    reader = DraftSession.open(lapaz, read_only=True)
    assert mine.exists(), "a read-only open must not touch another writer's file"
    reader.close()
    holder.close()

    DraftSession.open(lapaz).close()
    assert not mine.exists()
    assert others.exists() and export.exists()
