"""A Word file opens as a new draft: from the command line (issue 13, first part)."""

from __future__ import annotations

import json
import subprocess
import sys

from app.docx import export_note
from app.docx.open_word import looks_like_word, open_word_file
from app.importer.text import import_text_file
from app.model.inline import plain_text
from tests.conftest import CORPUS, LAPAZ_SEED, REPO

SPANISH = CORPUS / "docx" / "poi__stress018_es_footnotes.docx"


def concordia(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=REPO, capture_output=True,
                          text=True, timeout=120)


def test_our_own_export_opens_as_a_draft_with_its_text_and_footnotes(tmp_path):
    original, _report = import_text_file(LAPAZ_SEED)
    exported = tmp_path / "lapaz.docx"
    export_note(original, exported)
    target = tmp_path / "back.concordia"
    result = concordia("import", str(exported), "--out", str(target))
    assert result.returncode == 0, result.stderr
    shown = json.loads(concordia("show", str(target), "--json").stdout)
    assert shown["note"]["number"] == "6914/24"
    assert shown["language"] == "en"
    assert [b["text"] for b in shown["blocks"]] == [plain_text(b.content) for b in original.blocks]
    assert sorted(f["text"] for f in shown["footnotes"]) == sorted(
        f.text for f in original.footnotes.values())


def test_a_spanish_document_is_an_es_draft_with_its_seven_footnotes(tmp_path):
    target = tmp_path / "es.concordia"
    result = concordia("import", str(SPANISH), "--out", str(target))
    assert result.returncode == 0, result.stderr
    assert "No Council cover" in result.stderr          # the report says what was guessed
    shown = json.loads(concordia("show", str(target), "--json").stdout)
    assert shown["language"] == "es" and shown["note"]["languages"] == ["es"]
    assert len(shown["footnotes"]) == 7


def test_a_renamed_word_file_is_still_recognised(tmp_path):
    renamed = tmp_path / "attachment.bin"
    renamed.write_bytes(SPANISH.read_bytes())
    assert looks_like_word(renamed)
    assert not looks_like_word(LAPAZ_SEED)
    draft, _report = open_word_file(renamed)
    assert draft.language == "es"


def test_a_broken_word_file_is_one_sentence(tmp_path):
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    result = concordia("import", str(broken), "--out", str(tmp_path / "x.concordia"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "x.concordia").exists()


def test_typed_paragraph_numbers_are_kept_as_printed(tmp_path):
    """A Word note made elsewhere, its points typed from 8 with an inserted 9a (seed 003's words)."""
    import docx

    points = {
        "8": "Affirm the significance, in terms of those goals, of the creation of CLASI.",
        "9": "Reaffirm our mutual commitment to continue promoting the further development.",
        "9a": "Welcome the progress made since the last meeting of the Ministers.",
        "10": "Recall that the European Union has established several agencies.",
    }
    document = docx.Document()
    document.add_paragraph("Draft Joint Declaration of the Ministers for the Interior")
    for number, text in points.items():
        document.add_paragraph(f"{number}. {text}")
    document.add_paragraph("Adopted in Brussels on 8 June 2023, in the English and Spanish languages.")
    source = tmp_path / "points.docx"
    document.save(source)
    target = tmp_path / "points.concordia"
    result = concordia("import", str(source), "--out", str(target))
    assert result.returncode == 0, result.stderr
    assert "4 paragraphs start with a typed number" in result.stderr
    blocks = json.loads(concordia("show", str(target), "--json").stdout)["blocks"]
    numbered = [b for b in blocks if b["kind"] == "numbered"]
    assert [(b["number"], b["text"]) for b in numbered] == list(points.items())
    assert blocks[-1]["kind"] != "numbered" and blocks[-1]["text"].startswith("Adopted")
    exported = tmp_path / "points-again.docx"
    assert concordia("export", str(target), "--out", str(exported)).returncode == 0
    text = subprocess.run(["pandoc", "-t", "plain", "--wrap=none", str(exported)],
                          capture_output=True, text=True, check=True).stdout
    for number, words in points.items():
        assert f"{number}. {words[:20]}" in " ".join(text.split()), number


def test_one_leading_figure_is_not_a_numbered_paragraph(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("2024. A year of cooperation between the two regions, as agreed.")
    document.add_paragraph("The Ministers welcome the progress made since the last meeting.")
    source = tmp_path / "one.docx"
    document.save(source)
    draft, _report = open_word_file(source)
    assert [b.kind.value for b in draft.blocks] == ["paragraph", "paragraph"]
    assert draft.blocks[0].text.startswith("2024.")
