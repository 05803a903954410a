"""PostgreSQL specifics: the full-text column, its index, and searching with it.

Each clause gets a stored `tsv` column: its text without accents (`unaccent`, through an
IMMUTABLE wrapper so a generated column may use it) as an English or Spanish `tsvector`
(stemmed, stopwords dropped), by the clause's language, with a GIN index. A query is turned
into a `tsquery` in the same configuration: words must all match, a "phrase" in order
(`<->`), and coop* as a prefix. `pg_trgm` is installed too for the benchmark's comparison
of trigram similarity with the shingle index (see benchmarks/bench_library_scale.py).
"""

from __future__ import annotations

import math

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from app.i18n import _

from .db import LibraryError

CONFIG = "CASE language WHEN 'es' THEN 'spanish'::regconfig ELSE 'english'::regconfig END"

_EXTRAS = (
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    # unaccent() is only STABLE (its dictionary could change); naming the dictionary makes the
    # result fixed, which a generated column requires.
    "CREATE OR REPLACE FUNCTION concordia_unaccent(text) RETURNS text "
    "LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT "
    "AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$",
    f"ALTER TABLE clauses ADD COLUMN IF NOT EXISTS tsv tsvector "
    f"GENERATED ALWAYS AS (to_tsvector({CONFIG}, concordia_unaccent(text))) STORED",
    "CREATE INDEX IF NOT EXISTS clauses_tsv ON clauses USING gin (tsv)",
)


def create_extras(connection: Connection) -> None:
    """The extensions, the tsvector column and its index (in the creating transaction)."""
    for statement in _EXTRAS:
        try:
            with connection.begin_nested():
                connection.execute(text(statement))
        except DBAPIError as error:
            raise LibraryError(_(
                "The PostgreSQL database lacks the unaccent and pg_trgm extensions and this user "
                "may not create them: ask its administrator to run CREATE EXTENSION unaccent; "
                "CREATE EXTENSION pg_trgm; in it ({reason})."
            ).format(reason=str(getattr(error, "orig", error)).splitlines()[0][:120])) from error


def has_tsvector(connection: Connection) -> bool:
    return bool(connection.execute(text(
        "SELECT 1 FROM information_schema.columns WHERE table_name = 'clauses' "
        "AND column_name = 'tsv' AND table_schema = current_schema()")).first())


def tsquery_text(terms) -> str:
    """to_tsquery() input: every word quoted, a phrase joined by <->, a prefix marked :*."""
    parts = []
    for term in terms:
        quoted = ["'" + word.replace("'", "") + "'" for word in term.words]
        if term.prefix:
            quoted[-1] += ":*"
        parts.append("(" + " <-> ".join(quoted) + ")")
    return " & ".join(parts)


def ranked(connection: Connection, terms, language: str | None, filters: list, limit: int):
    """(clause number, rank) of the best matches, best first."""
    from sqlalchemy import and_, bindparam, func, literal_column, or_, select

    from .db import clauses

    languages = [language] if language else ["en", "es"]
    conditions = []
    for code in languages:
        config = "spanish" if code == "es" else "english"
        query = f"to_tsquery('{config}', concordia_unaccent(:query))"
        same = clauses.c.language == "es" if code == "es" else clauses.c.language != "es"
        conditions.append(and_(same, text(f"tsv @@ {query}")))
    # Ranking reads every match's tsvector: for a word in a third of a million clauses, the
    # whole table. Only the first RANK_POOL matches (the GIN index's, in table order) are
    # ranked; a query matching fewer, as any specific one does, is ranked whole.
    pool = (
        select(clauses.c.num, clauses.c.language, literal_column("clauses.tsv").label("tsv"))
        .where(or_(*conditions), *filters)
        .limit(RANK_POOL)
        .subquery("pool")
    )
    rank = func.ts_rank_cd(pool.c.tsv, func.to_tsquery(
        literal_column(CONFIG.replace("language", "pool.language")),
        func.concordia_unaccent(bindparam("query"))), 1)
    statement = (
        select(pool.c.num, rank.label("score"))
        .order_by(text("score DESC"), pool.c.num.desc())
        .limit(limit)
    )
    return connection.execute(statement, {"query": tsquery_text(terms)}).all()


#: At most this many matches of a search are ranked (see `ranked`).
RANK_POOL = 5000
def word_candidates(connection: Connection, chosen: dict[str, int], language: str | None,
                    total: float, limit: int) -> list[tuple[int, float]]:
    """(clause number, weight) of the clauses holding the most of the `chosen` words (word →
    clauses holding it), each word weighing log(total / its clauses): PostgreSQL's answer to
    SQLite's bm25-ranked query. The GIN index finds the clauses holding enough of the words
    (`app.library.rare_words.groups_to_match`), and only those are scored."""
    if not chosen:
        return []
    from .rare_words import groups_to_match

    total = max(total, 1.0)
    lexemes = list(chosen)
    any_group = " | ".join("(" + " & ".join(_quoted(word) for word in group) + ")"
                           for group in groups_to_match(lexemes, chosen, total))
    score = " + ".join(f"CASE WHEN tsv @@ CAST(:w{index} AS tsquery) THEN :n{index} ELSE 0 END"
                       for index in range(len(lexemes)))
    parameters: dict = {"query": any_group, "language": language, "limit": limit}
    for index, word in enumerate(lexemes):
        parameters[f"w{index}"] = _quoted(word)
        parameters[f"n{index}"] = math.log(total / max(chosen[word], 1))
    same = "AND language = :language " if language else ""
    rows = connection.execute(text(
        f"SELECT num, {score} AS n FROM clauses WHERE tsv @@ CAST(:query AS tsquery) {same}"
        "ORDER BY n DESC, num DESC LIMIT :limit"), parameters).all()
    return [(row.num, float(row.n)) for row in rows]


def _quoted(lexeme: str) -> str:
    """One lexeme as to_tsquery input: quoted, so no character of it is read as an operator."""
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"
