"""Comments, reservations and user-added parties in a draft file; registered with
app.store.row_tables. A file written before these tables existed reads as a draft without
annotations; a column added later (`quote`, `change`, `source`) reads as empty where absent.
"""

from __future__ import annotations

import json
import sqlite3

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
from .row_tables import RowTable, register


def _anchor(row: sqlite3.Row) -> Anchor:
    return Anchor(row["block_id"], row["anchor_start"], row["anchor_end"], bool(row["orphaned"]))


def _anchor_columns(anchor: Anchor) -> tuple:
    return (anchor.block_id, anchor.start, anchor.end, int(anchor.orphaned))


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def party_rows(draft: Draft) -> list[tuple]:
    return [(p.code, p.kind.value, p.territory, p.name_en, p.name_es)
            for p in draft.parties.values()]


def read_parties(draft: Draft, rows: list[sqlite3.Row]) -> None:
    for row in rows:
        draft.parties[row["code"]] = Party(
            row["code"], PartyKind(row["kind"]), row["territory"], row["name_en"],
            row["name_es"], True)


def comment_rows(draft: Draft) -> list[tuple]:
    return [
        (c.id, position, *_anchor_columns(c.anchor), c.party, c.text, c.suggestion,
         c.status.value, c.visibility.value, c.date.isoformat(),
         _dumps([r.to_json() for r in c.replies]), c.quote,
         _dumps(c.change) if c.change else None, c.source)
        for position, c in enumerate(draft.comments.values())
    ]


def read_comments(draft: Draft, rows: list[sqlite3.Row]) -> None:
    for number, row in enumerate(rows, start=1):
        def what(number: int = number) -> str:
            return _("the comment {number}").format(number=number)
        with reading(what):  # bad statuses, dates and anchors stay raw for check_draft
            draft.comments[row["id"]] = Comment(
                id=row["id"],
                anchor=_anchor(row),
                party=row["party"],
                text=row["text"],
                suggestion=row["suggestion"] or "",
                status=enum_or_raw(CommentStatus, row["status"]),
                visibility=enum_or_raw(Visibility, row["visibility"]),
                date=date_or_raw(row["date"]),
                replies=[Reply.from_json(item) for item in json_of(row["replies"], list, what)],
                quote=row["quote"] or "",
                change=json.loads(row["change"]) if row["change"] else None,
                source=row["source"] or "",
            )


def reservation_rows(draft: Draft) -> list[tuple]:
    return [
        (r.id, position, *_anchor_columns(r.anchor), _dumps(r.parties), r.kind.value,
         r.status.value, r.text_en, r.text_es, r.date.isoformat(), r.quote)
        for position, r in enumerate(draft.reservations.values())
    ]


def read_reservations(draft: Draft, rows: list[sqlite3.Row]) -> None:
    for number, row in enumerate(rows, start=1):
        def what(number: int = number) -> str:
            return _("the reservation {number}").format(number=number)
        with reading(what):
            parties = json_of(row["parties"], list, what)
            if not all(isinstance(code, str) for code in parties):
                raise UnreadableRow(what(), _("its parties are not delegation codes"))
            draft.reservations[row["id"]] = Reservation(
                id=row["id"],
                anchor=_anchor(row),
                parties=parties,
                kind=ReservationKind(row["kind"]),  # a kind changes its meaning: never guessed
                status=enum_or_raw(ReservationStatus, row["status"]),
                text_en=row["text_en"] or "",
                text_es=row["text_es"] or "",
                date=date_or_raw(row["date"]),
                quote=row["quote"] or "",
            )


register(RowTable(schema.parties, party_rows, read_parties))
register(RowTable(schema.comments, comment_rows, read_comments))
register(RowTable(schema.reservations, reservation_rows, read_reservations))
