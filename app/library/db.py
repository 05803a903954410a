"""The clause library's tables, schema version and connection.

The core tables use only portable types, so the same models serve a SQLite file (the default,
in the user's data folder) or a PostgreSQL database shared by a team. Full-text search on
SQLite uses an FTS5 side table (`clause_fts`), maintained by hand in the same transaction as
the clause rows; other databases fall back to searching the folded text column in SQL.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import (
    BigInteger,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    column,
    create_engine,
    event,
    select,
    table,
    text,
)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, OperationalError

from app.errors import ConcordiaError
from app.i18n import _
from app.log import user_data_folder

#: 2: sources.status (adopted/draft), provenances.place (its place as printed), the shingle index.
#: 3: exact document counts of runs and words (shingle_counts, term_counts: app/library/counts.py).
SCHEMA_VERSION = 3

ADOPTED, DRAFT = "adopted", "draft"

metadata = MetaData()

schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True),
)

sources = Table(
    "sources",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("title", Text, nullable=False, default=""),
    Column("number", String(80), nullable=False, default="", index=True),  # "6914/24"
    Column("date", Date, nullable=True),
    Column("language", String(8), nullable=False),
    Column("origin_file", Text, nullable=False, default=""),
    Column("content_hash", String(64), nullable=False, unique=True),
    # Sources with the same pair key and different languages are language versions of one text.
    Column("pair_key", String(200), nullable=False, default="", index=True),
    Column("added_at", DateTime, nullable=False),
    # "adopted" (a final, circulated text: agreed language) or "draft" (a working text).
    Column("status", String(12), nullable=False, default=ADOPTED, server_default=ADOPTED),
)

clauses = Table(
    "clauses",
    metadata,
    Column("num", Integer, primary_key=True, autoincrement=True),  # FTS rowid on SQLite
    Column("clause_id", String(16), nullable=False, unique=True),  # stable across libraries
    Column("key_hash", String(64), nullable=False, unique=True),
    Column("text", Text, nullable=False),
    Column("folded", Text, nullable=False),   # accent/case folded: the portable search path
    Column("language", String(8), nullable=False, index=True),
    Column("kind", String(20), nullable=False, default="paragraph"),
)

provenances = Table(
    "provenances",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("clause_num", Integer, ForeignKey("clauses.num"), nullable=False, index=True),
    Column("source_id", Integer, ForeignKey("sources.id"), nullable=False, index=True),
    Column("position", Integer, nullable=False),         # block index in the source
    Column("ordinal", Integer, nullable=False, default=0),  # index among the source's clauses
    Column("paragraph", String(40), nullable=False, default=""),  # its own number, if any
    Column("context", Text, nullable=False, default=""),  # lead-in of a list item
    Column("footnotes", Text, nullable=False, default="[]"),  # JSON list of footnote texts
    # Where it sits when the source prints no number: "preamble:3", "operative:5", "item:2".
    Column("place", String(40), nullable=False, default="", server_default=""),
    UniqueConstraint("source_id", "position", name="one_clause_per_position"),
)

#: Winnowed word shingles of every clause (see `app.library.shingles`): the precedent finder's
#: index of shared passages, the same on every database. The primary key is its index.
shingles = Table(
    "shingles",
    metadata,
    Column("hash", BigInteger, primary_key=True, autoincrement=False),
    Column("clause_num", Integer, ForeignKey("clauses.num"), primary_key=True, autoincrement=False),
    sqlite_with_rowid=False,
)

#: How many clauses store each run hash, and hold each term of the word index: exact,
#: kept in the adding transaction (see `app.library.counts`).
shingle_counts = Table(
    "shingle_counts",
    metadata,
    Column("hash", BigInteger, primary_key=True, autoincrement=False),
    Column("n", Integer, nullable=False),
    sqlite_with_rowid=False,
)

term_counts = Table(
    "term_counts",
    metadata,
    Column("term", Text, primary_key=True),
    Column("n", Integer, nullable=False),
    sqlite_with_rowid=False,
)

#: The FTS5 side table, for joins (created with FTS_DDL, never by metadata.create_all).
#: The language is indexed too, so a language filter is part of the match (no per-row join).
FTS = table("clause_fts", column("rowid"), column("text"), column("language"))

FTS_DDL = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS clause_fts USING fts5("
    "text, language, content='clauses', content_rowid='num', "
    "tokenize='unicode61 remove_diacritics 2')"
)


class LibraryError(ConcordiaError):
    """A problem with the library a user can act on; `str()` is one clear sentence."""


def default_library_path() -> Path:
    """library.sqlite in the user's data folder (XDG on Linux, the platform's place elsewhere),
    beside the log."""
    return user_data_folder() / "library.sqlite"


def library_url(location: str | Path | None) -> str:
    """A SQLAlchemy URL from a URL, a file path, or nothing (the default library)."""
    if location is None or str(location) == "":
        location = default_library_path()
    location = str(location)
    if location.startswith(("postgresql://", "postgres://")):
        # psycopg 3, not SQLAlchemy's default psycopg2 (see pyproject.toml).
        return "postgresql+psycopg://" + location.split("://", 1)[1]
    if "://" in location:
        return location
    return "sqlite:///" + str(Path(location).expanduser().resolve())


def _sqlite_path(url: str) -> Path | None:
    if url.startswith("sqlite:///") and url != "sqlite:///:memory:" and "?" not in url:
        return Path(url[len("sqlite:///"):])
    return None


def connect(location: str | Path | None = None, timeout: float = 5.0) -> Engine:
    """An engine on an existing or new library, created and checked; raises LibraryError."""
    url = library_url(location)
    path = _sqlite_path(url)
    if path is not None:
        _check_sqlite_file(path)
    engine = create_engine(url, connect_args={"timeout": timeout} if path is not None else {})
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    try:
        _prepare(engine)
    except LibraryError:
        engine.dispose()
        raise
    except DBAPIError as error:
        engine.dispose()
        raise translate_error(error, url) from error
    return engine


def _check_sqlite_file(path: Path) -> None:
    if path.exists():
        if path.is_dir():
            raise LibraryError(_("“{path}” is a folder, not a library.").format(path=path))
        with path.open("rb") as handle:
            header = handle.read(16)
        if header and header != b"SQLite format 3\x00":
            raise LibraryError(_("“{path}” is not a Concordia library.").format(path=path))
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise LibraryError(
            _("Cannot create the library in “{folder}”: {reason}.").format(
                folder=path.parent, reason=error.strerror or error
            )
        ) from error


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
    finally:
        cursor.close()


def _prepare(engine: Engine) -> None:
    """Create the tables of a new library, migrate an older one, or check a newer one's version.

    Creation and migration run in one transaction; on PostgreSQL under an advisory lock, so
    several programs opening a new team library at once create it once."""
    from .migrate import create, migrate

    with engine.connect() as connection:
        found = _version(connection)
    if found == SCHEMA_VERSION:
        return
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(71503018)"))
        elif engine.dialect.name == "sqlite" and found is None:
            connection.execute(text("PRAGMA journal_mode=WAL"))
        found = _version(connection)
        if found is None:
            if engine.dialect.has_table(connection, "sources"):
                raise LibraryError(_("This database is not a Concordia library."))
            create(connection)
        elif found < SCHEMA_VERSION:
            migrate(connection, found)


def _version(connection) -> int | None:
    """The library's schema version, None for a database without one; raises LibraryError for
    a library written by a newer Concordia."""
    if not connection.dialect.has_table(connection, "schema_version"):
        return None
    found = connection.execute(select(schema_version.c.version)).scalar() or 0
    if found > SCHEMA_VERSION:
        raise LibraryError(
            _(
                "This library was written by a newer Concordia (schema {found}; this one "
                "reads up to {supported}). Update Concordia to use it."
            ).format(found=found, supported=SCHEMA_VERSION)
        )
    return found


def has_fts(engine: Engine) -> bool:
    """Whether the database's own full-text index is there: FTS5 on SQLite, the tsvector
    column on PostgreSQL."""
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            return engine.dialect.has_table(connection, "clause_fts")
        if engine.dialect.name == "postgresql":
            from .pg import has_tsvector

            return has_tsvector(connection)
    return False


def translate_error(error: Exception, where: str = "") -> LibraryError:
    """One clear sentence for the database errors a user can meet."""
    message = str(getattr(error, "orig", error)).lower()
    if "locked" in message or "busy" in message:
        return LibraryError(
            _("The library is busy: another Concordia is writing to it. Try again in a moment.")
        )
    if "readonly" in message or "read-only" in message or "permission" in message:
        return LibraryError(
            _("The library is read-only: you can search it but not add documents to it.")
        )
    if "unable to open" in message:
        return LibraryError(_("The library cannot be opened: {where}.").format(where=where))
    if "not a database" in message or "malformed" in message:
        return LibraryError(_("The library file is damaged or not a Concordia library."))
    if isinstance(error, OperationalError):
        return LibraryError(_("The library cannot be used: {reason}.").format(reason=message[:200]))
    return LibraryError(_("The library reported an error: {reason}.").format(reason=message[:200]))
