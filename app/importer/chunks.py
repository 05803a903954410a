"""Cutting the source into chunks: one per paragraph, list item, heading or footnote text.

A chunk is the raw markdown of one future block (or footnote text, or page separator), with
the line it starts on, so every warning can name its place.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from app.i18n import _
from app.progress import Progress

#: Page separators and rules: `---`, `***`, `___`, `\_\_\_\_\_`, `* * *`.
SEPARATOR = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,}|(?:\\_){3,}|(?:-\s){2,}-|(?:\*\s){2,}\*)\s*$")
BULLET = re.compile(r"^(\s*)([-*+•◦▪❖➢–])(?:\s+|$)")
#: "7. Reiterate …", "**7.** Reiterate …" and an inserted "5a. …" (not "**1. Addressing …**",
#: a bold heading).
NUMBERED = re.compile(r"^\s*(?:(\d{1,4}[a-z]?)[.)]|\*\*(\d{1,4}[a-z]?)[.)]\*\*)\s+")
MD_HEADING = re.compile(r"^\s*(#{1,6})\s+")
FOOTNOTE_TEXT = re.compile(
    r"^\s*(?:<sup>\s*(?P<sup>\d+)\s*</sup>|\[\^(?P<caret>[\w-]+)\]:"
    r"|(?P<uni>[⁰¹²³⁴⁵⁶⁷⁸⁹]+)(?=\s)|\*\*(?P<bold>\d+)\*\*(?=\s))\s*"
)
PROGRESS_EVERY = 1000


@dataclass
class Chunk:
    line: int                 # 1-based line of the source where the chunk starts
    text: str                 # raw markdown, lines joined with "\n"
    indent: int = 0
    separator: bool = False   # a page separator or rule: never a block

    @property
    def first_line(self) -> str:
        return self.text.split("\n", 1)[0]


def starts_new_chunk(line: str) -> bool:
    return bool(
        BULLET.match(line) or NUMBERED.match(line) or MD_HEADING.match(line)
        or FOOTNOTE_TEXT.match(line)
    )


def iter_chunks(
    lines: list[str], start: int = 0, progress: Progress | None = None
) -> Iterator[Chunk]:
    """Chunks of lines[start:]; blank lines and separators end a chunk."""
    current: list[str] = []
    first = 0
    indent = 0
    total = len(lines)

    def finish() -> Chunk | None:
        if not current:
            return None
        chunk = Chunk(first + 1, "\n".join(current), indent)
        current.clear()
        return chunk

    for index in range(start, total):
        if progress is not None and index % PROGRESS_EVERY == 0:
            progress.step(index, total, _("reading the text"))
        line = lines[index].rstrip("\r")
        if not line.strip() or SEPARATOR.match(line):
            done = finish()
            if done:
                yield done
            if line.strip():
                yield Chunk(index + 1, line.strip(), separator=True)
            continue
        if current and starts_new_chunk(line):
            done = finish()
            if done:
                yield done
        if not current:
            first = index
            indent = len(line) - len(line.lstrip(" \t"))
        current.append(line.strip())
    done = finish()
    if done:
        yield done
    if progress is not None:
        progress.step(total, total, _("reading the text"))
