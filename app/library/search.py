"""Searching the library: words, "exact phrases" and prefixes (coop*), ranked by relevance.

On SQLite the FTS5 index ranks with bm25 and folds case and accents in its tokenizer, so
"rescision" finds "rescisión". Elsewhere (PostgreSQL) the same query runs on the folded text
column with LIKE and is ranked in Python: slower, but the same results for the same words.
Snippets mark matches with START/END characters; `snippet_html` and `snippet_plain` render them.
"""

from __future__ import annotations

import html
import json
import math
import re
import weakref
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import and_, exists, extract, or_, select, text
from sqlalchemy.engine import Engine

from app.i18n import _, format_long_date, ui_language

from .db import FTS, clauses, provenances, sources
from .normalise import fold

START, END = "\x02", "\x03"
_TERM = re.compile(r'"([^"]*)"|(\S+)')
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass
class Term:
    words: list[str]          # folded words: several for a phrase
    prefix: bool = False      # last word is a prefix (coop*)


@dataclass
class Provenance:
    title: str
    number: str
    date: date | None
    language: str
    paragraph: str
    position: int
    context: str = ""
    footnotes: list[str] = field(default_factory=list)
    origin_file: str = ""
    status: str = "adopted"          # the source's: "adopted" or "draft"
    place: str = ""                  # "preamble:3", "operative:5" … for an unnumbered clause

    @property
    def citation(self) -> str:
        """Where it sits, as a reader of the source finds it: "para. 8" or "point (a)" as
        printed, else "preamble, 3rd recital" / "operative, 5th" (never a block index)."""
        from .citation import cite

        return cite(self.paragraph, self.place)

    @property
    def label(self) -> str:
        """"6914/24, para. 3 (28 February 2024)" — short enough for a hit or a block's origin."""
        where = self.number or self.title[:60]
        place = self.citation
        when = f" ({format_long_date(self.date, ui_language())})" if self.date else ""
        draft = " " + _("[draft]") if self.status != "adopted" else ""
        return f"{where}{', ' + place if place else ''}{when}{draft}"

    def to_json(self) -> dict:
        return {
            "title": self.title,
            "number": self.number,
            "date": self.date.isoformat() if self.date else None,
            "paragraph": self.paragraph,
            "citation": self.citation,
            "status": self.status,
            "language": self.language,
            "context": self.context,
            "footnotes": self.footnotes,
        }


@dataclass
class Hit:
    clause_id: str
    text: str
    score: float
    snippet: str
    language: str
    kind: str
    sources: list[Provenance] = field(default_factory=list)
    num: int = 0

    def to_json(self) -> dict:
        return {
            "clause_id": self.clause_id,
            "text": self.text,
            "score": round(self.score, 4),
            "language": self.language,
            "sources": [item.to_json() for item in self.sources],
        }


def parse_query(query: str) -> list[Term]:
    terms: list[Term] = []
    for match in _TERM.finditer(query):
        phrase, word = match.groups()
        raw = phrase if phrase is not None else word
        prefix = phrase is None and raw.endswith("*")
        found = _WORD.findall(fold(raw))
        if found:
            terms.append(Term(found, prefix))
    return terms


_FILTER = re.compile(r'\b(lang|language|year|source):("[^"]*"|\S+)', re.IGNORECASE)


def split_filters(query: str) -> tuple[str, dict]:
    """Take `lang:es`, `year:2023` and `source:6914/24` (or `source:"La Paz"`) out of a typed
    query, for the search box; returns the rest of the query and the search options."""
    options: dict = {}

    def take(match: re.Match) -> str:
        name, value = match.group(1).lower(), match.group(2).strip('"')
        if name in ("lang", "language") and value.lower() in ("en", "es"):
            options["language"] = value.lower()
        elif name == "year" and value.isdigit():
            options["year"] = int(value)
        elif name == "source" and value:
            options["source"] = value
        else:
            return match.group(0)
        return " "

    rest = _FILTER.sub(take, query)
    return " ".join(rest.split()), options


def fts_query(terms: list[Term], operator: str = " ", language: str | None = None) -> str:
    """FTS5 syntax with every word quoted, so user text can never be read as an operator; the
    words are looked for in the clause text only, the language (if given) in its column."""
    parts = []
    for term in terms:
        quoted = '"' + " ".join(term.words) + '"'
        parts.append(quoted + ("*" if term.prefix else ""))
    return _in_language("{text} : (" + (" " if operator == " " else f" {operator} ").join(parts) + ")",
                        language)


def fts_any_group(groups: list[tuple[str, ...]], language: str | None = None) -> str:
    """FTS5 syntax for "all the words of at least one group", every word quoted."""
    alternatives = " OR ".join("(" + " AND ".join('"' + word.replace('"', '""') + '"' for word in group) + ")"
                               for group in groups)
    return _in_language("{text} : (" + alternatives + ")", language)


def _in_language(query: str, language: str | None) -> str:
    """The FTS5 query limited to clauses of `language` (its column), if one is given."""
    if not language:
        return query
    return query + ' AND {language} : "' + re.sub(r"[^a-z]", "", language.lower()) + '"'


#: bm25 weights: the text column counts, the language column does not.
BM25 = "bm25(clause_fts, 1.0, 0.0)"


def search(
    engine: Engine,
    query: str,
    *,
    language: str | None = None,
    source: str | None = None,
    year: int | None = None,
    limit: int = 20,
    use_fts: bool | None = None,
) -> list[Hit]:
    terms = parse_query(query)
    if not terms:
        return []
    if use_fts is None:
        use_fts = uses_fts(engine)
    with engine.connect() as connection:
        if use_fts and engine.dialect.name == "postgresql":
            hits = _pg_hits(connection, terms, language, _filters(None, source, year), limit)
        elif use_fts:
            # The language is part of the match; other filters look up the ranked row's sources.
            filters = _filters(None, source, year, number=FTS.c.rowid)
            hits = _fts_hits(connection, fts_query(terms, language=language), terms, filters, limit)
        else:
            hits = _portable_hits(connection, terms, _filters(language, source, year), limit)
        attach_provenance(connection, hits)
    return hits


_fts_cache: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def uses_fts(engine: Engine) -> bool:
    """Whether the library has the SQLite FTS5 index (looked up once per engine)."""
    if engine not in _fts_cache:
        from .db import has_fts

        _fts_cache[engine] = has_fts(engine)
    return _fts_cache[engine]


def _filters(language: str | None, source: str | None, year: int | None, number=None) -> list:
    """Conditions on the clause whose number is `number` (clauses.num by default)."""
    number = clauses.c.num if number is None else number
    conditions = []
    if language:
        conditions.append(clauses.c.language == language)
    if source or year:
        inner = [provenances.c.clause_num == number, sources.c.id == provenances.c.source_id]
        if source:
            pattern = f"%{source}%"
            inner.append(or_(sources.c.number.ilike(pattern), sources.c.title.ilike(pattern)))
        if year:
            inner.append(extract("year", sources.c.date) == int(year))
        conditions.append(exists(select(provenances.c.id).where(and_(*inner))))
    return conditions


def _fts_hits(connection, match: str, terms: list[Term], filters: list, limit: int) -> list[Hit]:
    """Rank in the index alone, then read the few clauses shown.

    Joining the clause rows before ranking would read every match's text (half the time of a
    common word's query), and FTS5's snippet() would run the match again (a prefix query's
    whole cost), so the snippet of the few hits shown is made here instead.
    """
    ranked = connection.execute(
        select(FTS.c.rowid, text(f"{BM25} AS score"))
        .select_from(FTS)
        .where(text("clause_fts MATCH :match"), *filters)
        .order_by(text("score"))
        .limit(limit),
        {"match": match},
    ).all()
    if not ranked:
        return []
    rows = {
        row.num: row
        for row in connection.execute(
            select(clauses.c.num, clauses.c.clause_id, clauses.c.text, clauses.c.language,
                   clauses.c.kind).where(clauses.c.num.in_([r.rowid for r in ranked]))
        )
    }
    return [
        Hit(row.clause_id, row.text, -float(score), make_snippet(row.text, terms), row.language,
            row.kind, num=row.num)
        for rowid, score in ranked
        if (row := rows.get(rowid)) is not None
    ]


def _pg_hits(connection, terms: list[Term], language: str | None, filters: list,
             limit: int) -> list[Hit]:
    """PostgreSQL full-text search (tsvector, English/Spanish stemming, unaccent)."""
    from .pg import ranked

    scores = ranked(connection, terms, language, filters, limit)
    if not scores:
        return []
    rows = {
        row.num: row
        for row in connection.execute(
            select(clauses.c.num, clauses.c.clause_id, clauses.c.text, clauses.c.language,
                   clauses.c.kind).where(clauses.c.num.in_([r.num for r in scores]))
        )
    }
    return [Hit(row.clause_id, row.text, float(score), make_snippet(row.text, terms), row.language,
                row.kind, num=row.num)
            for num, score in scores if (row := rows.get(num)) is not None]


def _portable_hits(connection, terms: list[Term], filters: list, limit: int) -> list[Hit]:
    conditions = [clauses.c.folded.like("%" + _like_escape(" ".join(t.words)) + "%", escape="\\")
                  for t in terms]
    statement = (
        select(clauses.c.num, clauses.c.clause_id, clauses.c.text, clauses.c.folded,
               clauses.c.language, clauses.c.kind)
        .where(*conditions, *filters)
        .limit(max(limit * 25, 500))
    )
    rows = connection.execute(statement).all()
    scored = []
    for row in rows:
        score = _portable_score(row.folded, terms)
        if score > 0:
            scored.append((score, row))
    scored.sort(key=lambda pair: -pair[0])
    return [
        Hit(row.clause_id, row.text, score, make_snippet(row.text, terms), row.language, row.kind,
            num=row.num)
        for score, row in scored[:limit]
    ]


def _like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _portable_score(folded: str, terms: list[Term]) -> float:
    """Whole-word matches (prefix for coop*) per term, damped by length like bm25 does."""
    found = 0.0
    for term in terms:
        pattern = r"\b" + r"\W+".join(map(re.escape, term.words)) + ("" if term.prefix else r"\b")
        count = len(re.findall(pattern, folded))
        if not count:
            return 0.0
        found += 1 + math.log(count)
    return found / math.log(10 + len(folded.split()))


def make_snippet(original: str, terms: list[Term], width: int = 24) -> str:
    """Mark the words of `original` that match the terms (folded), and cut around the first."""
    tokens = list(re.finditer(r"\w+", original))
    folded = [fold(token.group()) for token in tokens]
    marked: set[int] = set()
    for term in terms:
        size = len(term.words)
        for index in range(len(tokens) - size + 1):
            window = folded[index:index + size]
            head_ok = window[:-1] == term.words[:-1]
            last = window[-1] if window else ""
            tail_ok = last.startswith(term.words[-1]) if term.prefix else last == term.words[-1]
            if head_ok and tail_ok:
                marked.update(range(index, index + size))
    if not tokens:
        return original
    first = min(marked) if marked else 0
    start_token = max(0, first - width // 3)
    end_token = min(len(tokens), start_token + width)
    pieces = ["…" if start_token else ""]
    cursor = tokens[start_token].start()
    for index in range(start_token, end_token):
        token = tokens[index]
        pieces.append(original[cursor:token.start()])
        pieces.append(f"{START}{token.group()}{END}" if index in marked else token.group())
        cursor = token.end()
    pieces.append(original[cursor:] if end_token == len(tokens) else "…")
    return "".join(pieces)


def attach_provenance(connection, hits: list[Hit]) -> None:
    if not hits:
        return
    by_num = {hit.num: hit for hit in hits}
    rows = connection.execute(
        select(
            provenances.c.clause_num, provenances.c.paragraph, provenances.c.position,
            provenances.c.context, provenances.c.footnotes, sources.c.title, sources.c.number,
            sources.c.date, sources.c.language, sources.c.origin_file, sources.c.status,
            provenances.c.place,
        )
        .join(sources, sources.c.id == provenances.c.source_id)
        .where(provenances.c.clause_num.in_(list(by_num)))
        .order_by(sources.c.date, sources.c.id)
    )
    for row in rows:
        by_num[row.clause_num].sources.append(
            Provenance(row.title, row.number, row.date, row.language, row.paragraph, row.position,
                       row.context, json.loads(row.footnotes or "[]"), row.origin_file,
                       row.status, row.place)
        )


def snippet_plain(snippet: str, start: str = "«", end: str = "»") -> str:
    return snippet.replace(START, start).replace(END, end)


def snippet_html(snippet: str) -> str:
    """Escaped HTML with matches in bold, for the dock."""
    return html.escape(snippet).replace(START, "<b>").replace(END, "</b>")
