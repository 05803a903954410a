"""Shared fixtures: paths to the shared seeds and corpus, used where they are."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CONCORDIA_SHARED", REPO.parent / "shared"))
SEEDS = SHARED / "seeds"
CORPUS = SHARED / "corpus"
LAPAZ_SEED = SEEDS / "000_b2393918b01108c9.txt"
CLASI_SEED = SEEDS / "003_03aa108fa3d7d7eb.txt"


@pytest.fixture
def lapaz_seed() -> Path:
    if not LAPAZ_SEED.exists():
        pytest.fail(f"seed missing: {LAPAZ_SEED} (shared/ must sit beside the repository)")
    return LAPAZ_SEED


@pytest.fixture
def clasi_seed() -> Path:
    if not CLASI_SEED.exists():
        pytest.fail(f"seed missing: {CLASI_SEED}")
    return CLASI_SEED
