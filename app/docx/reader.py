"""Reading a DOCX into a Draft: paragraphs, footnotes, and a Council cover block when present
(app.docx.cover_reader).

The XML is walked directly with lxml because python-docx hides tracked text: here inserted
text (`w:ins`, `w:moveTo`) is read and deleted text (`w:del`, `w:moveFrom`, `w:delText`) is
skipped, so a document with revisions reads as its accepted text; a deleted paragraph mark
joins the paragraph with the next, as accepting it in Word does. Namespaces are taken from the
document itself, so Strict OOXML and unusual prefixes (`ns0:`) read the same.

Hostile or broken files give one clear sentence (`DocxReadError`): members are size-checked
before reading (zip bombs), XML is parsed without entities, DTDs or network access.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from app.i18n import _
from app.limits import MAX_DOCX_PARAGRAPH_ELEMENTS, MAX_PARAGRAPHS, too_many_paragraphs
from app.model import Block, BlockKind, Draft, Footnote, FootnoteRef, Inline, TextRun
from app.model.inline import normalise
from app.model.lead_in import without_lead_in_bold

from .cover_reader import Paragraph, take_cover
from .cover_reader import plain as _plain
from .ooxml import parse_xml_safely
from .package import DocxReadError, PartReader, check_file, open_archive
from .recognise import kind_from_style, kind_from_text, take_footer

__all__ = ["DocxReadError", "WordFile", "read_docx", "read_word_file", "take_cover"]


@dataclass
class WordFile:
    """A read DOCX: the draft, plus the parts app.docx.restore reads Concordia's data from."""

    draft: Draft
    custom_xml: list[etree._Element] = field(default_factory=list)   # customXml/item*.xml
    comments: etree._Element | None = None                           # word/comments.xml


def read_docx(path: Path | str) -> Draft:
    return read_word_file(path).draft


def read_word_file(path: Path | str) -> WordFile:
    path = Path(path)
    check_file(path)
    archive = open_archive(path)
    with archive:
        package = _Package(path, archive)
        try:
            draft = package.read()
        except RecursionError as error:   # nesting deeper than any real document
            raise DocxReadError(
                _("“{name}” nests its text too deeply to be read.").format(name=path.name)
            ) from error
        return WordFile(draft, package.custom_xml(), package.comments())


@contextmanager
def open_package(path: Path | str) -> Iterator[_Package]:
    """The checked, size-capped package of a Word file, for readers beside this one
    (app.docx.word_markup); DocxReadError (one sentence) when it cannot be opened."""
    path = Path(path)
    check_file(path)
    with open_archive(path) as archive:
        yield _Package(path, archive)


class _Package:
    def __init__(self, path: Path, archive: zipfile.ZipFile) -> None:
        self.path = path
        self.parts = PartReader(path, archive)
        self.names = self.parts.names

    # -- parts ---------------------------------------------------------------------------
    def xml(self, name: str) -> etree._Element | None:
        data = self.parts.read(name)
        if data is None:
            return None
        try:
            return parse_xml_safely(data)
        except (etree.LxmlError, ValueError) as error:
            raise DocxReadError(
                _("“{name}” is damaged: its part {part} is not well-formed XML.").format(
                    name=self.path.name, part=name)
            ) from error

    def relationships(self, part: str) -> dict[str, str]:
        """Relationship type (last path segment) → target part name, for a part ("" = package)."""
        folder, base = posixpath.split(part)
        rels = self.xml(posixpath.join(folder, "_rels", base + ".rels") if part else "_rels/.rels")
        found: dict[str, str] = {}
        if rels is None:
            return found
        for rel in rels:
            if not isinstance(rel.tag, str) or etree.QName(rel).localname != "Relationship":
                continue
            if rel.get("TargetMode") == "External":
                continue
            kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
            target = rel.get("Target") or ""
            name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                posixpath.join(folder, target))
            found.setdefault(kind, name)
        return found

    def custom_xml(self) -> list[etree._Element]:
        names = sorted(name for name in self.names if re.fullmatch(r"customXml/item\d+\.xml", name))
        return [root for root in (self.xml(name) for name in names) if root is not None]

    def comments(self) -> etree._Element | None:
        part = self.relationships(self.main_part()).get("comments")
        return self.xml(part) if part in self.names else None

    def footers(self, main: str) -> list[etree._Element]:
        folder = posixpath.dirname(main)
        names = sorted(name for name in self.names
                       if posixpath.dirname(name) == folder
                       and re.fullmatch(r"footer\d*\.xml", posixpath.basename(name)))
        return [root for root in (self.xml(name) for name in names) if root is not None]

    def main_part(self) -> str:
        target = self.relationships("").get("officeDocument")
        if target and target in self.names:
            return target
        types = self.xml("[Content_Types].xml")
        if types is not None:
            for item in types:
                if not isinstance(item.tag, str):
                    continue
                if "wordprocessingml.document.main" in (item.get("ContentType") or ""):
                    return (item.get("PartName") or "").lstrip("/")
        if "word/document.xml" in self.names:
            return "word/document.xml"
        raise DocxReadError(_("“{name}” is not a Word document.").format(name=self.path.name))

    # -- reading -------------------------------------------------------------------------
    def read(self) -> Draft:
        main = self.main_part()
        root = self.xml(main)
        if root is None or etree.QName(root).localname != "document":
            raise DocxReadError(
                _("“{name}” is an Office package but not a Word document.").format(name=self.path.name)
            )
        walker = _Walker(etree.QName(root).namespace or "")
        rels = self.relationships(main)
        draft = Draft()
        notes: dict[tuple[str, str], str] = {}
        for kind in ("footnotes", "endnotes"):
            part = rels.get(kind) or posixpath.join(posixpath.dirname(main), kind + ".xml")
            notes_root = self.xml(part) if part in self.names else None
            if notes_root is not None:
                for note_id, text in walker.notes(notes_root):
                    footnote = Footnote(text)
                    draft.footnotes[footnote.id] = footnote
                    notes[(kind[:-5], note_id)] = footnote.id
        body = root.find(walker.w("body"))
        if body is not None:   # counting elements is fast; walking them is not: refuse first
            elements = sum(1 for _element in body.iter(walker.w("p")))
            if elements > MAX_DOCX_PARAGRAPH_ELEMENTS:
                raise DocxReadError(too_many_paragraphs(self.path.name, elements))
        try:
            paragraphs = walker.paragraphs(body, notes) if body is not None else []
        except _TooManyParagraphs as error:
            raise DocxReadError(too_many_paragraphs(self.path.name, error.count)) from None
        if len(paragraphs) > MAX_PARAGRAPHS:
            raise DocxReadError(too_many_paragraphs(self.path.name, len(paragraphs)))
        paragraphs = take_cover(draft.note, paragraphs)
        if draft.note.number:      # a Council note: its footer names the drafter and directorate
            take_footer(draft.note, self.footers(main))
        for kind, level, content in paragraphs:
            draft.blocks.append(Block(kind=kind, content=content, level=level))
        used = set(draft.footnote_order())
        for fid in [fid for fid in draft.footnotes if fid not in used]:
            del draft.footnotes[fid]
        return draft




class _TooManyParagraphs(Exception):
    def __init__(self, count: int) -> None:
        super().__init__(count)
        self.count = count


def _trim(content: list[Inline]) -> list[Inline]:
    """No spaces at the edges of a paragraph (a tab or a merged mark can leave them)."""
    from dataclasses import replace

    if content and isinstance(content[0], TextRun):
        content[0] = replace(content[0], text=content[0].text.lstrip())
    if content and isinstance(content[-1], TextRun):
        content[-1] = replace(content[-1], text=content[-1].text.rstrip())
    return [item for item in content if not isinstance(item, TextRun) or item.text]
_HEADING_STYLE = re.compile(r"^(heading|titre|t[ií]tulo|berschrift|kop)\s*\d", re.IGNORECASE)


class _Walker:
    """Walks WordprocessingML in one namespace (transitional or strict)."""

    def __init__(self, namespace: str) -> None:
        self.ns = namespace

    def w(self, name: str) -> str:
        return f"{{{self.ns}}}{name}"

    def attr(self, element: etree._Element, name: str) -> str | None:
        return element.get(self.w(name))

    def notes(self, root: etree._Element):
        for note in root:
            if not isinstance(note.tag, str) or etree.QName(note).localname not in ("footnote", "endnote"):
                continue
            if self.attr(note, "type") in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            texts = []
            for paragraph in note.iter(self.w("p")):
                texts.append("".join(
                    item.text for item in self.inlines(paragraph, {}) if isinstance(item, TextRun)
                ).strip())
            yield self.attr(note, "id") or "", "\n".join(t for t in texts if t)

    def paragraphs(self, body: etree._Element, notes: dict) -> list[Paragraph]:
        result: list[Paragraph] = []
        carried: list[Inline] = []   # content of a paragraph whose mark was deleted
        elements = 0
        for paragraph in body.iter(self.w("p")):
            elements += 1
            if elements > MAX_DOCX_PARAGRAPH_ELEMENTS:
                raise _TooManyParagraphs(elements)
            if self._nested_or_deleted(paragraph, body):
                continue
            # Extending in place: a run of deleted marks stays linear, not quadratic.
            content = carried
            content.extend(self.inlines(paragraph, notes))
            properties = paragraph.find(self.w("pPr"))
            if properties is not None and properties.find(f"{self.w('rPr')}/{self.w('del')}") is not None:
                carried = content   # accepting a deleted mark joins this paragraph to the next
                continue
            carried = []
            content = _trim(normalise(content))
            if not "".join(i.text for i in content if isinstance(i, TextRun)).strip() and not any(
                isinstance(i, FootnoteRef) for i in content
            ):
                continue
            kind, level = self.kind_of(properties, content)
            # The lead-in's bold is the kind's style (app.model.lead_in), not the author's.
            result.append((kind, level, without_lead_in_bold(kind, content)))
        if carried:
            result.append((BlockKind.PARAGRAPH, 0, _trim(normalise(carried))))
        return result

    def _nested_or_deleted(self, paragraph: etree._Element, body: etree._Element) -> bool:
        parent = paragraph.getparent()
        while parent is not None and parent is not body:
            name = etree.QName(parent).localname
            if name in ("p", "del", "moveFrom", "txbxContent"):
                return True
            parent = parent.getparent()
        return False

    def kind_of(self, properties, content: list[Inline]) -> tuple[BlockKind, int]:
        if properties is None:
            return kind_from_text(_plain(content)), 0
        style = properties.find(self.w("pStyle"))
        style_id = (self.attr(style, "val") or "") if style is not None else ""
        if (ours := kind_from_style(style_id)) is not None:
            return ours
        if style_id.lower() in ("title", "titulo", "título"):
            return BlockKind.TITLE, 0
        if _HEADING_STYLE.match(style_id):
            return BlockKind.HEADING, 0
        numbering = properties.find(self.w("numPr"))
        if numbering is not None:
            level_el = numbering.find(self.w("ilvl"))
            value = (self.attr(level_el, "val") or "0") if level_el is not None else "0"
            # Word writes 0–8; anything else (a damaged or hand-made file) reads as level 0.
            level = int(value) if value.isascii() and value.isdigit() and int(value) <= 8 else 0
            return BlockKind.LIST_ITEM, level + 1
        return kind_from_text(_plain(content)), 0

    def inlines(self, element: etree._Element, notes: dict) -> list[Inline]:
        result: list[Inline] = []
        for child in element:
            if not isinstance(child.tag, str):
                continue
            name = etree.QName(child).localname
            if name == "r":
                self._run(child, notes, result)
            elif name in ("ins", "moveTo", "hyperlink", "smartTag", "fldSimple", "customXml",
                          "dir", "bdo", "sdtContent"):
                result.extend(self.inlines(child, notes))
            elif name == "sdt":
                content = child.find(self.w("sdtContent"))
                if content is not None:
                    result.extend(self.inlines(content, notes))
            # pPr, del, moveFrom, bookmarks, comment ranges, proofErr, math: no visible text
        return result

    def _run(self, run: etree._Element, notes: dict, out: list[Inline]) -> None:
        fmt = self._format(run.find(self.w("rPr")))
        for child in run:
            if not isinstance(child.tag, str):
                continue
            name = etree.QName(child).localname
            if name == "t":
                out.append(TextRun(child.text or "", **fmt))
            elif name in ("tab", "br", "cr"):
                out.append(TextRun(" ", **fmt))
            elif name == "noBreakHyphen":
                out.append(TextRun("-", **fmt))
            elif name in ("footnoteReference", "endnoteReference"):
                key = ("foot" if name.startswith("foot") else "end", self.attr(child, "id") or "")
                if key in notes:
                    out.append(FootnoteRef(notes[key]))

    def _format(self, properties) -> dict[str, bool]:
        if properties is None:
            return {}

        def on(name: str) -> bool:
            element = properties.find(self.w(name))
            if element is None:
                return False
            return (self.attr(element, "val") or "true").lower() not in ("0", "false", "off", "none")

        vertical = properties.find(self.w("vertAlign"))
        return {
            "bold": on("b"),
            "italic": on("i"),
            "underline": on("u"),
            "superscript": vertical is not None and self.attr(vertical, "val") == "superscript",
        }
