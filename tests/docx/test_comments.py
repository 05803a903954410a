"""Reservations as real footnotes and comments as real Word comments, read back at XML level."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import pytest
from lxml import etree

from app.docx import export_note
from app.model.annotation_ops import AddComment, AddReservation, lift_reservation
from app.model.annotations import (
    Anchor,
    Comment,
    CommentStatus,
    Reply,
    Reservation,
    ReservationKind,
    Visibility,
)

from .drafts import sample_draft

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SECRET = "Internal only: HU will fold if pressed"
WITHDRAWN = "We withdraw this remark about the agenda"


def annotated():
    draft = sample_draft()
    text = draft.block("b-reaffirm").text
    start = text.index("importance")
    end = start + len("importance")
    for comment in [
        Comment("c1", Anchor("b-reaffirm", start, end), "HU", "Too vague.",
                suggestion="the key importance", date=date(2024, 2, 20),
                replies=[Reply("PRES", "Noted.", date(2024, 2, 21), "rp1")]),
        Comment("c2", Anchor("b-agree"), "FR", SECRET, visibility=Visibility.INTERNAL,
                date=date(2024, 2, 19)),
        Comment("c3", Anchor("b-n1", 0, 9), "MX", "Prefer 'Reaffirm'.", date=date(2024, 2, 18)),
        Comment("c4", Anchor("b-n2", 0, 6), "SE", WITHDRAWN, status=CommentStatus.WITHDRAWN,
                date=date(2024, 2, 18)),
    ]:
        AddComment(comment.to_json()).apply(draft)
    for reservation in [
        Reservation("r1", Anchor("b-reaffirm", start, end), ["HU", "DE", "BE"], ReservationKind.SCRUTINY),
        Reservation("r2", Anchor(None), ["CELAC"], ReservationKind.POSITION,
                    text_en="CELAC recalls its position on unilateral measures.",
                    text_es="La CELAC recuerda su posición sobre las medidas unilaterales."),
        Reservation("r3", Anchor("b-agree"), ["PL"], ReservationKind.LINGUISTIC),
        Reservation("r4", Anchor("b-agree"), ["NL"], ReservationKind.GENERAL),
    ]:
        AddReservation(reservation.to_json()).apply(draft)
    lift_reservation("r4").apply(draft)
    return draft


def part(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read(name))


def footnote_texts(path: Path) -> dict[str, str]:
    root = part(path, "word/footnotes.xml")
    return {
        note.get(f"{W}id"): "".join(note.itertext()).strip()
        for note in root.iter(f"{W}footnote")
        if int(note.get(f"{W}id")) > 0
    }


def text_before_reference(path: Path) -> list[tuple[str, str]]:
    """(the paragraph's text up to each footnote reference, that note's text)."""
    notes = footnote_texts(path)
    body = part(path, "word/document.xml")
    found = []
    for p in body.iter(f"{W}p"):
        text = ""
        for element in p.iter(f"{W}t", f"{W}footnoteReference"):
            if element.tag == f"{W}t":
                text += element.text or ""
            else:
                found.append((text, notes[element.get(f"{W}id")]))
    return found


@pytest.fixture(scope="module")
def exports(tmp_path_factory):
    folder = tmp_path_factory.mktemp("annotated")
    draft = annotated()
    paths = {}
    for mode in ("none", "circulation", "all"):
        paths[mode] = folder / f"{mode}.docx"
        export_note(draft, paths[mode], "en", comments=mode)
    paths["es"] = folder / "es.docx"
    export_note(draft, paths["es"], "es", comments="circulation")
    return paths


def test_reservation_footnotes_at_their_anchor(exports):
    placed = text_before_reference(exports["none"])
    assert ("La Paz declaration of the XXIVth High Level meeting",
            "CELAC recalls its position on unilateral measures.") in placed
    assert ("WE REAFFIRM the importance", "BE, DE, HU: scrutiny reservation.") in placed
    assert ("WE AGREE to convene the next meeting in 2025.", "PL: linguistic reservation.") in placed
    everything = " ".join(footnote_texts(exports["none"]).values())
    assert "NL" not in everything                              # lifted: not exported
    # drafting footnotes are still there, numbered with the others in reading order
    assert [text for _, text in placed][:3] == [
        "CELAC recalls its position on unilateral measures.",
        'Hereinafter, referred as "The Mechanism"',
        "BE, DE, HU: scrutiny reservation.",
    ]


def test_spanish_export_has_spanish_wording(exports):
    texts = list(footnote_texts(exports["es"]).values())
    assert "BE, DE, HU: reserva de estudio." in texts
    assert "PL: reserva lingüística." in texts
    assert "La CELAC recuerda su posición sobre las medidas unilaterales." in texts
    # in another language the span offsets do not apply: the footnote goes at the paragraph end
    placed = dict((note, text) for text, note in text_before_reference(exports["es"]))
    assert placed["BE, DE, HU: reserva de estudio."].endswith("entre Estados.")


def comments_xml(path: Path) -> list[dict]:
    with zipfile.ZipFile(path) as archive:
        if "word/comments.xml" not in archive.namelist():
            return []
    root = part(path, "word/comments.xml")
    return [
        {
            "id": c.get(f"{W}id"),
            "author": c.get(f"{W}author"),
            "initials": c.get(f"{W}initials"),
            "date": c.get(f"{W}date"),
            "text": "\n".join("".join(p.itertext()) for p in c.iter(f"{W}p")),
        }
        for c in root.iter(f"{W}comment")
    ]


def test_comment_modes(exports):
    assert comments_xml(exports["none"]) == []
    circulated = comments_xml(exports["circulation"])
    assert [(c["author"], c["initials"]) for c in circulated] == [("Hungary", "HU"), ("Mexico", "MX")]
    assert circulated[0]["date"] == "2024-02-20T00:00:00Z"
    assert circulated[0]["text"] == "Too vague.\nDrafting suggestion: the key importance\nPresidency: Noted."
    everything = comments_xml(exports["all"])
    assert [c["initials"] for c in everything] == ["HU", "FR", "MX", "SE"]
    assert comments_xml(exports["es"])[1]["author"] == "México"


def test_comment_ranges_cover_the_span(exports):
    body = part(exports["all"], "word/document.xml")
    inside: dict[str, str] = {}
    open_ids: set[str] = set()
    references = set()
    for element in body.iter():
        if element.tag == f"{W}commentRangeStart":
            open_ids.add(element.get(f"{W}id"))
            inside.setdefault(element.get(f"{W}id"), "")
        elif element.tag == f"{W}commentRangeEnd":
            open_ids.discard(element.get(f"{W}id"))
        elif element.tag == f"{W}commentReference":
            references.add(element.get(f"{W}id"))
        elif element.tag == f"{W}t":
            for key in open_ids:
                inside[key] += element.text or ""
    ids = {c["initials"]: c["id"] for c in comments_xml(exports["all"])}
    assert inside[ids["HU"]] == "importance"
    assert inside[ids["MX"]] == "Reiterate"
    assert inside[ids["FR"]] == "WE AGREE to convene the next meeting in 2025."
    assert references == set(ids.values())
    # no marker character is left anywhere in the text
    assert not any("\U000F0000" <= ch <= "\U000FFFFD" for ch in "".join(body.itertext()))


@pytest.mark.parametrize("mode", ["none", "circulation"])
def test_internal_comment_never_leaks(exports, mode):
    for path in (exports[mode], exports["es"]):
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                data = archive.read(name)
                assert SECRET.encode() not in data, f"internal comment found in {name}"
                assert WITHDRAWN.encode() not in data, f"withdrawn comment found in {name}"


def test_internal_comment_is_in_the_full_export(exports):
    with zipfile.ZipFile(exports["all"]) as archive:
        assert SECRET.encode() in archive.read("word/comments.xml")


def test_pandoc_reads_comments_and_notes_back(exports):
    pandoc = shutil.which("pandoc")
    if not pandoc:
        pytest.skip("pandoc is not installed")
    output = subprocess.run([pandoc, "-f", "docx", "-t", "json", "--track-changes=all",
                             str(exports["circulation"])], capture_output=True, text=True,
                            check=True, timeout=120).stdout
    document = json.loads(output)
    starts, notes = [], []

    def walk(node):
        if isinstance(node, dict):
            if node.get("t") == "Span" and "comment-start" in node["c"][0][1]:
                starts.append(dict(node["c"][0][2])["author"])
            if node.get("t") == "Note":
                notes.append(node)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(document["blocks"])
    assert starts == ["Hungary", "Mexico"]
    assert len(notes) == 6          # 3 drafting footnotes + 3 reservation footnotes
    assert SECRET not in output


@pytest.mark.slow
def test_libreoffice_reads_the_comments(exports, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.skip("LibreOffice is not installed")
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", "fodt", "--outdir", str(tmp_path), str(exports["all"])],
                   capture_output=True, check=True, timeout=180)
    flat = (tmp_path / "all.fodt").read_text(encoding="utf-8")
    assert flat.count("<office:annotation ") + flat.count("<office:annotation>") == 4
    assert "Hungary" in flat and "Too vague." in flat
    assert "BE, DE, HU: scrutiny reservation." in flat


def test_python_docx_reads_the_comments(exports):
    import docx

    document = docx.Document(str(exports["circulation"]))
    read = [(c.author, c.initials, c.timestamp.date().isoformat(), c.text) for c in document.comments]
    assert read == [
        ("Hungary", "HU", "2024-02-20", "Too vague.\nDrafting suggestion: the key importance\nPresidency: Noted."),
        ("Mexico", "MX", "2024-02-18", "Prefer 'Reaffirm'."),
    ]


def test_export_dialog_offers_the_comment_modes(qtbot, tmp_path):
    pytest.importorskip("PySide6")
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialog

    from app.ui.export_dialog import ExportDialog

    dialog = ExportDialog(None, annotated(), tmp_path / "d.concordia")
    qtbot.addWidget(dialog)
    assert dialog.comment_mode.currentData() == "none"
    dialog.comment_mode.setCurrentIndex(dialog.comment_mode.findData("circulation"))
    target = tmp_path / "from-dialog.docx"
    dialog.target.setText(str(target))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=20000)
    assert [c["initials"] for c in comments_xml(target)] == ["HU", "MX"]
    with zipfile.ZipFile(target) as archive:
        assert all(SECRET.encode() not in archive.read(name) for name in archive.namelist())
