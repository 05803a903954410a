"""Precedent finder: the library clauses closest to a paragraph, with a word diff against each.

Candidates come from the index (on SQLite: an OR query of the paragraph's rarest words, ranked
by bm25, so common words like "cooperation" do not flood it); each candidate is then compared
word by word with `app.compare.words`, and the best by similarity are returned. The diff runs
from the agreed text to the paragraph: deletions are agreed words the paragraph dropped,
insertions are its own words.
"""

from __future__ import annotations

import weakref
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import or_, select, text
from sqlalchemy.engine import Engine

from app.compare.words import DELETE, EQUAL, INSERT, tokenize, word_diff
from app.i18n import _, ngettext

from .db import FTS, clauses
from .normalise import words
from .search import BM25, Hit, Term, attach_provenance, fts_query, uses_fts

#: At most this many of the paragraph's rarest words go into the candidate query, and at
#: least MIN_QUERY_WORDS; beyond those, only while their clauses add up to POSTINGS_BUDGET.
QUERY_WORDS = 8
MIN_QUERY_WORDS = 4
POSTINGS_BUDGET = 8000
STOPWORDS = set(
    "the of and to in that for with on by is are as be this which all our we its their from at an "
    "a or it has have been was were will shall such other including into between both these "
    "el la los las de del y que en por para con una un se su sus al es lo como nuestra nuestro "
    "sobre entre ha han todos todas".split()
)


@dataclass
class Precedent:
    hit: Hit
    similarity: float
    diff: list[tuple[int, str]] = field(default_factory=list)

    @property
    def changed_words(self) -> int:
        """Words the paragraph added or dropped against the agreed text."""
        def count(op: int) -> int:
            return sum(
                sum(1 for token in tokenize(part) if token[0].isalnum())
                for kind, part in self.diff
                if kind == op
            )

        # A replaced word is one change, not a deletion plus an insertion.
        return max(count(DELETE), count(INSERT))

    def summary(self) -> str:
        where = self.hit.sources[0].label if self.hit.sources else self.hit.clause_id
        if self.changed_words == 0:
            return _("agreed language from {where}").format(where=where)
        return ngettext("agreed language from {where} except for {count} word",
                        "agreed language from {where} except for {count} words",
                        self.changed_words).format(where=where, count=self.changed_words)

    def to_json(self) -> dict:
        data = self.hit.to_json()
        data["similarity"] = round(self.similarity, 4)
        data["diff"] = [[op, part] for op, part in self.diff]
        data["summary"] = self.summary()
        return data


def find_precedents(
    engine: Engine,
    paragraph: str,
    *,
    language: str | None = None,
    limit: int = 5,
    candidates: int = 15,
    minimum: float = 0.5,
    use_fts: bool | None = None,
) -> list[Precedent]:
    distinct = list(dict.fromkeys(
        w for w in words(paragraph) if (len(w) > 2 or w.isdigit()) and w not in STOPWORDS))
    if not distinct:
        return []
    if use_fts is None:
        use_fts = uses_fts(engine)
    with engine.connect() as connection:
        if use_fts:
            chosen = _rarest(connection, distinct)
            hits = _fts_candidates(connection, chosen, language, candidates)
        else:
            hits = _portable_candidates(connection, distinct, language, candidates)
        results = _best_by_similarity(hits, paragraph, limit, minimum)
        attach_provenance(connection, [item.hit for item in results])
    return results


def _best_by_similarity(hits: list[Hit], paragraph: str, limit: int, minimum: float) -> list[Precedent]:
    """The `limit` most similar candidates, exactly, without diffing them all.

    Shared tokens counted as multisets bound the word-diff similarity from above (a diff's
    equal tokens are a common subsequence), so candidates are diffed best bound first and the
    search stops once no remaining bound can beat the results in hand.
    """
    mine = Counter(tokenize(paragraph))
    size = sum(mine.values())
    bounded = []
    for hit in hits:
        theirs = Counter(tokenize(hit.text))
        shared = sum((mine & theirs).values())
        bounded.append((shared / max(size, sum(theirs.values()), 1), hit))
    bounded.sort(key=lambda pair: -pair[0])
    results: list[Precedent] = []
    for bound, hit in bounded:
        if bound < minimum:
            break
        if len(results) >= limit and bound <= results[-1].similarity:
            break
        diff = word_diff(hit.text, paragraph)
        same = sum(len(tokenize(part)) for op, part in diff if op == EQUAL)
        score = same / max(size, sum(Counter(tokenize(hit.text)).values()), 1)  # = similarity()
        if score >= minimum:
            results.append(Precedent(hit, score, diff))
            results.sort(key=lambda item: -item.similarity)
            del results[limit:]
    return results


def _rarest(connection, candidates: list[str]) -> list[str]:
    """The paragraph's rarest words, as many as keep the candidate query cheap.

    Words are taken rarest first while their clauses add up to POSTINGS_BUDGET (at least
    MIN_QUERY_WORDS of them): rare words find the precedent, common ones only cost time.
    """
    counts = _document_counts(connection)
    known = sorted((word for word in candidates if counts.get(word)), key=lambda w: counts[w])
    chosen: list[str] = []
    budget = POSTINGS_BUDGET
    for word in known[:QUERY_WORDS]:
        if len(chosen) >= MIN_QUERY_WORDS and counts[word] > budget:
            break
        chosen.append(word)
        budget -= counts[word]
    return chosen or candidates[:MIN_QUERY_WORDS]


#: engine → (library generation, {term: number of clauses holding it})
_counts_cache: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _document_counts(connection) -> dict[str, int]:
    """Clauses per indexed term, read once per library change (one pass over the index)."""
    generation = connection.execute(text("SELECT max(id), count(*) FROM sources")).one()
    cached = _counts_cache.get(connection.engine)
    if cached and cached[0] == tuple(generation):
        return cached[1]
    connection.execute(text(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.clause_vocab USING fts5vocab(main, clause_fts, 'row')"))
    counts = {row.term: row.doc for row in connection.execute(text("SELECT term, doc FROM clause_vocab"))}
    _counts_cache[connection.engine] = (tuple(generation), counts)
    return counts


def _fts_candidates(connection, chosen: list[str], language: str | None, limit: int) -> list[Hit]:
    match = fts_query([Term([word]) for word in chosen], operator="OR", language=language)
    rows = connection.execute(
        select(clauses.c.num, clauses.c.clause_id, clauses.c.text, clauses.c.language,
               clauses.c.kind, text(f"{BM25} AS score"))
        .select_from(FTS.join(clauses, clauses.c.num == FTS.c.rowid))
        .where(text("clause_fts MATCH :match"))
        .order_by(text("score"))
        .limit(limit),
        {"match": match},
    ).all()
    return [Hit(r.clause_id, r.text, -float(r.score), r.text, r.language, r.kind, num=r.num)
            for r in rows]


def _portable_candidates(connection, distinct: list[str], language: str | None, limit: int) -> list[Hit]:
    longest = sorted(distinct, key=len, reverse=True)[:QUERY_WORDS]
    statement = select(clauses.c.num, clauses.c.clause_id, clauses.c.text, clauses.c.folded,
                       clauses.c.language, clauses.c.kind).where(
        or_(*[clauses.c.folded.like(f"%{word}%") for word in longest])
    )
    if language:
        statement = statement.where(clauses.c.language == language)
    rows = connection.execute(statement.limit(2000)).all()
    ranked = sorted(rows, key=lambda r: -sum(1 for word in longest if word in r.folded))[:limit]
    return [Hit(r.clause_id, r.text, 0.0, r.text, r.language, r.kind, num=r.num) for r in ranked]


__all__ = ["DELETE", "EQUAL", "INSERT", "Precedent", "find_precedents"]
