"""English/Spanish pairing: a clause and its counterpart in the other language version.

Two sources are language versions of one text when they share a pair key (the document number,
or the file name without its language tag) and differ in language. Their clauses pair by
paragraph number when both carry one, else by position in the text: declarations are
translated paragraph for paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, select
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
        select(provenances.c.position, provenances.c.paragraph, sources.c.pair_key,
               sources.c.language)
        .join(sources, sources.c.id == provenances.c.source_id)
        .where(provenances.c.clause_num == clause.num, sources.c.pair_key != "")
    ).all()
    found: dict[str, ClauseRow] = {}
    for place in mine:
        other = sources.alias("other")
        same_place = (
            provenances.c.paragraph == place.paragraph
            if place.paragraph.isdigit()
            else provenances.c.position == place.position
        )
        rows = connection.execute(
            select(clauses.c.num, clauses.c.clause_id, clauses.c.text, clauses.c.language,
                   clauses.c.kind, other.c.language.label("source_language"))
            .join(provenances, provenances.c.clause_num == clauses.c.num)
            .join(other, other.c.id == provenances.c.source_id)
            .where(and_(other.c.pair_key == place.pair_key, other.c.language != place.language,
                        same_place))
        ).all()
        for row in rows:
            found.setdefault(row.source_language,
                             ClauseRow(row.num, row.clause_id, row.text, row.language, row.kind))
    found.pop(clause.language, None)
    return found
