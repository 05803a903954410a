"""Several programs adding and searching one library at once (SQLite file and PostgreSQL)."""

from __future__ import annotations

import subprocess
import sys

from sqlalchemy import text

from app.library import Library
from app.library.counts import recount
from tests.conftest import REPO

from .conftest import CLASI_SEED, LAPAZ_SEED, UDHR_EN, UDHR_ES

DOCUMENTS = [LAPAZ_SEED, CLASI_SEED, UDHR_EN, UDHR_ES]


def cli(*argv: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "app", "library", *argv], cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_simultaneous_adds_of_the_same_declarations_give_one_copy(library_url: str, tmp_path):
    Library(library_url).close()     # the library exists; the programs race on its rows
    adders = [cli("add", *map(str, DOCUMENTS[::step]), "--library", library_url)
              for step in (1, -1, 1, -1)]
    searchers = [cli("search", query, "--json", "--library", library_url)
                 for query in ("cooperation", '"shared responsibility"', "derechos")]
    for process in adders + searchers:
        out, err = process.communicate(timeout=180)
        assert process.returncode == 0, err
        assert "Traceback" not in err
    # The same library built by one program alone, for comparison.
    with Library(tmp_path / "alone.sqlite") as alone:
        alone.add(DOCUMENTS)
        expected = alone.counts()
    with Library(library_url) as shared:
        assert shared.counts() == expected
        hits = shared.search('"common and shared responsibility"')
        assert hits and len({hit.clause_id for hit in hits}) == len(hits)
        # The run and word counts, upserted by each adding transaction, are exact.
        with shared.engine.connect() as connection:
            runs = dict(connection.execute(text("SELECT hash, n FROM shingle_counts")).all())
            terms = dict(connection.execute(text("SELECT term, n FROM term_counts")).all())
            assert (runs, terms) == recount(connection)
