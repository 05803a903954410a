"""Square brackets, paragraph status and the silence procedure in a draft file.

`draft_file._read`/`_write` call `read_brackets` and `write_brackets` after the blocks (the
status is a column of `blocks`, written here as an update so the block rows stay the block
writer's). A file from before schema version 4 is migrated first (app.store.schema) and reads
as having no brackets and every paragraph pending.
"""

from __future__ import annotations

import json

from sqlalchemy import bindparam, delete, insert, inspect, select, update
from sqlalchemy.engine import Connection

from app.i18n import _
from app.model import Draft
from app.model.annotations import Anchor
from app.model.brackets import Alternative, Bracket
from app.model.status import BlockStatus, Silence

from . import schema
from .row_decoding import UnreadableRow, json_of, reading

SILENCE_KEY = "silence"


def read_brackets(connection: Connection, draft: Draft) -> None:
    tables = set(inspect(connection).get_table_names())
    if "brackets" in tables:
        query = select(schema.brackets).order_by(schema.brackets.c.position)
        for number, row in enumerate(connection.execute(query), start=1):
            what = _("the square bracket {number}").format(number=number)
            with reading(what):
                alternatives = json_of(row.alternatives, list, what)
                if not all(isinstance(item, dict) for item in alternatives):
                    raise UnreadableRow(what, _("its alternatives are not a list of wordings"))
                draft.brackets[row.id] = Bracket(
                    id=row.id,
                    anchor=Anchor(row.block_id, row.anchor_start, row.anchor_end,
                                  bool(row.orphaned)),
                    alternatives=[Alternative.from_json(item) for item in alternatives],
                    quote=row.quote or "",
                )
    columns = {column["name"] for column in inspect(connection).get_columns("blocks")}
    if "status" in columns:
        query = select(schema.blocks.c.id, schema.blocks.c.status).where(
            schema.blocks.c.status.is_not(None))
        for row in connection.execute(query):
            what = _("the status of paragraph {id}").format(id=row.id)
            with reading(what):
                draft.statuses[row.id] = BlockStatus.from_json(json_of(row.status, dict, what))
    row = connection.execute(select(schema.draft_info.c.value).where(
        schema.draft_info.c.key == SILENCE_KEY)).first()
    if row is not None:
        with reading(_("the silence procedure")):
            data = json.loads(row.value)
            draft.silence = Silence.from_json(data) if data else None


def write_brackets(connection: Connection, draft: Draft) -> None:
    """Write brackets, statuses and silence (replacing what the file had of them)."""
    connection.execute(delete(schema.brackets))
    if draft.brackets:
        connection.execute(
            insert(schema.brackets),
            [
                {
                    "id": b.id,
                    "position": position,
                    "block_id": b.anchor.block_id,
                    "anchor_start": b.anchor.start or 0,
                    "anchor_end": b.anchor.end or 0,
                    "orphaned": int(b.anchor.orphaned),
                    "alternatives": json.dumps([a.to_json() for a in b.alternatives],
                                               ensure_ascii=False),
                    "quote": b.quote,
                }
                for position, b in enumerate(draft.brackets.values())
            ],
        )
    present = {block.id for block in draft.blocks}
    rows = [{"key": block_id, "value": json.dumps(status.to_json(), ensure_ascii=False)}
            for block_id, status in draft.statuses.items() if block_id in present]
    connection.execute(update(schema.blocks).values(status=None))
    if rows:
        connection.execute(
            update(schema.blocks).where(schema.blocks.c.id == bindparam("key"))
            .values(status=bindparam("value")), rows)
    connection.execute(delete(schema.draft_info).where(schema.draft_info.c.key == SILENCE_KEY))
    if draft.silence is not None:
        connection.execute(insert(schema.draft_info),
                           [{"key": SILENCE_KEY,
                             "value": json.dumps(draft.silence.to_json(), ensure_ascii=False)}])
