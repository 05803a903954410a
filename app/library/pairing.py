"""English/Spanish pairing: a clause and its counterpart in the other language version.

Two sources are language versions of one text when they share a pair key (the document number,
or the file name without its language tag) and differ in language. Their clauses pair by
paragraph number when both carry one, else by position in the text: declarations are
translated paragraph for paragraph.
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
               provenances.c.paragraph, sources.c.pair_key, sources.c.language)
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
            row = connection.execute(
                select(clauses.c.num, clauses.c.clause_id, clauses.c.text, clauses.c.language,
                       clauses.c.kind)
                .join(provenances, provenances.c.clause_num == clauses.c.num)
                .where(provenances.c.source_id == other_id,
                       _same_place(connection, place, other_id))
            ).first()
            if row is not None:
                found[language] = ClauseRow(*row)
    found.pop(clause.language, None)
    return found


def _same_place(connection: Connection, place, other_id: int):
    """Paragraph number when both texts number their paragraphs; else the clause's rank when
    both have as many clauses (a title more in one language does not shift the pairs); else
    the block position."""
    if place.paragraph.isdigit():
        numbered = connection.execute(
            select(func.count()).select_from(provenances).where(
                provenances.c.source_id == other_id, provenances.c.paragraph == place.paragraph)
        ).scalar_one()
        if numbered == 1:
            return provenances.c.paragraph == place.paragraph
    sizes = connection.execute(
        select(provenances.c.source_id, func.count())
        .where(provenances.c.source_id.in_([place.source_id, other_id]))
        .group_by(provenances.c.source_id)
    ).all()
    if len(sizes) == 2 and sizes[0][1] == sizes[1][1]:
        return provenances.c.ordinal == place.ordinal
    return provenances.c.position == place.position
