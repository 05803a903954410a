"""Build `templates/reference.docx`: page setup, fonts and styles of a Council NOTE.

Run `python templates/make_reference.py` after changing it; the DOCX writer only applies the
styles defined here by their ids, so the look of every export lives in this one script.

Choices (the public copies of Council notes we could read are text transcriptions, so the
typography is a best reading of printed Council documents, not a verified specification):
A4, 2.5 cm margins, Times New Roman 12 for the body, 10 for footnotes and the footer, body
text justified at 1.5 line spacing, the document number larger and bold on the cover.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt

FONT = "Times New Roman"
HERE = Path(__file__).resolve().parent
TARGET = HERE / "reference.docx"

#: numId of the continuous 1., 2., 3. numbering of NUMBERED paragraphs, and of list bullets.
NUMBERED_NUM_ID = 1
BULLET_NUM_ID = 2

# Numbering definitions: decimal "1." for numbered paragraphs (number at the margin, text at
# 1 cm), dashes and bullets for list levels (Council texts use an en dash at the first level).
NUMBERING_XML = f"""<w:numbering {nsdecls('w')}>
  <w:abstractNum w:abstractNumId="10">
    <w:multiLevelType w:val="singleLevel"/>
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>
      <w:lvlJc w:val="left"/><w:pPr><w:tabs><w:tab w:val="num" w:pos="567"/></w:tabs>
      <w:ind w:left="567" w:hanging="567"/></w:pPr></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="20">
    <w:multiLevelType w:val="multilevel"/>
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\u2013"/>
      <w:lvlJc w:val="left"/><w:pPr><w:ind w:left="567" w:hanging="567"/></w:pPr>
      <w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}"/></w:rPr></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\u2022"/>
      <w:lvlJc w:val="left"/><w:pPr><w:ind w:left="1134" w:hanging="567"/></w:pPr>
      <w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}"/></w:rPr></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\u25e6"/>
      <w:lvlJc w:val="left"/><w:pPr><w:ind w:left="1701" w:hanging="567"/></w:pPr>
      <w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}"/></w:rPr></w:lvl>
  </w:abstractNum>
  <w:num w:numId="{NUMBERED_NUM_ID}"><w:abstractNumId w:val="10"/></w:num>
  <w:num w:numId="{BULLET_NUM_ID}"><w:abstractNumId w:val="20"/></w:num>
</w:numbering>"""


def build(target: Path = TARGET) -> Path:
    document = Document()
    _strip_template_extras(document)
    _page_setup(document)
    _defaults(document)
    _styles(document)
    _numbering(document)
    _strip_theme_fonts(document)
    _footnote_settings(document)
    properties = document.core_properties
    properties.author = properties.last_modified_by = "Concordia"
    properties.comments = properties.title = properties.subject = ""
    properties.keywords = properties.category = ""
    document.save(target)
    return target


def _strip_template_extras(document) -> None:
    """Drop python-docx's sample thumbnail, customXml and styles-with-effects copies."""
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    part = document.part
    for rel_id, rel in list(part.rels.items()):
        if rel.reltype in (RT.CUSTOM_XML, "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects", RT.WEB_SETTINGS):
            part.drop_rel(rel_id)
            if rel_id in part.rels:  # drop_rel keeps a rel still referenced; force it
                del part.rels[rel_id]
    package_rels = document.part.package.rels
    for rel_id, rel in list(package_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package_rels[rel_id]


def _page_setup(document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.7)
    section.header_distance, section.footer_distance = Cm(1.25), Cm(0.8)


def _defaults(document) -> None:
    styles_element = document.styles.element
    defaults = styles_element.find(qn("w:docDefaults"))
    if defaults is not None:
        styles_element.remove(defaults)
    styles_element.insert(0, parse_xml(
        f'<w:docDefaults {nsdecls("w")}><w:rPrDefault><w:rPr>'
        f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>'
        '<w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="en-GB" w:eastAsia="en-US" w:bidi="ar-SA"/>'
        '</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" '
        'w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
    ))


def _paragraph_style(document, name: str, base: str = "Normal", *, size: float = 12,
                     bold: bool = False, align=None, before: float = 0, after: float = 0,
                     line: float | None = None, keep_next: bool = False):
    styles = document.styles
    style = styles[name] if name in styles else styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles[base] if base and name != base else None
    style.quick_style = True
    font = style.font
    font.name, font.size, font.bold, font.italic = FONT, Pt(size), bold, False
    font.color.rgb = None
    fmt = style.paragraph_format
    fmt.alignment = align
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    if line:
        fmt.line_spacing = line
    else:
        fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    fmt.keep_with_next = keep_next
    return style


def _styles(document) -> None:
    justify, centre, right = WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT
    _paragraph_style(document, "Normal")
    # Cover block
    _paragraph_style(document, "Cover Institution", size=14)
    _paragraph_style(document, "Cover Line")
    _paragraph_style(document, "Cover Number", size=14, bold=True)
    _paragraph_style(document, "Cover Marking", size=14, bold=True, before=6)
    _paragraph_style(document, "Cover Codes")
    _paragraph_style(document, "Document Type", size=14, bold=True, before=18, after=12)
    _paragraph_style(document, "Cover Field")
    _paragraph_style(document, "Intro Text", align=justify, before=18, line=1.5)
    # Annex
    _paragraph_style(document, "Annex Marker", align=right, bold=True, after=24)
    _paragraph_style(document, "Annex Title", align=centre, bold=True, after=18, line=1.5, keep_next=True)
    heading = _paragraph_style(document, "Heading 1", bold=True, before=12, after=6, line=1.5, keep_next=True)
    heading.font.all_caps = False
    _paragraph_style(document, "Annex Text", align=justify, after=6, line=1.5)
    numbered = _paragraph_style(document, "Numbered Paragraph", "Annex Text", align=justify, after=6, line=1.5)
    _attach_numbering(numbered, NUMBERED_NUM_ID, 0)
    for level in (1, 2, 3):
        name = "List Bullet" if level == 1 else f"List Bullet {level}"
        style = _paragraph_style(document, name, "Annex Text", align=justify, after=6, line=1.5)
        _attach_numbering(style, BULLET_NUM_ID, level - 1)
    # Footnotes: Word's own style ids, so Word and LibreOffice treat them as the built-in ones.
    note_text = _paragraph_style(document, "footnote text", size=10, align=justify, after=3)
    note_text.element.set(qn("w:styleId"), "FootnoteText")
    note_text.paragraph_format.left_indent = Cm(0.5)
    note_text.paragraph_format.first_line_indent = Cm(-0.5)
    styles = document.styles
    if "footnote reference" in styles:
        reference = styles["footnote reference"]
    else:
        reference = styles.add_style("footnote reference", WD_STYLE_TYPE.CHARACTER)
    reference.element.set(qn("w:styleId"), "FootnoteReference")
    reference.font.superscript = True
    # Footer: Word's "footer" style with the tab stops the two footer lines use.
    footer = _paragraph_style(document, "Footer", size=10)
    tabs = footer.paragraph_format.tab_stops
    for stop in list(tabs):
        tabs._pPr.tabs.remove(stop._tab)  # drop python-docx's US Letter stops
    from docx.enum.text import WD_TAB_ALIGNMENT

    tabs.add_tab_stop(Cm(6.0), WD_TAB_ALIGNMENT.LEFT)
    tabs.add_tab_stop(Cm(11.0), WD_TAB_ALIGNMENT.LEFT)
    tabs.add_tab_stop(Cm(16.0), WD_TAB_ALIGNMENT.RIGHT)


def _attach_numbering(style, num_id: int, level: int) -> None:
    p_pr = style.element.get_or_add_pPr()
    for old in p_pr.findall(qn("w:numPr")):
        p_pr.remove(old)
    p_pr.insert(0, parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
    ))


def _strip_theme_fonts(document) -> None:
    """Theme font attributes win over explicit ones in Word: remove them so TNR applies."""
    for fonts in document.styles.element.iter(qn("w:rFonts")):
        for name in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(name), None)
    for color in list(document.styles.element.iter(qn("w:color"))):
        color.getparent().remove(color)  # python-docx's template colours headings blue


def _footnote_settings(document) -> None:
    """Word expects the separator footnotes (-1, 0) to be declared in settings.xml."""
    settings = document.settings.element
    if settings.find(qn("w:footnotePr")) is not None:
        return
    footnote_pr = parse_xml(
        f'<w:footnotePr {nsdecls("w")}><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
    )
    # Schema order: footnotePr comes just before compat (or rsids, mathPr … when compat is absent).
    for follower in ("w:endnotePr", "w:compat", "w:docVars", "w:rsids", "m:mathPr"):
        found = settings.find(qn(follower))
        if found is not None:
            found.addprevious(footnote_pr)
            return
    settings.append(footnote_pr)


def _numbering(document) -> None:
    part = document.part.numbering_part
    new = parse_xml(NUMBERING_XML)
    old = part.element
    for child in list(old):
        old.remove(child)
    for child in list(new):
        old.append(child)


if __name__ == "__main__":
    print(build(Path(sys.argv[1]) if len(sys.argv) > 1 else TARGET))
