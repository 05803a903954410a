"""The clause library of agreed language: import, search, precedents, insertion with provenance.

`Library` is the handle the CLI and the window pass around; every module below works on its
SQLAlchemy engine, so a test, a benchmark or a server can use them directly.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.engine import Engine, make_url

from app.model import Block
from app.progress import Progress

from .db import (
    LibraryError,
    clauses,
    connect,
    default_library_path,
    library_url,
    provenances,
    sources,
)
from .ingest import AddReport, add_paths
from .insertion import ClauseInsertion, clause_block, clause_insertion, departure
from .precedents import Precedent, find_precedents
from .search import Hit, search


class Library:
    """An open clause library (a SQLite file by default, or any SQLAlchemy URL)."""

    def __init__(self, location: str | Path | None = None, timeout: float = 5.0) -> None:
        self.url = library_url(location)
        self.engine: Engine = connect(location, timeout)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    @property
    def location(self) -> str:
        """The file, or the URL without its password: safe to show."""
        if self.url.startswith("sqlite:///") and "?" not in self.url:
            return self.url[len("sqlite:///"):]
        from urllib.parse import unquote

        shown = unquote(make_url(self.url).render_as_string(hide_password=True))
        return shown.replace("postgresql+psycopg://", "postgresql://", 1)

    def add(self, paths: list[Path], progress: Progress | None = None,
            overrides: dict[str, str] | None = None) -> AddReport:
        return add_paths(self.engine, [Path(p) for p in paths], progress, overrides)

    def search(self, query: str, **options) -> list[Hit]:
        return search(self.engine, query, **options)

    def precedents(self, paragraph: str, **options) -> list[Precedent]:
        return find_precedents(self.engine, paragraph, **options)

    def insertion(self, clause_id: str, language: str = "en") -> ClauseInsertion:
        return clause_insertion(self.engine, clause_id, language)

    def block(self, clause_id: str, language: str = "en") -> Block:
        return clause_block(self.engine, clause_id, language)

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as connection:
            return {
                "sources": connection.execute(select(func.count()).select_from(sources)).scalar_one(),
                "clauses": connection.execute(select(func.count()).select_from(clauses)).scalar_one(),
                "provenances": connection.execute(
                    select(func.count()).select_from(provenances)).scalar_one(),
            }


__all__ = [
    "AddReport", "ClauseInsertion", "Hit", "Library", "LibraryError", "Precedent",
    "clause_block", "clause_insertion", "default_library_path", "departure",
]
