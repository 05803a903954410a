"""Text copied out of a Council PDF → the markdown-like text the importer reads.

What users paste from a PDF (pdftotext with or without -layout, a viewer's copy, or all of
it on one line) has the note's words but lost its shape: footers and page headers between
the words, footnote texts at the foot of each page with their markers glued to the words,
paragraphs that only a line break (or nothing) sets apart, a two-column cover. This module
puts the shape back, so that the ordinary reader (cover.py, chunks.py, text.py) reads it:

    repaired = repair_pdf_text(text, report)      # None: the text is not PDF text
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.i18n import _

from .blocks import lead_in_kind, terminated
from .chunks import BULLET, SEPARATOR
from .pdf_flat import unflatten
from .pdf_footnotes import move_footnotes
from .pdf_furniture import (
    PRESS_LINE,
    FooterFacts,
    find_number,
    footer_runs,
    is_page_header,
)
from .report import ImportReport

#: Markdown a PDF never yields: such a text is read as it is.
_MARKDOWN = re.compile(r"<sup>|\*\*|^\s*#{1,6}\s|\[\^", re.MULTILINE)
_BULLET_ONLY = re.compile(r"^\s*[-•◦▪❖➢–]\s*$")
_NUMBERED = re.compile(r"^\s*\d{1,3}[.)]\s+\S")
_TWO_CAPITALISED = re.compile(r"^[A-ZÁÉÍÓÚÑÜ]{2,}\s+[A-ZÁÉÍÓÚÑÜ]{2,}\b")
_COLUMN_GAP = re.compile(r"(?<=\S)\s{3,}(?=\S)")


@dataclass
class RepairedText:
    text: str
    facts: FooterFacts


def repair_pdf_text(text: str, report: ImportReport) -> RepairedText | None:
    """The text with its shape put back, or None when it does not read as PDF text."""
    if _MARKDOWN.search(text) or any(SEPARATOR.match(line) for line in text.split("\n")):
        return None
    lines = text.split("\n")
    flattened = sum(1 for line in lines if line.strip()) <= 3 and len(text) > 300
    if flattened:
        lines = unflatten(text, report)
    number = find_number(lines)
    if number is None:
        return None
    runs = footer_runs(lines, number)
    if not runs and "\f" not in text and not flattened:
        return None
    facts = FooterFacts()
    pages = _pages(lines, runs, facts)
    pages = [_drop_press_lines(page, report) for page in pages]
    if pages:
        pages[0] = _split_columns(pages[0])
    pages = [_join_bullets(page) for page in pages]
    pages = move_footnotes(pages, report)
    body = [line for page in pages for line in page]
    return RepairedText("\n".join(_reflow(body)), facts)


def _pages(lines: list[str], runs, facts: FooterFacts) -> list[list[str]]:
    """The text between footers, a page each, without page headers and form feeds."""
    pages: list[list[str]] = []
    start = 0
    for first, end, run_facts in runs:
        pages.append(lines[start:first])
        facts.initials = facts.initials or run_facts.initials
        facts.directorate = facts.directorate or run_facts.directorate
        start = end
    pages.append(lines[start:])
    cleaned: list[list[str]] = []
    for index, page in enumerate(pages):
        page = [piece for line in page for piece in line.split("\f")]
        if index:
            page = _drop_header(page)
        cleaned.append(page)
    return [page for page in cleaned if any(line.strip() for line in page)]


def _drop_header(page: list[str]) -> list[str]:
    for index, line in enumerate(page):
        if not line.strip():
            continue
        return page[index + 1:] if is_page_header(line) else page[index:]
    return page


def _drop_press_lines(page: list[str], report: ImportReport) -> list[str]:
    kept = [line for line in page if not PRESS_LINE.search(line)]
    if len(kept) < len(page):
        report.warn(_("the press office's contact lines were left out"), None,
                    next(line for line in page if PRESS_LINE.search(line)))
    return kept


def _split_columns(page: list[str]) -> list[str]:
    """A -layout cover sets two columns side by side: the left column first, then the right."""
    left: list[str] = []
    right: list[str] = []
    result: list[str] = []
    for line in page:
        cells = _COLUMN_GAP.split(line.strip())
        side_by_side = not cells[0].endswith(":") and not line[:1].isspace()
        if len(cells) == 2 and side_by_side and len(cells[0]) < 40:
            left.append(cells[0])
            right.append(cells[1])
            continue
        if left or right:
            result.extend(left + right)
            left, right = [], []
        # A label and its value ("From:   General Secretariat") stay one line.
        result.append(" ".join(cells) if len(cells) > 1 else line)
    return result + left + right


def _join_bullets(page: list[str]) -> list[str]:
    """pdftotext without -layout puts a list item's dash alone, a blank line above its text."""
    result: list[str] = []
    waiting: str | None = None
    for line in page:
        if waiting is not None:
            if not line.strip():
                continue
            result.append(f"{waiting} {line.strip()}")
            waiting = None
            continue
        if _BULLET_ONLY.match(line):
            waiting = line.strip()
            continue
        result.append(line)
    if waiting is not None:
        result.append(waiting)
    return result


def _reflow(lines: list[str]) -> list[str]:
    """A blank line wherever a new paragraph starts without one."""
    width = _line_width(lines)
    result: list[str] = []
    previous = ""
    for line in lines:
        text = line.strip()
        if text and previous and _new_paragraph(previous, text, width):
            result.append("")
        result.append(line)
        previous = "" if (not text or text.startswith("<sup>") or text == "---") else text
    return result


def _line_width(lines: list[str]) -> int:
    """The usual length of a full line of body text (the 90th percentile of long lines)."""
    lengths = sorted(len(line.strip()) for line in lines if len(line.strip()) >= 40)
    if not lengths:
        return 80
    return lengths[min(len(lengths) - 1, int(len(lengths) * 0.9))]


def _new_paragraph(previous: str, line: str, width: int) -> bool:
    if BULLET.match(line):
        return True
    if _NUMBERED.match(line) and terminated(previous):
        return True
    if lead_in_kind(line) is not None:
        return True
    if _TWO_CAPITALISED.match(line) and (terminated(previous) or previous.endswith(")")):
        return True
    # A full line would have taken the next word: the shorter line ended its paragraph.
    first_word = line.split()[0]
    return (terminated(previous) and line[:1].isupper()
            and len(previous) + 1 + len(first_word) <= width)
