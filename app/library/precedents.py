"""Precedent finder: the library clauses closest to a paragraph, with a word diff against each.

Two kinds of precedent count: a clause the paragraph rewords (most of the words the same:
`similarity`), and a clause that shares a long passage with it, quoted inside a longer sentence
or quoting the paragraph (`passages`: "33 words from EU–CELAC Summit Declaration 2023, para. 1").

Candidates come from the shingle index (`app.library.shingles`, on every database: clauses
sharing runs of words with the paragraph, scored on every run they share, each weighing its
inverse document frequency from the exact counts of `app.library.counts`) and, when those find
nothing close, from the clauses holding most of the paragraph's rarest words
(`app.library.rare_words`: the same rule on both databases) in the database's word index: FTS5
ranked by bm25 on SQLite, the tsvector GIN index on PostgreSQL (`app.library.pg.word_candidates`).
Each candidate is then compared word by word. The diff runs from the library's text to the
paragraph: deletions are its words the paragraph dropped, insertions the paragraph's own.

Only adopted sources are agreed language; a precedent from drafts alone says so. The open
draft's own file (and its language versions) is never its own precedent (`exclude_origin`).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import func, or_, select, text
from sqlalchemy.engine import Engine

from app.compare.words import DELETE, EQUAL, INSERT, tokenize, word_diff
from app.i18n import _, ngettext

from .db import ADOPTED, FTS, clauses, shingles
from .normalise import words
from .passages import MIN_RUN, Passage, shared_passages
from .rare_words import QUERY_WORDS, choose_rarest, groups_to_match
from .search import BM25, Hit, attach_provenance, fts_any_group, uses_fts
from .shingles import fingerprints, run_hashes

#: A clause sharing a passage this long is a precedent, however different the rest is.
PASSAGE_WORDS = 10
#: About this many postings of the paragraph's rarest runs are read to find candidates; a
#: run stored for more clauses than are left of it is not read (but still counts in a
#: candidate's score).
RUN_POSTINGS = 20000
#: The best this many clauses of those postings are scored on all the runs they share.
POOL = 100
#: At most this many of a long paragraph's runs are looked up.
MAX_RUNS = 400

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
    passages: list[Passage] = field(default_factory=list)
    #: language → (clause id, text) of the clause's pair in the library's other language version
    translations: dict[str, tuple[str, str]] = field(default_factory=dict)
    paragraph_words: int = 0        # length of the paragraph looked up

    @property
    def shared_words(self) -> int:
        return sum(item.words for item in self.passages)

    @property
    def agreed(self) -> bool:
        """Agreed language: at least one of its sources is adopted (drafts are not)."""
        return any(source.status == ADOPTED for source in self.hit.sources)

    @property
    def rank(self) -> float:
        """Similarity, or for a passage quoted in a longer text its share of the shorter one
        (damped for short passages, so a 10-word phrase does not beat a rewording)."""
        shorter = max(1, min(len(words(self.hit.text)), self.paragraph_words))
        containment = min(1.0, self.shared_words / shorter) * min(1.0, self.shared_words / 25)
        return max(self.similarity, containment)

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

    @property
    def is_rewording(self) -> bool:
        return self.similarity >= REWORDING

    def summary(self) -> str:
        adopted = [source for source in self.hit.sources if source.status == ADOPTED]
        shown = adopted or self.hit.sources
        where = shown[0].label if shown else self.hit.clause_id
        if not adopted:
            if self.is_rewording:
                return _("similar wording in a draft: {where}").format(where=where)
            return _("{count} words shared with a draft: {where}").format(
                count=self.shared_words, where=where)
        if not self.is_rewording:
            return _("{count} words from {where}").format(count=self.shared_words, where=where)
        if self.changed_words == 0:
            return _("agreed language from {where}").format(where=where)
        return ngettext("agreed language from {where} except for {count} word",
                        "agreed language from {where} except for {count} words",
                        self.changed_words).format(where=where, count=self.changed_words)

    def to_json(self) -> dict:
        data = self.hit.to_json()
        data["similarity"] = round(self.similarity, 4)
        data["agreed"] = self.agreed
        data["shared_words"] = self.shared_words
        data["passages"] = [item.to_json() for item in self.passages]
        data["diff"] = [[op, part] for op, part in self.diff]
        data["summary"] = self.summary()
        data["translations"] = {lang: {"clause_id": cid, "text": body}
                                for lang, (cid, body) in self.translations.items()}
        return data


#: At or above this similarity a precedent is a rewording of the clause (the diff tells).
REWORDING = 0.5
#: A precedent this close (similar, or quoted whole) ends the search: the word index is not
#: asked for more.
CLOSE_ENOUGH = 0.8


def find_precedents(
    engine: Engine,
    paragraph: str,
    *,
    language: str | None = None,
    limit: int = 5,
    candidates: int = 15,
    minimum: float = REWORDING,
    use_fts: bool | None = None,
    exclude_origin: str | None = None,
    exclude_number: str | None = None,
) -> list[Precedent]:
    """The `limit` best precedents: rewordings (similarity >= `minimum`) and clauses sharing a
    passage of PASSAGE_WORDS or more words, adopted ones first. The open draft is never its
    own precedent: sources from its file `exclude_origin` (and its language versions), and
    its other versions, those with its document number `exclude_number` ("6914/24" also
    leaves out "6914/24 REV 1"), are left out."""
    distinct = list(dict.fromkeys(
        w for w in words(paragraph) if (len(w) > 2 or w.isdigit()) and w not in STOPWORDS))
    if not distinct:
        return []
    if use_fts is None:
        use_fts = uses_fts(engine)
    with engine.connect() as connection:
        def ranked(hits: list[Hit]) -> list[Precedent]:
            attach_provenance(connection, hits)
            if exclude_origin or exclude_number:
                hits = [hit for hit in hits if _without_own(hit, exclude_origin, exclude_number)]
            return _best(hits, paragraph, limit, minimum)

        shingled = _shingle_candidates(connection, paragraph, language, candidates)
        results = ranked(shingled)
        # A near-identical or wholly quoted precedent from the shingle index is as good as any:
        # the word index is asked only when the shared runs found nothing that close.
        if not results or results[0].rank < CLOSE_ENOUGH:
            if use_fts and engine.dialect.name == "sqlite":
                extra = _fts_candidates(connection, distinct, language, candidates)
            elif use_fts and engine.dialect.name == "postgresql":
                extra = _pg_word_candidates(connection, paragraph, language, candidates)
            elif not use_fts:
                extra = _portable_candidates(connection, distinct, language, candidates)
            else:
                extra = []
            known = {hit.num for hit in shingled}
            fresh = [hit for hit in extra if hit.num not in known]
            if fresh:
                for hit in shingled:
                    hit.sources = []
                results = ranked(shingled + fresh)
        _attach_translations(connection, results)
    return results


def _without_own(hit: Hit, origin: str | None, number: str | None) -> bool:
    """Drop the provenances from the draft's own file or versions; False when none is left."""
    from pathlib import Path

    files = {origin, str(Path(origin).resolve())} if origin else set()
    base = _base_number(number or "")

    def own(source) -> bool:
        path = source.origin_file.split(" [", 1)[0]
        if files and (path in files or str(Path(path).resolve()) in files):
            return True
        return bool(base) and _base_number(source.number) == base

    hit.sources = [source for source in hit.sources if not own(source)]
    return bool(hit.sources)


def _base_number(number: str) -> str:
    """"6914/24" for "6914/1/24 REV 1" or "6914/24 ADD 1": a revision is a version of the
    same document."""
    import re

    match = re.match(r"\s*(\d+)/(?:\d+/)?(\d+)", number)
    if match:
        return f"{match.group(1)}/{match.group(2)}"
    return number.strip().split(" ", 1)[0].upper() if number.strip() else ""


def _best(hits: list[Hit], paragraph: str, limit: int, minimum: float) -> list[Precedent]:
    """Score every candidate by the words it shares with the paragraph in order (one
    SequenceMatcher pass, which also gives the shared passages); then word-diff the best
    first, until `limit` of them pass, so a look-up costs about `limit` diffs."""
    size = len(tokenize(paragraph))
    paragraph_words = len(words(paragraph))
    scored: list[Precedent] = []
    for hit in hits:
        common = shared_passages(hit.text, paragraph, min_run=1)
        passages = [item for item in common if item.words >= MIN_RUN]
        longest = max((item.words for item in passages), default=0)
        # Words in common, in order, over the longer text's words: close to the diff's
        # similarity; well below `minimum`, no diff can reach it.
        in_order = sum(item.words for item in common) / max(paragraph_words, len(words(hit.text)), 1)
        if in_order >= minimum - 0.15 or longest >= PASSAGE_WORDS:
            scored.append(Precedent(hit, in_order, [], passages, paragraph_words=paragraph_words))
    scored.sort(key=lambda item: (-item.agreed, -item.rank))
    kept: list[Precedent] = []
    for item in scored:
        item.diff = word_diff(item.hit.text, paragraph)
        same = sum(len(tokenize(part)) for op, part in item.diff if op == EQUAL)
        item.similarity = same / max(size, len(tokenize(item.hit.text)), 1)   # = similarity()
        if item.similarity >= minimum or item.passages and max(p.words for p in item.passages) >= PASSAGE_WORDS:
            kept.append(item)
            if len(kept) == limit:
                break
    kept.sort(key=lambda item: (-item.agreed, -item.rank, -item.similarity))
    return kept


def _attach_translations(connection, results: list[Precedent]) -> None:
    """Each precedent's pair in the other language (a Spanish clause's English one)."""
    from .pairing import ClauseRow, counterparts

    for item in results:
        row = ClauseRow(item.hit.num, item.hit.clause_id, item.hit.text, item.hit.language,
                        item.hit.kind)
        item.translations = {lang: (pair.clause_id, pair.text)
                             for lang, pair in counterparts(connection, row).items()}


def _total(connection) -> float:
    """About how many clauses the library holds (the highest clause number: one index read)."""
    return float(connection.execute(select(func.max(clauses.c.num))).scalar() or 0) + 1.0


def _shingle_candidates(connection, paragraph: str, language: str | None, limit: int) -> list[Hit]:
    """Clauses sharing runs of words with the paragraph, those sharing the most and rarest
    first: each shared run weighs its inverse document frequency, log(clauses / holders), from
    the exact counts (`app.library.counts`).

    The postings of the paragraph's rarest runs are read (rarest first, about RUN_POSTINGS
    of them: a run held by tens of thousands of clauses would cost more than it tells) to make
    a pool of clauses; each clause of the pool is then scored on ALL the runs it shares with the
    paragraph, common ones included (from its own text, no more reads), so a clause quoted
    whole outranks one that only shares its rarest run."""
    from .counts import run_counts

    hashes = list(dict.fromkeys(run_hashes(paragraph)))[:MAX_RUNS]
    if not hashes:
        return []
    held = run_counts(connection, hashes)
    if not held:
        return []
    total = max(_total(connection), max(held.values()) + 1.0)
    weight = {value: math.log(total / n) for value, n in held.items()}
    chosen: list[int] = []
    budget = RUN_POSTINGS
    for value in sorted(held, key=lambda item: (held[item], item)):
        if held[value] > budget:
            break
        chosen.append(value)
        budget -= held[value]
    pool: Counter = Counter()
    for start in range(0, len(chosen), 500):
        for value, num in connection.execute(
                select(shingles.c.hash, shingles.c.clause_num)
                .where(shingles.c.hash.in_(chosen[start:start + 500]))).all():
            pool[num] += weight[value]
    found = _hits(connection, pool.most_common(POOL), language, POOL)
    for hit in found:
        hit.score = sum(weight.get(value, 0.0) for value in fingerprints(hit.text))
    found.sort(key=lambda hit: (-hit.score, hit.num))
    return found[:limit]


def _hits(connection, ranked: list[tuple[int, float]], language: str | None, limit: int) -> list[Hit]:
    """The clauses numbered in `ranked` ((number, weight), best first), in its order."""
    if not ranked:
        return []
    statement = select(clauses.c.num, clauses.c.clause_id, clauses.c.text, clauses.c.language,
                       clauses.c.kind).where(clauses.c.num.in_([num for num, _n in ranked]))
    if language:
        statement = statement.where(clauses.c.language == language)
    rows = {row.num: row for row in connection.execute(statement)}
    return [Hit(r.clause_id, r.text, float(n), r.text, r.language, r.kind, num=r.num)
            for num, n in ranked if (r := rows.get(num)) is not None][:limit]


def _fts_candidates(connection, distinct: list[str], language: str | None, limit: int) -> list[Hit]:
    """The clauses holding most of the paragraph's rarest words (`app.library.rare_words`),
    ranked by bm25."""
    from .counts import term_counts_of

    counts = term_counts_of(connection, distinct)
    groups = groups_to_match(choose_rarest(counts, distinct), counts, _total(connection))
    match = fts_any_group(groups, language)
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


def _pg_word_candidates(connection, paragraph: str, language: str | None, limit: int) -> list[Hit]:
    """The PostgreSQL twin of `_fts_candidates`: the clauses holding most of the paragraph's
    rarest indexed words (tsvector lexemes, counted through the GIN index)."""
    from .counts import paragraph_terms, term_counts_of
    from .pg import word_candidates

    counts = term_counts_of(connection, paragraph_terms(connection, paragraph, language))
    chosen = choose_rarest(counts, list(counts))
    ranked = word_candidates(connection, {word: counts[word] for word in chosen if word in counts},
                             language, _total(connection), limit)
    return _hits(connection, ranked, language, limit)


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
