"""Inputs just under the caps are read in bounded time: markup on a long line, runs of deleted
paragraph marks, chunks that continue one paragraph (each was quadratic, issue 12)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from app.docx.reader import read_docx
from app.importer import import_text_file
from app.importer.inline_md import parse_inline, plain
from app.limits import MAX_LINE_CHARS
from tests.fuzz import hostile


def _timed(function, *args):
    start = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - start


@pytest.mark.parametrize("unit", ["<u>x</u> ", "*a ", "[a ", "<a ", "**a ", "_a_b ", "<sup>1 "])
def test_a_line_of_markup_at_the_cap_parses_quickly(unit: str):
    line = unit * ((MAX_LINE_CHARS - 1000) // len(unit))
    pieces, seconds = _timed(parse_inline, line)
    assert seconds < 3.0
    # The words are all there, formatted or not.
    assert plain(pieces).count("a") >= line.count("a") - line.count("<a") or "x" in unit \
        or "1" in unit


def test_deep_nesting_keeps_the_words():
    text = "<u><b>" * 300 + "deep" + "</b></u>" * 300
    words = plain(parse_inline(text))
    assert "deep" in words


def test_deleted_paragraph_marks_merge_in_linear_time(tmp_path: Path):
    small, small_seconds = _timed(read_docx, hostile.deleted_marks(tmp_path, 5_000))
    large, large_seconds = _timed(read_docx, hostile.deleted_marks(tmp_path, 40_000))
    assert len(large.blocks) == 1 and large.blocks[0].text.endswith("end.")
    assert large.blocks[0].text.count(" ") >= 40_000
    assert large_seconds < 10.0 and large_seconds < 8 * small_seconds * 3


def test_chunks_continuing_one_paragraph_import_in_linear_time(tmp_path: Path):
    (draft, _report), seconds = _timed(import_text_file, hostile.continued_lines(tmp_path, 20_000))
    assert seconds < 10.0
    assert " ".join(b.text for b in draft.blocks).count("and more words") == 20_000
    assert len(draft.blocks) <= 2    # the title line, and one paragraph that goes on
