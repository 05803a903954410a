"""The cover block of a Council note, as the General Secretariat lays it out.

    Council of the            Brussels, 28 February 2024
    European Union            (OR. en)
    [Interinstitutional File]  6914/24
                               LIMITE
                               CORDROGUE 26 …
    NOTE
    From: / To: / Subject:    (between two rules)
    Delegations will find in the Annex …
"""

from __future__ import annotations

from datetime import date

from lxml import etree

from app.model import NoteMeta

from .labels import ExportLabels
from .localise import LocalisedNote
from .ooxml import borderless_table, paragraph, ragged_if_unbreakable, run, sub, text_paragraph

TEXT_WIDTH = 9072            # 16 cm between 2.5 cm margins, in twips
LEFT_COLUMN = 4820           # 8.5 cm: the institution block
LABEL_COLUMN = 1418          # 2.5 cm: "From:", "Subject:"


def cover_elements(note: NoteMeta, local: LocalisedNote, labels: ExportLabels,
                   when: date) -> list[etree._Element]:
    return [
        _heading_table(note, labels, when),
        text_paragraph("DocumentType", labels.document_type(note.doc_type)),
        _fields_table(local, labels),
        *_intro(local.intro),
    ]


def _heading_table(note: NoteMeta, labels: ExportLabels, when: date) -> etree._Element:
    left = [text_paragraph("CoverInstitution", labels.institution_lines())]
    if note.interinstitutional_file.strip():
        spacer = paragraph("CoverLine")
        left.append(spacer)
        left.append(text_paragraph("CoverLine", [labels.interinstitutional_file(),
                                                 note.interinstitutional_file.strip()]))
    right = [
        text_paragraph("CoverLine", [labels.place_and_date(note.place or "Brussels", when),
                                     labels.original_languages(note.languages)]),
        paragraph("CoverLine"),
        text_paragraph("CoverNumber", note.full_number),
    ]
    if note.marking and note.marking.strip():
        right.append(text_paragraph("CoverMarking", labels.marking(note.marking)))
    codes = [code.strip() for code in note.codes if code.strip()]
    if codes:
        right.append(paragraph("CoverLine"))
        right.append(text_paragraph("CoverCodes", codes))
    return borderless_table([LEFT_COLUMN, TEXT_WIDTH - LEFT_COLUMN], [[left, right]])


def _fields_table(local: LocalisedNote, labels: ExportLabels) -> etree._Element:
    rows = []
    for label, value in zip(labels.field_labels(), (local.sender, local.recipient, local.subject), strict=True):
        label_p = paragraph("CoverField")
        run(label_p, label)
        value_p = paragraph("CoverField")
        # The subject is set in bold on Council notes; the sender and addressee are not.
        run(value_p, value, bold=label == labels.field_labels()[2])
        rows.append([[label_p], [value_p]])
    table = borderless_table([LABEL_COLUMN, TEXT_WIDTH - LABEL_COLUMN], rows, rules=(True, True))
    # Air between the rules and the text, as on printed notes.
    for tr in table.iter("{*}tr"):
        for p_pr in tr.iter("{*}pPr"):
            sub(p_pr, "spacing", before="60", after="60")
    return table


def _intro(intro: str) -> list[etree._Element]:
    if not intro.strip():
        return []
    paragraphs = []
    for text in (part.strip() for part in intro.split("\n\n")):
        if text:
            p = text_paragraph("IntroText", text)
            ragged_if_unbreakable(p, text)
            paragraphs.append(p)
    return paragraphs
