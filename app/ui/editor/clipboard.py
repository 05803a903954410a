"""Copy and paste: our own fragments keep kinds, marks and references; foreign text is cleaned.

A copied selection carries `FRAGMENT_MIME` (JSON of blocks as the model writes them) plus
plain text. Each block also carries its id, whether the selection took it whole, and which
document it came from, so whole paragraphs cut and pasted in the same draft can keep their
ids (a move, not a deletion and an insertion; see `paragraph_paste`). Pasted HTML from elsewhere is read through a scratch QTextDocument and keeps only
paragraph breaks and bold/italic/underline: no fonts, colours, sizes, links or tables.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument, QTextDocumentFragment

from app.model import Block, BlockKind, TextRun
from app.model.inline import Inline, content_length, inline_from_json, normalise, slice_content

from .formats import (
    COMMENT_IDS,
    block_id_of,
    fragments,
    kind_of,
    level_of,
    read_inlines,
    run_from_format,
)

FRAGMENT_MIME = "application/x-concordia-blocks+json"
#: Clause ids of the library (one a line), carried by a hit dragged out of the Library dock.
CLAUSE_MIME = "application/x-concordia-clause"


def clause_ids(source: QMimeData) -> list[str]:
    """The library clause ids a drop carries (none when it is not a dragged library hit)."""
    if not source.hasFormat(CLAUSE_MIME):
        return []
    try:
        text = bytes(source.data(CLAUSE_MIME).data()).decode("utf-8")
    except UnicodeDecodeError:
        return []
    return [line.strip() for line in text.splitlines() if line.strip()]


def selection_blocks(cursor: QTextCursor, whole: list[bool] | None = None,
                     spans: list[list[tuple[str, int, int]]] | None = None) -> list[Block]:
    """The selection as model blocks, read from the document (partial end blocks are cut).

    Each block keeps its document id; `whole`, when given, gets per block whether the
    selection took all of it up to and including its paragraph mark, and `spans` its
    commented stretches (`comment_spans`)."""
    document = cursor.document()
    begin, finish = cursor.selectionStart(), cursor.selectionEnd()
    blocks: list[Block] = []
    qt_block = document.findBlock(begin)
    while qt_block.isValid() and qt_block.position() <= finish:
        content = read_inlines(qt_block)
        length = content_length(content)
        low = max(0, begin - qt_block.position())
        high = min(length, finish - qt_block.position())
        block = Block(kind_of(qt_block), slice_content(content, low, high), level=level_of(qt_block))
        block.id = block_id_of(qt_block) or block.id
        blocks.append(block)
        if whole is not None:
            whole.append(low == 0 and finish >= qt_block.position() + qt_block.length())
        if spans is not None:
            spans.append(comment_spans(qt_block, low, high))
        qt_block = qt_block.next()
    return blocks


def comment_spans(qt_block: QTextBlock, low: int, high: int) -> list[tuple[str, int, int]]:
    """(annotation id, start, end) of the commented characters in [low, high) of a block,
    relative to `low`: what a moved paragraph takes with it."""
    found: list[tuple[str, int, int]] = []
    for fragment in fragments(qt_block):
        ids = fragment.charFormat().property(COMMENT_IDS)
        if not ids:
            continue
        start = max(low, fragment.position() - qt_block.position())
        end = min(high, fragment.position() - qt_block.position() + fragment.length())
        if start < end:
            found += [(str(key), start - low, end - low)
                      for key in (ids if isinstance(ids, (list, tuple)) else [ids])]
    return found


def mime_for_selection(cursor: QTextCursor, footnote_text: Callable[[str], str | None],
                       source: str = "") -> QMimeData:
    """Our fragment (with the text of the footnotes it references) plus plain text.

    `source` names the document shown (it changes with every draft loaded)."""
    whole: list[bool] = []
    spans: list[list[tuple[str, int, int]]] = []
    blocks = selection_blocks(cursor, whole, spans)
    footnotes = {}
    for block in blocks:
        for footnote_id in block.footnote_ids:
            text = footnote_text(footnote_id)
            if text is not None:
                footnotes[footnote_id] = text
    payload = {
        "blocks": [{"kind": b.kind.value, "level": b.level, "content": [i.to_json() for i in b.content],
                    "id": b.id, "whole": entire, "spans": [list(span) for span in marked]}
                   for b, entire, marked in zip(blocks, whole, spans, strict=True)],
        "footnotes": footnotes,
        "source": source,
    }
    data = QMimeData()
    data.setData(FRAGMENT_MIME, json.dumps(payload).encode("utf-8"))
    data.setText("\n".join(block.text for block in blocks))
    return data


@dataclass
class Pasted:
    blocks: list[Block]
    footnotes: dict[str, str] = field(default_factory=dict)   # texts of referenced footnotes
    #: Per block: its id where it was copied and whether it was taken whole (with its mark).
    ids: list[str | None] = field(default_factory=list)
    whole: list[bool] = field(default_factory=list)
    source: str = ""                                           # the document it came from
    #: Per block: (annotation id, start, end) of its commented stretches.
    spans: list[list[tuple[str, int, int]]] = field(default_factory=list)


def read_mime(source: QMimeData) -> Pasted:
    """What a paste inserts: our fragment, else cleaned HTML, else plain text (one block per line)."""
    if source.hasFormat(FRAGMENT_MIME):
        try:
            payload = json.loads(bytes(source.data(FRAGMENT_MIME).data()).decode("utf-8"))
            blocks = [
                Block(BlockKind(item["kind"]), normalise([inline_from_json(i) for i in item["content"]]),
                      level=int(item.get("level", 0)))
                for item in payload["blocks"]
            ]
            footnotes = {str(k): str(v) for k, v in dict(payload.get("footnotes", {})).items()}
            ids = [str(item["id"]) if item.get("id") else None for item in payload["blocks"]]
            whole = [bool(item.get("whole", False)) for item in payload["blocks"]]
            spans = [[(str(key), int(start), int(end)) for key, start, end in item.get("spans", [])]
                     for item in payload["blocks"]]
            return Pasted(blocks, footnotes, ids, whole, str(payload.get("source", "")), spans)
        except (ValueError, KeyError, TypeError, AttributeError):
            pass                                  # a damaged fragment: fall back to its text
    if source.hasHtml():
        return Pasted(_blocks_from_html(source.html()))
    if source.hasText():
        return Pasted(_blocks_from_text(source.text()))
    return Pasted([])


def _blocks_from_text(text: str) -> list[Block]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2029", "\n").split("\n")
    return [Block(BlockKind.PARAGRAPH, [TextRun(_clean(line))] if _clean(line) else []) for line in lines]


def _blocks_from_html(html: str) -> list[Block]:
    scratch = QTextDocument()
    QTextCursor(scratch).insertFragment(QTextDocumentFragment.fromHtml(html))
    blocks: list[Block] = []
    qt_block = scratch.firstBlock()
    while qt_block.isValid():
        content: list[Inline] = []
        it = qt_block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            it += 1
            fmt = fragment.charFormat()
            if fmt.objectType():                   # images and other objects mean nothing here
                continue
            run = run_from_format(_clean(fragment.text()), fmt)
            # A link's underline is the browser's styling, not the author's mark.
            content.append(TextRun(run.text, run.bold, run.italic, run.underline and not fmt.isAnchor()))
        blocks.append(Block(BlockKind.PARAGRAPH, normalise(content)))
        qt_block = qt_block.next()
    return blocks


def _clean(text: str) -> str:
    """Drop characters that would be objects or nothing in the editor."""
    return text.replace("\ufffc", "").replace("\x00", "")
