"""The annex: blocks of the draft as styled paragraphs with runs and footnote references.

Numbered paragraphs and list items use real Word numbering (defined once in the reference
document), so a secretariat editing the file in Word can insert a paragraph and the numbers
follow; the numbering is also set on each paragraph, not only through its style, because
pandoc and older readers look there.

Word prints exactly the numbers of app.model.numbering: where the draft's number is not the
one Word's list would give next ("8" opening an extract), the paragraph starts a new list
with that start (a `w:num` with a `startOverride`, which `AnnexNumbering.attach` adds to the
numbering part), so Word shows 8 and goes on 9, 10; a number no Word list produces ("5a",
"7.1") is written as literal text before a tab, with the list's own indentation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from lxml import etree

from app.model import BlockKind, FootnoteRef, TextRun
from app.model.lead_in import with_lead_in_bold
from app.model.numbering import paragraph_numbers

from .footnotes import FootnoteCollector
from .localise import LocalBlock
from .ooxml import paragraph, paragraph_properties, ragged_if_unbreakable, run, sub, w

NUMBERED_NUM_ID = "1"      # as in templates/make_reference.py
BULLET_NUM_ID = "2"

_STYLES = {
    BlockKind.TITLE: "AnnexTitle",
    BlockKind.HEADING: "Heading1",
    BlockKind.PREAMBLE: "AnnexText",
    BlockKind.OPERATIVE: "AnnexText",
    BlockKind.PARAGRAPH: "AnnexText",
    BlockKind.NUMBERED: "NumberedParagraph",
}
_BULLET_STYLES = {1: "ListBullet", 2: "ListBullet2", 3: "ListBullet3"}


def annex_marker(text: str) -> etree._Element:
    p = paragraph("AnnexMarker")
    run(p, text)
    return p


#: Indentation of a numbered paragraph (twips), as the list in templates/make_reference.py.
NUMBER_INDENT = "567"
_FIRST_RESTART_ID = 100


class AnnexNumbering:
    """Chooses per numbered paragraph how Word shows the draft's number (see the module doc)."""

    def __init__(self, restarts: bool = True) -> None:
        self._restarts = restarts            # False: no numbering part to add lists to
        self.lists: list[tuple[str, int]] = []   # (numId, start) of the lists started here
        self._num_id = NUMBERED_NUM_ID
        self._next = 1                       # what the current Word list shows next

    def number(self, p: etree._Element, printed: str, level: int) -> None:
        if level == 0 and printed == str(self._next):
            _number(p, self._num_id, 0)
            self._next += 1
        elif level == 0 and printed.isdigit() and self._restarts:
            self._num_id = str(_FIRST_RESTART_ID + len(self.lists))
            self.lists.append((self._num_id, int(printed)))
            _number(p, self._num_id, 0)
            self._next = int(printed) + 1
        else:
            _literal_number(p, printed)

    def attach(self, document) -> None:
        """Add the lists that start at another number to the document's numbering part."""
        if not self.lists:
            return
        root = document.part.numbering_part.element
        abstract = root.find(f"{w('num')}[@{w('numId')}='{NUMBERED_NUM_ID}']/{w('abstractNumId')}")
        for num_id, start in self.lists:
            num = sub(root, "num", numId=num_id)
            sub(num, "abstractNumId", abstract.get(w("val")))
            sub(sub(num, "lvlOverride", ilvl="0"), "startOverride", str(start))


def annex_paragraphs(blocks: list[LocalBlock], footnotes: FootnoteCollector,
                     on_block: Callable[[int], None] | None = None,
                     numbering: AnnexNumbering | None = None) -> Iterator[etree._Element]:
    numbering = numbering or AnnexNumbering(restarts=False)
    printed = paragraph_numbers(blocks)
    for index, block in enumerate(blocks):
        if on_block is not None:
            on_block(index)
        p = block_paragraph(block, footnotes, numbering, printed[index])
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if following is not None and _leads_in(block, following):
            # A lead-in ("WE ENCOURAGE", "… the following topics:") never ends a page alone.
            _keep_with_next(p)
        yield p


def block_paragraph(block: LocalBlock, footnotes: FootnoteCollector,
                    numbering: AnnexNumbering | None = None, printed: str = "") -> etree._Element:
    """One paragraph; without `numbering` a numbered one simply follows Word's list."""
    if block.kind is BlockKind.LIST_ITEM:
        level = min(max(block.level, 1), 3)
        p = paragraph(_BULLET_STYLES[level])
        _number(p, BULLET_NUM_ID, level - 1)
    else:
        p = paragraph(_STYLES.get(block.kind, "AnnexText"))
        if block.kind is BlockKind.NUMBERED:
            if numbering is None or not printed:
                _number(p, NUMBERED_NUM_ID, 0)
            else:
                numbering.number(p, printed, max(block.level, 0))
    for item in with_lead_in_bold(block.kind, block.content):   # bold as the editor shows it
        if isinstance(item, TextRun):
            if item.text:
                run(p, item.text, bold=item.bold, italic=item.italic, underline=item.underline,
                    superscript=item.superscript)
        elif isinstance(item, FootnoteRef):
            footnotes.reference(p, item.footnote_id)
    if block.kind is not BlockKind.TITLE and block.kind is not BlockKind.HEADING:
        ragged_if_unbreakable(p, "".join(i.text for i in block.content if isinstance(i, TextRun)))
    return p


def _leads_in(block: LocalBlock, following: LocalBlock) -> bool:
    if block.kind is BlockKind.LIST_ITEM:
        return False
    text = "".join(item.text for item in block.content if isinstance(item, TextRun)).strip()
    if following.kind is BlockKind.LIST_ITEM or text.endswith(":"):
        return True
    return len(text) < 80 and not text.endswith((".", ";", "!", "?"))


def _keep_with_next(p: etree._Element) -> None:
    properties = paragraph_properties(p)
    keep = etree.Element(w("keepNext"))
    style = properties.find(w("pStyle"))
    if style is not None:
        style.addnext(keep)     # schema order: pStyle, keepNext, …, numPr
    else:
        properties.insert(0, keep)


def _literal_number(p: etree._Element, printed: str) -> None:
    """"5a." as text: numId 0 turns the style's list off; the list's indent and tab stay."""
    properties = paragraph_properties(p)
    _number(p, "0", 0)
    sub(sub(properties, "tabs"), "tab", val="left", pos=NUMBER_INDENT)
    sub(properties, "ind", left=NUMBER_INDENT, hanging=NUMBER_INDENT)
    r = run(p, f"{printed}.")
    etree.SubElement(r, w("tab"))


def _number(p: etree._Element, num_id: str, level: int) -> None:
    num_pr = sub(paragraph_properties(p), "numPr")
    sub(num_pr, "ilvl", str(level))
    sub(num_pr, "numId", num_id)
