"""Deciding what kind of block a chunk of markdown is, and its clean content.

Kinds follow Council drafting: a capitalised lead-in decides preamble ("HAVING MET",
"RECALLING", "CONSIDERANDO") or operative clause ("WE REAFFIRM", "REAFIRMAMOS"); list
markers decide list items and their level; "7. …" is a numbered paragraph: its number leaves
the text, and the block keeps it only where it is not the one computed in order ("8." opening
an extract, an inserted "5a."; app.model.numbering).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from app.model import BlockKind, TextRun

from .chunks import BULLET, MD_HEADING, NUMBERED
from .inline_md import Piece, parse_inline, plain

#: Glyphs that mark a second-level item ("❖ Bi-regional cooperation …").
LEVEL_TWO_GLYPHS = "❖◦▪➢○■►"
_LEVEL_TWO_PREFIX = re.compile(rf"^\s*[{LEVEL_TWO_GLYPHS}]\s*")

_UPPER = "A-ZÁÉÍÓÚÑÜÀÈÌÒÙÂÊÎÔÛÇ"
#: "WE REAFFIRM", "WE UNDERScore", "NOS COMPROMETEMOS", "REAFIRMAMOS": operative lead-ins.
_OPERATIVE = re.compile(
    rf"^(?:(?:WE|NOUS|NOS)\s+[{_UPPER}]{{2,}}|[{_UPPER}]{{3,}}(?:AMOS|EMOS|IMOS)\b)"
)
#: "HAVING MET", "RECALLING", "WHEREAS", "CONSIDERANDO", "RECORDANDO": preamble lead-ins.
_PREAMBLE = re.compile(
    rf"^(?:[{_UPPER}]{{2,}}(?:ING|ANDO|IENDO|ENDO)|WHEREAS|CONSIDÉRANT)\b(?!-)"
)
_TERMINAL = (".", ";", ":", "!", "?", "…")
#: Page furniture of converted notes: the "ANNEX" header on every annex page.
_ANNEX_HEADER = re.compile(r"^(ANNEX|ANEXO|ANNEXE)(\s+([IVX]+|\d+))?$")


@dataclass
class ChunkShape:
    """What the chunk's markup says, before its words are considered."""

    pieces: list[Piece]
    bullet: bool = False
    level: int = 0
    number: str | None = None          # as printed: "7", "5a"
    md_heading: bool = False
    lines: int = 1
    empty_bullet: bool = False

    @property
    def text(self) -> str:
        return plain(self.pieces)

    @property
    def fully_bold(self) -> bool:
        runs = [p for p in self.pieces if isinstance(p, TextRun) and p.text.strip()]
        return bool(runs) and all(run.bold for run in runs)

    @property
    def plain_prose(self) -> bool:
        """No list, number, heading or bold dressing: ordinary text."""
        return not (self.bullet or self.number is not None or self.md_heading or self.fully_bold)


def shape_of(raw: str, indent: int) -> ChunkShape:
    lines = raw.count("\n") + 1
    heading = MD_HEADING.match(raw)
    if heading:
        return ChunkShape(parse_inline(raw[heading.end():]), md_heading=True, lines=lines)
    bullet = BULLET.match(raw)
    if bullet:
        glyph = bullet.group(2)
        rest = raw[bullet.end():]
        level = 2 if glyph in LEVEL_TWO_GLYPHS or indent >= 2 or len(bullet.group(1)) >= 2 else 1
        second = _LEVEL_TWO_PREFIX.match(rest)
        if second:
            level, rest = 2, rest[second.end():]
        pieces = parse_inline(rest)
        return ChunkShape(pieces, bullet=True, level=level, lines=lines,
                          empty_bullet=not plain(pieces).strip())
    second = _LEVEL_TWO_PREFIX.match(raw)
    if second:
        return ChunkShape(parse_inline(raw[second.end():]), bullet=True, level=2, lines=lines)
    number = NUMBERED.match(raw)
    if number:
        return ChunkShape(parse_inline(raw[number.end():]), number=number.group(1) or number.group(2),
                          lines=lines)
    return ChunkShape(parse_inline(raw), lines=lines)


def lead_in_kind(text: str) -> BlockKind | None:
    if _OPERATIVE.match(text):
        return BlockKind.OPERATIVE
    if _PREAMBLE.match(text):
        return BlockKind.PREAMBLE
    return None


def is_annex_header(shape: ChunkShape) -> bool:
    return not shape.bullet and shape.number is None and bool(
        _ANNEX_HEADER.match(shape.text.strip())
    )


def terminated(text: str) -> bool:
    return text.rstrip().rstrip("\"'”’»)]").rstrip().endswith(_TERMINAL)


def kind_of(shape: ChunkShape, first: bool) -> tuple[BlockKind, int]:
    text = shape.text.strip()
    if shape.bullet:
        return BlockKind.LIST_ITEM, shape.level
    if shape.number is not None:
        return BlockKind.NUMBERED, 0
    lead = lead_in_kind(text)
    if lead is not None:
        return lead, 0
    words = len(text.split())
    if shape.md_heading or shape.fully_bold:
        return (BlockKind.TITLE if first else BlockKind.HEADING), 0
    if first and not terminated(text) and words <= 60:
        return BlockKind.TITLE, 0
    # A short line standing alone without a full stop: "Article 1", "Preamble".
    if shape.lines == 1 and words <= 8 and not terminated(text) and not text.endswith(","):
        if text[:1].isupper() or text[:1].isdigit():
            return BlockKind.HEADING, 0
    return BlockKind.PARAGRAPH, 0


def undress(pieces: list[Piece], kind: BlockKind) -> list[Piece]:
    """A title or heading that is bold all through: the bold is the kind's style, not emphasis."""
    if kind not in (BlockKind.TITLE, BlockKind.HEADING):
        return pieces
    runs = [p for p in pieces if isinstance(p, TextRun) and p.text.strip()]
    if not runs or not all(run.bold for run in runs):
        return pieces
    return [replace(p, bold=False) if isinstance(p, TextRun) else p for p in pieces]
