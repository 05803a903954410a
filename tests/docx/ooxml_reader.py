"""Reading an exported DOCX back at the XML level, independently of the writer's code."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"

PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


class Package:
    def __init__(self, path: Path) -> None:
        with zipfile.ZipFile(path) as archive:
            self.names = archive.namelist()
            self.raw = {name: archive.read(name) for name in self.names}

    def xml(self, name: str) -> etree._Element:
        return etree.fromstring(self.raw[name], PARSER)

    def content_types(self) -> tuple[dict[str, str], dict[str, str]]:
        root = self.xml("[Content_Types].xml")
        defaults = {e.get("Extension"): e.get("ContentType") for e in root.iter(CT + "Default")}
        overrides = {e.get("PartName"): e.get("ContentType") for e in root.iter(CT + "Override")}
        return defaults, overrides

    def relationships(self, part: str = "word/document.xml") -> dict[str, tuple[str, str]]:
        folder, _, name = part.rpartition("/")
        rels = self.xml(f"{folder}/_rels/{name}.rels" if folder else f"_rels/{name}.rels")
        return {e.get("Id"): (e.get("Type").rsplit("/", 1)[-1], e.get("Target"))
                for e in rels.iter(PKG_RELS + "Relationship")}

    def body(self) -> etree._Element:
        return self.xml("word/document.xml").find(W + "body")

    def all_text(self) -> str:
        """Visible text of every XML part (w:t, and text nodes of docProps), one line per paragraph."""
        chunks = []
        for name in self.names:
            if not name.endswith(".xml") or name.endswith(".rels"):
                continue
            root = self.xml(name)
            if name.startswith("word/"):
                for p in root.iter(W + "p"):
                    chunks.append(paragraph_text(p))
            else:
                chunks.extend(t for t in root.itertext() if t.strip())
        return "\n".join(chunks)


def paragraph_text(p: etree._Element) -> str:
    parts = []
    for node in p.iter(W + "t", W + "tab", W + "br", W + "instrText"):
        if node.tag == W + "t":
            parts.append(node.text or "")
        elif node.tag == W + "instrText":
            continue
        else:
            parts.append("\t" if node.tag == W + "tab" else "\n")
    return "".join(parts)


def style_of(p: etree._Element) -> str | None:
    found = p.find(f"{W}pPr/{W}pStyle")
    return None if found is None else found.get(W + "val")


@dataclass
class Reference:
    number: int
    paragraph_index: int          # index among the body's annex paragraphs
    word_before: str
    style: str                    # the run's character style


def footnote_references(paragraphs: list[etree._Element]) -> list[Reference]:
    found = []
    for index, p in enumerate(paragraphs):
        text_so_far = ""
        for r in p.iter(W + "r"):
            ref = r.find(W + "footnoteReference")
            if ref is not None:
                style = r.find(f"{W}rPr/{W}rStyle")
                words = re.findall(r"[\w'’\"”)(.,;:«»]+", text_so_far)
                found.append(Reference(int(ref.get(W + "id")), index, words[-1] if words else "",
                                       style.get(W + "val") if style is not None else ""))
            for t in r.iter(W + "t"):
                text_so_far += t.text or ""
    return found


def normalise(text: str) -> str:
    return " ".join(text.split())
