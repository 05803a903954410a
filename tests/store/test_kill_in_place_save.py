"""Kill -9 across the in-place save: hundreds of kills at random moments of a stream of saves
(each adds one comment, as `comment add` does), and after every one the draft opens as a
complete state, the one before some save or after it, and nothing is left beside it."""

from __future__ import annotations

import multiprocessing
import os
import random
import time
from pathlib import Path

import pytest

from app.importer.text import import_text_file
from app.model import new_id
from app.model.annotation_ops import AddComment
from app.model.annotations import Anchor, Comment, Visibility
from app.model.changes import Changes
from app.store import DraftSession, load_draft, save_draft
from tests.conftest import LAPAZ_SEED

KILLS = 200


@pytest.fixture
def lapaz(tmp_path) -> Path:
    draft, _report = import_text_file(LAPAZ_SEED)
    path = tmp_path / "lapaz.concordia"
    save_draft(draft, path)
    return path


def save_forever(path: str, run: int, saving) -> None:
    """In a child: add a comment and save in place, again and again, until killed. Odd runs
    save as a command does (only the new comment's row, from what the operation named), even
    runs as the window does (every row compared)."""
    session = DraftSession.open(path, wait=5.0)
    named = run % 2 == 1
    if named:
        session.touched = Changes()
    block = session.draft.blocks[1].id
    saving.set()
    for number in range(100_000):
        comment = Comment(new_id(), Anchor(block), "HU", f"run {run} save {number}",
                          visibility=Visibility.INTERNAL)
        if named:
            session.apply(AddComment(comment.to_json()))
        else:
            AddComment(comment.to_json()).apply(session.draft)
        session.save()


def saved_runs(path: Path) -> dict[str, set[int]]:
    saved: dict[str, set[int]] = {}
    for comment in load_draft(path).comments.values():
        _run, run, _save, number = comment.text.split()
        saved.setdefault(run, set()).add(int(number))
    return saved


@pytest.mark.skipif(os.name != "posix", reason="kill -9 and fork")
def test_every_kill_leaves_the_state_before_or_after_a_save(lapaz):
    context = multiprocessing.get_context("fork")
    pick = random.Random(17)
    journals = hot = 0
    previous: dict[str, set[int]] = {}
    for run in range(KILLS):
        saving = context.Event()
        child = context.Process(target=save_forever, args=(str(lapaz), run, saving))
        child.start()
        assert saving.wait(timeout=60), "the saving process never started"
        time.sleep(pick.uniform(0.0, 0.08))
        child.kill()
        child.join(timeout=30)
        journal = lapaz.parent / "lapaz.concordia-journal"
        if journal.exists():
            journals += 1
            hot += journal.read_bytes()[:8] == bytes.fromhex("d9d505f920a163d7")
        session = DraftSession.open(lapaz)  # rolls back what the killed save began
        session.close()
        saved = saved_runs(lapaz)
        # Every earlier run's saves are all still there, and this run's are 0..n, no gap:
        # the state after some save (or before the first), never a part of one.
        assert {key: value for key, value in saved.items() if key != str(run)} == previous
        mine = saved.get(str(run), set())
        assert mine == set(range(len(mine)))
        previous = saved
        left = lapaz.parent / "lapaz.concordia-journal"
        assert not left.exists(), (left.stat().st_size, left.read_bytes()[:32])
        assert sorted(p.name for p in lapaz.parent.iterdir()) == ["lapaz.concordia"]
    saves = sum(len(numbers) for numbers in previous.values())
    print(f"{journals} of {KILLS} kills landed inside a transaction, {hot} of them after the "
          f"draft file was being changed (rolled back at the next open); {saves} saves kept")
    assert hot > 0, "no kill landed inside a save's writing: the test proves nothing"
    assert saves > 0
