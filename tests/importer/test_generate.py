"""The benchmark generator writes notes the importer reads back whole and without warnings."""

from __future__ import annotations

import time

import pytest

from app.importer import import_text
from app.model import BlockKind
from benchmarks.generate import make_large_draft, make_large_markdown


def test_small_note_round_trips():
    text = make_large_markdown(pages=10, words=5000, footnotes=20, seed=3)
    assert text == make_large_markdown(pages=10, words=5000, footnotes=20, seed=3)
    assert text.count("\n---\n") >= 10
    draft, report = import_text(text)
    assert report.warnings == []
    assert draft.note.number == "6914/24" and draft.note.codes[0] == "CORDROGUE 26"
    assert len(draft.footnotes) == 20 and draft.unreferenced_footnotes() == []
    kinds = {block.kind for block in draft.blocks}
    assert kinds == set(BlockKind)
    assert {b.level for b in draft.blocks if b.kind is BlockKind.LIST_ITEM} == {1, 2}
    words = sum(len(b.text.split()) for b in draft.blocks)
    assert 4000 < words < 6000
    assert not any("<sup>" in b.text or "**" in b.text for b in draft.blocks)


@pytest.mark.slow
def test_three_hundred_pages():
    start = time.perf_counter()
    draft = make_large_draft()
    elapsed = time.perf_counter() - start
    words = sum(len(b.text.split()) for b in draft.blocks)
    assert 140_000 < words < 160_000
    assert len(draft.footnotes) == 500 and draft.unreferenced_footnotes() == []
    assert elapsed < 20           # about 1 s on the build machine
