"""Exact document counts: how many clauses hold each word and each stored run of words.

The precedent finder weighs the evidence a clause shares with a paragraph by rarity (a run or
word held by few clauses says more than one held by a third of the library). Counting a word's
clauses through the index at search time costs as much as reading them, so the counts were
capped, and at a few hundred thousand clauses every common word looked equally rare. These two
tables keep the exact counts instead, updated in the transaction that adds the clauses, with
an atomic upsert (`n = n + excluded.n`), so several programs adding at once keep them exact:

- `shingle_counts`: per stored run hash (`app.library.shingles`), the clauses storing it;
- `term_counts`: per term of the database's word index, the clauses holding it: on SQLite the
  folded word (what FTS5's unicode61 tokenizer keeps), on PostgreSQL the tsvector lexeme
  (stemmed in the clause's language), so a count is the count of what the index looks up.

Rows go in sorted, so two adding transactions take the row locks in the same order.
"""

from __future__ import annotations

from collections import Counter

from sqlalchemy import select, text
from sqlalchemy.engine import Connection

from .db import clauses, shingle_counts, term_counts
from .normalise import guess_language, words
from .shingles import fingerprints

_UPSERT = ("INSERT INTO {table} ({key}, n) VALUES ({mark}, {mark}) "
           "ON CONFLICT ({key}) DO UPDATE SET n = {table}.n + excluded.n")


def add_counts(connection: Connection, rows: list[tuple[int, str]],
               stored: list[tuple[int, int]] | None = None) -> None:
    """Count the clauses just inserted ((number, text) pairs), in the same transaction;
    `stored`: their (hash, number) shingle rows, if known."""
    if not rows:
        return
    runs: Counter = Counter()
    if stored is not None:
        runs.update(value for value, _num in stored)
    else:
        for _num, body in rows:
            runs.update(fingerprints(body))
    _upsert(connection, "shingle_counts", "hash", runs)
    if connection.dialect.name == "postgresql":
        # The lexemes of the stored tsvector column: exactly what the GIN index holds.
        connection.execute(text(
            "INSERT INTO term_counts (term, n) SELECT lexeme, count(*) FROM clauses, "
            "unnest(tsvector_to_array(tsv)) AS lexeme WHERE num = ANY(:nums) "
            "GROUP BY lexeme ORDER BY lexeme "
            "ON CONFLICT (term) DO UPDATE SET n = term_counts.n + excluded.n"),
            {"nums": [num for num, _body in rows]})
    else:
        terms: Counter = Counter()
        for _num, body in rows:
            terms.update(set(words(body)))
        _upsert(connection, "term_counts", "term", terms)


def _upsert(connection: Connection, table: str, key: str, counts: Counter) -> None:
    if not counts:
        return
    ordered = sorted(counts.items())
    if connection.dialect.name == "postgresql":
        cast = "bigint" if key == "hash" else "text"
        connection.execute(text(
            f"INSERT INTO {table} ({key}, n) SELECT * FROM unnest(CAST(:keys AS {cast}[]), "
            f"CAST(:ns AS integer[])) ON CONFLICT ({key}) DO UPDATE SET n = {table}.n + excluded.n"),
            {"keys": [item for item, _n in ordered], "ns": [n for _item, n in ordered]})
        return
    mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    statement = _UPSERT.format(table=table, key=key, mark=mark)
    for start in range(0, len(ordered), 5000):
        connection.exec_driver_sql(statement, ordered[start:start + 5000])


def recount(connection: Connection) -> tuple[dict[int, int], dict[str, int]]:
    """(run hash → clauses, term → clauses) counted afresh from the clauses and their index:
    what the tables must hold (for a migration, and for checking them)."""
    runs = {row[0]: int(row[1]) for row in connection.execute(text(
        "SELECT hash, count(*) FROM shingles GROUP BY hash"))}
    if connection.dialect.name == "postgresql":
        terms = {row[0]: int(row[1]) for row in connection.execute(text(
            "SELECT lexeme, count(*) FROM clauses, unnest(tsvector_to_array(tsv)) AS lexeme "
            "GROUP BY lexeme"))}
    else:
        counter: Counter = Counter()
        for body in connection.execute(select(clauses.c.text)).scalars():
            counter.update(set(words(body)))
        terms = dict(counter)
    return runs, terms


def fill(connection: Connection) -> None:
    """Create and fill both tables from what the library holds (migrating to schema 3)."""
    shingle_counts.create(connection, checkfirst=True)
    term_counts.create(connection, checkfirst=True)
    runs, terms = recount(connection)
    _upsert(connection, "shingle_counts", "hash", Counter(runs))
    _upsert(connection, "term_counts", "term", Counter(terms))


def run_counts(connection: Connection, hashes: list[int]) -> dict[int, int]:
    """Clauses storing each of these run hashes (a hash no clause stores is left out)."""
    found: dict[int, int] = {}
    for start in range(0, len(hashes), 500):
        chunk = hashes[start:start + 500]
        found.update(connection.execute(
            select(shingle_counts.c.hash, shingle_counts.c.n)
            .where(shingle_counts.c.hash.in_(chunk))).all())
    return found


def paragraph_terms(connection: Connection, paragraph: str, language: str | None) -> list[str]:
    """The paragraph's terms as the word index holds them: folded words on SQLite; on
    PostgreSQL the lexemes in ONE language (`language`, else the one its function words say:
    Spanish stems of an English text look rare only because no English clause holds them)."""
    if connection.dialect.name != "postgresql":
        return list(dict.fromkeys(words(paragraph)))
    config = "spanish" if (language or guess_language(paragraph)) == "es" else "english"
    return sorted(set(connection.execute(text(
        f"SELECT unnest(tsvector_to_array(to_tsvector('{config}', concordia_unaccent(:p))))"),
        {"p": paragraph}).scalars()))


def term_counts_of(connection: Connection, terms: list[str]) -> dict[str, int]:
    """Clauses holding each term (a term no clause holds is left out)."""
    found: dict[str, int] = {}
    for start in range(0, len(terms), 500):
        chunk = terms[start:start + 500]
        found.update(connection.execute(
            select(term_counts.c.term, term_counts.c.n).where(term_counts.c.term.in_(chunk))).all())
    return found
