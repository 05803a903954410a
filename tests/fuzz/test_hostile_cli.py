"""Hostile files through every CLI route, in real processes: exit 1, one sentence on stderr
that names the problem (or the limit), no traceback, within a bounded time (issue 12)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.limits import MAX_LINE_CHARS, MAX_PARAGRAPHS
from tests.conftest import CORPUS, LAPAZ_SEED, REPO
from tests.fuzz import hostile

SECONDS = 10.0


def concordia(*args: str) -> tuple[int, str, str, float]:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "app", *args], cwd=REPO, capture_output=True,
                          text=True, timeout=60)
    return done.returncode, done.stdout, done.stderr, time.perf_counter() - start


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("hostile")


@pytest.fixture(scope="module")
def draft(folder: Path) -> Path:
    path = folder / "lapaz.concordia"
    code, _out, err, _seconds = concordia("import", str(LAPAZ_SEED), "--out", str(path))
    assert code == 0, err
    return path


DOCX_CASES = {
    "png renamed": (lambda f: hostile.png_renamed(f), "not a Word document"),
    "encrypted": (lambda f: hostile.encrypted(f), "password-protected"),
    "truncated": (lambda f: hostile.truncated(f, CORPUS / "docx" / "pandoc__notes.docx"),
                  "damaged or incomplete"),
    "zip bomb": (lambda f: hostile.zip_bomb(f, 120), "24 MB"),
    "part past the cap": (lambda f: hostile.large_part(f, 30), "24 MB"),
    "lying sizes": (lambda f: hostile.lying_sizes(f, 60), "cannot be read"),
    "too many paragraphs": (lambda f: hostile.many_paragraphs_docx(f, MAX_PARAGRAPHS + 10),
                            f"{MAX_PARAGRAPHS:,}"),
}
TEXT_CASES = {
    "long line": (lambda f: hostile.markup_line(f, MAX_LINE_CHARS // 1024 + 10),
                  f"{MAX_LINE_CHARS:,}"),
    "too many paragraphs": (lambda f: hostile.many_paragraphs(f, MAX_PARAGRAPHS + 10),
                            f"{MAX_PARAGRAPHS:,}"),
}


def _routes(source: Path, folder: Path, draft: Path, name: str) -> list[list[str]]:
    routes = [
        ["import", str(source), "--into", str(draft), "--as-version", name],
        ["import", str(source), "--into", str(draft), "--language", "es"],
    ]
    if source.suffix != ".docx":
        routes.append(["import", str(source), "--out", str(folder / "out.concordia"), "--force"])
    return routes


def _assert_one_sentence(code: int, _out: str, err: str, seconds: float, words: str) -> None:
    lines = [line for line in err.splitlines() if line.strip() and "%" not in line]
    assert code == 1, err
    assert "Traceback" not in err, err
    assert len(lines) == 1 and words in lines[0], err
    assert seconds < SECONDS


@pytest.mark.parametrize("case", sorted(DOCX_CASES))
def test_hostile_docx_through_the_import_routes(case: str, folder: Path, draft: Path):
    build, words = DOCX_CASES[case]
    source = build(folder)
    for argv in _routes(source, folder, draft, case.replace(" ", "-")):
        _assert_one_sentence(*concordia(*argv), words)


@pytest.mark.parametrize("case", sorted(TEXT_CASES))
def test_hostile_text_through_the_import_routes(case: str, folder: Path, draft: Path):
    build, words = TEXT_CASES[case]
    source = build(folder)
    for argv in _routes(source, folder, draft, case.replace(" ", "-")):
        _assert_one_sentence(*concordia(*argv), words)


def test_library_add_gives_the_reason_and_exit_1(folder: Path):
    source = hostile.large_part(folder, 30, seed=3)
    code, out, err, seconds = concordia("library", "add", "--library", str(folder / "lib.db"),
                                        str(source))
    assert code == 1 and "Traceback" not in err + out and seconds < SECONDS
    assert "skipped" in out and "24 MB" in out


def test_a_bad_list_level_is_read_not_a_traceback(folder: Path, draft: Path):
    source = hostile.bad_list_level(folder)
    code, _out, err, _seconds = concordia("import", str(source), "--into", str(draft),
                                          "--as-version", "bad-level")
    assert code == 0 and "Traceback" not in err, err
