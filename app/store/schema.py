"""Tables of a draft file and its migrations.

A draft is one SQLite file. `PRAGMA application_id` tells a Concordia draft from any other
SQLite file; `PRAGMA user_version` is the schema version. Each migration takes a connection at
version N to N+1; opening an older file migrates a copy in memory, and the next save writes the
new format (the old file is only replaced by a complete new one).
"""

from __future__ import annotations

from typing import Callable

from sqlalchemy import Column, Integer, MetaData, String, Table, Text
from sqlalchemy.engine import Connection

APPLICATION_ID = 0x436F6E63  # "Conc"
SCHEMA_VERSION = 1

metadata = MetaData()

#: One row per setting of the draft: cover fields (JSON values), language, app version.
draft_info = Table(
    "draft_info",
    metadata,
    Column("key", String, primary_key=True),
    Column("value", Text, nullable=False),
)

blocks = Table(
    "blocks",
    metadata,
    Column("id", String, primary_key=True),
    Column("position", Integer, nullable=False, index=True),
    Column("kind", String, nullable=False),
    Column("level", Integer, nullable=False, default=0),
    Column("content", Text, nullable=False),  # JSON list of inlines
    Column("origin", Text, nullable=True),    # JSON ClauseOrigin for agreed language
)

footnotes = Table(
    "footnotes",
    metadata,
    Column("id", String, primary_key=True),
    Column("text", Text, nullable=False),
)

#: Named, immutable snapshots of the whole draft (app.model.version); kept in the file so
#: every save (a whole-file rewrite) carries them along.
versions = Table(
    "versions",
    metadata,
    Column("id", String, primary_key=True),
    Column("position", Integer, nullable=False),
    Column("name", String, nullable=False, unique=True),
    Column("author", String, nullable=False, default=""),
    Column("created", String, nullable=False),   # UTC ISO 8601
    Column("snapshot", Text, nullable=False),    # JSON of the draft as it was
)

#: Later features add their own tables through migrations (versions, comments, reservations…).
Migration = Callable[[Connection], None]
MIGRATIONS: dict[int, Migration] = {
    # from_version: function bringing the schema to from_version + 1
}
