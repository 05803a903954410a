"""The tables that hold a draft's current text, and how each maps to the model.

Every table of the current text is one registration here: its `Table` (app.store.table_ddl;
the first primary-key column is the row's key), `rows(draft)` giving one tuple per model object in the
table's column order, and `read(draft, rows)` putting the objects of the rows read back on the
draft. Reading, the whole-file write and the incremental save (app.store.draft_file) all work
from this list, so a feature's new table plugs in with one call, in its own module:

    register(RowTable(schema.brackets,
                      rows=lambda draft: [(b.id, b.block_id, …) for b in draft.brackets.values()],
                      read=read_brackets))

and one import of that module in app.store.draft_file. `read` gets tuples of every column of
the table in order (`column_index` says where each is; None where an older file lacks one)
and must decode defensively (app.store.row_decoding). Rows must be built deterministically from the objects, with the
types SQLite gives back (int, str, None), so that an unchanged object gives the very row it
was read from and is not written again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.model import Draft

from .table_ddl import Table


@dataclass(frozen=True)
class RowTable:
    table: Table
    rows: Callable[[Draft], list[tuple]]
    read: Callable[[Draft, list[tuple]], None]
    #: `rows_for(draft, keys, stored)`: the rows of the objects with these keys only (those
    #: in the draft), for a save that knows which changed (app.store.row_scope), given the
    #: rows `stored` by key; it returns None where those rows alone cannot be right (the
    #: table is then built whole). None: `rows` is always used.
    rows_for: Callable[[Draft, frozenset, dict], list[tuple] | None] | None = None

    @property
    def name(self) -> str:
        return self.table.name

    @property
    def columns(self) -> list[str]:
        return self.table.column_names

    @property
    def key_index(self) -> int:
        return self.table.column_names.index(self.table.key)


def column_index(table: Table) -> dict[str, int]:
    """Where each column is in the rows a reader gets (the table's columns, in order)."""
    return {name: index for index, name in enumerate(table.column_names)}


#: In reading order.
ROW_TABLES: list[RowTable] = []


def register(row_table: RowTable) -> RowTable:
    ROW_TABLES[:] = [known for known in ROW_TABLES if known.name != row_table.name]
    ROW_TABLES.append(row_table)
    return row_table
