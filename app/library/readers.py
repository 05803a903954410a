"""Reading a source file (text/markdown, DOCX, Concordia draft) into a Draft for the library.

Each reader gives a Draft; the facts the library records about the source (title, number,
date, language) come from its cover metadata, or from the file name when it has none. Any
problem becomes a `SourceError` whose text is the one-sentence reason shown in the report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app.errors import ConcordiaError
from app.i18n import _
from app.limits import MAX_TEXT_BYTES
from app.model import Block, BlockKind, Draft, Footnote, FootnoteRef, TextRun

from .normalise import guess_language
from .segment import classify

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
DOCX_SUFFIXES = {".docx"}
DRAFT_SUFFIXES = {".concordia"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | DOCX_SUFFIXES | DRAFT_SUFFIXES
#: The caps (text size, line length, paragraphs, DOCX parts) are app.limits', enforced by
#: the importer and the DOCX reader that read_source calls.


class SourceError(ConcordiaError):
    """A file that cannot become a library source; `str()` is the reason for the report."""


@dataclass
class SourceFacts:
    title: str
    number: str
    date: date | None
    language: str
    pair_key: str
    status: str = "adopted"     # "adopted" or "draft" (see `document_status`)


def read_source(path: Path) -> Draft:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise SourceError(_("unsupported file type “{suffix}”").format(suffix=suffix or path.name))
    if suffix in DOCX_SUFFIXES:
        from app.docx.reader import DocxReadError, read_docx

        try:
            return read_docx(path)
        except DocxReadError as error:
            raise SourceError(str(error)) from error
    if suffix in DRAFT_SUFFIXES:
        from app.store import DraftFileError, load_draft

        try:
            return load_draft(path)
        except DraftFileError as error:
            raise SourceError(str(error)) from error
    return _read_text(path)


def _read_text(path: Path) -> Draft:
    try:
        from app.importer.text import import_text_file  # the shared seed/markdown importer
    except ImportError:  # pragma: no cover - only before the importer exists
        return _fallback_text(path)
    from app.store import DraftFileError

    try:
        draft, _report = import_text_file(path)
    except DraftFileError as error:   # the importer's errors are one sentence already
        raise SourceError(str(error)) from error
    return draft


def _fallback_text(path: Path) -> Draft:
    if path.stat().st_size > MAX_TEXT_BYTES:
        raise SourceError(_("the file is too large for a declaration"))
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SourceError(_("the file is not UTF-8 text")) from error
    return plain_text_draft(text)


def facts_for(draft: Draft, path: Path) -> SourceFacts:
    note = draft.note
    sample = " ".join(block.text for block in draft.blocks[:60])
    language = draft.language if draft.language in ("en", "es") else guess_language(sample)
    if language == "en" and sample and guess_language(sample) == "es":
        language = "es"  # importers default to "en"; trust the words for a Spanish source
    title = note.subject.strip() or _first_title(draft) or path.stem
    number = note.full_number.strip()
    return SourceFacts(title, number, note.date, language, pair_key(number, path),
                       document_status(draft))


#: What a working text says of itself: it invites comments, or calls itself a draft.
_INVITES_COMMENTS = re.compile(
    r"invited to (?:provide|send|submit|make) (?:their |any )?(?:written )?comments|"
    r"comments (?:are|should be) (?:sent|provided|submitted)|"
    r"(?:invitad[ao]s|se invita a las delegaciones) a (?:presentar|enviar|formular) "
    r"(?:sus )?(?:observaciones|comentarios)",
    re.IGNORECASE,
)
_DRAFT_TITLE = re.compile(r"^\s*(?:\(?draft\b|proyecto\b|borrador\b)", re.IGNORECASE)


def document_status(draft: Draft) -> str:
    """"draft" for a working text (one that invites delegations' comments, whose subject starts
    "Draft …"/"Proyecto …"), else "adopted": a final text circulated as a NOTE is agreed
    language. `library add --status` overrides it."""
    from .db import ADOPTED, DRAFT

    if _DRAFT_TITLE.match(draft.note.subject or ""):
        return DRAFT
    head = " ".join([draft.note.intro, *(block.text for block in draft.blocks[:12])])
    return DRAFT if _INVITES_COMMENTS.search(head) else ADOPTED


_LANGUAGE_TAG = re.compile(r"([._\-])(en|es|eng|spa|EN|ES)$")


def pair_key(number: str, path: Path) -> str:
    """What makes two sources language versions of one text: the number, else the file name
    without its language tag ("udhr.en.txt" and "udhr.es.txt")."""
    if number:
        return "number:" + number.upper().replace(" ", "")
    stem = path.stem
    tagless = _LANGUAGE_TAG.sub("", stem)
    return "file:" + tagless.lower() if tagless != stem else ""


def _first_title(draft: Draft) -> str:
    for block in draft.blocks[:5]:
        if block.kind in (BlockKind.TITLE, BlockKind.HEADING) and block.text.strip():
            return block.text.strip()[:200]
    for block in draft.blocks[:1]:
        if len(block.text) < 150:
            return block.text.strip()
    return ""


# -- a minimal reader for plain text, used until/unless the shared importer is present -------

_SUP = re.compile(r"<sup>\s*(\d+)\s*</sup>")
_FOOTNOTE_LINE = re.compile(r"^(?:<sup>\s*(\d+)\s*</sup>|\*\*(\d+)\*\*)\s+(.*)$")
_SUP_WORD = re.compile(r"<sup>\s*([^<\d][^<]*)</sup>")
_NUMBER_LINE = re.compile(r"^(\d{3,5}/(?:\d+/)?\d{2})(\s+(?:REV|ADD|COR)\s*\d+)?$")
_PLACE_DATE = re.compile(r"^(Brussels|Bruselas|Luxembourg|Luxemburgo),\s+(.+)$")
_MARKUP = re.compile(r"\*\*|__|^#+\s*|\\(?=[_*\[\]])", re.MULTILINE)


def plain_text_draft(text: str) -> Draft:
    """Paragraphs separated by blank lines; "- " lines are list items; "<sup>n</sup>" marks
    footnote n, whose text is a line starting with the same mark."""
    draft = Draft()
    footnote_ids: dict[str, str] = {}
    lines = [line.rstrip() for line in text.splitlines()]
    for line in lines:
        match = _FOOTNOTE_LINE.match(line.strip())
        if match:
            number = match.group(1) or match.group(2)
            footnote = Footnote(_MARKUP.sub("", match.group(3)).strip())
            draft.footnotes[footnote.id] = footnote
            footnote_ids[number] = footnote.id
    lines = _take_cover(draft, lines)
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            _add_block(draft, " ".join(paragraph), footnote_ids, BlockKind.PARAGRAPH, 0)
            paragraph.clear()

    for line in lines:
        stripped = line.strip()
        if not stripped or stripped == "---" or _FOOTNOTE_LINE.match(stripped):
            flush()
            continue
        item = re.match(r"^(\s*)[-*]\s+(.*)$", line)
        if item:
            flush()
            level = 1 + len(item.group(1)) // 2
            _add_block(draft, item.group(2), footnote_ids, BlockKind.LIST_ITEM, level)
            continue
        if re.match(r"^\d{1,3}\.\s", stripped):
            flush()  # a numbered paragraph starts a block even without a blank line
        paragraph.append(stripped)
    flush()
    draft.language = guess_language(" ".join(b.text for b in draft.blocks))
    return draft


def _add_block(draft: Draft, text: str, footnotes: dict[str, str], kind: BlockKind, level: int) -> None:
    text = _MARKUP.sub("", _SUP_WORD.sub(r"\1", text)).strip()
    content: list = []
    cursor = 0
    for match in _SUP.finditer(text):
        content.append(TextRun(text[cursor:match.start()].rstrip()))
        fid = footnotes.get(match.group(1))
        content.append(FootnoteRef(fid) if fid else TextRun(match.group(1)))
        cursor = match.end()
    content.append(TextRun(text[cursor:]))
    content = [item for item in content if not isinstance(item, TextRun) or item.text]
    if not content:
        return
    if kind == BlockKind.PARAGRAPH:
        kind = classify(text)
    draft.blocks.append(Block(kind=kind, content=content, level=level))


def _take_cover(draft: Draft, lines: list[str]) -> list[str]:
    """Read a Council cover block (number, date, subject) and drop it and the intro sentence."""
    subject_at = next(
        (i for i, line in enumerate(lines[:80]) if re.match(r"^(Subject|Asunto):", line.strip())),
        None,
    )
    if subject_at is None:
        return lines
    from .dates import parse_long_date

    for line in lines[:subject_at]:
        stripped = line.strip()
        number = _NUMBER_LINE.match(stripped)
        if number and not draft.note.number:
            draft.note.number = number.group(1)
        place = _PLACE_DATE.match(stripped)
        if place and draft.note.date is None:
            draft.note.date = parse_long_date(place.group(2))
    draft.note.subject = lines[subject_at].split(":", 1)[1].strip()
    rest = lines[subject_at + 1:]
    # Skip the intro paragraph ("Delegations will find in the Annex …").
    index = 0
    while index < len(rest) and (not rest[index].strip() or rest[index].strip() == "---"):
        index += 1
    while index < len(rest) and rest[index].strip():
        index += 1
    return rest[index:]
