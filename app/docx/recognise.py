"""Recognising a Council note's structure in a Word file: block kinds, cover codes, footer.

The DOCX reader (app.docx.reader) calls these for what styles and layout say:

- the paragraph styles Concordia's own writer uses (app.docx.annex, templates/make_reference.py)
  give the block kinds back exactly: AnnexTitle, Heading1, NumberedParagraph, ListBullet 1–3;
- a plain annex paragraph is a preamble ("HAVING MET …") or an operative clause ("WE REAFFIRM …")
  when it opens like one, in a file of ours or in any Council-like note;
- the cover's subject codes ("CORDROGUE 26  COLAC 27 …") and the footer's drafter's initials
  ("MR/mdc") and directorate ("JAI.B") are recognised by their shape.
"""

from __future__ import annotations

import re

from lxml import etree

from app.importer.blocks import lead_in_kind
from app.model import BlockKind, NoteMeta

#: Style ids written by app.docx.annex → (kind, level); compared in lower case.
_STYLE_KINDS: dict[str, tuple[BlockKind, int]] = {
    "annextitle": (BlockKind.TITLE, 0),
    "numberedparagraph": (BlockKind.NUMBERED, 0),
    "listbullet": (BlockKind.LIST_ITEM, 1),
    "listbullet2": (BlockKind.LIST_ITEM, 2),
    "listbullet3": (BlockKind.LIST_ITEM, 3),
}


def kind_from_style(style_id: str) -> tuple[BlockKind, int] | None:
    """The kind a paragraph style of ours stands for, or None for any other style."""
    return _STYLE_KINDS.get(style_id.lower())


def kind_from_text(text: str) -> BlockKind:
    """A plain paragraph's kind from its opening words (the text importer's rule)."""
    return lead_in_kind(text.strip()) or BlockKind.PARAGRAPH


# -- cover ------------------------------------------------------------------------------

_CODE = r"[A-Z][A-Z0-9/-]{1,15} \d{1,4}"
#: A line holding only subject codes: "CORDROGUE 26 COLAC 27 SAN 105 JAI 322".
_CODES_LINE = re.compile(rf"^{_CODE}(?:\s+{_CODE})*$")


def subject_codes(text: str) -> list[str] | None:
    """The codes of a cover line made only of subject codes, else None."""
    if not _CODES_LINE.match(text):
        return None
    return re.findall(_CODE, text)


# -- footer -----------------------------------------------------------------------------

_INITIALS = re.compile(r"^[A-Z]{1,4}/[a-z]{1,4}$")
#: "JAI.B", "JAI.1", "RELEX.2", "ECOFIN.1.A"; older notes "DG H 2B".
_DIRECTORATE = re.compile(r"^(?:[A-Z]{2,7}(?:\.[A-Z0-9]{1,3})+|DG [A-Z](?: \d[A-Z]?)?)$")


def footer_lines(root: etree._Element) -> list[list[str]]:
    """The footer's paragraphs as lists of fields (split at tabs and wide spaces)."""
    lines = []
    for p in root.iter("{*}p"):
        pieces: list[str] = []
        for element in p.iter("{*}t", "{*}tab"):
            pieces.append("\t" if etree.QName(element).localname == "tab" else element.text or "")
        fields = [field.strip() for field in re.split(r"\t| {2,}", "".join(pieces))]
        lines.append([field for field in fields if field])
    return lines


def take_footer(note: NoteMeta, footers: list[etree._Element]) -> None:
    """Fill the drafter's initials and the directorate from the footers, where still empty."""
    for root in footers:
        for fields in footer_lines(root):
            for field in fields:
                if not note.initials and _INITIALS.match(field):
                    note.initials = field
                elif not note.directorate and _DIRECTORATE.match(field):
                    note.directorate = field
