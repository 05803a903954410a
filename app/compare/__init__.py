"""Comparison of texts and versions: block alignment, word-level diff, moves, redline model."""

from . import annotations as _annotations  # noqa: F401  (registers comment / reservation changes)
from .engine import compare_drafts
from .redline import Comparison, FootnoteChange, ItemChange, Piece, Row, RowKind
from .summary import count, summary_line
from .to_json import comparison_to_json

__all__ = [
    "Comparison", "FootnoteChange", "ItemChange", "Piece", "Row", "RowKind", "compare_drafts",
    "comparison_to_json", "count", "summary_line",
]
