"""PDF text flattened onto one line (every line break lost) → lines again, where structure shows.

Breaks are put back only where the words themselves say so: around footers ("6914/24 MR/mdc
JAI.B 2 EN"), before the cover's parts and labels, before the introductory sentence's usual
opening, before footnote numbers standing alone at the foot of a page, before a clause's
capitalised lead-in ("WE RECOGNISE", "REAFIRMAMOS"), a list dash or a paragraph number after a
full stop (a footnote marker may sit between). What cannot be told apart is said in the report; nothing is guessed.
"""

from __future__ import annotations

import re

from app.i18n import _

from .pdf_footnotes import marker_patterns
from .pdf_furniture import NUMBER_TEXT
from .report import ImportReport

_UPPER = "A-ZÁÉÍÓÚÑÜ"
_COVER_BREAKS = re.compile(
    r"\s+(?=\(OR\.|Council of the European Union|Consejo de la Unión Europea|"
    r"(?:NOTE|NOTA|COVER NOTE|I/A ITEM NOTE)\s|(?:From|To|Subject|De|A|Asunto)\s*:\s|"
    r"[A-Z][A-Z-]{1,15}\s\d{1,5}\b)"
)
#: How Council notes open their introductory sentence (seeds and conventions).
_INTRO_OPENINGS = re.compile(
    r"\s+(?=Delegations will find|Delegations are|Se remite a las Delegaciones|"
    r"Adjunto se remite|Se invita a las Delegaciones)"
)
_PARAGRAPH_BREAKS = re.compile(
    rf"(?<=[.;:!?)\"”»'])(\d{{1,3}})?\s+(?=(?:WE|NOS|NOUS)\s+[{_UPPER}]{{2,}}\b"
    rf"|[{_UPPER}]{{3,}}(?:AMOS|EMOS|IMOS|ING|ANDO|IENDO)\b|[{_UPPER}]{{2,}}\s+[{_UPPER}]{{2,}}\b|\d{{1,3}}\.\s+[{_UPPER}])"
    r"|\s+(?=[–•]\s)"
)
_SENTENCE = re.compile(rf"(?<=[.;])\s+(?=[{_UPPER}\d<])")


def unflatten(text: str, report: ImportReport) -> list[str]:
    flat = " ".join(text.split())
    number_match = re.search(NUMBER_TEXT, flat[:800])
    if number_match is None:
        return [flat]
    number = re.escape(number_match.group()).replace(r"\ ", r"\s+")
    footer = re.compile(
        rf"(?<!\S){number}(?:\s+(?:ANNEX|ANEXO))?(?:\s+[A-Za-z]{{1,6}}(?:/[A-Za-z]{{1,6}})+)?"
        r"(?:\s+[A-Z]{2,5}(?:\.[A-Z0-9]{1,3})?)?(?:\s+LIMITE)?\s+\d{1,4}\s+[A-Z]{2}"
        r"(?:\s+(?:ANNEX|ANEXO))?(?!\S)"
    )
    pages = [part.strip() for part in footer.split(flat)]
    footers = [match.group() for match in footer.finditer(flat)]
    lines: list[str] = []
    expected = 1
    for index, page in enumerate(pages):
        if index == 0:
            lines.extend(_cover(page, number_match.group(), report))
        else:
            body, notes, expected = _foot(page, expected)
            lines.extend(_PARAGRAPH_BREAKS.sub(r"\1\n", body).split("\n"))
            lines.extend(notes)
        if index < len(footers):
            lines.append(footers[index])
    return lines


def _cover(page: str, number: str, report: ImportReport) -> list[str]:
    parts = _INTRO_OPENINGS.split(page, maxsplit=1)
    if len(parts) == 1:
        report.warn(_("the end of the cover could not be found in text on one line; the cover "
                      "fields may hold words of the text after them"), None, page)
    cover = _COVER_BREAKS.sub("\n", parts[0])
    cover = re.sub(rf"\s*(?<!\S){re.escape(number)}(?!\S)\s*", f"\n{number}\n", cover, count=1)
    lines = cover.split("\n")
    if len(parts) > 1:
        lines.extend(["", parts[1]])
    return lines


def _foot(page: str, expected: int) -> tuple[str, list[str], int]:
    """The page's text, then its footnote labels and texts as lines, and the next label."""
    labels = list(re.finditer(rf"(?<=\s){expected}(?=\s)", page))
    for match in reversed(labels):
        body = page[: match.start()]
        if not any(pattern.search(body) for pattern in marker_patterns(expected)):
            continue
        rest = page[match.start():].split()
        notes: list[str] = []
        label = expected
        while rest and rest[0] == str(label):
            notes.append(rest.pop(0))
            label += 1
        if not rest or rest[0].isdigit():
            continue
        expected = label
        notes.extend(_SENTENCE.split(" ".join(rest)))
        return body.strip(), notes, expected
    return page, [], expected
