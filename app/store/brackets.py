"""Square brackets in a draft file, registered with app.store.row_tables; paragraph status and
the silence procedure travel in the paragraph rows and settings (app.store.draft_rows calls
`status_column` / `read_status` / `silence_setting` / `read_silence` here).

A file from before schema version 5 is migrated first (app.store.schema) and reads as having
no brackets and every paragraph pending.

A bracket's alternatives, a paragraph's status or the silence procedure that is not well
formed (a hand-edited or half-written file) is kept raw, never guessed at, for
app.model.bracket_integrity to name and repair: the draft still opens for `concordia check`.
"""

from __future__ import annotations

import json

from app.i18n import _
from app.model import Draft
from app.model.annotations import Anchor
from app.model.brackets import Alternative, Bracket
from app.model.status import BlockStatus, Silence, StatusKind

from . import schema
from .row_decoding import UnreadableRow, decode_rows, json_of
from .row_tables import RowTable, column_index, register

SILENCE_KEY = "silence"
_STATUS_KINDS = {kind.value for kind in StatusKind}
_BRACKET = column_index(schema.brackets)
#: One encoder for every row (json.dumps with options would build one per call).
_dumps = json.JSONEncoder(ensure_ascii=False).encode


def bracket_rows(draft: Draft) -> list[tuple]:
    return [
        (b.id, position, b.anchor.block_id, b.anchor.start or 0, b.anchor.end or 0,
         int(b.anchor.orphaned), _dumps([a.to_json() for a in b.alternatives]), b.quote)
        for position, b in enumerate(draft.brackets.values())
    ]


def read_bracket_rows(draft: Draft, rows: list[tuple]) -> None:
    c = _BRACKET

    def decode(row: tuple) -> None:
        quote = row[c["quote"]]
        draft.brackets[row[c["id"]]] = Bracket(
            id=row[c["id"]],
            anchor=Anchor(row[c["block_id"]], row[c["anchor_start"]], row[c["anchor_end"]],
                          bool(row[c["orphaned"]])),
            alternatives=_alternatives_or_raw(row[c["alternatives"]]),
            quote="" if quote is None else str(quote),
        )
    decode_rows(rows, decode, lambda number: _("the square bracket {number}").format(
        number=number))


def _parsed(text: object) -> object:
    """The JSON value of a cell, or the cell itself when it is not JSON."""
    try:
        return json.loads(text) if isinstance(text, str) else text
    except ValueError:
        return text


def _all_strings(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(code, str) for code in value)


def _alternatives_or_raw(cell: object) -> list[Alternative] | object:
    try:
        value = json_of(cell, list)     # its fast path: a draft holds thousands of brackets
    except (UnreadableRow, ValueError):
        value = _parsed(cell)
    if isinstance(value, list) and all(
            isinstance(item, dict) and isinstance(item.get("text", ""), str)
            and _all_strings(item.get("parties", [])) for item in value):
        return [Alternative.from_json(item) for item in value]
    return value        # Alternative.from_json would read "FR" as the parties F and R


def status_column(draft: Draft, block_id: str) -> str | None:
    """The `status` column of a paragraph row: JSON, or NULL for pending."""
    status = draft.statuses.get(block_id)
    return _dumps(status.to_json()) if status is not None else None


def read_status(draft: Draft, block_id: str, value: str | None) -> None:
    if value:
        draft.statuses[block_id] = _status_or_raw(value)


def _status_or_raw(cell: str) -> BlockStatus | object:
    data = _parsed(cell)
    if (isinstance(data, dict) and data.get("kind", "pending") in _STATUS_KINDS
            and _all_strings(data.get("parties", []))):
        return BlockStatus.from_json(data)
    return cell


def silence_setting(draft: Draft) -> list[tuple]:
    """The settings row of the silence procedure (none without one)."""
    if draft.silence is None:
        return []
    return [(SILENCE_KEY, _dumps(draft.silence.to_json()))]


def read_silence(draft: Draft, info: dict) -> None:
    data = info.get(SILENCE_KEY)
    if data:
        try:
            draft.silence = Silence.from_json(data)
            if _all_strings(data["broken_by"] if "broken_by" in data else []):
                return
        except (KeyError, TypeError, ValueError, AttributeError):
            pass
        draft.silence = data     # kept raw for app.model.bracket_integrity


register(RowTable(schema.brackets, bracket_rows, read_bracket_rows))
