"""Square brackets in a draft file, registered with app.store.row_tables; paragraph status and
the silence procedure travel in the paragraph rows and settings (app.store.draft_rows calls
`status_column` / `read_status` / `silence_setting` / `read_silence` here).

A file from before schema version 5 is migrated first (app.store.schema) and reads as having
no brackets and every paragraph pending.
"""

from __future__ import annotations

import json

from app.i18n import _
from app.model import Draft
from app.model.annotations import Anchor
from app.model.brackets import Alternative, Bracket
from app.model.status import BlockStatus, Silence

from . import schema
from .row_decoding import UnreadableRow, decode_rows, json_of, reading
from .row_tables import RowTable, column_index, register

SILENCE_KEY = "silence"
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
        alternatives = json_of(row[c["alternatives"]], list)
        if not all(isinstance(item, dict) for item in alternatives):
            raise UnreadableRow("", _("its alternatives are not a list of wordings"))
        draft.brackets[row[c["id"]]] = Bracket(
            id=row[c["id"]],
            anchor=Anchor(row[c["block_id"]], row[c["anchor_start"]], row[c["anchor_end"]],
                          bool(row[c["orphaned"]])),
            alternatives=[Alternative.from_json(item) for item in alternatives],
            quote=row[c["quote"]] or "",
        )
    decode_rows(rows, decode, lambda number: _("the square bracket {number}").format(
        number=number))


def status_column(draft: Draft, block_id: str) -> str | None:
    """The `status` column of a paragraph row: JSON, or NULL for pending."""
    status = draft.statuses.get(block_id)
    return _dumps(status.to_json()) if status is not None else None


def read_status(draft: Draft, block_id: str, value: str | None) -> None:
    if value:
        with reading(_("the status of paragraph {id}").format(id=block_id)):
            draft.statuses[block_id] = BlockStatus.from_json(json_of(value, dict))


def silence_setting(draft: Draft) -> list[tuple]:
    """The settings row of the silence procedure (none without one)."""
    if draft.silence is None:
        return []
    return [(SILENCE_KEY, _dumps(draft.silence.to_json()))]


def read_silence(draft: Draft, info: dict) -> None:
    data = info.get(SILENCE_KEY)
    if data:
        with reading(_("the silence procedure")):
            draft.silence = Silence.from_json(data)


register(RowTable(schema.brackets, bracket_rows, read_bracket_rows))
