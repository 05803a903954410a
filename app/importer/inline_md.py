"""Inline markdown of one block: bold, italic, superscript, escapes, links, footnote markers.

The result is a list of `TextRun`s and `Marker`s; markers become `FootnoteRef`s once the
footnote texts of the whole document are known (see footnotes.py).

The parse is one left-to-right scan. Looking for a closer (`</u>`, `>`, `]`, `**`) could
search the rest of the line for every opener, quadratic on a long line of markup; so a search
that failed is remembered (a later opener before the same end cannot succeed either) and
bracket pairs are matched once for the whole text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from app.model import TextRun

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPERSCRIPT_VALUE = {char: str(value) for value, char in enumerate(SUPERSCRIPT_DIGITS)}
_ESCAPABLE = set("\\`*_{}[]()#+-.!|<>~\"'&$%^=:;,/?@")
_URL = re.compile(r"^(?:https?://|www\.|mailto:|ftp://)\S+$", re.IGNORECASE)
_EMAIL = re.compile(r"^[\w.+-]+@[\w-]+(\.[\w-]+)+$")
_TAGS = (("sup", "superscript"), ("u", "underline"), ("b", "bold"), ("strong", "bold"),
         ("i", "italic"), ("em", "italic"), ("sub", None))
_CLOSING_TAG = {tag: re.compile(re.escape(f"</{tag}>"), re.IGNORECASE) for tag, _attr in _TAGS}
#: Formatting nested deeper than this is kept as written (the words stay, not the formatting).
MAX_NESTING = 40


@dataclass(frozen=True)
class Marker:
    """A footnote reference as written in the source: `<sup>3</sup>`, `[^3]` or `³`."""

    label: str
    style: str          # "sup", "caret" or "unicode"
    raw: str            # the source form, kept for a unicode superscript that is no footnote


Piece = TextRun | Marker


def superscript_label(raw: str) -> str:
    return "".join(_SUPERSCRIPT_VALUE[char] for char in raw)


def looks_like_url(text: str) -> bool:
    return bool(_URL.match(text.strip()))


def parse_inline(text: str) -> list[Piece]:
    """Parse one block's markdown into runs and markers, with whitespace tidied."""
    return tidy(_Parser(text).parse(0, len(text), TextRun("")))


def plain(pieces: list[Piece]) -> str:
    return "".join(p.text if isinstance(p, TextRun) else "" for p in pieces)


def inline_to_plain(text: str) -> str:
    return plain(parse_inline(text))


class _Parser:
    def __init__(self, source: str) -> None:
        self.s = source
        self.depth = 0
        self.failed: dict[tuple, int] = {}     # (what, end) → earliest start that found nothing
        self.brackets: dict[int, int] | None = None

    def _search(self, key: tuple, start: int, end: int, find) -> int:
        """`find(start, end)`, remembering failures: none after `start` means none later."""
        earliest = self.failed.get((key, end))
        if earliest is not None and start >= earliest:
            return -1
        found = find(start, end)
        if found < 0:
            self.failed[(key, end)] = start if earliest is None else min(start, earliest)
        return found

    def parse(self, start: int, end: int, fmt: TextRun) -> list[Piece]:
        self.depth += 1
        try:
            return self._parse(start, end, fmt)
        finally:
            self.depth -= 1

    def _parse(self, start: int, end: int, fmt: TextRun) -> list[Piece]:
        s = self.s
        out: list[Piece] = []
        buffer: list[str] = []

        def flush() -> None:
            if buffer:
                out.append(replace(fmt, text="".join(buffer)))
                buffer.clear()

        def emit(pieces: list[Piece]) -> None:
            flush()
            out.extend(pieces)

        i = start
        while i < end:
            char = s[i]
            if char == "\\" and i + 1 < end and s[i + 1] in _ESCAPABLE:
                buffer.append(s[i + 1])
                i += 2
            elif char == "\\" and i + 1 < end and s[i + 1] == "\n":   # hard line break
                buffer.append(" ")
                i += 2
            elif char in "<[*_" and self.depth > MAX_NESTING:
                buffer.append(char)
                i += 1
            elif char == "<":
                i = self._angle(i, end, fmt, buffer, emit)
            elif char == "[":
                i = self._bracket(i, end, fmt, buffer, emit)
            elif char in "*_":
                i = self._emphasis(i, end, fmt, buffer, emit)
            elif char in _SUPERSCRIPT_VALUE:
                j = i
                while j < end and s[j] in _SUPERSCRIPT_VALUE:
                    j += 1
                raw = s[i:j]
                emit([Marker(superscript_label(raw), "unicode", raw)])
                i = j
            elif char in "\n\t\r":
                buffer.append(" ")
                i += 1
            else:
                buffer.append(char)
                i += 1
        flush()
        return out

    # -- <sup>…</sup>, <u>…</u>, <https://…>, other tags ----------------------------------
    def _angle(self, i, end, fmt, buffer, emit) -> int:
        s = self.s
        lower = s[i : i + 6].lower()
        for tag, attr in _TAGS:
            opener = f"<{tag}>"
            if s[i : i + len(opener)].lower() != opener:
                continue
            close = self._search(("tag", tag), i + len(opener), end,
                                 lambda a, b, tag=tag: _first(_CLOSING_TAG[tag], s, a, b))
            if close < 0:
                break
            inner_start = i + len(opener)
            inner = s[inner_start:close]
            if tag == "sup" and inner.strip().isdigit():
                emit([Marker(inner.strip(), "sup", s[i : close + 6])])
            else:
                inner_fmt = replace(fmt, **{attr: True}) if attr else fmt
                emit(self.parse(inner_start, close, inner_fmt))
            return close + len(tag) + 3
        if lower.startswith("<br"):
            close = s.find(">", i, end)
            if close > 0:
                buffer.append(" ")
                return close + 1
        close = self._search((">",), i + 1, end, lambda a, b: s.find(">", a, b))
        if close > 0:
            inside = s[i + 1 : close]
            if looks_like_url(inside) or _EMAIL.match(inside):
                buffer.append(inside)
                return close + 1
        buffer.append("<")
        return i + 1

    # -- [^1] and [text](url) ----------------------------------------------------------------
    def _bracket(self, i, end, fmt, buffer, emit) -> int:
        s = self.s
        if s.startswith("[^", i):
            close = self._search(("]",), i + 2, end, lambda a, b: s.find("]", a, b))
            if close > 0 and re.fullmatch(r"[\w-]+", s[i + 2 : close]):
                label = s[i + 2 : close]
                emit([Marker(label, "caret", s[i : close + 1])])
                return close + 1
        close = self._matching_bracket(i, end)
        if close > 0 and close + 1 < end and s[close + 1] == "(":
            paren = self._search((")",), close + 2, end, lambda a, b: s.find(")", a, b))
            if paren > 0:
                url = s[close + 2 : paren].strip().split(" ")[0].strip("<>")
                label_text = s[i + 1 : close]
                # Converters escape URLs twice in link text ("CND\\_66"); the target is clean.
                if looks_like_url(label_text.replace("\\", "")) and url:
                    buffer.append(url)
                else:
                    emit(self.parse(i + 1, close, fmt))
                return paren + 1
        buffer.append("[")
        return i + 1

    def _matching_bracket(self, i, end) -> int:
        if self.brackets is None:
            self.brackets = _bracket_pairs(self.s)
        if i in self.brackets:
            partner = self.brackets[i]
            return partner if partner < end else -1
        return self._scan_bracket(i, end)     # an opener the whole-text pass saw as escaped

    def _scan_bracket(self, i, end) -> int:
        depth = 0
        j = i
        while j < end:
            if self.s[j] == "\\":
                j += 2
                continue
            if self.s[j] == "[":
                depth += 1
            elif self.s[j] == "]":
                depth -= 1
                if depth == 0:
                    return j
            j += 1
        return -1

    # -- **bold**, __bold__, *italic*, _italic_ ----------------------------------------------
    def _emphasis(self, i, end, fmt, buffer, emit) -> int:
        s = self.s
        char = s[i]
        if s.startswith(char * 3, i):
            close = self._search(("3", char), i + 3, end, lambda a, b: s.find(char * 3, a, b))
            if close > i + 3 and not s[i + 3].isspace():
                emit(self.parse(i + 3, close, replace(fmt, bold=True, italic=True)))
                return close + 3
        double = s.startswith(char * 2, i)
        width = 2 if double else 1
        after = s[i + width] if i + width < end else " "
        before = s[i - 1] if i > 0 else " "
        if after.isspace() or (char == "_" and before.isalnum()):
            buffer.append(s[i : i + width])
            return i + width
        close = self._search(("close", char, width), i + width, end,
                             lambda a, b: self._closing(a, b, char, width))
        if close < 0:
            buffer.append(s[i : i + width])
            return i + width
        inner_fmt = replace(fmt, bold=True) if double else replace(fmt, italic=True)
        emit(self.parse(i + width, close, inner_fmt))
        return close + width

    def _closing(self, start, end, char, width) -> int:
        s = self.s
        j = start
        while j < end:
            if s[j] == "\\":
                j += 2
                continue
            if s[j] == char:
                run = 1
                while j + run < end and s[j + run] == char:
                    run += 1
                before = s[j - 1]
                after = s[j + width] if j + width < end else " "
                if run == width and not before.isspace() and not (char == "_" and after.isalnum()):
                    return j
                j += run
                continue
            j += 1
        return -1


def _first(pattern: re.Pattern, text: str, start: int, end: int) -> int:
    match = pattern.search(text, start, end)
    return match.start() if match else -1


def _bracket_pairs(text: str) -> dict[int, int]:
    """Each `[` → its matching `]` (-1 if none), skipping backslash escapes, in one pass."""
    pairs: dict[int, int] = {}
    open_at: list[int] = []
    j = 0
    while j < len(text):
        char = text[j]
        if char == "\\":
            j += 2
            continue
        if char == "[":
            open_at.append(j)
        elif char == "]" and open_at:
            pairs[open_at.pop()] = j
        j += 1
    for unmatched in open_at:
        pairs[unmatched] = -1
    return pairs


def tidy(pieces: list[Piece]) -> list[Piece]:
    """Collapse whitespace across runs, trim the ends, drop spaces before footnote markers."""
    result: list[Piece] = []
    for piece in pieces:
        if isinstance(piece, TextRun):
            text = re.sub(r"\s+", " ", piece.text)
            previous = _last_text(result)
            if text.startswith(" ") and (previous is None or previous.endswith(" ")):
                text = text[1:]
            if not text:
                continue
            last = result[-1] if result else None
            if isinstance(last, TextRun) and last.same_format(piece):
                result[-1] = replace(last, text=last.text + text)
            else:
                result.append(replace(piece, text=text))
        else:
            if result and isinstance(result[-1], TextRun) and result[-1].text.endswith(" "):
                stripped = result[-1].text.rstrip()
                if stripped:
                    result[-1] = replace(result[-1], text=stripped)
                else:
                    result.pop()
            result.append(piece)
    while result and isinstance(result[-1], TextRun) and result[-1].text.endswith(" "):
        stripped = result[-1].text.rstrip()
        if stripped:
            result[-1] = replace(result[-1], text=stripped)
        else:
            result.pop()
    return result


def _last_text(pieces: list[Piece]) -> str | None:
    for piece in reversed(pieces):
        if isinstance(piece, TextRun):
            return piece.text
    return None
