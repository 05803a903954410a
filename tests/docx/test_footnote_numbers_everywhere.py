"""One footnote numbering rule (issue 11 item 5): a footnote referenced twice and a reservation
footnote get the same numbers from the model, `show --json`, the DOCX (footnotes.xml and the
references in document order), the compare view's HTML and the editor.

The rule (app.model.footnote_numbers): every reference is its own mark, 1…n in reading order;
reservation footnotes take their numbers at their places (here: the end of the paragraph).
"""

from __future__ import annotations

import copy
import json
import re
import subprocess
import sys
import zipfile
from datetime import date

from lxml import etree

from app.compare.engine import compare_drafts
from app.compare.to_html import inline_html, side_by_side_html
from app.docx.writer import export_note
from app.model import ANCHOR, Block, BlockKind, Draft, Footnote, FootnoteRef, NoteMeta, TextRun
from app.model.annotations import Anchor, Reservation, ReservationKind
from app.model.footnote_numbers import number_notes
from app.store import save_draft

from ..conftest import REPO

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MECHANISM = 'Hereinafter, referred as "The Mechanism"'
EXPECTED = [("fn-mech", 1), ("reservation", 2), ("fn-report", 3), ("fn-mech", 4)]


def twice_referenced_draft() -> Draft:
    note = NoteMeta(number="6914/24", date=date(2024, 2, 28), subject="La Paz declaration",
                    initials="MR/mdc", directorate="JAI.B")
    blocks = [
        Block(BlockKind.TITLE, [TextRun("LA PAZ DECLARATION")], id="title"),
        Block(BlockKind.PREAMBLE, [TextRun("HAVING MET within the Mechanism"), FootnoteRef("fn-mech"),
                                   TextRun(" in La Paz;")], id="pre"),
        Block(BlockKind.NUMBERED, [TextRun("Welcome the report"), FootnoteRef("fn-report"),
                                   TextRun(" of the Mechanism"), FootnoteRef("fn-mech"),
                                   TextRun(".")], id="num"),
    ]
    draft = Draft(note=note, blocks=blocks, footnotes={
        "fn-mech": Footnote(MECHANISM, "fn-mech"),
        "fn-report": Footnote("Doc. 6250/24.", "fn-report"),
    })
    draft.reservations["r1"] = Reservation("r1", Anchor("pre"), ["DE", "BE"],
                                           ReservationKind.SCRUTINY, date=date(2024, 2, 1))
    return draft


def kinds_and_numbers(marks) -> list[tuple[str, int]]:
    return [("reservation" if m.reservation else m.footnote_id, m.number) for m in marks]


def test_model_numbers_each_reference_and_the_reservation_in_place():
    draft = twice_referenced_draft()
    assert kinds_and_numbers(number_notes(draft).marks) == EXPECTED
    assert draft.footnote_numbers("fn-mech") == [1, 4]
    assert draft.footnote_number("fn-report") == 3


def test_show_json_docx_compare_and_editor_agree_with_the_model(tmp_path, qtbot):
    draft = twice_referenced_draft()
    path = tmp_path / "lapaz.concordia"
    save_draft(draft, path)

    # show --json, in a real process
    shown = json.loads(subprocess.run(
        [sys.executable, "-m", "app", "show", str(path), "--json"], cwd=REPO,
        capture_output=True, text=True, check=True, timeout=120).stdout)
    assert [b["footnote_numbers"] for b in shown["blocks"]] == [[], [1], [3, 4]]
    assert [(m["footnote"] if not m["reservation"] else "reservation", m["number"])
            for m in shown["note_marks"]] == EXPECTED
    assert shown["note_marks"][1]["text"] == "BE, DE: scrutiny reservation."
    text = subprocess.run([sys.executable, "-m", "app", "show", str(path)], cwd=REPO,
                          capture_output=True, text=True, check=True, timeout=120).stdout
    assert "within the Mechanism[1] in La Paz;[2]" in text
    assert "report[3] of the Mechanism[4]." in text

    # DOCX: the references in document order and the notes they point to
    target = tmp_path / "lapaz.docx"
    export_note(draft, target)
    with zipfile.ZipFile(target) as package:
        document = etree.fromstring(package.read("word/document.xml"))
        notes = etree.fromstring(package.read("word/footnotes.xml"))
    references = [int(r.get(f"{W}id")) for r in document.iter(f"{W}footnoteReference")]
    texts = {int(n.get(f"{W}id")): "".join(t.text or "" for t in n.iter(f"{W}t")).strip()
             for n in notes.iter(f"{W}footnote") if int(n.get(f"{W}id")) > 0}
    assert references == [1, 2, 3, 4]
    assert texts == {1: MECHANISM, 2: "BE, DE: scrutiny reservation.", 3: "Doc. 6250/24.",
                     4: MECHANISM}

    # the compare view: the new version's references carry the same numbers
    older = copy.deepcopy(draft)
    older.blocks[2].content = [TextRun("Welcome the report"), FootnoteRef("fn-report"), TextRun(".")]
    comparison = compare_drafts(older, draft, "Rev 1", "Rev 2")
    rows = side_by_side_html(comparison).split("<h3>")[0].split("<tr>")
    newer_column = [re.findall(r"<sup>(.*?)</sup>", row.split("</td><td")[-1]) for row in rows[2:]]
    assert newer_column == [[], ["1"], ["3", "4"]]
    inline = re.findall(r"<sup>(.*?)</sup>", inline_html(comparison).split("<h3>")[0])
    assert inline == ["1", "3", "4"]

    # the editor draws each reference character with the same number
    from app.ui.editor import DraftEditor

    editor = DraftEditor()
    qtbot.addWidget(editor)
    editor.show()
    editor.set_draft(copy.deepcopy(draft))
    document = editor.text_edit.document()
    drawn = []
    cursor = document.find(ANCHOR)
    while not cursor.isNull():
        position = cursor.selectionStart()
        drawn.append(editor._marker.label(document, position, cursor.charFormat()))
        cursor = document.find(ANCHOR, cursor)
    assert drawn == ["1", "3", "4"]
    assert editor.bridge.reference_numbers("num") == [3, 4]
