"""Tables of a draft file and its migrations (the formats' history: FORMATS.md here).

A draft is one SQLite file. `PRAGMA application_id` tells a Concordia draft from any other
SQLite file; `PRAGMA user_version` is the schema version. Each migration takes a connection at
version N to N+1; opening an older file migrates a copy in memory, and the next save writes the
new format (the old file is only replaced by a complete new one). A file of the current format
is changed in place, one SQLite transaction per save (app.store.draft_file).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from .snapshot_pieces import PieceWriter
from .table_ddl import Column, Integer, LargeBinary, String, Table, Text

APPLICATION_ID = 0x436F6E63  # "Conc"
SCHEMA_VERSION = 5

#: One row per setting of the draft: cover fields (JSON values), language, app version.
draft_info = Table(
    "draft_info",
    Column("key", String, primary_key=True),
    Column("value", Text, nullable=False),
)

blocks = Table(
    "blocks",
    Column("id", String, primary_key=True),
    Column("position", Integer, nullable=False, index=True),
    Column("kind", String, nullable=False),
    Column("level", Integer, nullable=False, default=0),
    Column("content", Text, nullable=False),  # JSON list of inlines
    Column("origin", Text, nullable=True),    # JSON ClauseOrigin for agreed language
    Column("number", String, nullable=True),  # printed number ("8", "5a"); NULL: computed
    Column("status", Text, nullable=True),    # JSON BlockStatus; NULL: pending (version 5)
)

footnotes = Table(
    "footnotes",
    Column("id", String, primary_key=True),
    Column("text", Text, nullable=False),
)

#: Named, immutable snapshots of the whole draft (app.model.version). Since format 4 a
#: version is its `manifest` (compressed JSON of the snapshot with each paragraph, footnote,
#: comment … replaced by the id of a `pieces` row), so versions share what did not change.
versions = Table(
    "versions",
    Column("id", String, primary_key=True),
    Column("position", Integer, nullable=False),
    Column("name", String, nullable=False, unique=True),
    Column("author", String, nullable=False, default=""),
    Column("created", String, nullable=False),   # UTC ISO 8601
    Column("format", Integer, nullable=False),   # app.model.version.SNAPSHOT_FORMAT
    Column("manifest", LargeBinary, nullable=False),
)

#: The pieces of the versions' snapshots, each distinct content once (app.store.snapshot_pieces).
pieces = Table(
    "pieces",
    Column("id", Integer, primary_key=True),
    Column("hash", LargeBinary, nullable=False, unique=True),  # of the piece's JSON
    Column("body", LargeBinary, nullable=False),
)

#: Delegations' comments, reservations and user-added parties (app.model.annotations,
#: app.model.parties). A file written before they existed simply lacks these tables and is
#: read as having none (app.store.annotations), so no migration is needed.
comments = Table(
    "comments",
    Column("id", String, primary_key=True),
    Column("position", Integer, nullable=False),
    Column("block_id", String, nullable=True),      # None: the whole text
    Column("anchor_start", Integer, nullable=True), # None: the whole block
    Column("anchor_end", Integer, nullable=True),
    Column("orphaned", Integer, nullable=False, default=0),
    Column("party", String, nullable=False),
    Column("text", Text, nullable=False),
    Column("suggestion", Text, nullable=False, default=""),
    Column("status", String, nullable=False),
    Column("visibility", String, nullable=False),
    Column("date", String, nullable=False),         # ISO date
    Column("replies", Text, nullable=False),        # JSON list of replies
    # The words of the span when placed; added later, read only where present (no migration).
    Column("quote", Text, nullable=True),
    Column("change", Text, nullable=True),          # JSON {"old", "new"} of a tracked change
    Column("source", Text, nullable=False, default=""),  # the file it was imported from
)

reservations = Table(
    "reservations",
    Column("id", String, primary_key=True),
    Column("position", Integer, nullable=False),
    Column("block_id", String, nullable=True),
    Column("anchor_start", Integer, nullable=True),
    Column("anchor_end", Integer, nullable=True),
    Column("orphaned", Integer, nullable=False, default=0),
    Column("parties", Text, nullable=False),        # JSON list of party codes
    Column("kind", String, nullable=False),
    Column("status", String, nullable=False),
    Column("text_en", Text, nullable=False, default=""),
    Column("text_es", Text, nullable=False, default=""),
    Column("date", String, nullable=False),
    Column("quote", Text, nullable=True),           # as for comments
)

parties = Table(
    "parties",
    Column("code", String, primary_key=True),
    Column("kind", String, nullable=False),
    Column("territory", String, nullable=True),
    Column("name_en", Text, nullable=False, default=""),
    Column("name_es", Text, nullable=False, default=""),
)

#: Square brackets (app.model.brackets): a span of one block and its alternatives.
brackets = Table(
    "brackets",
    Column("id", String, primary_key=True),
    Column("position", Integer, nullable=False),
    Column("block_id", String, nullable=False),
    Column("anchor_start", Integer, nullable=False),
    Column("anchor_end", Integer, nullable=False),
    Column("orphaned", Integer, nullable=False, default=0),
    Column("alternatives", Text, nullable=False),   # JSON list of {"text", "parties"}
    Column("quote", Text, nullable=False, default=""),
)

#: Every table of a draft file, in the order they are created.
TABLES = [draft_info, blocks, footnotes, versions, pieces, comments, reservations, parties,
          brackets]


def create_all(connection: sqlite3.Connection) -> None:
    for table in TABLES:
        table.create(connection)


#: Later features add their own tables through migrations (versions, comments, reservations…).
Migration = Callable[[sqlite3.Connection], None]


def _add_block_numbers(connection: sqlite3.Connection) -> None:
    """Version 2: paragraphs may keep the number their source printed (NULL: computed)."""
    connection.execute("ALTER TABLE blocks ADD COLUMN number VARCHAR")


def _add_comment_change_and_source(connection: sqlite3.Connection) -> None:
    """Version 3: a comment can be a suggestion from a tracked change and name its file."""
    tables = {row[0] for row in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "comments" not in tables:
        return                      # the table is created whole on the next save
    present = {row[1] for row in connection.execute("PRAGMA table_info(comments)")}
    if "change" not in present:
        connection.execute("ALTER TABLE comments ADD COLUMN change TEXT")
    if "source" not in present:
        connection.execute("ALTER TABLE comments ADD COLUMN source TEXT NOT NULL DEFAULT ''")


def _share_version_text(connection: sqlite3.Connection) -> None:
    """Version 4: each version's whole-JSON snapshot becomes a manifest of shared pieces."""
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "versions" not in tables:
        for table in (versions, pieces):
            table.create(connection)
        return
    if "snapshot" not in {row[1] for row in connection.execute("PRAGMA table_info(versions)")}:
        pieces.create(connection, checkfirst=True)
        return                                  # already in this format
    old = connection.execute("SELECT id, position, name, author, created, snapshot FROM versions "
                      "ORDER BY position").fetchall()
    connection.execute("DROP TABLE versions")
    for table in (versions, pieces):
        table.create(connection)
    writer = PieceWriter(connection)
    for version_id, position, name, author, created, snapshot in old:
        manifest, found = writer.manifest_of_text(snapshot)
        connection.execute("INSERT INTO versions (id, position, name, author, created, format, manifest)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (version_id, position, name, author, created, found, manifest))
    writer.flush()


def _add_brackets_and_status(connection: sqlite3.Connection) -> None:
    """Version 5: square brackets (their own table) and each paragraph's status."""
    present = {row[1] for row in connection.execute("PRAGMA table_info(blocks)")}
    if "status" not in present:
        connection.execute("ALTER TABLE blocks ADD COLUMN status TEXT")
    brackets.create(connection, checkfirst=True)


MIGRATIONS: dict[int, Migration] = {
    # from_version: function bringing the schema to from_version + 1
    1: _add_block_numbers,
    2: _add_comment_change_and_source,
    3: _share_version_text,
    4: _add_brackets_and_status,
}
