"""What a window opens besides draft files: files dropped on it, and the blank draft of File ▸ New."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QMimeData

from app.docx.open_word import WORD_SUFFIXES
from app.model import Block, BlockKind, Draft, NoteMeta
from app.store import DRAFT_SUFFIX

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
#: Files that become a new, unsaved draft (never pasted text): text notes and Word files.
IMPORTED_SUFFIXES = TEXT_SUFFIXES | set(WORD_SUFFIXES)


def droppable_files(mime: QMimeData | None) -> list[Path]:
    """Local draft, Word or text files in a drag-and-drop, in order."""
    if mime is None or not mime.hasUrls():
        return []
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [p for p in paths if p.suffix.lower() in IMPORTED_SUFFIXES | {DRAFT_SUFFIX}]


def blank_draft(language: str = "en") -> Draft:
    """What File ▸ New starts from: the usual cover, in the note's language (place, From,
    To as the export catalog of that language names them), and one empty paragraph."""
    from app.i18n import translator

    t = translator(language)
    note = NoteMeta(
        date=dt.date.today(),
        place=t.pgettext("export", "Brussels"),
        languages=[language],
        sender=t.pgettext("export", "General Secretariat of the Council"),
        recipient=t.pgettext("export", "Delegations"),
    )
    return Draft(note=note, language=language, blocks=[Block(BlockKind.PARAGRAPH, [])])
