"""A real library file on disk per test, and the seeds added to it."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.library import Library
from tests.conftest import CLASI_SEED, CORPUS, LAPAZ_SEED

UDHR_EN = CORPUS / "parallel" / "parallel__udhr.en.txt"
UDHR_ES = CORPUS / "parallel" / "parallel__udhr.es.txt"
DOCX = CORPUS / "docx"


@pytest.fixture
def library(tmp_path: Path):
    with Library(tmp_path / "library.sqlite") as opened:
        yield opened


@pytest.fixture
def seeded(library: Library, lapaz_seed: Path, clasi_seed: Path) -> Library:
    report = library.add([lapaz_seed, clasi_seed])
    assert [outcome.status for outcome in report.outcomes] == ["added", "added"], report
    return library


__all__ = ["CLASI_SEED", "DOCX", "LAPAZ_SEED", "UDHR_EN", "UDHR_ES"]
