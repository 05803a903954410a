"""Importing notes from markdown or plain text, and language versions of a draft."""

from .reading import MAX_TEXT_BYTES, TextImportError
from .report import ImportReport, TextWarning
from .text import import_text, import_text_file

__all__ = [
    "MAX_TEXT_BYTES", "ImportReport", "TextImportError", "TextWarning", "import_text",
    "import_text_file",
]
