"""Writing the rows of the current text that differ from those stored (within the caller's
transaction): the incremental save of app.store.draft_file, and its whole-file write."""

from __future__ import annotations

import sqlite3
from typing import Any

from app.model import Draft
from app.model.changes import Changes

from .row_scope import ALL, scope
from .row_tables import ROW_TABLES, RowTable


def write_rows(connection: sqlite3.Connection, draft: Draft,
                stored: dict[str, dict[Any, tuple]], changes: Changes | None = None
                ) -> dict[str, dict[Any, tuple]] | None:
    """Upsert the rows that differ from `stored`, delete those gone; the rows now stored.
    With `changes` (what the operations since `stored` changed), only the rows they can
    reach are built and compared (app.store.row_scope). None if two objects share a key (a
    draft to repair: the complete write reports it)."""
    result: dict[str, dict[Any, tuple]] = {}
    for row_table in ROW_TABLES:
        key = row_table.key_index
        before = stored.get(row_table.name, {})
        reach = scope(row_table.name, changes) if before else ALL
        if reach is None:
            result[row_table.name] = before          # untouched: as stored
            continue
        rows = None
        if reach is not ALL and row_table.rows_for is not None:
            rows = row_table.rows_for(draft, reach, before)
        if rows is None:
            reach = ALL
        if reach is ALL:
            rows = row_table.rows(draft)
            current = {row[key]: row for row in rows}
            if len(current) != len(rows) and before:
                return None                   # the complete write lets the database refuse it
            gone = [(name,) for name in before if name not in current]
        else:
            current = dict(before)
            current.update((row[key], row) for row in rows)
            present = {row[key] for row in rows}
            gone = [(name,) for name in reach if name in before and name not in present]
            for (name,) in gone:
                del current[name]
        changed = [row for row in rows if before.get(row[key]) != row]
        _write_table(connection, row_table, bool(before), rows, changed, gone)
        result[row_table.name] = current
    return result


def _write_table(connection: sqlite3.Connection, row_table: RowTable, had_rows: bool,
                 rows: list[tuple], changed: list[tuple], gone: list[tuple]) -> None:
    key = row_table.key_index
    columns = row_table.columns
    quoted = ", ".join(f'"{name}"' for name in columns)
    if gone:
        connection.executemany(
            f'DELETE FROM "{row_table.name}" WHERE "{columns[key]}" = ?', gone)
    values = ", ".join("?" * len(columns))
    if not had_rows and rows:
        connection.executemany(
            f'INSERT INTO "{row_table.name}" ({quoted}) VALUES ({values})', rows)
    elif changed:                        # an upsert keeps the row's place (its rowid)
        updates = ", ".join(f'"{name}" = excluded."{name}"'
                            for index, name in enumerate(columns) if index != key)
        connection.executemany(
            f'INSERT INTO "{row_table.name}" ({quoted}) VALUES ({values}) '
            f'ON CONFLICT("{columns[key]}") DO UPDATE SET {updates}', changed)
