"""Creating a library's tables, and bringing an older library up to the current schema.

Version 1 had no source status, no printed place for unnumbered clauses and no shingle index;
migrating fills all three from what the library holds (existing sources count as adopted: that
is what a version-1 library treated them as). Version 2 had no exact document counts: migrating
counts the runs and words of every clause once (`app.library.counts.fill`).
"""

from __future__ import annotations

from sqlalchemy import select, text, update
from sqlalchemy.engine import Connection

from .db import FTS_DDL, SCHEMA_VERSION, clauses, metadata, provenances, schema_version, shingles


def create(connection: Connection) -> None:
    metadata.create_all(connection)
    if connection.dialect.name == "sqlite":
        connection.execute(text(FTS_DDL))
    elif connection.dialect.name == "postgresql":
        from .pg import create_extras

        create_extras(connection)
    connection.execute(schema_version.insert().values(version=SCHEMA_VERSION))


def migrate(connection: Connection, found: int) -> None:
    if found < 2:
        _to_2(connection)
    if found < 3:
        from .counts import fill

        fill(connection)   # exact run and word counts of what the library holds
    connection.execute(update(schema_version).values(version=SCHEMA_VERSION))


def _to_2(connection: Connection) -> None:
    connection.execute(text(
        "ALTER TABLE sources ADD COLUMN status VARCHAR(12) NOT NULL DEFAULT 'adopted'"))
    connection.execute(text("ALTER TABLE provenances ADD COLUMN place VARCHAR(40) NOT NULL DEFAULT ''"))
    shingles.create(connection)
    if connection.dialect.name == "postgresql":
        from .pg import create_extras

        create_extras(connection)
    index_shingles(connection, [(row.num, row.text) for row in connection.execute(
        select(clauses.c.num, clauses.c.text))])
    _fill_places(connection)


def index_shingles(connection: Connection, rows: list[tuple[int, str]]) -> list[tuple[int, int]]:
    """Store the fingerprints of these (clause number, text) pairs; returns the (hash, number)
    rows stored."""
    from .shingles import fingerprints

    batch = [(value, num) for num, body in rows for value in fingerprints(body)]
    # Plain executemany: tens of rows per clause, too many for SQLAlchemy's per-row work.
    mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    statement = f"INSERT INTO shingles (hash, clause_num) VALUES ({mark}, {mark})"
    for start in range(0, len(batch), 5000):
        connection.exec_driver_sql(statement, batch[start:start + 5000])
    return batch


def _fill_places(connection: Connection) -> None:
    from .segment import places

    rows = connection.execute(
        select(provenances.c.id, provenances.c.source_id, provenances.c.context, clauses.c.kind)
        .join(clauses, clauses.c.num == provenances.c.clause_num)
        .order_by(provenances.c.source_id, provenances.c.position)
    ).all()
    by_source: dict[int, list] = {}
    for row in rows:
        by_source.setdefault(row.source_id, []).append(row)
    for items in by_source.values():
        for row, place in zip(items, places([row.kind for row in items], [row.context for row in items]),
                              strict=True):
            connection.execute(update(provenances).where(provenances.c.id == row.id).values(place=place))
