"""The core tables suit PostgreSQL, and a library without the SQLite FTS index still works."""

from __future__ import annotations

import sqlite3

from sqlalchemy.dialects import postgresql
from sqlalchemy.schema import CreateTable

from app.library import Library
from app.library.db import metadata
from app.library.search import _filters, parse_query


def test_core_tables_compile_for_postgresql():
    for table in metadata.sorted_tables:
        ddl = str(CreateTable(table).compile(dialect=postgresql.dialect()))
        assert "fts" not in ddl.lower()
        assert "SERIAL" in ddl or "INTEGER" in ddl
    # The filters of the portable search path compile too (year uses EXTRACT).
    for condition in _filters("es", "6914", 2024):
        str(condition.compile(dialect=postgresql.dialect()))
    assert parse_query('"shared responsibility" coop*')[1].prefix


def test_library_without_the_fts_index_imports_and_searches(tmp_path, lapaz_seed, clasi_seed):
    path = tmp_path / "plain.sqlite"
    Library(path).close()
    connection = sqlite3.connect(path)
    connection.execute("DROP TABLE clause_fts")
    connection.commit()
    connection.close()
    with Library(path) as library:
        report = library.add([lapaz_seed, clasi_seed])
        assert [o.status for o in report.outcomes] == ["added", "added"]
        hits = library.search('"common and shared responsibility"')
        assert hits and all("common and shared responsibility" in h.text for h in hits)
        assert library.search("RESPONSABILITY") == []
        assert library.search("cooperat*", year=2023)
        found = library.precedents(hits[0].text.replace("common", "joint", 1))
        assert found and found[0].hit.clause_id == hits[0].clause_id
