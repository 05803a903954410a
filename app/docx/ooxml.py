"""Low-level WordprocessingML: tag names, element builders, extra parts, safe XML parsing.

The writer builds paragraphs directly as lxml elements (python-docx's object API costs a
style look-up per call, too slow for a 300-page note) and uses python-docx only for the
package: the reference document, sections, footer parts and saving.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_NS = "http://www.w3.org/XML/1998/namespace"

CT_FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
RT_FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"


def w(name: str) -> str:
    """Clark name of a w: element or attribute ("p" → "{…main}p")."""
    return f"{{{W_NS}}}{name}"


W_VAL = w("val")
SPACE = f"{{{XML_NS}}}space"

# Characters XML 1.0 forbids (C0 controls except tab/newline/CR): a pasted control character
# must not make the whole export fail.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean_text(text: str) -> str:
    return _FORBIDDEN.sub("", text)


def parse_xml_safely(data: bytes) -> etree._Element:
    """Parse XML from a file we did not write (the DOCX reader): no entities, DTD or network
    access, no huge trees; XML comments are dropped, as they are not text."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                             load_dtd=False, remove_comments=True)
    return etree.fromstring(data, parser=parser)


# -- element builders --------------------------------------------------------------------

def sub(parent: etree._Element, name: str, val: str | None = None, **attrs: str) -> etree._Element:
    element = etree.SubElement(parent, w(name))
    if val is not None:
        element.set(W_VAL, val)
    for key, value in attrs.items():
        element.set(w(key), value)
    return element


def paragraph(style: str | None = None) -> etree._Element:
    p = etree.Element(w("p"))
    if style:
        sub(sub(p, "pPr"), "pStyle", style)
    return p


def paragraph_properties(p: etree._Element) -> etree._Element:
    found = p.find(w("pPr"))
    if found is None:
        found = etree.Element(w("pPr"))
        p.insert(0, found)
    return found


def add_text(run: etree._Element, text: str) -> None:
    """Text into a run: tabs become w:tab and line breaks w:br, as Word stores them."""
    text = clean_text(text)
    pieces = re.split(r"(\t|\n)", text) if ("\t" in text or "\n" in text) else [text]
    for piece in pieces:
        if piece == "\t":
            etree.SubElement(run, w("tab"))
        elif piece == "\n":
            etree.SubElement(run, w("br"))
        elif piece:
            t = etree.SubElement(run, w("t"))
            t.text = piece
            if piece[0].isspace() or piece[-1].isspace():
                t.set(SPACE, "preserve")


def run(parent: etree._Element, text: str = "", *, bold: bool = False, italic: bool = False,
        underline: bool = False, superscript: bool = False, style: str | None = None) -> etree._Element:
    r = etree.SubElement(parent, w("r"))
    if bold or italic or underline or superscript or style:
        props = etree.SubElement(r, w("rPr"))
        if style:
            sub(props, "rStyle", style)
        if bold:
            etree.SubElement(props, w("b"))
        if italic:
            etree.SubElement(props, w("i"))
        if underline:
            sub(props, "u", "single")
        if superscript:
            sub(props, "vertAlign", "superscript")
    if text:
        add_text(r, text)
    return r


def text_paragraph(style: str | None, lines: Iterable[str] | str, *, bold: bool = False) -> etree._Element:
    """A paragraph of one or more lines (joined by line breaks)."""
    p = paragraph(style)
    text = lines if isinstance(lines, str) else "\n".join(lines)
    run(p, text, bold=bold)
    return p


def complex_field(parent: etree._Element, instruction: str, shown: str) -> None:
    """A field (PAGE, NUMPAGES …) as begin / instruction / separate / result / end runs."""
    sub(run(parent), "fldChar", fldCharType="begin")
    instr = etree.SubElement(run(parent), w("instrText"))
    instr.text = f" {instruction} "
    instr.set(SPACE, "preserve")
    sub(run(parent), "fldChar", fldCharType="separate")
    run(parent, shown)
    sub(run(parent), "fldChar", fldCharType="end")


def borderless_table(widths_twips: list[int], rows: list[list[list[etree._Element]]],
                     rules: tuple[bool, bool] = (False, False)) -> etree._Element:
    """A fixed-layout table without borders (optionally a rule above / below), for the cover."""
    tbl = etree.Element(w("tbl"))
    props = sub(tbl, "tblPr")
    sub(props, "tblW", w=str(sum(widths_twips)), type="dxa")
    borders = sub(props, "tblBorders")
    for side, ruled in (("top", rules[0]), ("left", False), ("bottom", rules[1]), ("right", False),
                        ("insideH", False), ("insideV", False)):
        if ruled:
            sub(borders, side, "single", sz="6", space="0", color="000000")
        else:
            sub(borders, side, "nil")
    sub(props, "tblLayout", type="fixed")
    margins = sub(props, "tblCellMar")
    sub(margins, "left", w="0", type="dxa")
    sub(margins, "right", w="113", type="dxa")
    sub(props, "tblLook", val="0000", firstRow="0", lastRow="0", firstColumn="0", lastColumn="0",
        noHBand="1", noVBand="1")
    grid = sub(tbl, "tblGrid")
    for width in widths_twips:
        sub(grid, "gridCol", w=str(width))
    for cells in rows:
        tr = sub(tbl, "tr")
        if rules != (False, False):
            sub(sub(tr, "trPr"), "cantSplit")
        for width, content in zip(widths_twips, cells, strict=True):
            tc = sub(tr, "tc")
            sub(sub(tc, "tcPr"), "tcW", w=str(width), type="dxa")
            for element in content or [paragraph()]:
                tc.append(element)
    return tbl


_LONG_TOKEN = re.compile(r"\S{28,}")


def ragged_if_unbreakable(p: etree._Element, text: str) -> None:
    """Left-align a justified paragraph holding an e-mail address or URL.

    Justification cannot break such a token, so Word and LibreOffice stretch the line before
    it into wide gaps ("to   the   draft   Joint"); ragged right reads better there.
    """
    if _LONG_TOKEN.search(text):
        sub(paragraph_properties(p), "jc", "left")


# -- parts -------------------------------------------------------------------------------

def add_xml_part(source_part, partname: str, content_type: str, reltype: str,
                 element: etree._Element) -> str:
    """Add a part to the package, related from `source_part`; returns the relationship id.

    python-docx writes [Content_Types].xml from the parts it holds, so the part's content
    type becomes an Override entry when the package is saved.
    """
    part = XmlPart(PackURI(partname), content_type, element, source_part.package)
    return source_part.relate_to(part, reltype)
