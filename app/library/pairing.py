"""English/Spanish pairing: a clause and its counterpart in the other language version.

Two sources are language versions of one text when they share a pair key (the document number,
or the file name without its language tag) and differ in language; clauses of other documents
are never paired, however alike. Within a pair, clauses pair by structure: by the paragraph
number both print; else clause for clause when both texts have the same sequence of parts
(recitals, operative clauses, list items); else by place within a part both have as many
clauses of ("preamble:3" with "preamble:3"). A clause with no such counterpart has none: no
guess by position.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from .db import clauses, provenances, sources


@dataclass
class ClauseRow:
    num: int
    clause_id: str
    text: str
    language: str
    kind: str


def clause_row(connection: Connection, clause_id: str) -> ClauseRow | None:
    row = connection.execute(
        select(clauses.c.num, clauses.c.clause_id, clauses.c.text, clauses.c.language,
               clauses.c.kind).where(clauses.c.clause_id == clause_id)
    ).first()
    return ClauseRow(*row) if row else None


def counterparts(connection: Connection, clause: ClauseRow) -> dict[str, ClauseRow]:
    """The paired clause in each other language the library holds, by language."""
    mine = connection.execute(
        select(provenances.c.source_id, provenances.c.position, provenances.c.ordinal,
               provenances.c.paragraph, provenances.c.place, sources.c.pair_key,
               sources.c.language)
        .join(sources, sources.c.id == provenances.c.source_id)
        .where(provenances.c.clause_num == clause.num, sources.c.pair_key != "")
    ).all()
    found: dict[str, ClauseRow] = {}
    for place in mine:
        for other_id, language in connection.execute(
            select(sources.c.id, sources.c.language).where(
                sources.c.pair_key == place.pair_key, sources.c.language != place.language)
        ).all():
            if language in found:
                continue
            condition = _same_place(connection, place, other_id)
            if condition is None:
                continue
            row = connection.execute(
                select(clauses.c.num, clauses.c.clause_id, clauses.c.text, clauses.c.language,
                       clauses.c.kind)
                .join(provenances, provenances.c.clause_num == clauses.c.num)
                .where(provenances.c.source_id == other_id, condition)
            ).first()
            if row is not None:
                found[language] = ClauseRow(*row)
    found.pop(clause.language, None)
    return found


def _same_place(connection: Connection, place, other_id: int):
    """The condition on the other source's provenances that picks the counterpart, or None."""
    if place.paragraph:
        numbered = connection.execute(
            select(func.count()).select_from(provenances).where(
                provenances.c.source_id == other_id, provenances.c.paragraph == place.paragraph)
        ).scalar_one()
        if numbered == 1:
            return provenances.c.paragraph == place.paragraph
    mine, theirs = _parts(connection, place.source_id), _parts(connection, other_id)
    if mine == theirs:
        return provenances.c.ordinal == place.ordinal
    part = place.place.partition(":")[0]
    if part not in ("", "item") and mine.count(part) == theirs.count(part):
        return provenances.c.place == place.place
    return None


def _parts(connection: Connection, source_id: int) -> list[str]:
    """The part of each of the source's clauses, in order ("preamble", "operative", …)."""
    return [row.place.partition(":")[0] for row in connection.execute(
        select(provenances.c.place).where(provenances.c.source_id == source_id)
        .order_by(provenances.c.ordinal))]
