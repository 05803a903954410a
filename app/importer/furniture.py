"""Page furniture of notes converted from PDF or Word: footers and "ANNEX" page headers.

A footer reads "6914/24   MR/mdc   2" then "JAI.B   EN" (or "JAI.1 LIMITE EN", "… ANNEX").
It is not text of the note: it ends a page, and it tells the drafter's initials and the
directorate, which the cover lacks.
"""

from __future__ import annotations

import re

from app.model import NoteMeta

_SECOND_LINE = re.compile(
    r"^(?P<directorate>[A-Z][A-Z0-9]{0,5}(?:[ .][A-Z0-9]{1,3}){0,3})\s+(?:LIMITE\s+)?"
    r"(?:ANNEX(?:\s+[IVX\d]+)?\s+)?(?:[A-Z]{2})$"
)


def _first_line(meta: NoteMeta) -> re.Pattern[str] | None:
    numbers = {meta.number, meta.full_number} - {""}
    if not numbers:
        return None
    alternatives = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in numbers)
    return re.compile(
        rf"^(?:{alternatives})\s+(?P<initials>[A-Za-z]{{1,6}}(?:/[A-Za-z]{{1,6}})+)\s+\d{{1,4}}"
        r"(?:\s+(?P<rest>.+))?$"
    )


class FooterReader:
    """Recognises footers of the note whose cover was read; records initials and directorate."""

    def __init__(self, meta: NoteMeta) -> None:
        self.meta = meta
        self.first = _first_line(meta)
        self.expect_second = False

    def consume(self, text: str) -> bool:
        """True if `text` (a chunk, possibly two lines) is a footer and so no block."""
        if self.first is None:
            return False
        lines = [" ".join(line.split()) for line in text.split("\n") if line.strip()]
        if self.expect_second and len(lines) == 1 and self._second(lines[0]):
            self.expect_second = False
            return True
        match = self.first.match(lines[0]) if lines else None
        if not match or len(lines) > 2:
            return False
        if not self.meta.initials:
            self.meta.initials = match["initials"]
        rest = [part for part in [match["rest"]] + lines[1:] if part]
        if rest and not self._second(rest[0]):
            return False
        self.expect_second = not rest
        return True

    def _second(self, line: str) -> bool:
        match = _SECOND_LINE.match(line)
        if match and not self.meta.directorate:
            self.meta.directorate = match["directorate"]
        return bool(match)
