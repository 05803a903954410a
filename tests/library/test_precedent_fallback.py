"""When the shingle index finds nothing close, the word index finds the precedent, on SQLite
and on PostgreSQL alike (issue 18: the library works the same on both).

The library is built to defeat the shingle index: 1 100 near-identical clauses, so every run of
words in their shared wording is held by all of them and tells none apart, each told apart only
by four reference numbers. The rewording changes the word on either side of each of its numbers,
so no run of the clause's words around a number survives either: only the rare words themselves
can find it.
"""

from __future__ import annotations

from datetime import date

import pytest

from app.library import Library, precedents
from app.library.ingest import add_draft
from app.library.rare_words import choose_rarest
from app.library.readers import SourceFacts
from app.model import Block, BlockKind, Draft, NoteMeta, TextRun

COPIES = 1100
TARGET = 517


ORIGINAL = [("to", "cooperation"), ("the", "and"), ("in", "with"), ("of", "by")]
CHANGED = [("for", "partnership"), ("our", "we"), ("on", "in"), ("under", "through")]


def near_duplicate(index: int, around: list[tuple[str, str]] = ORIGINAL) -> str:
    """The shared wording with four reference numbers, each between the words `around` it."""
    refs = [f"{before} {10000 * (n + 1) + index} {after}" for n, (before, after) in enumerate(around)]
    return (
        f"WE REAFFIRM our shared commitment {refs[0]} in countering the world drug problem, "
        f"{refs[1]} underline the importance of responding to regional challenges {refs[2]} "
        f"full respect for international law and the principle {refs[3]} common and shared "
        f"responsibility."
    )


def rewording(index: int) -> str:
    return near_duplicate(index, CHANGED)


@pytest.fixture
def crowded(library: Library) -> Library:
    for part in range(2):
        texts = [near_duplicate(index) for index in range(part * COPIES // 2, (part + 1) * COPIES // 2)]
        draft = Draft(note=NoteMeta(number=f"{9000 + part}/24", date=date(2024, 3, 1)),
                      blocks=[Block(BlockKind.NUMBERED, [TextRun(t)]) for t in texts],
                      language="en")
        facts = SourceFacts(f"Declaration {part}", f"{9000 + part}/24", date(2024, 3, 1), "en", "")
        outcome = add_draft(library.engine, draft, facts, f"generated/{part}")
        assert outcome.clauses == len(texts), outcome
    return library


def test_the_shingle_sample_alone_misses_the_rewording(crowded: Library, monkeypatch):
    monkeypatch.setattr(precedents, "_fts_candidates", lambda *args: [])
    monkeypatch.setattr(precedents, "_pg_word_candidates", lambda *args: [])
    found = crowded.precedents(rewording(TARGET))
    assert not found or found[0].hit.text != near_duplicate(TARGET)


def test_rewording_finds_its_precedent_first_through_the_word_index(crowded: Library):
    for index in (TARGET, 3, COPIES - 1):
        found = crowded.precedents(rewording(index))
        assert found, index
        assert found[0].hit.text == near_duplicate(index)
        assert found[0].is_rewording
        assert found[0].changed_words == 8


def test_words_are_weighed_by_their_exact_clause_counts(crowded: Library):
    """Each word's count is the number of clauses holding it, however common (the counts were
    capped, and at 300 000 clauses every common word weighed the same)."""
    from app.library.counts import paragraph_terms, term_counts_of

    with crowded.engine.connect() as connection:
        counts = term_counts_of(connection, paragraph_terms(connection, rewording(TARGET), "en"))
    assert counts["drug"] == COPIES   # the stem on PostgreSQL, the word on SQLite
    assert counts[str(10000 + TARGET)] == 1
    chosen = choose_rarest(counts, list(counts))
    assert set(chosen[:4]) == {str(10000 * (n + 1) + TARGET) for n in range(4)}
    assert crowded.precedents(rewording(TARGET))[0].hit.text == near_duplicate(TARGET)


def test_language_filter_keeps_the_word_index_fallback(crowded: Library):
    assert crowded.precedents(rewording(TARGET), language="en")[0].hit.text == near_duplicate(TARGET)
    assert crowded.precedents(rewording(TARGET), language="es") == []


def test_common_word_search_ranks_a_bounded_pool_best_first(crowded: Library, monkeypatch):
    from app.library import pg

    monkeypatch.setattr(pg, "RANK_POOL", 100)   # fewer than the 1 100 clauses holding "drug"
    hits = crowded.search("drug", limit=20)
    assert len(hits) == 20
    assert all("drug" in hit.text for hit in hits)
    scores = [hit.score for hit in hits]
    assert scores == sorted(scores, reverse=True)
    # A specific query is ranked whole: its one clause is found, whatever the pool.
    only = crowded.search(f"{20000 + TARGET} drug")
    assert [hit.text for hit in only] == [near_duplicate(TARGET)]


# -- PostgreSQL's word candidates when every word of the paragraph is common -------------------

COMMON = ["fisheries", "quota", "vessel", "harbour"]
CROWD = 70_000


def test_postgresql_word_candidates_see_past_the_first_postings_of_common_words(pg_server):
    """Every word of the paragraph is held by 35 000 clauses, and only the newest clause holds
    all four. Reading a capped number of each word's postings (in table order) never reached
    it; asking the index for the clauses holding most of the words does."""
    from itertools import combinations

    from sqlalchemy import text

    from app.library.counts import fill

    with Library(pg_server.new_database()) as library:
        pairs = [" and ".join(pair) for pair in combinations(COMMON, 2)]
        with library.engine.begin() as connection:
            connection.execute(text(
                "INSERT INTO clauses (clause_id, key_hash, text, folded, language, kind) "
                "SELECT substr(md5(i::text), 1, 16), md5(i::text), t, lower(t), 'en', 'operative' "
                "FROM (SELECT i, 'Recall the ' || (CAST(:pairs AS text[]))[1 + i % 6] "
                "|| ' clause ' || i AS t FROM generate_series(1, :crowd) AS i) AS g"),
                {"pairs": pairs, "crowd": CROWD})
            connection.execute(text("DELETE FROM shingle_counts"))
            connection.execute(text("DELETE FROM term_counts"))
            fill(connection)
        target = "WE REAFFIRM the fisheries quota of every vessel in the harbour."
        draft = Draft(note=NoteMeta(number="77/26", date=date(2026, 1, 5)),
                      blocks=[Block(BlockKind.NUMBERED, [TextRun(target)])], language="en")
        add_draft(library.engine, draft, SourceFacts("Fisheries", "77/26", date(2026, 1, 5), "en", ""),
                  "fisheries.docx")
        with library.engine.connect() as connection:
            held = dict(connection.execute(text(
                "SELECT term, n FROM term_counts WHERE term = ANY(:t)"),
                {"t": ["fisheri", "quota", "vessel", "harbour"]}).all())
            assert min(held.values()) > 30_000, held     # more than the old cap of postings
            found = precedents._pg_word_candidates(
                connection, "Our fisheries quota for each vessel and harbour", "en", 5)
        assert found and found[0].text == target
