"""Comments, reservations and user-added parties in a draft file; registered with
app.store.row_tables. A file written before these tables existed reads as a draft without
annotations; a column added later (`quote`, `change`, `source`) reads as empty where absent.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

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
from .row_decoding import UnreadableRow, date_or_raw, decode_rows, enum_or_raw, json_of
from .row_tables import RowTable, column_index, register

#: Where each column is in the rows `read_*` get (all of the table's columns, in order).
_COMMENT = column_index(schema.comments)
_RESERVATION = column_index(schema.reservations)
_PARTY = column_index(schema.parties)
for _c in (_COMMENT, _RESERVATION):
    assert [_c[name] - _c["block_id"] for name in ("anchor_start", "anchor_end", "orphaned")] \
        == [1, 2, 3], "the anchor columns must follow block_id"


def _anchor(row: tuple, c: dict[str, int]) -> Anchor:
    start = c["block_id"]       # the four anchor columns follow each other (checked below)
    return Anchor(row[start], row[start + 1], row[start + 2], bool(row[start + 3]))


def _anchor_columns(anchor: Anchor) -> tuple:
    return (anchor.block_id, anchor.start, anchor.end, int(anchor.orphaned))


#: One encoder for every row (json.dumps with options would build one per call).
_dumps = json.JSONEncoder(ensure_ascii=False).encode


def party_rows(draft: Draft) -> list[tuple]:
    return [(p.code, p.kind.value, p.territory, p.name_en, p.name_es)
            for p in draft.parties.values()]


def read_parties(draft: Draft, rows: list[tuple]) -> None:
    c = _PARTY
    for row in rows:
        draft.parties[row[c["code"]]] = Party(
            row[c["code"]], PartyKind(row[c["kind"]]), row[c["territory"]], row[c["name_en"]],
            row[c["name_es"]], True)


def comment_rows(draft: Draft) -> list[tuple]:
    return [_comment_row(position, c) for position, c in enumerate(draft.comments.values())]


def _comment_row(position: int, c: Comment) -> tuple:
    return (c.id, position, *_anchor_columns(c.anchor), c.party, c.text, c.suggestion,
            c.status.value, c.visibility.value, c.date.isoformat(),
            _dumps([r.to_json() for r in c.replies]) if c.replies else "[]", c.quote,
            _dumps(c.change) if c.change else None, c.source)


def comment_rows_for(draft: Draft, ids: frozenset, stored: dict) -> list[tuple] | None:
    return _rows_in_order(draft.comments, ids, stored, _COMMENT["position"], _comment_row)


def _rows_in_order(items: dict, ids: frozenset, stored: dict, position_at: int,
                   row_of: Callable[[int, Any], tuple]) -> list[tuple] | None:
    """The rows of the items named, placed so that the stored positions still read back in
    the draft's order (a new comment after the last stored one); None where they cannot be
    without renumbering the others (the table is then written whole)."""
    rows = []
    previous = -1
    for index, (key, item) in enumerate(items.items()):
        if key in ids:
            row = row_of(max(index, previous + 1), item)
            rows.append(row)
        else:
            row = stored.get(key)
            if row is None:
                return None                    # not stored, not named: a bug to cover safely
        position = row[position_at]
        if not isinstance(position, int) or position <= previous:
            return None
        previous = position
    return rows


def read_comments(draft: Draft, rows: list[tuple]) -> None:
    c = _COMMENT
    comments = draft.comments
    # the columns' places, looked up once (thousands of rows)
    key, party, text, suggestion, status, visibility, day, replies_at, quote, change, source = (
        c[name] for name in ("id", "party", "text", "suggestion", "status", "visibility",
                             "date", "replies", "quote", "change", "source"))

    def decode(row: tuple) -> None:  # bad statuses, dates, anchors stay raw for check_draft
        replies = row[replies_at]
        comments[row[key]] = Comment(
            id=row[key],
            anchor=_anchor(row, c),
            party=row[party],
            text=row[text],
            suggestion=row[suggestion] or "",
            status=enum_or_raw(CommentStatus, row[status]),
            visibility=enum_or_raw(Visibility, row[visibility]),
            date=date_or_raw(row[day]),
            replies=[] if replies == "[]" else [
                Reply.from_json(item) for item in json_of(replies, list)],
            quote=row[quote] or "",
            change=json.loads(row[change]) if row[change] else None,
            source=row[source] or "",
        )
    decode_rows(rows, decode, lambda number: _("the comment {number}").format(number=number))


def _reservation_row(position: int, r: Reservation) -> tuple:
    return (r.id, position, *_anchor_columns(r.anchor), _dumps(r.parties), r.kind.value,
            r.status.value, r.text_en, r.text_es, r.date.isoformat(), r.quote)


def reservation_rows(draft: Draft) -> list[tuple]:
    return [_reservation_row(position, r)
            for position, r in enumerate(draft.reservations.values())]


def reservation_rows_for(draft: Draft, ids: frozenset, stored: dict) -> list[tuple] | None:
    return _rows_in_order(draft.reservations, ids, stored, _RESERVATION["position"],
                          _reservation_row)


def read_reservations(draft: Draft, rows: list[tuple]) -> None:
    c = _RESERVATION
    def decode(row: tuple) -> None:
        parties = json_of(row[c["parties"]], list)
        if not all(isinstance(code, str) for code in parties):
            raise UnreadableRow("", _("its parties are not delegation codes"))
        draft.reservations[row[c["id"]]] = Reservation(
            id=row[c["id"]],
            anchor=_anchor(row, c),
            parties=parties,
            kind=ReservationKind(row[c["kind"]]),  # a kind changes its meaning: never guessed
            status=enum_or_raw(ReservationStatus, row[c["status"]]),
            text_en=row[c["text_en"]] or "",
            text_es=row[c["text_es"]] or "",
            date=date_or_raw(row[c["date"]]),
            quote=row[c["quote"]] or "",
        )
    decode_rows(rows, decode,
                lambda number: _("the reservation {number}").format(number=number))


register(RowTable(schema.parties, party_rows, read_parties))
register(RowTable(schema.comments, comment_rows, read_comments, comment_rows_for))
register(RowTable(schema.reservations, reservation_rows, read_reservations,
                  reservation_rows_for))
