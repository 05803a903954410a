"""The tables of a draft file described in plain Python, and the SQL that creates them.

A draft file is one SQLite database read and written through Python's own `sqlite3`. Its
tables were once described with SQLAlchemy; importing SQLAlchemy cost every short command
(`concordia comment add`) more time than the command itself, for nothing the draft file
needs: its tables are fixed, keyed by one column, and written with plain SQL. The statements
made here are those SQLAlchemy made (same types, NOT NULL, keys, unique and index clauses),
so files written before and after read and compare alike (tests/store/test_table_ddl.py).

A `default` is the value the program writes (there is no DEFAULT clause in the table): it is
documentation for the reader of the schema, as it was with SQLAlchemy.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

#: Column types, as SQLite knows them (their affinity decides how values are kept).
String = "VARCHAR"
Text = "TEXT"
Integer = "INTEGER"
LargeBinary = "BLOB"


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    primary_key: bool = False
    nullable: bool = True
    default: Any = None
    unique: bool = False
    index: bool = False

    def sql(self) -> str:
        not_null = self.primary_key or not self.nullable
        return f"{_quoted(self.name)} {self.type}{' NOT NULL' if not_null else ''}"


class Table:
    """A table: its name, its columns in order, the key (the first primary-key column)."""

    def __init__(self, name: str, *columns: Column) -> None:
        self.name = name
        self.columns: tuple[Column, ...] = columns
        self.column_names: list[str] = [column.name for column in columns]
        self.key: str = next(column.name for column in columns if column.primary_key)

    def __repr__(self) -> str:
        return f"Table({self.name!r})"

    def create_statements(self) -> list[str]:
        """CREATE TABLE, then one CREATE INDEX per indexed column."""
        lines = [column.sql() for column in self.columns]
        keys = [_quoted(column.name) for column in self.columns if column.primary_key]
        lines.append(f"PRIMARY KEY ({', '.join(keys)})")
        lines += [f"UNIQUE ({_quoted(column.name)})" for column in self.columns if column.unique]
        body = ", \n\t".join(lines)
        statements = [f"CREATE TABLE {_quoted(self.name)} (\n\t{body}\n)"]
        statements += [f"CREATE INDEX ix_{self.name}_{column.name} ON {_quoted(self.name)} "
                       f"({_quoted(column.name)})" for column in self.columns if column.index]
        return statements

    def create(self, connection: sqlite3.Connection, checkfirst: bool = False) -> None:
        """Create the table (and its indexes); with `checkfirst`, only where it is missing."""
        if checkfirst and connection.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                (self.name,)).fetchone():
            return
        for statement in self.create_statements():
            connection.execute(statement)


#: Words SQLite (and SQLAlchemy's statements) quote as names.
_RESERVED = frozenset({"key", "order", "group", "index", "table", "values", "default"})


def _quoted(name: str) -> str:
    return f'"{name}"' if name.lower() in _RESERVED else name
