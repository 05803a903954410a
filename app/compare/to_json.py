"""The comparison as JSON for scripts (`concordia compare --json`): a stable interface."""

from __future__ import annotations

from app.model import Block

from .redline import Comparison, Piece, Row
from .summary import count, summary_line
from .words import FOOTNOTE_TOKEN


def comparison_to_json(comparison: Comparison, changes_only: bool = False) -> dict:
    return {
        "from": comparison.old_name,
        "to": comparison.new_name,
        "summary": summary_line(comparison),
        "counts": count(comparison).to_json(),
        "pairs": [
            _row(row) for row in comparison.rows if row.is_change or not changes_only
        ],
        "footnotes": [
            {
                "change": change.kind,
                "id": change.footnote_id,
                "old_number": change.old_number,
                "new_number": change.new_number,
                "old_text": change.old_text,
                "new_text": change.new_text,
                "operations": _pieces(change.pieces),
            }
            for change in comparison.footnotes
        ],
        "sentence_moves": [
            {"text": move.text, "from": move.from_label, "to": move.to_label}
            for move in comparison.sentence_moves
        ],
        "cover": [
            {"field": change.field_name, "old": change.old, "new": change.new}
            for change in comparison.fields
        ],
        "items": [
            {"section": item.section, "change": item.kind, "label": item.label,
             "old": item.old, "new": item.new}
            for item in comparison.items
        ],
    }


def _side(block: Block | None, label: str) -> dict | None:
    if block is None:
        return None
    return {"id": block.id, "label": label, "kind": block.kind.value, "level": block.level,
            "text": block.text}


def _row(row: Row) -> dict:
    data = {
        "status": row.kind.value,
        "old": _side(row.old, row.old_label),
        "new": _side(row.new, row.new_label),
        "operations": _pieces(row.pieces),
    }
    if row.is_move:
        data["move"] = {"from": row.old_label, "to": row.new_label,
                        "words_changed": row.words_changed}
    if row.renumbered:
        data["renumbered"] = True
    if row.format_changed:
        data["format_changed"] = True
    return data


def _pieces(pieces: list[Piece]) -> list[dict]:
    result = []
    for piece in pieces:
        item: dict = {"op": piece.op_name, "text": piece.text}
        refs = [t[1] for t in piece.tokens if isinstance(t, tuple) and t[0] == FOOTNOTE_TOKEN]
        if refs:
            item["footnotes"] = refs
        result.append(item)
    return result
