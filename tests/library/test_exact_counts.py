"""Exact clause counts of runs and words, kept on add and made by the migration, and the
precedent finder weighing by them (SQLite and PostgreSQL alike; issue 18).

At 300 000 clauses the counts used to be capped (a word's clauses counted up to 8 001, a run's
up to 1 000 and then ignored), so a clause quoted whole, made of common wording, weighed no more
than its one rare run and lost its place to clauses sharing the paragraph's rarer words. The
scale is simulated here by a small reading budget (`RUN_POSTINGS`): the common runs are not read,
yet they must still count in the quoted clause's score.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import text

from app.library import Library, precedents
from app.library.counts import recount
from app.library.db import SCHEMA_VERSION
from app.library.ingest import add_draft
from app.library.normalise import words
from app.library.readers import SourceFacts
from app.model import Block, BlockKind, Draft, NoteMeta, TextRun

from .conftest import LAPAZ_SEED, UDHR_EN, UDHR_ES


def stored(library: Library) -> tuple[dict, dict]:
    with library.engine.connect() as connection:
        runs = dict(connection.execute(text("SELECT hash, n FROM shingle_counts")).all())
        terms = dict(connection.execute(text("SELECT term, n FROM term_counts")).all())
    return runs, terms


def recounted(library: Library) -> tuple[dict, dict]:
    with library.engine.connect() as connection:
        return recount(connection)


def add_texts(library: Library, number: str, texts: list[str]) -> None:
    draft = Draft(note=NoteMeta(number=number, date=date(2024, 3, 1)),
                  blocks=[Block(BlockKind.NUMBERED, [TextRun(t)]) for t in texts], language="en")
    facts = SourceFacts(f"Declaration {number}", number, date(2024, 3, 1), "en", "")
    outcome = add_draft(library.engine, draft, facts, f"generated/{number}")
    assert outcome.clauses == len(texts), outcome


def test_counts_are_exact_after_adds_and_a_shared_clause_counts_once(library: Library):
    library.add([LAPAZ_SEED, UDHR_EN])
    assert stored(library) == recounted(library)
    assert sum(stored(library)[0].values()) > 500
    before = stored(library)
    library.add([LAPAZ_SEED])                       # unchanged: nothing counted twice
    assert stored(library) == before
    shared = "WE AGREE to hold the meeting of the Zorvath working party in Quortel every year."
    add_texts(library, "1/24", [shared, "WE NOTE the report of the Quortel meeting on precursors."])
    add_texts(library, "2/24", [shared, "WE NOTE the report of the Lima meeting on precursors."])
    runs, terms = stored(library)
    assert (runs, terms) == recounted(library)
    assert terms["quortel"] == 2 and terms["zorvath"] == 1


def test_a_version_2_library_is_migrated_and_finds_its_precedents(library_url: str):
    quote = ("We recognise the significant challenge and the efforts made in the fight against "
             "international criminal groups, especially those involved in illicit drugs "
             "production and trafficking")
    with Library(library_url) as library:
        library.add([LAPAZ_SEED, UDHR_EN])
        expected = stored(library)
        with library.engine.begin() as connection:   # back to what version 2 had
            connection.execute(text("DROP TABLE shingle_counts"))
            connection.execute(text("DROP TABLE term_counts"))
            connection.execute(text("UPDATE schema_version SET version = 2"))
    with Library(library_url) as library:
        with library.engine.connect() as connection:
            assert connection.execute(text("SELECT version FROM schema_version")).scalar_one() \
                == SCHEMA_VERSION
        assert stored(library) == expected
        best = library.precedents(f"WE NOTE that the Council stated: “{quote}”, and we agree.")[0]
        assert best.shared_words == 25
        library.add([UDHR_ES])   # and keeps them exact
        assert stored(library) == recounted(library)


COMMON = ("the principle of common and shared responsibility and an integrated, balanced, "
          "multidisciplinary and evidence-based approach to the world drug problem with full "
          "respect for human rights")
WRAPPER = ("the declaration adopted by the ministers of the bi-regional mechanism at their meeting "
           "in Sofia states that")
TAIL = ("and we call for its swift and full implementation by all parties, with the support of "
        "the Commission, the Member States and the partner countries of the region")


def test_a_quoted_clause_of_common_wording_comes_first(library: Library, monkeypatch):
    """150 clauses share the long common wording; 60 others share the paragraph's own, rarer
    words around the quote; 800 more make the library big enough for the weights to matter."""
    filler = [f"Filler clause {n} on topic {n % 37} and on the matter numbered {n % 53} of the agenda."
              for n in range(800)]
    common = [f"WE REAFFIRM our commitment to {COMMON}, following meeting {1000 + n}, session "
              f"{3000 + n}, item {5000 + n}, annex {7000 + n} of the group." for n in range(150)]
    decoys = [f"As {WRAPPER} the parties will meet again, session {2000 + n}, {TAIL}." for n in range(60)]
    for index, part in enumerate((filler, common, decoys)):
        add_texts(library, f"{10 + index}/24", part)
    target = common[77]
    paragraph = f'WE NOTE that {WRAPPER} "{target.rstrip(".")}", {TAIL}.'
    monkeypatch.setattr(precedents, "RUN_POSTINGS", 120)   # the common runs are not read
    monkeypatch.setattr(precedents, "COMMON_RUN", 100, raising=False)   # (what the old code had)
    with library.engine.connect() as connection:
        candidates = precedents._shingle_candidates(connection, paragraph, None, 15)
    assert candidates[0].text == target
    best = library.precedents(paragraph)[0]
    assert best.hit.text == target and best.shared_words == len(words(target))


def test_a_paraphrase_among_near_copies_finds_its_own_clause(library: Library, monkeypatch):
    """A near copy of the clause (0.8 alike) must not end the search before the clause itself."""
    clauses = [f"WE REAFFIRM our commitment to {COMMON}, following meeting {1000 + n} of the group."
               for n in range(150)]
    add_texts(library, "20/24", clauses)
    target = clauses[42]
    changed = target.replace("integrated", "joint").replace("evidence-based", "effective")
    monkeypatch.setattr(precedents, "RUN_POSTINGS", 60)
    best = library.precedents(changed)[0]
    assert best.hit.text == target and best.changed_words == 3
