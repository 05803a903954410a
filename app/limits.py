"""The caps every reader enforces, in one place (README "Limits" lists them for users).

A file beyond a cap is refused with one sentence naming the limit; everything within them is
read in time roughly linear in its size. The figures leave room above real Council material: a
300-page note is about 1.2 MB of markdown, 5 000 blocks, and lines under 1 000 characters; its
DOCX holds a few MB of XML. At the caps an import takes a few seconds and stays well under
500 MB on a laptop (measured by benchmarks/bench_hostile.py).
"""

from __future__ import annotations

from app.i18n import _

MB = 1024 * 1024

#: A text or markdown source (import, Spanish import, revision import, library add).
MAX_TEXT_BYTES = 6 * MB
#: One line of a text source: a converter that lost its line breaks, or not a note at all.
MAX_LINE_CHARS = 200_000
#: Paragraphs (blocks) one source may give, text or DOCX; for a text, footnote texts and page
#: separators count too.
MAX_PARAGRAPHS = 30_000

#: A DOCX file on disk (pictures count here but are never decompressed).
MAX_DOCX_BYTES = 200 * MB
#: Members listed in a DOCX package.
MAX_DOCX_MEMBERS = 5_000
#: One XML part once decompressed, and all the parts read from one package together.
MAX_PART_BYTES = 24 * MB
MAX_PACKAGE_XML_BYTES = 48 * MB
#: Above 1 MB, a part that expands more than this many times is a zip bomb, not XML.
MAX_RATIO = 200
#: Paragraph elements (w:p) in the document body (table cells, empty and merged paragraphs
#: included), counted before walking them.
MAX_DOCX_PARAGRAPH_ELEMENTS = 60_000


def megabytes(size: int) -> str:
    """A size for a sentence: "24 MB"."""
    return f"{size // MB} MB" if size >= MB else f"{max(1, size // 1024)} KB"


def too_many_paragraphs(name: str, count: int) -> str:
    return _("“{name}” holds more than {limit} paragraphs ({count}), the limit for one "
             "document; split it and import the parts.").format(
        name=name, limit=f"{MAX_PARAGRAPHS:,}", count=f"{count:,}")


def line_too_long(name: str, line: int, length: int) -> str:
    return _("“{name}” has a line of {length} characters (line {line}); the limit is {limit}, "
             "so this is not a note's text.").format(
        name=name, line=line, length=f"{length:,}", limit=f"{MAX_LINE_CHARS:,}")
