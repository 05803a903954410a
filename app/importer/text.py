"""Markdown or plain text → a draft: cover metadata, annex blocks, footnotes.

    draft, report = import_text(text)
    draft, report = import_text_file("note.md", progress)

The work is one pass over the source's chunks (chunks.py); footnote markers are held as
slots until all footnote texts are known, then become references (footnotes.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from app.i18n import _
from app.limits import MAX_LINE_CHARS, MAX_PARAGRAPHS, line_too_long, too_many_paragraphs
from app.model import Block, BlockKind, Draft, FootnoteRef, TextRun
from app.model.inline import normalise
from app.model.numbering import keep_source_numbers
from app.progress import Progress

from .blocks import ChunkShape, is_annex_header, kind_of, shape_of, terminated, undress
from .brackets import recognise_brackets
from .chunks import FOOTNOTE_TEXT, Chunk, iter_chunks
from .cover import read_cover
from .footnotes import FootnoteCollector, MarkerSlot
from .furniture import FooterReader
from .inline_md import Marker, Piece, inline_to_plain, superscript_label
from .language import LANGUAGE_NAMES, detect_language
from .pdf_text import repair_pdf_text
from .reading import TextImportError, read_source
from .report import ImportReport

#: Kinds a paragraph broken by a page can continue.
_CONTINUABLE = {
    BlockKind.PARAGRAPH, BlockKind.PREAMBLE, BlockKind.OPERATIVE, BlockKind.NUMBERED,
    BlockKind.LIST_ITEM,
}


@dataclass
class _Pending:
    kind: BlockKind
    level: int
    content: list = field(default_factory=list)       # TextRun | MarkerSlot
    line: int = 0
    number: str | None = None          # the number the source printed ("7", "5a")


def import_text_file(
    path: Path | str, progress: Progress | None = None
) -> tuple[Draft, ImportReport]:
    report = ImportReport()
    text = read_source(path, report)
    return import_text(text, progress, report, name=Path(path).name)


def import_text(
    text: str, progress: Progress | None = None, report: ImportReport | None = None,
    name: str = "", brackets: bool = True,
) -> tuple[Draft, ImportReport]:
    """`name` (the file's) is for the sentence that refuses a text beyond the caps.
    `brackets` False leaves square brackets as typed (a language version pairs them with the
    draft's afterwards: app.importer.language_brackets)."""
    report = report or ImportReport()
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    report.lines = text.count("\n") + 1
    name = name or _("the text")
    _check_line_lengths(text, name)
    repaired = repair_pdf_text(text, report)
    if repaired is not None:
        text = repaired.text
    lines = text.split("\n")
    if (blocks := _count_blocks_at_least(lines)) > MAX_PARAGRAPHS:   # refuse before the work
        raise TextImportError(too_many_paragraphs(name, blocks))
    cover = read_cover(lines, report)
    if repaired is not None:
        cover.meta.initials = cover.meta.initials or repaired.facts.initials
        cover.meta.directorate = cover.meta.directorate or repaired.facts.directorate
    builder = _Builder(report, FooterReader(cover.meta))
    for position, chunk in enumerate(iter_chunks(lines, cover.body_start, progress)):
        if position >= MAX_PARAGRAPHS:   # paragraphs, footnote texts and separators alike
            raise TextImportError(too_many_paragraphs(name, _count_blocks_at_least(lines)))
        builder.add(chunk, position)
    draft = Draft(note=cover.meta)
    builder.finish(draft)
    draft.language = _language_of(draft)
    if brackets:
        recognise_brackets(draft, report)   # negotiation brackets become bracket data
    return draft, report


def _check_line_lengths(text: str, name: str) -> None:
    """Before any other work (the PDF repair included), refuse a line past the cap."""
    start = 0
    for number, end in enumerate(_line_ends(text), start=1):
        if end - start > MAX_LINE_CHARS:
            raise TextImportError(line_too_long(name, number, end - start))
        start = end + 1


def _line_ends(text: str):
    at = text.find("\n")
    while at >= 0:
        yield at
        at = text.find("\n", at + 1)
    yield len(text)


def _count_blocks_at_least(lines: list[str]) -> int:
    """A cheap count for the refusal: non-blank runs of lines (at least as many blocks)."""
    count, blank = 0, True
    for line in lines:
        if line.strip():
            count += blank
            blank = False
        else:
            blank = True
    return count


def _language_of(draft: Draft) -> str:
    """The language the note is written in, by its words; English when that cannot be told."""
    words = " ".join([draft.note.subject, draft.note.intro] + [b.text for b in draft.blocks])
    found = detect_language(words)
    return found if found in LANGUAGE_NAMES and found != "other" else "en"


class _Builder:
    def __init__(self, report: ImportReport, footers: FooterReader) -> None:
        self.report = report
        self.footers = footers
        self.footnotes = FootnoteCollector()
        self.blocks: list[_Pending] = []
        self.page_break = False          # a separator since the last block
        self.footnote_zone = False       # after a separator, before the next block

    # -- one chunk ----------------------------------------------------------------------------
    def add(self, chunk: Chunk, position: int) -> None:
        if chunk.separator or self.footers.consume(chunk.text):
            self.page_break = self.footnote_zone = True
            return
        if self._footnote_text(chunk, position):
            return
        shape = shape_of(chunk.text, chunk.indent)
        if shape.empty_bullet:
            self.report.warn(_("an empty list item was left out"), chunk.line, chunk.first_line)
            return
        if not shape.text.strip() and not any(isinstance(p, Marker) for p in shape.pieces):
            return
        if is_annex_header(shape):
            return
        self.footnote_zone = False
        if self._continues_previous(shape):
            previous = self.blocks[-1]
            previous.content.append(TextRun(" "))
            previous.content.extend(self._slots(shape.pieces, chunk, position))
            self.page_break = False
            return
        kind, level = kind_of(shape, first=not self.blocks)
        pieces = undress(shape.pieces, kind)
        self.blocks.append(_Pending(kind, level, self._slots(pieces, chunk, position), chunk.line,
                                    shape.number if kind is BlockKind.NUMBERED else None))
        self.page_break = False

    def _footnote_text(self, chunk: Chunk, position: int) -> bool:
        match = FOOTNOTE_TEXT.match(chunk.text)
        if not match:
            return False
        label = match["sup"] or match["caret"] or match["bold"]
        if match["uni"]:
            label = superscript_label(match["uni"])
        # "**3** …" is only a footnote text at the foot of a page or when marker 3 awaits one.
        if match["bold"] and not (self.footnote_zone or label in self.footnotes.pending_labels()):
            return False
        body = inline_to_plain(chunk.text[match.end():])
        self.footnotes.add_text(label, body, chunk.line, position)
        return True

    def _continues_previous(self, shape: ChunkShape) -> bool:
        """A paragraph cut by a page break (and footnote texts) goes on in this chunk."""
        if not self.blocks or not shape.plain_prose:
            return False
        previous = self.blocks[-1]
        if previous.kind not in _CONTINUABLE:
            return False
        if terminated(_tail_text(previous.content)):
            return False
        if shape.text.lstrip()[:1].islower():
            return True
        # Across a page, an unfinished sentence goes on unless a new clause or heading starts.
        return self.page_break and kind_of(shape, first=False)[0] is BlockKind.PARAGRAPH

    def _slots(self, pieces: list[Piece], chunk: Chunk, position: int) -> list:
        quote = None                   # the chunk's plain text, worked out only for a marker
        result: list = []
        for piece in pieces:
            if isinstance(piece, Marker):
                if quote is None:
                    quote = inline_to_plain(chunk.text)
                result.append(self.footnotes.add_marker(piece, chunk.line, quote, position))
            else:
                result.append(piece)
        return result

    # -- the draft ----------------------------------------------------------------------------
    def finish(self, draft: Draft) -> None:
        by_slot, footnotes = self.footnotes.resolve(self.report)
        for pending in self.blocks:
            content = []
            for item in pending.content:
                if isinstance(item, MarkerSlot):
                    footnote_id = by_slot[item.slot]
                    if footnote_id is None:
                        content.append(TextRun(item.marker.raw))
                    else:
                        content.append(FootnoteRef(footnote_id))
                else:
                    content.append(item)
            block = Block(pending.kind, normalise(content), pending.level)
            draft.blocks.append(block)
            self.report.block_lines[block.id] = pending.line
            if pending.number is not None and pending.number.isdigit():
                self.report.block_numbers[block.id] = int(pending.number)
        # Numbers as printed: kept where they are not the computed ones ("8, 9 …", "5a").
        keep_source_numbers(draft.blocks, [pending.number for pending in self.blocks])
        for footnote in footnotes:
            draft.footnotes[footnote.id] = footnote



def _tail_text(content: list) -> str:
    """The last words of a pending block: enough to see how it ends, without joining it all
    for every chunk (a long run of continued chunks would make the import quadratic)."""
    tail: list[str] = []
    size = 0
    for piece in reversed(content):
        if isinstance(piece, TextRun):
            tail.append(piece.text)
            size += len(piece.text.strip())
            if size >= 16:
                break
    return "".join(reversed(tail))
