"""Page furniture in text copied out of a Council PDF: footers, "ANNEX" page headers, press lines.

pdftotext and PDF viewers give a footer as one or two lines ("6914/24   MR/mdc   1" over
"ANNEX   JAI.B   EN", with -layout) or as scattered pieces ("6914/24", "MR/mdc", "JAI.B", "1",
"EN", each alone), and a European Council text as "EUCO 163/14 1 ES". A footer is recognised
as a run of lines made only of such pieces that holds the document number, a page number and
a language code. Its initials and directorate are kept: the cover lacks them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

#: The document number as a cover or footer writes it: "6914/24", "EUCO 163/14", "6914/1/24 REV 1".
NUMBER_TEXT = (r"(?:(?:ST|EUCO|CM|PE-CONS)\s+)?\d{1,6}/(?:\d{1,2}/)?\d{2}"
               r"(?:\s+(?:REV|ADD|COR|AMD)\s*\d+)*")
_NUMBER_LINE = re.compile(rf"^\s*(?P<number>{NUMBER_TEXT})\b")
LANGUAGE_CODES = frozenset(
    "BG ES CS DA DE ET EL EN FR GA HR IT LV LT HU MT NL PL PT RO SK SL FI SV".split())
_INITIALS = re.compile(r"^[A-Za-z]{1,6}(?:/[A-Za-z]{1,6})+$")
_DIRECTORATE = re.compile(r"^(?:[A-Z]{2,5}(?:\.[A-Z0-9]{1,3})?|\d[A-Z])$")
_HEADER_WORDS = frozenset({"ANNEX", "ANEXO", "ANNEXE", "LIMITE"})
_ROMAN = re.compile(r"^[IVX]{1,5}$")
#: The press office's contact block under a European Council or press text.
PRESS_LINE = re.compile(
    r"press\.office@consilium|www\.consilium\.europa\.eu/press|^\s*(?:press office|oficina de "
    r"prensa)\b|rue de la loi,?\s*175|^\s*tel\.?:?\s*\+32",
    re.IGNORECASE,
)
_NUMBER_PLACEHOLDER = "\x00"


@dataclass
class FooterFacts:
    initials: str = ""
    directorate: str = ""
    pieces: list[str] = field(default_factory=list)


def find_number(lines: list[str], limit: int = 60) -> str | None:
    """The document number on the cover: the first line of the top that starts with one."""
    for line in lines[:limit]:
        match = _NUMBER_LINE.match(line)
        if match and line.strip() == match["number"].strip():
            return " ".join(match["number"].split())
    return None


class FurnitureTokens:
    """Classifies the words of one line as footer pieces of the note numbered `number`."""

    def __init__(self, number: str) -> None:
        self.number = re.compile(re.escape(number).replace(r"\ ", r"\s+"))

    def words(self, line: str) -> list[str]:
        return self.number.sub(_NUMBER_PLACEHOLDER, line).split()

    def tokens(self, line: str) -> list[str] | None:
        """The kind of each word of the line if every word of it is furniture, else None."""
        words = self.words(line)
        if not words:
            return None
        kinds: list[str] = []
        for index, word in enumerate(words):
            kind = self._kind(word, words[index - 1] if index else "")
            if kind is None:
                return None
            kinds.append(kind)
        return kinds

    def _kind(self, word: str, previous: str) -> str | None:
        if word == _NUMBER_PLACEHOLDER:
            return "number"
        if word.isdigit() and len(word) <= 4:
            return "page"
        if word in LANGUAGE_CODES:
            return "language"
        if word in _HEADER_WORDS or (_ROMAN.match(word) and previous in _HEADER_WORDS):
            return "header"
        if _INITIALS.match(word):
            return "initials"
        if _DIRECTORATE.match(word):
            return "directorate"
        return None


def footer_runs(lines: list[str], number: str) -> list[tuple[int, int, FooterFacts]]:
    """(first, end) line ranges of footers (with their page headers), in order."""
    classify = FurnitureTokens(number)
    runs: list[tuple[int, int, FooterFacts]] = []
    index = 0
    while index < len(lines):
        kinds = classify.tokens(lines[index].replace("\f", " "))
        if not kinds or kinds[0] != "number":
            index += 1
            continue
        end, seen, facts = index, [], FooterFacts()
        probe = index
        while probe < len(lines):
            text = lines[probe].replace("\f", " ")
            if not text.strip():
                probe += 1
                continue
            line_kinds = classify.tokens(text)
            # A second number starts the next page's footer; a lone page number there is body.
            if line_kinds is None or (probe > index and "number" in line_kinds):
                break
            _remember(facts, classify.words(text), line_kinds)
            seen.extend(line_kinds)
            probe += 1
            end = probe
        if "page" in seen and "language" in seen:
            runs.append((index, end, facts))
            index = end
        else:
            index += 1
    return runs


def _remember(facts: FooterFacts, words: list[str], kinds: list[str]) -> None:
    for word, kind in zip(words, kinds, strict=True):
        if kind == "initials" and not facts.initials:
            facts.initials = word
        elif kind == "directorate" and not facts.directorate:
            facts.directorate = word


def is_page_header(line: str) -> bool:
    """The "ANNEX" (ES "ANEXO") line at the top of an annex page."""
    return bool(re.match(r"^\s*(ANNEX|ANEXO|ANNEXE)(\s+([IVX]+|\d+))?\s*$", line))
