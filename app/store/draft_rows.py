"""The current text's own tables: settings (cover, language, other language versions),
paragraphs and footnotes; registered with app.store.row_tables."""

from __future__ import annotations

import json

from app.i18n import _
from app.model import Block, BlockKind, Draft, Footnote, LanguageVersion, NoteMeta
from app.model.draft import ClauseOrigin
from app.model.inline import inline_from_json

from . import schema
from .brackets import SILENCE_KEY, read_silence, read_status, silence_setting, status_column
from .row_decoding import UnreadableRow, decode_rows, enum_or_raw, json_of, reading
from .row_tables import RowTable, column_index, register

#: One encoder for every row (json.dumps with options would build one per call).
_dumps = json.JSONEncoder(ensure_ascii=False).encode


def info_rows(draft: Draft) -> list[tuple]:
    info = {
        "note": draft.note.to_json(),
        "language": draft.language,
        "translations": {lang: tr.to_json() for lang, tr in draft.translations.items()},
    }
    return [(key, _dumps(value)) for key, value in info.items()] + silence_setting(draft)


_INFO = column_index(schema.draft_info)
_BLOCK = column_index(schema.blocks)
_FOOTNOTE = column_index(schema.footnotes)


def read_info(draft: Draft, rows: list[tuple]) -> None:
    c = _INFO
    info: dict = {}
    for row in rows:
        if row[c["key"]] == SILENCE_KEY:        # holds no words: read_silence keeps it raw
            info[SILENCE_KEY] = _json_or_raw(row[c["value"]])
            continue
        with reading(_("the setting “{key}”").format(key=row[c["key"]])):
            info[row[c["key"]]] = json.loads(row[c["value"]])
    with reading(_("the cover details")):
        note = info.get("note", {})
        if not isinstance(note, dict):
            raise UnreadableRow(_("the cover details"),
                                _("it is stored as a list, not as named fields"))
        draft.note = NoteMeta.from_json(note)
    with reading(_("the other language versions")):
        draft.translations = {
            lang: LanguageVersion.from_json(data)
            for lang, data in info.get("translations", {}).items()
        }
    draft.language = info.get("language", "en")
    read_silence(draft, info)


def _json_or_raw(text: str) -> object:
    try:
        return json.loads(text)
    except (TypeError, ValueError):
        return text


def _block_row(draft: Draft, position: int, block: Block) -> tuple:
    return (block.id, position, block.kind.value, block.level,
            _dumps([item.to_json() for item in block.content]),
            _dumps(block.origin.to_json()) if block.origin else None,
            block.number, status_column(draft, block.id))


def block_rows(draft: Draft) -> list[tuple]:
    return [_block_row(draft, position, block) for position, block in enumerate(draft.blocks)]


def block_rows_for(draft: Draft, ids: frozenset, _stored: dict) -> list[tuple]:
    # (row_scope names paragraphs only when none was added, removed or moved: the
    # positions are those stored)
    return [_block_row(draft, position, block) for position, block in enumerate(draft.blocks)
            if block.id in ids]


def read_blocks(draft: Draft, rows: list[tuple]) -> None:
    append = draft.blocks.append
    key, kind, level, content, origin, number, status = (    # looked up once, not per row
        _BLOCK[name] for name in ("id", "kind", "level", "content", "origin", "number",
                                  "status"))

    def decode(row: tuple) -> None:
        append(Block(
            id=row[key],
            kind=enum_or_raw(BlockKind, row[kind]),  # check_draft names a bad kind or level
            level=row[level],
            content=[inline_from_json(item) for item in json_of(row[content], list)],
            origin=ClauseOrigin.from_json(json.loads(row[origin])) if row[origin] else None,
            number=row[number] or None,
        ))
        if row[status]:
            read_status(draft, row[key], row[status])   # the paragraph's status
    decode_rows(rows, decode, lambda number: _("the paragraph {number}").format(number=number))


def footnote_rows(draft: Draft) -> list[tuple]:
    return [(note.id, note.text) for note in draft.footnotes.values()]


def read_footnotes(draft: Draft, rows: list[tuple]) -> None:
    c = _FOOTNOTE
    for row in rows:
        draft.footnotes[row[c["id"]]] = Footnote(row[c["text"]], row[c["id"]])


register(RowTable(schema.draft_info, info_rows, read_info))
register(RowTable(schema.blocks, block_rows, read_blocks, block_rows_for))
register(RowTable(schema.footnotes, footnote_rows, read_footnotes))
