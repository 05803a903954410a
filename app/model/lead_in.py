"""The bold lead-in of a recital or operative clause ("HAVING MET", "WE REAFFIRM"): one rule.

The lead-in is the kind's style, like a title's size: it is not stored as the user's bold.
The editor draws it bold (app.ui.editor.presentation), the Word export writes it bold
(app.docx.annex) and the Word reader takes that bold back off (app.docx.reader), all with
the rule below, so what is seen is what is exported and a round trip changes nothing.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .draft import BlockKind
from .inline import ANCHOR, FootnoteRef, Inline, TextRun, normalise, split_at

#: The capitalised opening words of a recital ("HAVING MET") or clause ("WE REAFFIRM").
LEAD_IN = re.compile(r"^\W*(?:[A-ZÁÉÍÓÚÑÜÇÀÈÌÒÙ][A-ZÁÉÍÓÚÑÜÇÀÈÌÒÙ'’\-]+\b[\s,]*)+")
LEAD_IN_KINDS = (BlockKind.PREAMBLE, BlockKind.OPERATIVE)


def lead_in_length(kind: BlockKind, text: str) -> int:
    """How many characters of a block's text (a footnote reference counts as one) are its
    lead-in; 0 for other kinds or when the block opens otherwise."""
    if kind not in LEAD_IN_KINDS:
        return 0
    match = LEAD_IN.match(text)
    if not match or match.end() <= 1:
        return 0
    return len(match.group(0).rstrip(" ,"))


def content_text(content: list[Inline]) -> str:
    """The text the rule reads: runs' text, each footnote reference one character."""
    return "".join(ANCHOR if isinstance(item, FootnoteRef) else item.text for item in content)


def with_lead_in_bold(kind: BlockKind, content: list[Inline]) -> list[Inline]:
    """The content as printed: the lead-in's runs bold."""
    length = lead_in_length(kind, content_text(content))
    if not length:
        return content
    head, tail = split_at(content, length)
    return normalise([replace(item, bold=True) if isinstance(item, TextRun) else item
                      for item in head] + tail)


def without_lead_in_bold(kind: BlockKind, content: list[Inline]) -> list[Inline]:
    """Printed content read back: a lead-in bold all through, followed by text that is not
    bold, loses that bold (it is the kind's style). Any other bold is the user's, kept (a
    lead-in standing alone, "WE ENCOURAGE", keeps the bold it may have had)."""
    length = lead_in_length(kind, content_text(content))
    if not length:
        return content
    head, tail = split_at(content, length)
    runs = [item for item in head if isinstance(item, TextRun) and item.text.strip()]
    after = next((item for item in tail if isinstance(item, TextRun) and item.text.strip()), None)
    if not runs or not all(run.bold for run in runs) or after is None or after.bold:
        return content
    return normalise([replace(item, bold=False) if isinstance(item, TextRun) else item
                      for item in head] + tail)
