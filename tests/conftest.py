"""Shared fixtures: paths to the shared seeds and corpus, used where they are.

The material lives in `../shared` beside the repository (or where CONCORDIA_SHARED says);
without it the run stops at once with one line saying what is missing.
"""

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


def missing_shared_material() -> str | None:
    """One sentence when the seeds or the corpus are not where the tests look for them."""
    folders = (SEEDS, CORPUS) if SHARED.is_dir() else (SHARED,)
    missing = [str(folder) for folder in folders if not folder.is_dir()]
    if not missing:
        return None
    return (
        f"Concordia's tests need the shared test material, and {' and '.join(missing)} "
        f"{'is' if len(missing) == 1 else 'are'} missing: put the shared/ folder (seeds/, "
        f"corpus/) beside the repository at {REPO.parent / 'shared'}, or set CONCORDIA_SHARED "
        f"to where it is."
    )


def pytest_configure(config: pytest.Config) -> None:
    # Without the material about half the suite would fail, each test with its own error:
    # one line that says what to fetch is more use to a newcomer than 180 failures.
    problem = missing_shared_material()
    if problem is not None:
        pytest.exit(problem, returncode=pytest.ExitCode.USAGE_ERROR)


@pytest.fixture(scope="session", autouse=True)
def _private_user_data_folder(tmp_path_factory):
    """Tests never write the user's real data folder (draft backups, personal word list):
    one temporary folder for the run, unless a test points XDG_DATA_HOME elsewhere itself."""
    previous = os.environ.get("XDG_DATA_HOME")
    os.environ["XDG_DATA_HOME"] = str(tmp_path_factory.mktemp("user-data"))
    yield
    if previous is None:
        os.environ.pop("XDG_DATA_HOME", None)
    else:
        os.environ["XDG_DATA_HOME"] = previous


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


@pytest.fixture
def read_only_folder(tmp_path):
    """A folder (or file) nobody can write to, even root (CI runs as root): chmod, or chattr +i as root.

    Yields a function that makes a given folder read-only; everything is made writable again
    at the end so tmp_path can be cleaned up.
    """
    import shutil
    import subprocess

    frozen: list[Path] = []

    def freeze(folder: Path) -> Path:
        if os.geteuid() != 0:
            folder.chmod(0o555 if folder.is_dir() else 0o444)
        else:
            chattr = shutil.which("chattr")
            result = subprocess.run([chattr, "+i", str(folder)], capture_output=True) if chattr else None
            if result is None or result.returncode != 0:
                pytest.skip("cannot make a folder read-only for root here (no chattr +i)")
        frozen.append(folder)
        return folder

    yield freeze
    for folder in frozen:
        if os.geteuid() != 0:
            folder.chmod(0o755)
        else:
            subprocess.run(["chattr", "-i", str(folder)], capture_output=True)
