"""The annex: blocks of the draft as styled paragraphs with runs and footnote references.

Numbered paragraphs and list items use real Word numbering (defined once in the reference
document), so a secretariat editing the file in Word can insert a paragraph and the numbers
follow; the numbering is also set on each paragraph, not only through its style, because
pandoc and older readers look there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from lxml import etree

from app.model import BlockKind, FootnoteRef, TextRun

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


def annex_paragraphs(blocks: list[LocalBlock], footnotes: FootnoteCollector,
                     on_block: Callable[[int], None] | None = None) -> Iterator[etree._Element]:
    for index, block in enumerate(blocks):
        if on_block is not None:
            on_block(index)
        p = block_paragraph(block, footnotes)
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if following is not None and _leads_in(block, following):
            # A lead-in ("WE ENCOURAGE", "… the following topics:") never ends a page alone.
            _keep_with_next(p)
        yield p


def block_paragraph(block: LocalBlock, footnotes: FootnoteCollector) -> etree._Element:
    if block.kind is BlockKind.LIST_ITEM:
        level = min(max(block.level, 1), 3)
        p = paragraph(_BULLET_STYLES[level])
        _number(p, BULLET_NUM_ID, level - 1)
    else:
        p = paragraph(_STYLES.get(block.kind, "AnnexText"))
        if block.kind is BlockKind.NUMBERED:
            _number(p, NUMBERED_NUM_ID, 0)
    for item in block.content:
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


def _number(p: etree._Element, num_id: str, level: int) -> None:
    num_pr = sub(paragraph_properties(p), "numPr")
    sub(num_pr, "ilvl", str(level))
    sub(num_pr, "numId", num_id)
