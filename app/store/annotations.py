"""Comments, reservations and user-added parties in a draft file.

`draft_file._read`/`_write` call `read_annotations` and `write_annotations`. A file written
before these tables existed has none of them; it reads as a draft without annotations.
"""

from __future__ import annotations

import json

from sqlalchemy import insert, inspect, select
from sqlalchemy.engine import Connection

from app.i18n import _
from app.model import Draft
from app.model.annotations import (
    Anchor,
    Comment,
    CommentStatus,
    Reply,
    Reservation,
    ReservationKind,
    ReservationStatus,
    Visibility,
)
from app.model.parties import Party, PartyKind

from . import schema
from .row_decoding import UnreadableRow, date_or_raw, enum_or_raw, json_of, reading


def _anchor(row) -> Anchor:
    return Anchor(row.block_id, row.anchor_start, row.anchor_end, bool(row.orphaned))


def _anchor_columns(anchor: Anchor) -> dict:
    return {
        "block_id": anchor.block_id,
        "anchor_start": anchor.start,
        "anchor_end": anchor.end,
        "orphaned": int(anchor.orphaned),
    }


def _present(connection: Connection, table) -> list:
    """The table's columns that the file has: `quote` came later, and a file without it reads
    with no quotes (like a file without these tables), so it needs no migration."""
    names = {column["name"] for column in inspect(connection).get_columns(table.name)}
    return [column for column in table.c if column.name in names]


def _quote(row) -> str:
    return getattr(row, "quote", None) or ""


def read_annotations(connection: Connection, draft: Draft) -> None:
    tables = set(inspect(connection).get_table_names())
    if "parties" in tables:
        for row in connection.execute(select(schema.parties)):
            draft.parties[row.code] = Party(
                row.code, PartyKind(row.kind), row.territory, row.name_en, row.name_es, True
            )
    if "comments" in tables:
        query = select(*_present(connection, schema.comments)).order_by(
            schema.comments.c.position)
        for number, row in enumerate(connection.execute(query), start=1):
            what = _("the comment {number}").format(number=number)
            with reading(what):  # bad statuses, dates and anchors stay raw for check_draft
                draft.comments[row.id] = Comment(
                    id=row.id,
                    anchor=_anchor(row),
                    party=row.party,
                    text=row.text,
                    suggestion=row.suggestion or "",
                    status=enum_or_raw(CommentStatus, row.status),
                    visibility=enum_or_raw(Visibility, row.visibility),
                    date=date_or_raw(row.date),
                    replies=[Reply.from_json(item) for item in json_of(row.replies, list, what)],
                    quote=_quote(row),
                    change=json.loads(row.change) if getattr(row, "change", None) else None,
                    source=getattr(row, "source", None) or "",
                )
    if "reservations" in tables:
        query = select(*_present(connection, schema.reservations)).order_by(
            schema.reservations.c.position)
        for number, row in enumerate(connection.execute(query), start=1):
            what = _("the reservation {number}").format(number=number)
            with reading(what):
                parties = json_of(row.parties, list, what)
                if not all(isinstance(code, str) for code in parties):
                    raise UnreadableRow(what, _("its parties are not delegation codes"))
                draft.reservations[row.id] = Reservation(
                    id=row.id,
                    anchor=_anchor(row),
                    parties=parties,
                    kind=ReservationKind(row.kind),  # a kind changes its meaning: never guessed
                    status=enum_or_raw(ReservationStatus, row.status),
                    text_en=row.text_en or "",
                    text_es=row.text_es or "",
                    date=date_or_raw(row.date),
                    quote=_quote(row),
                )


def write_annotations(connection: Connection, draft: Draft) -> None:
    if draft.parties:
        connection.execute(
            insert(schema.parties),
            [
                {"code": p.code, "kind": p.kind.value, "territory": p.territory,
                 "name_en": p.name_en, "name_es": p.name_es}
                for p in draft.parties.values()
            ],
        )
    if draft.comments:
        connection.execute(
            insert(schema.comments),
            [
                {
                    "id": c.id,
                    "position": position,
                    **_anchor_columns(c.anchor),
                    "party": c.party,
                    "text": c.text,
                    "suggestion": c.suggestion,
                    "status": c.status.value,
                    "visibility": c.visibility.value,
                    "date": c.date.isoformat(),
                    "replies": json.dumps([r.to_json() for r in c.replies], ensure_ascii=False),
                    "quote": c.quote,
                    "change": json.dumps(c.change, ensure_ascii=False) if c.change else None,
                    "source": c.source,
                }
                for position, c in enumerate(draft.comments.values())
            ],
        )
    if draft.reservations:
        connection.execute(
            insert(schema.reservations),
            [
                {
                    "id": r.id,
                    "position": position,
                    **_anchor_columns(r.anchor),
                    "parties": json.dumps(r.parties, ensure_ascii=False),
                    "kind": r.kind.value,
                    "status": r.status.value,
                    "text_en": r.text_en,
                    "text_es": r.text_es,
                    "date": r.date.isoformat(),
                    "quote": r.quote,
                }
                for position, r in enumerate(draft.reservations.values())
            ],
        )
