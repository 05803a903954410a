"""Markdown and plain text in general: covers in EN and ES, kinds, inline marks, footnotes."""

from __future__ import annotations

from datetime import date

import pytest

from app.importer import import_text
from app.model import BlockKind, DocumentType
from app.model.numbering import paragraph_numbers
from app.progress import Progress

from .helpers import around_footnote, runs

SPANISH_COVER = """Consejo de la Unión Europea

Bruselas, 28 de febrero de 2024
(OR. en)

Expediente interinstitucional:
2018/0330 (COD)

6914/1/24 REV 1

CORDROGUE 26  COLAC 27

NOTA

De:\tSecretaría General del Consejo
A:\tDelegaciones
Asunto:\tMecanismo de Coordinación y Cooperación en materia de drogas CELAC-UE -
Declaración de La Paz

Adjunto se remite a las Delegaciones la Declaración de La Paz.

**Declaración de La Paz**

HABIENDO CELEBRADO la reunión en La Paz.

REAFIRMAMOS la importancia del Mecanismo.
"""


def test_spanish_cover():
    draft, report = import_text(SPANISH_COVER)
    note = draft.note
    assert note.place == "Bruselas"
    assert note.date == date(2024, 2, 28)
    assert note.languages == ["en"]
    assert (note.number, note.suffix) == ("6914/24", "REV 1")
    assert note.full_number == "6914/1/24 REV 1"
    assert note.interinstitutional_file == "2018/0330 (COD)"
    assert note.codes == ["CORDROGUE 26", "COLAC 27"]
    assert note.doc_type == DocumentType.NOTE.value
    assert note.sender == "Secretaría General del Consejo"
    assert note.recipient == "Delegaciones"
    # a subject that wraps onto a second line is one subject
    assert note.subject == (
        "Mecanismo de Coordinación y Cooperación en materia de drogas CELAC-UE - "
        "Declaración de La Paz"
    )
    assert note.intro == "Adjunto se remite a las Delegaciones la Declaración de La Paz."
    assert [(b.kind, b.text) for b in draft.blocks] == [
        (BlockKind.TITLE, "Declaración de La Paz"),
        (BlockKind.PREAMBLE, "HABIENDO CELEBRADO la reunión en La Paz."),
        (BlockKind.OPERATIVE, "REAFIRMAMOS la importancia del Mecanismo."),
    ]
    assert report.warnings == []


def test_suffixes_and_interinstitutional_file():
    for written, number, suffix in [
        ("6914/24 ADD 1", "6914/24", "ADD 1"),
        ("9465/18 COR 1", "9465/18", "COR 1"),
        ("14860/1/18 REV 1", "14860/18", "REV 1"),
        ("6914/24", "6914/24", ""),
    ]:
        text = (f"Council of the European Union\nBrussels, 3 December 2018\n(OR. en)\n"
                f"Interinstitutional File: 2018/0330(COD)\n{written}\nLIMITE\nFRONT 416\n\n"
                "NOTE\nFrom: Presidency\nTo: Delegations\nSubject: Borders\n\nBody text.\n")
        draft, _ = import_text(text)
        assert (draft.note.number, draft.note.suffix) == (number, suffix)
        assert draft.note.interinstitutional_file == "2018/0330(COD)"
        assert draft.note.marking == "LIMITE"
        assert draft.note.codes == ["FRONT 416"]
        assert draft.note.intro == "Body text."
        assert draft.blocks == []


def test_no_cover_gives_empty_metadata():
    draft, report = import_text("Universal Declaration\n\nArticle 1\n\nAll human beings are born free.\n")
    note = draft.note
    assert (note.number, note.date, note.place, note.subject, note.intro) == ("", None, "", "", "")
    assert note.codes == [] and note.languages == [] and note.marking is None
    assert [(b.kind, b.text) for b in draft.blocks] == [
        (BlockKind.TITLE, "Universal Declaration"),
        (BlockKind.HEADING, "Article 1"),
        (BlockKind.PARAGRAPH, "All human beings are born free."),
    ]


def test_lead_ins_detected_generally():
    text = "\n\n".join([
        "# Declaration",
        "RECALLING the previous declarations,",
        "NOTING WITH CONCERN the rise of synthetic drugs,",
        "WE WELCOME the progress made.",
        "WE STRONGLY CONDEMN all violence.",
        "EU-CELAC cooperation continues.",
        "We, the Ministers, met in Brussels.",
    ])
    draft, _ = import_text(text)
    assert [b.kind for b in draft.blocks] == [
        BlockKind.TITLE, BlockKind.PREAMBLE, BlockKind.PREAMBLE, BlockKind.OPERATIVE,
        BlockKind.OPERATIVE, BlockKind.PARAGRAPH, BlockKind.PARAGRAPH,
    ]


def test_lists_and_levels():
    text = "Title\n\n- first\n- second\n  - nested\n❖ glyph item\n  - ❖ both\n* star item\n"
    draft, _ = import_text(text)
    assert [(b.kind, b.level, b.text) for b in draft.blocks[1:]] == [
        (BlockKind.LIST_ITEM, 1, "first"),
        (BlockKind.LIST_ITEM, 1, "second"),
        (BlockKind.LIST_ITEM, 2, "nested"),
        (BlockKind.LIST_ITEM, 2, "glyph item"),
        (BlockKind.LIST_ITEM, 2, "both"),
        (BlockKind.LIST_ITEM, 1, "star item"),
    ]


def test_inline_marks_escapes_and_links():
    text = ("Title\n\nThe *Mechanism* and _the Council_ met **in La Paz** on the 24<sup>th</sup>; "
            "see [the report](https://example.org/a_b) or <https://example.org/c_d>, "
            "file\\_name and 5 \\* 3.\n")
    draft, _ = import_text(text)
    block = draft.blocks[1]
    assert block.text == ("The Mechanism and the Council met in La Paz on the 24th; see the report "
                          "or https://example.org/c_d, file_name and 5 * 3.")
    marks = {(r.text, r.bold, r.italic, r.superscript) for r in runs(block)}
    assert ("Mechanism", False, True, False) in marks
    assert ("the Council", False, True, False) in marks
    assert ("in La Paz", True, False, False) in marks
    assert ("th", False, False, True) in marks


def test_numbered_paragraphs_leave_their_numbers_and_a_gap_keeps_the_printed_one():
    text = "Title\n\n1. Aware of threats;\n2. Recognise efforts;\n4. Undertake to act.\n"
    draft, report = import_text(text)
    assert [(b.kind, b.text, b.number) for b in draft.blocks[1:]] == [
        (BlockKind.NUMBERED, "Aware of threats;", None),
        (BlockKind.NUMBERED, "Recognise efforts;", None),
        (BlockKind.NUMBERED, "Undertake to act.", "4"),
    ]
    assert paragraph_numbers(draft.blocks) == ["", "1", "2", "4"]
    # Nothing was renumbered, so there is nothing to report.
    assert report.warnings == []


def test_markdown_footnotes_before_and_after_definitions():
    text = ("[^a]: Defined first.\n\nTitle\n\nWE NOTE the report[^a] and the plan[^2].\n\n"
            "[^2]: Defined after, with *marks* and \\_escapes\\_.\n")
    draft, report = import_text(text)
    block = next(b for b in draft.blocks if b.text.startswith("WE NOTE"))
    first, second = block.footnote_ids
    assert around_footnote(block, first)[0] == "WE NOTE the report"
    assert draft.footnotes[first].text == "Defined first."
    assert draft.footnotes[second].text == "Defined after, with marks and _escapes_."
    assert report.warnings == []


def test_orphan_marker_and_orphan_text_are_reported_and_kept():
    text = ("Title\n\nWE AGREE to meet again.<sup>1</sup>\n\n"
            "WE NOTE the plan.<sup>2</sup>\n\n---\n\n<sup>1</sup> Text of the first note.\n\n"
            "<sup>7</sup> A note nobody refers to.\n")
    draft, report = import_text(text)
    assert len(draft.footnotes) == 3
    agree, note = draft.blocks[1], draft.blocks[2]
    assert draft.footnotes[agree.footnote_ids[0]].text == "Text of the first note."
    empty = note.footnote_ids[0]
    assert draft.footnotes[empty].text == ""                 # the reference point is kept
    orphans = draft.unreferenced_footnotes()
    assert [draft.footnotes[f].text for f in orphans] == ["A note nobody refers to."]
    messages = sorted((w.line, w.quote, w.message) for w in report.warnings)
    assert len(messages) == 2
    assert messages[0][0] == 5 and messages[0][1].startswith("WE NOTE the plan")
    assert "marker 2" in messages[0][2]
    assert messages[1][0] == 11 and messages[1][1] == "A note nobody refers to."
    assert "7" in messages[1][2]
    assert all(str(w).startswith(f"line {w.line} (“") for w in report.warnings)


def test_paragraph_broken_by_page_and_footnote_is_one_block():
    text = ("Title\n\nWE COMMIT to reinforce the Mechanism as the main platform<sup>1</sup> for\n\n"
            "---\n\n<sup>1</sup> The Mechanism.\n\n"
            "bi-regional cooperation between both regions.\n\n"
            "- An item that runs over the page\n\n---\n\nand ends here.\n\n"
            "WE AGREE to meet.\n")
    draft, report = import_text(text)
    assert [(b.kind, b.text) for b in draft.blocks[1:]] == [
        (BlockKind.OPERATIVE, "WE COMMIT to reinforce the Mechanism as the main platform for "
                              "bi-regional cooperation between both regions."),
        (BlockKind.LIST_ITEM, "An item that runs over the page and ends here."),
        (BlockKind.OPERATIVE, "WE AGREE to meet."),
    ]
    assert len(draft.blocks[1].footnote_ids) == 1
    assert report.warnings == []


def test_unicode_superscript_without_footnote_text_stays_text():
    draft, report = import_text("Title\n\nAn area of 20 km² was cleared.\n")
    assert draft.blocks[1].text == "An area of 20 km² was cleared."
    assert draft.footnotes == {} and report.warnings == []


def test_separators_and_blank_lines_are_not_blocks():
    draft, _ = import_text("Title\n\n---\n\n\\_\\_\\_\\_\\_\n\n* * *\n\n\n\nText.\n")
    assert [b.text for b in draft.blocks] == ["Title", "Text."]


class RecordingProgress(Progress):
    def __init__(self) -> None:
        super().__init__()
        self.steps: list[tuple[int, int]] = []

    def changed(self) -> None:
        self.steps.append((self.done, self.total))


def test_progress_reported_per_thousand_lines():
    text = "\n\n".join(f"Paragraph number {i} of a long text." for i in range(2500))
    progress = RecordingProgress()
    draft, _ = import_text(text, progress)
    assert len(draft.blocks) == 2500
    total = text.count("\n") + 1
    assert progress.steps[0] == (0, total)
    assert progress.steps[-1] == (total, total)
    assert len(progress.steps) >= total // 1000


def test_windows_line_endings_read_the_same():
    draft_lf, _ = import_text(SPANISH_COVER)
    draft_crlf, _ = import_text(SPANISH_COVER.replace("\n", "\r\n"))
    assert draft_crlf.note == draft_lf.note
    assert [(b.kind, b.text) for b in draft_crlf.blocks] == [
        (b.kind, b.text) for b in draft_lf.blocks
    ]


def test_bold_numbers_are_numbered_paragraphs_but_bold_numbered_lines_are_headings():
    draft, report = import_text("Title\n\n**1.** First;\n**2.** Second.\n\n**3. A heading**\n")
    assert [(b.kind, b.text) for b in draft.blocks[1:]] == [
        (BlockKind.NUMBERED, "First;"),
        (BlockKind.NUMBERED, "Second."),
        (BlockKind.HEADING, "3. A heading"),
    ]
    assert report.warnings == []


FOOTERS = """Brussels, 28 February 2024
6914/1/24 REV 1
NOTE
From: Presidency
To: Delegations
Subject: Test

Delegations will find the text in the Annex.

ANNEX

WE COMMIT to reinforce the Mechanism as the main platform for

6914/1/24 REV 1   MR/mdc   2
JAI.B   LIMITE   EN

bi-regional cooperation.

6914/1/24 REV 1   MR/mdc   3

JAI.B   EN

WE AGREE to meet in 2025.
"""


def test_page_footers_are_not_text_and_give_initials_and_directorate():
    draft, report = import_text(FOOTERS)
    assert draft.note.full_number == "6914/1/24 REV 1"
    assert (draft.note.initials, draft.note.directorate) == ("MR/mdc", "JAI.B")
    assert [(b.kind, b.text) for b in draft.blocks] == [
        (BlockKind.OPERATIVE,
         "WE COMMIT to reinforce the Mechanism as the main platform for bi-regional cooperation."),
        (BlockKind.OPERATIVE, "WE AGREE to meet in 2025."),
    ]
    assert report.warnings == []


def test_heading_after_a_page_break_is_not_swallowed():
    text = ("Title\n\nWE AGREE on the following topics\n\n---\n\nArticle 5\n\n"
            "WE NOTE the plan.\n\n---\n\nRECALLING the past,\n")
    draft, _ = import_text(text)
    assert [(b.kind, b.text) for b in draft.blocks[1:]] == [
        (BlockKind.OPERATIVE, "WE AGREE on the following topics"),
        (BlockKind.HEADING, "Article 5"),
        (BlockKind.OPERATIVE, "WE NOTE the plan."),
        (BlockKind.PREAMBLE, "RECALLING the past,"),
    ]


def test_cancel_stops_the_import():
    from app.progress import Cancelled

    class CancelAtSecondStep(Progress):
        def changed(self) -> None:
            if self.done >= 1000:
                self.cancel()

    text = "\n\n".join(f"Paragraph {i}." for i in range(1500))
    with pytest.raises(Cancelled):
        import_text(text, CancelAtSecondStep())
