"""Fuzzing as a test: mutated corpus DOCX files end in a draft or in one DocxReadError sentence,
each quickly. A few hundred seeded cases here; benchmarks/fuzz_docx.py runs thousands."""

from __future__ import annotations

import os
import random
import time
from pathlib import Path

import pytest

from app.docx.reader import DocxReadError, read_docx
from tests.conftest import CORPUS
from tests.fuzz.mutate import mutate

CASES = 300
LIMIT_SECONDS = 5.0


@pytest.fixture(scope="module")
def sources() -> list[bytes]:
    files = sorted((CORPUS / "docx").glob("*.docx"))
    assert len(files) > 20, "the shared corpus is missing"
    return [path.read_bytes() for path in files]


def test_mutated_corpus_files_end_in_a_draft_or_one_sentence(sources, tmp_path: Path):
    outcomes = {"draft": 0, "refused": 0}
    for seed in range(CASES):
        rng = random.Random(seed)
        path = tmp_path / f"case-{seed}.docx"
        path.write_bytes(mutate(rng.choice(sources), rng))
        start = time.perf_counter()
        try:
            read_docx(path)
            outcomes["draft"] += 1
        except DocxReadError as error:
            message = str(error)
            assert message and "\n" not in message, f"seed {seed}: {message!r}"
            outcomes["refused"] += 1
        assert time.perf_counter() - start < LIMIT_SECONDS, f"seed {seed} is slow"
        path.unlink()
    # The mutations reach both outcomes: a fuzz that only ever refuses tests nothing.
    assert outcomes["draft"] > CASES // 10 and outcomes["refused"] > CASES // 10, outcomes


#: `CONCORDIA_FUZZ_CASES=3000 make test` runs this many more (about 1 s per 100 cases).
MORE_CASES = int(os.environ.get("CONCORDIA_FUZZ_CASES", "0"))


@pytest.mark.slow
@pytest.mark.skipif(not MORE_CASES, reason="set CONCORDIA_FUZZ_CASES to run more fuzz cases")
def test_thousands_of_mutations(sources, tmp_path: Path):
    for seed in range(CASES, CASES + MORE_CASES):
        rng = random.Random(seed)
        path = tmp_path / "case.docx"
        path.write_bytes(mutate(rng.choice(sources), rng))
        try:
            read_docx(path)
        except DocxReadError as error:
            assert "\n" not in str(error), f"seed {seed}"
