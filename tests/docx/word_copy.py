"""Make a delegation's marked-up copy of a DOCX in the tests: real Word comments (comments.xml,
commentsExtended.xml, range marks and a reference run) and w:del/w:ins pairs, written into the
package the way Word writes them (lxml on the XML, nothing of ours)."""

from __future__ import annotations

import copy
import zipfile
from pathlib import Path

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14_NS = "http://schemas.microsoft.com/office/word/2010/wordml"
W15_NS = "http://schemas.microsoft.com/office/word/2012/wordml"
W = f"{{{W_NS}}}"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
RT_EXTENDED = "http://schemas.microsoft.com/office/2011/relationships/commentsExtended"
CT = "application/vnd.openxmlformats-officedocument.wordprocessingml."


def _split_run_at(paragraph: etree._Element, phrase: str) -> tuple[etree._Element, etree._Element]:
    """Split the run holding `phrase` so the phrase is a run of its own; returns (that run,
    the run after it)."""
    for run in paragraph.iter(W + "r"):
        text_element = run.find(W + "t")
        if text_element is None or phrase not in (text_element.text or ""):
            continue
        text = text_element.text
        before, after = text.split(phrase, 1)
        pieces = []
        for piece in (before, phrase, after):
            new = copy.deepcopy(run)
            t = new.find(W + "t")
            t.text = piece
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            pieces.append(new)
        parent = run.getparent()
        index = parent.index(run)
        parent.remove(run)
        for offset, piece in enumerate(pieces):
            parent.insert(index + offset, piece)
        return pieces[1], pieces[2]
    raise AssertionError(f"no run holds {phrase!r}")


def _paragraph_with(body: etree._Element, phrase: str) -> etree._Element:
    for paragraph in body.iter(W + "p"):
        if phrase in "".join(t.text or "" for t in paragraph.iter(W + "t")):
            return paragraph
    raise AssertionError(f"no paragraph holds {phrase!r}")


class WordCopy:
    """Edits a copy of a DOCX; `save()` writes it back."""

    def __init__(self, source: Path, target: Path) -> None:
        self.target = target
        with zipfile.ZipFile(source) as archive:
            self.parts = {name: archive.read(name) for name in archive.namelist()}
        self.document = etree.fromstring(self.parts["word/document.xml"])
        self.body = self.document.find(W + "body")
        self.comments: list[tuple[str, str, str, str, str | None, bool]] = []

    def comment(self, phrase: str, text: str, author: str, *, reply_to: str | None = None,
                done: bool = False, on: str | None = None) -> str:
        """A comment on `phrase` (or, for a reply, on the same words as `on`); returns its id."""
        word_id = str(len(self.comments))
        if reply_to is None or on is None:
            run, _after = _split_run_at(_paragraph_with(self.body, phrase), phrase)
        else:
            run = None
        if run is not None:
            start = etree.Element(W + "commentRangeStart")
            start.set(W + "id", word_id)
            run.addprevious(start)
            end = etree.Element(W + "commentRangeEnd")
            end.set(W + "id", word_id)
            run.addnext(end)
            reference = etree.Element(W + "r")
            etree.SubElement(reference, W + "commentReference").set(W + "id", word_id)
            end.addnext(reference)
        else:                        # a reply sits on its parent's range, as Word does it
            parent_start = next(e for e in self.body.iter(W + "commentRangeStart")
                                if e.get(W + "id") == on)
            parent_end = next(e for e in self.body.iter(W + "commentRangeEnd")
                              if e.get(W + "id") == on)
            start = etree.Element(W + "commentRangeStart")
            start.set(W + "id", word_id)
            parent_start.addnext(start)
            end = etree.Element(W + "commentRangeEnd")
            end.set(W + "id", word_id)
            parent_end.addnext(end)
            reference = etree.Element(W + "r")
            etree.SubElement(reference, W + "commentReference").set(W + "id", word_id)
            end.addnext(reference)
        self.comments.append((word_id, text, author, f"{int(word_id) + 1:08X}", reply_to, done))
        return word_id

    def replace(self, old: str, new: str, author: str) -> None:
        """A tracked replacement of `old` by `new` (a w:del followed by a w:ins)."""
        run, _after = _split_run_at(_paragraph_with(self.body, old), old)
        deleted = etree.Element(W + "del", {W + "id": "901", W + "author": author,
                                            W + "date": "2024-03-01T10:00:00Z"})
        gone = copy.deepcopy(run)
        t = gone.find(W + "t")
        t.tag = W + "delText"
        deleted.append(gone)
        inserted = etree.Element(W + "ins", {W + "id": "902", W + "author": author,
                                             W + "date": "2024-03-01T10:00:00Z"})
        added = copy.deepcopy(run)
        added.find(W + "t").text = new
        inserted.append(added)
        run.addprevious(deleted)
        run.addprevious(inserted)
        run.getparent().remove(run)

    def save(self) -> Path:
        self.parts["word/document.xml"] = etree.tostring(self.document, xml_declaration=True,
                                                          encoding="UTF-8", standalone=True)
        if self.comments:
            self._write_comments()
        with zipfile.ZipFile(self.target, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in self.parts.items():
                archive.writestr(name, data)
        return self.target

    def _write_comments(self) -> None:
        nsmap = {"w": W_NS, "w14": W14_NS}
        root = etree.Element(W + "comments", nsmap=nsmap)
        extended = etree.Element(f"{{{W15_NS}}}commentsEx", nsmap={"w15": W15_NS})
        para_of = {}
        for word_id, text, author, para_id, reply_to, done in self.comments:
            comment = etree.SubElement(root, W + "comment", {
                W + "id": word_id, W + "author": author, W + "initials": author[:2],
                W + "date": "2024-03-01T09:30:00Z"})
            paragraph = etree.SubElement(comment, W + "p")
            paragraph.set(f"{{{W14_NS}}}paraId", para_id)
            etree.SubElement(etree.SubElement(paragraph, W + "r"), W + "t").text = text
            para_of[word_id] = para_id
            entry = etree.SubElement(extended, f"{{{W15_NS}}}commentEx")
            entry.set(f"{{{W15_NS}}}paraId", para_id)
            if reply_to is not None:
                entry.set(f"{{{W15_NS}}}paraIdParent", para_of[reply_to])
            entry.set(f"{{{W15_NS}}}done", "1" if done else "0")
        self.parts["word/comments.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
        self.parts["word/commentsExtended.xml"] = etree.tostring(extended, xml_declaration=True,
                                                                 encoding="UTF-8")
        rels = etree.fromstring(self.parts["word/_rels/document.xml.rels"])
        for rel in list(rels):
            if rel.get("Type") in (RT + "comments", RT_EXTENDED):
                rels.remove(rel)
        etree.SubElement(rels, f"{{{REL_NS}}}Relationship",
                         Id="rIdJ1", Type=RT + "comments", Target="comments.xml")
        etree.SubElement(rels, f"{{{REL_NS}}}Relationship",
                         Id="rIdJ2", Type=RT_EXTENDED, Target="commentsExtended.xml")
        self.parts["word/_rels/document.xml.rels"] = etree.tostring(rels, xml_declaration=True,
                                                                    encoding="UTF-8")
        types = etree.fromstring(self.parts["[Content_Types].xml"])
        present = {item.get("PartName") for item in types}
        for part, kind in (("/word/comments.xml", CT + "comments+xml"),
                           ("/word/commentsExtended.xml", CT + "commentsExtended+xml")):
            if part not in present:
                etree.SubElement(types, f"{{{CT_NS}}}Override", PartName=part, ContentType=kind)
        self.parts["[Content_Types].xml"] = etree.tostring(types, xml_declaration=True,
                                                           encoding="UTF-8")
