"""Reading a DOCX into a Draft: paragraphs, footnotes, and a Council cover block when present.

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
from pathlib import Path

from lxml import etree

from app.errors import ConcordiaError
from app.i18n import _
from app.model import Block, BlockKind, Draft, Footnote, FootnoteRef, Inline, NoteMeta, TextRun
from app.model.inline import normalise

from .ooxml import parse_xml_safely

#: Largest uncompressed XML part we read, and largest believable compression ratio.
MAX_PART_BYTES = 64 * 1024 * 1024
MAX_RATIO = 200
MAX_FILE_BYTES = 512 * 1024 * 1024
OLE_MAGIC = b"\xd0\xcf\x11\xe0"


class DocxReadError(ConcordiaError):
    """A DOCX that cannot be read; `str()` is one sentence for the user."""


def read_docx(path: Path | str) -> Draft:
    path = Path(path)
    _check_file(path)
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as error:
        raise DocxReadError(
            _("“{name}” is damaged or incomplete (it is not a complete DOCX package).").format(
                name=path.name)
        ) from error
    with archive:
        package = _Package(path, archive)
        return package.read()


@contextmanager
def open_package(path: Path | str) -> Iterator[_Package]:
    """The checked, size-capped package of a Word file, for readers beside this one
    (app.docx.word_markup); DocxReadError (one sentence) when it cannot be opened."""
    path = Path(path)
    _check_file(path)
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as error:
        raise DocxReadError(
            _("“{name}” is damaged or incomplete (it is not a complete DOCX package).").format(
                name=path.name)
        ) from error
    with archive:
        yield _Package(path, archive)


def _check_file(path: Path) -> None:
    if not path.is_file():
        raise DocxReadError(_("“{name}” is not a file.").format(name=path.name))
    if path.stat().st_size > MAX_FILE_BYTES:
        raise DocxReadError(_("“{name}” is too large to be a document.").format(name=path.name))
    with path.open("rb") as handle:
        head = handle.read(8)
    if head.startswith(OLE_MAGIC):
        raise DocxReadError(
            _("“{name}” is password-protected or an old-style Word file; save it as an unprotected "
              ".docx and try again.").format(name=path.name)
        )
    if not head.startswith(b"PK"):
        raise DocxReadError(_("“{name}” is not a Word document.").format(name=path.name))


class _Package:
    def __init__(self, path: Path, archive: zipfile.ZipFile) -> None:
        self.path = path
        self.archive = archive
        self.names = {info.filename: info for info in archive.infolist()}

    # -- parts ---------------------------------------------------------------------------
    def xml(self, name: str) -> etree._Element | None:
        info = self.names.get(name)
        if info is None:
            return None
        if info.file_size > MAX_PART_BYTES or (
            info.compress_size and info.file_size / info.compress_size > MAX_RATIO
            and info.file_size > 1024 * 1024
        ):
            raise DocxReadError(
                _("“{name}” holds a part that expands to an unreasonable size; it was not opened "
                  "(possible zip bomb).").format(name=self.path.name)
            )
        try:
            data = self.archive.read(info)
        except (zipfile.BadZipFile, EOFError, OSError, RuntimeError, NotImplementedError) as error:
            # RuntimeError: an encrypted member; NotImplementedError: an unknown compression.
            raise DocxReadError(
                _("“{name}” is damaged: its part {part} cannot be read.").format(
                    name=self.path.name, part=name)
            ) from error
        try:
            return parse_xml_safely(data)
        except etree.XMLSyntaxError as error:
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

    def main_part(self) -> str:
        target = self.relationships("").get("officeDocument")
        if target:
            return target
        types = self.xml("[Content_Types].xml")
        if types is not None:
            for item in types:
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
        paragraphs = walker.paragraphs(body, notes) if body is not None else []
        paragraphs = take_cover(draft.note, paragraphs)
        for kind, level, content in paragraphs:
            draft.blocks.append(Block(kind=kind, content=content, level=level))
        used = set(draft.footnote_order())
        for fid in [fid for fid in draft.footnotes if fid not in used]:
            del draft.footnotes[fid]
        return draft


Paragraph = tuple[BlockKind, int, list[Inline]]


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
        for paragraph in body.iter(self.w("p")):
            if self._nested_or_deleted(paragraph, body):
                continue
            content = carried + self.inlines(paragraph, notes)
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
            result.append((kind, level, content))
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
            return BlockKind.PARAGRAPH, 0
        style = properties.find(self.w("pStyle"))
        style_id = (self.attr(style, "val") or "") if style is not None else ""
        if style_id.lower() in ("title", "titulo", "título"):
            return BlockKind.TITLE, 0
        if _HEADING_STYLE.match(style_id):
            return BlockKind.HEADING, 0
        numbering = properties.find(self.w("numPr"))
        if numbering is not None:
            level_el = numbering.find(self.w("ilvl"))
            level = int(self.attr(level_el, "val") or 0) if level_el is not None else 0
            return BlockKind.LIST_ITEM, level + 1
        return BlockKind.PARAGRAPH, 0

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


# -- the Council cover block ------------------------------------------------------------------

_COUNCIL = re.compile(r"^(council of the|consejo de la)\b", re.IGNORECASE)
_NUMBER = re.compile(r"^(\d{3,5}/(?:\d+/)?\d{2})(?:\s+((?:REV|ADD|COR)\s*\d+))?$")
_PLACE_DATE = re.compile(r"^(Brussels|Bruselas|Luxembourg|Luxemburgo),\s+(.+)$")
_ORIGINAL = re.compile(r"^\(OR\.\s*([a-z, ]+)\)$", re.IGNORECASE)
_FIELDS = {"from": "sender", "de": "sender", "to": "recipient", "a": "recipient",
           "subject": "subject", "asunto": "subject"}
_FIELD = re.compile(r"^(From|To|Subject|De|A|Asunto)\s*:\s*(.*)$", re.DOTALL)
_ANNEX = re.compile(r"^(ANNEX|ANEXO)(\s+[IVX\d]+)?$")
_COVER_SCAN = 80


def _plain(content: list[Inline]) -> str:
    return " ".join("".join(i.text for i in content if isinstance(i, TextRun)).split())


def take_cover(note: NoteMeta, paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Fill `note` from a Council cover block and return the annexed text's paragraphs.

    A document whose first paragraphs do not name the Council is returned unchanged.
    """
    texts = [_plain(content) for _kind, _level, content in paragraphs]
    if not any(_COUNCIL.match(text) for text in texts[:_COVER_SCAN]):
        return paragraphs
    from app.library.dates import parse_long_date

    pending = ""           # a field label alone in its table cell: the value is the next one
    subject_at = -1
    for index, text in enumerate(texts[:_COVER_SCAN]):
        if _ANNEX.match(text):
            break
        if pending:
            setattr(note, pending, text)
            subject_at = index if pending == "subject" else subject_at
            pending = ""
            continue
        if (match := _NUMBER.match(text)) and not note.number:
            note.number, note.suffix = match.group(1), " ".join((match.group(2) or "").split())
            parts = note.number.split("/")
            if len(parts) == 3 and note.suffix.startswith("REV"):
                note.number = f"{parts[0]}/{parts[2]}"   # the model keeps "6914/24" + "REV 1"
        elif match := _PLACE_DATE.match(text):
            note.place, note.date = match.group(1), parse_long_date(match.group(2))
        elif match := _ORIGINAL.match(text):
            note.languages = [code.strip().lower() for code in match.group(1).split(",") if code.strip()]
        elif text == "LIMITE":
            note.marking = "LIMITE"
        elif text in ("NOTE", "NOTA", "COVER NOTE", "I/A ITEM NOTE"):
            note.doc_type = "NOTE" if text == "NOTA" else text
        elif match := _FIELD.match(text):
            name = _FIELDS[match.group(1).lower()]
            if match.group(2).strip():
                setattr(note, name, match.group(2).strip())
                subject_at = index if name == "subject" else subject_at
            else:
                pending = name
    annex_at = next((i for i, text in enumerate(texts) if _ANNEX.match(text)), None)
    if annex_at is not None:
        if subject_at >= 0:
            note.intro = "\n".join(texts[subject_at + 1:annex_at]).strip()
        return paragraphs[annex_at + 1:]
    if subject_at >= 0:
        # No ANNEX line: the intro is the paragraph after the subject, the text follows it.
        note.intro = texts[subject_at + 1] if subject_at + 1 < len(texts) else ""
        return paragraphs[subject_at + 2:]
    return paragraphs
