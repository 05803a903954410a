"""Several processes changing one draft at once: each change is kept, or its writer is refused
with the "already open" sentence (exit 1). Real processes, real locks, real draft files.

Most rounds fork writers from a preloaded server (cheap, so many rounds fit) and start them at
the same instant behind a barrier; a few rounds run the real `python -m app` command lines.
"""

from __future__ import annotations

import contextlib
import io
import multiprocessing
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.importer.text import import_text_file
from app.store import DraftLock, load_draft, save_draft
from tests.conftest import LAPAZ_SEED, REPO

ALREADY_OPEN = "is already open in another Concordia window"


@pytest.fixture
def lapaz(tmp_path) -> tuple[Path, str]:
    draft, _report = import_text_file(LAPAZ_SEED)
    path = tmp_path / "lapaz.concordia"
    save_draft(draft, path)
    return path, draft.blocks[1].id


def comment_add(path: Path, block: str, text: str) -> list[str]:
    return ["comment", "add", str(path), "--block", block, "--party", "HU", "--text", text]


def version_save(path: Path, name: str) -> list[str]:
    return ["version", "save", str(path), "--name", name]


def party_add(path: Path, code: str) -> list[str]:
    return ["party", "add", str(path), "--code", code, "--name", f"Party {code}"]


def is_kept(path: Path, argv: list[str]) -> bool:
    """Whether the change `argv` asked for is in the draft file now."""
    draft = load_draft(path)
    value = argv[argv.index("--text" if argv[0] == "comment" else
                            "--name" if argv[0] == "version" else "--code") + 1]
    if argv[0] == "comment":
        return any(comment.text == value for comment in draft.comments.values())
    if argv[0] == "version":
        return any(version.name == value for version in draft.versions)
    return value in draft.parties


def run_writer(argv: list[str], delay: float, barrier, results) -> None:
    """In a child process: the command, started `delay` seconds after all writers are ready
    (the staggering lets one writer read while another saves, as two clerks would)."""
    from app.cli import main

    errors = io.StringIO()
    with contextlib.redirect_stderr(errors), contextlib.redirect_stdout(io.StringIO()):
        barrier.wait()
        time.sleep(delay)
        code = main(argv)
    results.put((argv, code, errors.getvalue()))


def forked_round(context, writers: list[list[str]], stagger: random.Random
                 ) -> list[tuple[list[str], int, str]]:
    barrier = context.Barrier(len(writers))
    results = context.Queue()
    processes = [context.Process(target=run_writer,
                                 args=(argv, stagger.uniform(0, 0.08), barrier, results))
                 for argv in writers]
    for process in processes:
        process.start()
    outcomes = [results.get(timeout=60) for _ in writers]
    for process in processes:
        process.join(timeout=30)
    return outcomes


def judge(path: Path, outcomes) -> tuple[int, int]:
    """(lost, refused): a writer that exited 0 without its change in the file is a lost
    update; a refusal must be exit 1 with the sentence. Anything else fails the test."""
    lost = refused = 0
    for argv, code, errors in outcomes:
        if code == 0:
            lost += not is_kept(path, argv)
        else:
            assert code == 1 and ALREADY_OPEN in errors, (argv, code, errors)
            assert errors.count("\n") == 1, errors      # one sentence, no traceback
            refused += 1
    return lost, refused


@pytest.fixture(scope="module")
def writers_context():
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["app.cli", "app.commands.annotations", "app.store"])
    return context


ROUNDS = 30


@pytest.mark.parametrize("mix", ["two comments", "version and comment", "four writers"])
def test_parallel_writers_lose_nothing(lapaz, writers_context, mix):
    path, block = lapaz
    lost = refused = kept = 0
    stagger = random.Random(mix)
    for round_number in range(ROUNDS if mix != "four writers" else ROUNDS // 2):
        tag = f"r{round_number}"
        writers = {
            "two comments": [comment_add(path, block, f"{tag} first"),
                             comment_add(path, block, f"{tag} second")],
            "version and comment": [version_save(path, f"Rev {tag}"),
                                    comment_add(path, block, f"{tag} during the version")],
            "four writers": [comment_add(path, block, f"{tag} a"),
                             comment_add(path, block, f"{tag} b"),
                             version_save(path, f"Rev {tag}"),
                             party_add(path, f"X{round_number}")],
        }[mix]
        outcomes = forked_round(writers_context, writers, stagger)
        round_lost, round_refused = judge(path, outcomes)
        lost += round_lost
        refused += round_refused
        kept += len(writers) - round_lost - round_refused
    print(f"{mix}: {kept} changes kept, {refused} refused, {lost} lost")
    assert lost == 0
    assert kept > 0
    assert not list(path.parent.glob(".*.tmp")), "no temporary file is left behind"


def test_parallel_command_lines_lose_nothing(lapaz):
    """The real `concordia` command lines, version save racing comment add."""
    path, block = lapaz
    lost = 0
    for round_number in range(6):
        writers = [version_save(path, f"CLI {round_number}"),
                   comment_add(path, block, f"CLI comment {round_number}")]
        processes = [subprocess.Popen([sys.executable, "-m", "app", *argv], cwd=REPO,
                                      stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                      text=True) for argv in writers]
        outcomes = []
        for argv, process in zip(writers, processes, strict=True):
            _out, errors = process.communicate(timeout=60)
            outcomes.append((argv, process.returncode, errors))
        round_lost, _refused = judge(path, outcomes)
        lost += round_lost
    assert lost == 0


def test_a_command_waits_for_a_short_holder_then_saves(lapaz):
    """A command finding the draft locked by another command's save waits for it."""
    path, block = lapaz
    lock = DraftLock(path)
    lock.acquire()
    command = subprocess.Popen(
        [sys.executable, "-m", "app", *comment_add(path, block, "after the wait")],
        cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    time.sleep(1.0)                      # the command is up and waiting by now
    lock.release()
    _out, errors = command.communicate(timeout=60)
    assert command.returncode == 0, errors
    assert is_kept(path, comment_add(path, block, "after the wait"))


def test_a_draft_kept_open_elsewhere_is_refused_in_one_sentence(lapaz):
    """Another process (a window) holds the lock all along: refused after a bounded wait,
    exit 1, the sentence naming the holder, the file untouched."""
    path, block = lapaz
    before = path.read_bytes()
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys; from app.store import DraftLock; lock = DraftLock(sys.argv[1]); "
         "lock.acquire(); print('locked', flush=True); sys.stdin.readline()", str(path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=REPO)
    try:
        assert holder.stdout.readline().strip() == "locked"
        for argv in (comment_add(path, block, "refused"), version_save(path, "Refused")):
            started = time.monotonic()
            result = subprocess.run([sys.executable, "-m", "app", *argv], cwd=REPO,
                                    capture_output=True, text=True, timeout=60)
            assert result.returncode == 1
            assert result.stderr.count("\n") == 1 and ALREADY_OPEN in result.stderr
            assert f"pid {holder.pid}" in result.stderr
            assert time.monotonic() - started < 20
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    assert path.read_bytes() == before
