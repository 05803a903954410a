"""Search: words, phrases, prefixes, accents and case, filters, snippets, both search paths."""

from __future__ import annotations

import pytest

from app.library import Library
from app.library.search import END, START, parse_query, snippet_html

from .conftest import UDHR_EN, UDHR_ES


@pytest.fixture
def bilingual(seeded: Library) -> Library:
    seeded.add([UDHR_EN, UDHR_ES])
    return seeded


def texts(hits) -> list[str]:
    return [hit.text for hit in hits]


@pytest.mark.parametrize("use_fts", [True, False], ids=["fts5", "portable"])
def test_accents_and_case_do_not_matter(bilingual: Library, use_fts: bool):
    accented = bilingual.search("Declaración", language="es", use_fts=use_fts)
    plain = bilingual.search("DECLARACION", language="es", use_fts=use_fts)
    assert accented and {h.clause_id for h in accented} == {h.clause_id for h in plain}
    assert all("declaración" in h.text.lower() for h in plain)
    intrinseca = bilingual.search("intrinseca", use_fts=use_fts)
    assert any("dignidad intrínseca" in t for t in texts(intrinseca))


@pytest.mark.parametrize("use_fts", [True, False], ids=["fts5", "portable"])
def test_exact_phrase_only_matches_the_words_in_order(bilingual: Library, use_fts: bool):
    phrase = bilingual.search('"common and shared responsibility"', use_fts=use_fts)
    assert phrase and all("common and shared responsibility" in t for t in texts(phrase))
    shuffled = bilingual.search('"shared and common responsibility"', use_fts=use_fts)
    assert shuffled == []
    # The same words unquoted match wherever they are.
    loose = bilingual.search("shared common responsibility", use_fts=use_fts)
    assert len(loose) >= len(phrase)


@pytest.mark.parametrize("use_fts", [True, False], ids=["fts5", "portable"])
def test_prefix_finds_every_ending(bilingual: Library, use_fts: bool):
    hits = bilingual.search("coop*", limit=200, use_fts=use_fts)
    words = {w.lower().strip(".,;:") for t in texts(hits) for w in t.split() if w.lower().startswith("coop")}
    assert {"cooperation", "cooperación"} <= words
    assert bilingual.search("coop", use_fts=use_fts) == []   # without * a prefix is no word


def test_results_are_ranked_and_carry_provenance(bilingual: Library):
    hits = bilingual.search("drug trafficking firearms")
    assert len(hits) >= 2
    scores = [hit.score for hit in hits]
    assert scores == sorted(scores, reverse=True)
    top = hits[0]
    assert all(word in top.text.lower() for word in ("drug", "trafficking", "firearms"))
    assert top.sources and top.sources[0].number in ("6914/24", "10245/23")
    assert START in top.snippet and END in top.snippet
    assert "<b>" in snippet_html(top.snippet)


def test_filters_by_language_source_and_year(bilingual: Library):
    assert all(h.language == "es" for h in bilingual.search("derechos", language="es"))
    assert bilingual.search("derechos", language="en") == []
    only_2023 = bilingual.search("cooperation", year=2023, limit=50)
    assert only_2023 and all(any(s.date and s.date.year == 2023 for s in h.sources) for h in only_2023)
    by_number = bilingual.search("cooperation", source="6914/24", limit=50)
    assert by_number and all(any(s.number == "6914/24" for s in h.sources) for h in by_number)
    by_title = bilingual.search("dignity", source="universal declaration")
    assert by_title and all("Universal" in h.sources[0].title for h in by_title)


def test_both_search_paths_find_the_same_clauses(bilingual: Library):
    for query in ("money laundering", '"human rights"', "psycho*", "libertad"):
        fts = {h.clause_id for h in bilingual.search(query, limit=500)}
        portable = {h.clause_id for h in bilingual.search(query, limit=500, use_fts=False)}
        assert fts == portable, query


def test_query_syntax_never_breaks_the_search(bilingual: Library):
    for query in ('"unclosed', "AND OR NOT", "col:umn", "(((", "*", "NEAR(a b)", "-", "'"):
        bilingual.search(query)   # no exception, whatever the result
    assert parse_query("  ") == []


def test_typed_filters_are_taken_out_of_the_query():
    from app.library.search import split_filters

    assert split_filters('coop* year:2023 source:"La Paz" lang:ES') == (
        "coop*", {"year": 2023, "source": "La Paz", "language": "es"})
    assert split_filters("year:soon drugs") == ("year:soon drugs", {})
