"""The document model: plain dataclasses and the operations that edit them (no Qt here)."""

from . import (
    annotation_ops,  # noqa: F401  (registers the comment/reservation operations)
    bracket_ops,  # noqa: F401  (square brackets and paragraph status)
    in_step,  # noqa: F401  (confirming a language pair in step)
    move_ops,  # noqa: F401  (registers the paragraph move)
    suggestion_ops,  # noqa: F401  (accept/reject a suggestion)
    translation_ops,  # noqa: F401  (editing one block of a language version)
)
from .draft import (
    TRANSLATED_META_FIELDS,
    Block,
    BlockKind,
    DocumentType,
    Draft,
    Footnote,
    LanguageVersion,
    NoteMeta,
    new_id,
)
from .inline import ANCHOR, FootnoteRef, Inline, TextRun, plain_text
from .ops import Operation, operation_from_json

__all__ = [
    "ANCHOR", "Block", "BlockKind", "DocumentType", "Draft", "Footnote", "FootnoteRef", "Inline", "LanguageVersion", "TRANSLATED_META_FIELDS",
    "NoteMeta", "Operation", "TextRun", "new_id", "operation_from_json", "plain_text",
]
