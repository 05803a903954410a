"""Word export of a comparison, read back at the XML level and by pandoc and LibreOffice."""

import re
import shutil
import subprocess
import zipfile

import pytest
from lxml import etree

from app.compare import compare_drafts
from app.docx.redline import export_comparison

from .seed_draft import draft_from_seed, make_revision

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture
def versions(clasi_seed):
    rev1 = draft_from_seed(clasi_seed)
    rev2, done = make_revision(rev1)
    return rev1, rev2, compare_drafts(rev1, rev2, "Rev 1", "Rev 2")


def _parts(path):
    with zipfile.ZipFile(path) as package:
        return (etree.fromstring(package.read("word/document.xml")),
                etree.fromstring(package.read("word/footnotes.xml")))


def _pandoc_annex(path, mode):
    """Paragraph texts of the annex and the footnote texts, as pandoc reads them."""
    text = subprocess.run(
        ["pandoc", f"--track-changes={mode}", "-t", "plain", "--wrap=none", str(path)],
        capture_output=True, text=True, check=True).stdout
    annex = text.split("\nANNEX\n", 1)[1]
    paragraphs, notes = [], []
    for chunk in re.split(r"\n\s*\n", annex):
        chunk = " ".join(chunk.split())
        note = re.match(r"^\[(\d+)\] (.*)$", chunk)
        if note:
            notes.append(note.group(2))
            continue
        chunk = re.sub(r"\[\d+\]", "", re.sub(r"^\d+\.\s*", "", chunk)).strip()
        if chunk:                     # pandoc keeps an empty item where a paragraph left
            paragraphs.append(chunk)
    return paragraphs, notes


def _expected(draft):
    return ([" ".join(block.text.split()) for block in draft.blocks],
            [draft.footnotes[fid].text for fid in draft.footnote_order()])


def test_tracked_changes_carry_author_date_and_moves(tmp_path, versions):
    rev1, rev2, comparison = versions
    target = tmp_path / "tracked.docx"
    export_comparison(comparison, rev2, target, style="tracked", author="ES Presidency",
                      date="2026-03-01T10:00:00+00:00")
    document, footnotes = _parts(target)
    for name in ("ins", "del", "moveFrom", "moveTo"):
        found = list(document.iter(W + name))
        assert found, name
        assert all(e.get(W + "author") == "ES Presidency" for e in found)
        assert all(e.get(W + "date") == "2026-03-01T10:00:00Z" for e in found)
    starts = {e.get(W + "name") for e in document.iter(W + "moveFromRangeStart")}
    assert starts == {e.get(W + "name") for e in document.iter(W + "moveToRangeStart")}
    assert len(starts) == 1
    ids = [e.get(W + "id") for tag in ("ins", "del", "moveFrom", "moveTo")
           for e in list(document.iter(W + tag)) + list(footnotes.iter(W + tag))]
    assert len(ids) == len(set(ids))
    # The reworded footnote is tracked inside the footnotes part; it stays a real footnote.
    assert list(footnotes.iter(W + "del")) and list(footnotes.iter(W + "ins"))
    assert len(list(document.iter(W + "footnoteReference"))) >= 2
    assert "serious and growing " in "".join(
        t.text for e in document.iter(W + "ins") for t in e.iter(W + "t"))


@pytest.mark.skipif(not shutil.which("pandoc"), reason="pandoc not installed")
def test_pandoc_accept_gives_rev2_and_reject_gives_rev1(tmp_path, versions):
    rev1, rev2, comparison = versions
    target = tmp_path / "tracked.docx"
    export_comparison(comparison, rev2, target, style="tracked", author="ES Presidency")
    assert _pandoc_annex(target, "accept") == _expected(rev2)
    assert _pandoc_annex(target, "reject") == _expected(rev1)


@pytest.mark.skipif(not shutil.which("pandoc"), reason="pandoc not installed")
def test_pandoc_on_a_moved_and_reworded_paragraph_and_footnote_changes(tmp_path, clasi_seed):
    from app.model import Footnote, FootnoteRef, TextRun

    rev1 = draft_from_seed(clasi_seed)
    rev2, done = make_revision(rev1)
    moved = rev2.block(done["moved"])
    moved.content = [TextRun(moved.text.replace("security cycle", "security and justice cycle")
                             .replace("Undertake to work", "Work"))]
    # A footnote added to the reworded paragraph, one removed with its reference.
    added = Footnote("A footnote new in Rev 2.")
    rev2.footnotes[added.id] = added
    rev2.block(done["reworded"]).content.append(FootnoteRef(added.id))
    gone = rev2.footnote_order()[-1]
    for block in rev2.blocks:
        block.content = [i for i in block.content
                         if not (isinstance(i, FootnoteRef) and i.footnote_id == gone)]
    del rev2.footnotes[gone]
    comparison = compare_drafts(rev1, rev2, "Rev 1", "Rev 2")
    target = tmp_path / "tracked.docx"
    export_comparison(comparison, rev2, target, style="tracked")
    assert _pandoc_annex(target, "accept") == _expected(rev2)
    assert _pandoc_annex(target, "reject") == _expected(rev1)


def test_council_marking(tmp_path, versions):
    _, rev2, comparison = versions
    target = tmp_path / "council.docx"
    export_comparison(comparison, rev2, target, style="council")
    document, footnotes = _parts(target)
    assert not list(document.iter(W + "ins")) and not list(document.iter(W + "del"))

    def runs_with(root, *flags):
        return ["".join(t.text for t in r.iter(W + "t")) for r in root.iter(W + "r")
                if r.find(W + "rPr") is not None
                and all(r.find(W + "rPr").find(W + f) is not None for f in flags)]

    inserted = runs_with(document, "b", "u")
    assert "serious and growing " in inserted
    assert any(text.startswith("Stress the need to protect witnesses") for text in inserted)
    struck = " ".join(runs_with(document, "strike"))
    assert "Assert the importance of further strengthening Ameripol" in struck
    assert "Undertake to work towards the establishment" in struck      # moved away
    body = "".join(t.text for t in document.iter(W + "t"))
    assert "(moved from § 14)" in body and "(moved to § 22)" in body
    assert "Changes to the previous version (Rev 1) are marked" in body
    assert "to be changed following publication" in " ".join(runs_with(footnotes, "strike"))


def test_council_marking_sentence_in_spanish(tmp_path, versions):
    rev1, rev2, comparison = versions
    from app.model import LanguageVersion

    rev2.translations["es"] = LanguageVersion(
        "es", meta={"subject": "Proyecto de Declaración conjunta", "intro": "Se adjunta."},
        blocks={b.id: b.content for b in rev2.blocks},
        footnotes={fid: n.text for fid, n in rev2.footnotes.items()})
    target = tmp_path / "council-es.docx"
    export_comparison(comparison, rev2, target, style="council", language="es")
    document, _ = _parts(target)
    body = "".join(t.text for t in document.iter(W + "t"))
    assert "Los cambios con respecto a la versión anterior (Rev 1)" in body
    assert "(trasladado desde § 14)" in body


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice not installed")
def test_libreoffice_opens_both_exports(tmp_path, versions):
    _, rev2, comparison = versions
    for style in ("council", "tracked"):
        export_comparison(comparison, rev2, tmp_path / f"{style}.docx", style=style)
    result = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"),
         str(tmp_path / "council.docx"), str(tmp_path / "tracked.docx")],
        capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, result.stderr
    for style in ("council", "tracked"):
        pdf = tmp_path / "pdf" / f"{style}.pdf"
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True,
                              text=True).stdout
        assert "Stress the need to protect witnesses" in " ".join(text.split())
    # LibreOffice takes every tracked change in as a change it can accept or reject.
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
         "--convert-to", "fodt", "--outdir", str(tmp_path / "odt"), str(tmp_path / "tracked.docx")],
        capture_output=True, text=True, timeout=240, check=True)
    flat = (tmp_path / "odt" / "tracked.fodt").read_text(encoding="utf-8")
    regions = flat.count("<text:changed-region")
    # § 2 words, inserted §, deleted §, the move's two ends, footnote 1 deleted + inserted words
    assert regions == 7, regions
    assert flat.count("<dc:creator>Concordia</dc:creator>") >= regions
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "4", "-l", "4",
                    str(tmp_path / "pdf" / "council.pdf"), str(tmp_path / "page")], check=True)
    assert list(tmp_path.glob("page*.png"))
