"""Real Word footnotes: the footnotes.xml part and `w:footnoteReference` runs.

python-docx has no footnote support, so this module writes the part itself: the two
separator notes Word expects (ids -1 and 0), then one `w:footnote` per reference, numbered
1…n in reading order; its relationship from the main document and its content-type override.
The numbers are the model's (app.model.footnote_numbers): given the marks, the collector
checks that the writer references footnotes in the order the model numbered them.
"""

from __future__ import annotations

from lxml import etree

from app.model.footnote_numbers import NoteMark

from .ooxml import (
    CT_FOOTNOTES,
    R_NS,
    RT_FOOTNOTES,
    W_NS,
    add_text,
    add_xml_part,
    ragged_if_unbreakable,
    run,
    sub,
    w,
)

FOOTNOTE_TEXT_STYLE = "FootnoteText"
FOOTNOTE_REFERENCE_STYLE = "FootnoteReference"


class FootnoteCollector:
    """Numbers footnotes as their references are written and keeps their texts."""

    def __init__(self, texts: dict[str, str], marks: list[NoteMark] | None = None) -> None:
        self._texts = texts
        self._note_marks = marks
        self.numbered: list[tuple[int, str]] = []   # (Word id, text) in reading order

    def reference(self, parent: etree._Element, footnote_id: str) -> int:
        """Append the reference run for `footnote_id` to a paragraph; returns its number.

        A footnote referenced twice gets two notes: Word has no shared footnotes and the
        Council numbers every reference.
        """
        number = len(self.numbered) + 1
        if self._note_marks is not None:
            mark = (self._note_marks[number - 1] if number <= len(self._note_marks)
                    else None)
            if mark is None or mark.footnote_id != footnote_id:
                raise RuntimeError(f"footnote reference {number} ({footnote_id}) is not where "
                                   "the model numbered it")
            number = mark.number
        self.numbered.append((number, self._texts.get(footnote_id, "")))
        r = run(parent, style=FOOTNOTE_REFERENCE_STYLE)
        sub(r, "footnoteReference", id=str(number))
        return number

    def element(self) -> etree._Element:
        root = etree.Element(w("footnotes"), nsmap={"w": W_NS, "r": R_NS})
        for note_id, kind, mark in (("-1", "separator", "separator"),
                                    ("0", "continuationSeparator", "continuationSeparator")):
            note = sub(root, "footnote", type=kind, id=note_id)
            p = sub(note, "p")
            sub(sub(p, "pPr"), "spacing", after="0", line="240", lineRule="auto")
            sub(sub(p, "r"), mark)
        for number, text in self.numbered:
            note = sub(root, "footnote", id=str(number))
            p = sub(note, "p")
            sub(sub(p, "pPr"), "pStyle", FOOTNOTE_TEXT_STYLE)
            sub(run(p, style=FOOTNOTE_REFERENCE_STYLE), "footnoteRef")
            body = run(p)
            # A tab after the number, as Word's own footnotes do; the style hangs the text.
            etree.SubElement(body, w("tab"))
            add_text(body, text.strip())
            ragged_if_unbreakable(p, text)
        return root

    def attach(self, document) -> None:
        """Add the part to a python-docx Document (always: settings.xml names the separators)."""
        add_xml_part(document.part, "/word/footnotes.xml", CT_FOOTNOTES, RT_FOOTNOTES, self.element())
