"""A real library per test, on SQLite (a file) and on PostgreSQL (a database on a private server
started for the test run), and the seeds added to it.

The `library` fixture, and everything built on it, runs each test on both backends. Without
PostgreSQL's server programs the PostgreSQL runs are skipped, with the reason, on a
developer's machine, and FAIL under CI (the `CI` variable set): CI must test both.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.library import Library
from tests.conftest import CLASI_SEED, CORPUS, LAPAZ_SEED

UDHR_EN = CORPUS / "parallel" / "parallel__udhr.en.txt"
UDHR_ES = CORPUS / "parallel" / "parallel__udhr.es.txt"
DOCX = CORPUS / "docx"
FIXTURES = Path(__file__).parent / "fixtures"
EU_CELAC_2023 = FIXTURES / "eu_celac_summit_2023.txt"

BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def pg_server():
    """A throwaway PostgreSQL server for the whole run (see tests/library/pg_server.py)."""
    from .pg_server import PostgresServer, server_binaries

    if server_binaries() is None:
        reason = "PostgreSQL server not installed (apt-get install postgresql postgresql-contrib)"
        if os.environ.get("CI"):
            pytest.fail(reason + ": CI must run the library tests on PostgreSQL")
        pytest.skip(reason)
    try:
        import psycopg  # noqa: F401
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("psycopg is not installed: CI must run the library tests on PostgreSQL")
        pytest.skip("psycopg is not installed")
    server = PostgresServer().start()
    yield server
    server.stop()


@pytest.fixture(params=BACKENDS)
def library_url(request, tmp_path: Path) -> str:
    """Where a new, empty library lives: a SQLite file or a new PostgreSQL database."""
    if request.param == "postgresql":
        return request.getfixturevalue("pg_server").new_database()
    return str(tmp_path / "library.sqlite")


@pytest.fixture
def library(library_url: str):
    with Library(library_url) as opened:
        yield opened


@pytest.fixture
def seeded(library: Library, lapaz_seed: Path, clasi_seed: Path) -> Library:
    report = library.add([lapaz_seed, clasi_seed])
    assert [outcome.status for outcome in report.outcomes] == ["added", "added"], report
    return library


__all__ = ["CLASI_SEED", "DOCX", "EU_CELAC_2023", "LAPAZ_SEED", "UDHR_EN", "UDHR_ES"]
