"""Footnotes in text copied out of a PDF: texts at the foot of each page, markers glued on.

A PDF loses the superscript: the marker becomes a digit glued to the word or number before it
("Drugs1 (", "barriers.2", "Partnership”1.", "2017**1**", "31 de mayo de 2017 2,"), and the
footnote's number stands alone on a line at the foot of the page, before or above its text.
Footnotes are numbered 1…n through the document, so the next number expected is known: its
label is looked for at the foot of a page, then its marker in that page's text. The result is
markdown the importer already reads (`<sup>3</sup>` markers, a `---` rule, `<sup>3</sup> text`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.i18n import _

from .blocks import terminated
from .report import ImportReport

_LABEL = re.compile(r"^\s*(\d{1,3})\s*$")
_CLOSERS = r"[\s.,;:!?)\]”’»]"


def marker_patterns(label: int) -> list[re.Pattern[str]]:
    """Where a PDF puts marker `label`, most certain first."""
    n = str(label)
    return [
        # glued to a word or to the punctuation that ends it: "Drugs1", "barriers.2", "”1."
        re.compile(rf"(?<=[^\W\d_]|[.,;:!?\"”’'»)\]])(?:\*\*)?{n}(?:\*\*)?(?={_CLOSERS}|$)"),
        # glued to a year: "20171", "2017**1**"
        re.compile(rf"(?<=\b(?:1[89]|20)\d\d)(?:\*\*)?{n}(?:\*\*)?(?={_CLOSERS}|$)"),
        # a space away from a year and before punctuation: "31 de mayo de 2017 2,"
        re.compile(rf"(?<=\b(?:1[89]|20)\d\d) {n}(?=[,.;:)]|$)"),
    ]


@dataclass
class _Zone:
    start: int                      # index of the first line of the zone in the page
    texts: dict[int, str]           # label → footnote text


def move_footnotes(pages: list[list[str]], report: ImportReport) -> list[list[str]]:
    """Pages with their foot-of-page footnotes as markdown and their markers as `<sup>`."""
    expected = 1
    last_marker: tuple[int, int, int] = (0, 0, 0)     # page, line, column after the last marker
    result: list[list[str]] = []
    for page in pages:
        zone = _find_zone(page, expected, report)
        if zone is None:
            result.append(list(page))
            continue
        body = list(page[: zone.start])
        result.append(body)
        for label in sorted(zone.texts):
            found = _place_marker(result, label, last_marker)
            if found is not None:
                last_marker = found
        expected = max(zone.texts) + 1
        body.extend(["", "---", ""])
        for label in sorted(zone.texts):
            body.extend([f"<sup>{label}</sup> {zone.texts[label]}", ""])
    return result


def _find_zone(page: list[str], expected: int, report: ImportReport) -> _Zone | None:
    for start in range(1, len(page)):
        match = _LABEL.match(page[start])
        if not match or int(match[1]) != expected:
            continue
        zone = _read_zone(page[start:], expected, report)
        if zone is not None:
            return _Zone(start, zone)
    return None


def _read_zone(lines: list[str], expected: int, report: ImportReport) -> dict[int, str] | None:
    """Label → text if `lines` (the rest of the page) are only labels and their texts."""
    groups: list[tuple[list[int], list[str]]] = []
    for line in lines:
        if not line.strip():
            continue
        match = _LABEL.match(line)
        if match:
            if int(match[1]) != expected:
                return None
            expected += 1
            if groups and not groups[-1][1]:
                groups[-1][0].append(int(match[1]))
            else:
                groups.append(([int(match[1])], []))
        else:
            groups[-1][1].append(" ".join(line.split()))
    if not groups or not groups[-1][1]:
        return None
    texts: dict[int, str] = {}
    for labels, text_lines in groups:
        for label, text in zip(labels, _split_texts(text_lines, len(labels), labels, report),
                               strict=True):
            texts[label] = text
    return texts


def _split_texts(lines: list[str], count: int, labels: list[int],
                 report: ImportReport) -> list[str]:
    """`count` footnote texts from lines written one after another under `count` labels."""
    if count == 1:
        return [" ".join(lines)]
    width = max(len(line) for line in lines)
    gaps: list[tuple[int, int, int]] = []          # (score, -length, gap after line i)
    for index in range(len(lines) - 1):
        before, after = lines[index], lines[index + 1]
        if not (after[:1].isupper() or after[:1].isdigit() or after.startswith(("<", "http"))):
            continue
        fits = len(before) + 1 + len(after.split()[0]) <= width
        gaps.append((int(terminated(before)) + int(fits), -len(before), index))
    chosen = sorted(gap for _score, _length, gap in sorted(gaps, reverse=True)[: count - 1])
    if len(chosen) < count - 1:
        report.warn(_("the texts of footnotes {first}–{last} could not be told apart; all "
                      "their words are kept in footnote {first}").format(
                          first=labels[0], last=labels[-1]), None, lines[0])
        return [" ".join(lines)] + [""] * (count - 1)
    texts, start = [], 0
    for gap in chosen:
        texts.append(" ".join(lines[start: gap + 1]))
        start = gap + 1
    texts.append(" ".join(lines[start:]))
    return texts


def _place_marker(pages: list[list[str]], label: int,
                  after: tuple[int, int, int]) -> tuple[int, int, int] | None:
    """Turn the first marker `label` after `after` into `<sup>label</sup>`; its place or None."""
    for pattern in marker_patterns(label):
        for page_index in range(len(pages) - 1, after[0] - 1, -1):
            found = _search_page(pages[page_index], pattern, page_index, after)
            if found is None:
                continue
            line_index, match = found
            line = pages[page_index][line_index]
            tag = f"<sup>{label}</sup>"
            pages[page_index][line_index] = line[: match.start()] + tag + line[match.end():]
            return page_index, line_index, match.start() + len(tag)
    return None


def _search_page(page: list[str], pattern: re.Pattern[str], page_index: int,
                 after: tuple[int, int, int]) -> tuple[int, re.Match[str]] | None:
    for line_index, line in enumerate(page):
        start = 0
        if (page_index, line_index) < after[:2]:
            continue
        if (page_index, line_index) == after[:2]:
            start = after[2]
        match = pattern.search(line, start)
        if match:
            return line_index, match
    return None
