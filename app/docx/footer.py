"""The footer of every page: number, initials, page (a PAGE field); directorate, marking, language.

    6914/1/24 REV 1      MR/mdc                          2
    ANNEX                JAI.B          LIMITE          EN

Annex pages carry `ANNEX` under the number (a second section with its own footer part).
The layout uses the tab stops of the reference document's Footer style.
"""

from __future__ import annotations

from lxml import etree

from app.model import NoteMeta

from .labels import ExportLabels
from .ooxml import complex_field, paragraph, run, sub, w


def fill_footer(footer, note: NoteMeta, labels: ExportLabels, *, annex: bool) -> None:
    """Replace the content of a python-docx footer with the Council footer lines."""
    root = footer._element
    for child in list(root):
        root.remove(child)
    for element in footer_paragraphs(note, labels, annex=annex):
        root.append(element)


def footer_paragraphs(note: NoteMeta, labels: ExportLabels, *, annex: bool) -> list[etree._Element]:
    first = paragraph("Footer")
    borders = sub(sub(first.find(w("pPr")), "pBdr"), "top", "single", sz="4", space="4",
                  color="000000")
    del borders  # a thin rule above the footer, as on printed notes
    run(first, note.full_number)
    run(first, "\t" + (note.initials or "") + "\t\t")
    complex_field(first, "PAGE", "1")

    second = paragraph("Footer")
    marking = labels.marking(note.marking) if note.marking and note.marking.strip() else ""
    run(second, labels.annex() if annex else "")
    run(second, "\t" + (note.directorate or "") + "\t")
    if marking:
        run(second, marking, bold=True)
    run(second, "\t" + labels.language_code())
    return [first, second]
