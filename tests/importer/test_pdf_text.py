"""Text copied out of Council PDFs (pdftotext with and without -layout) imports like its source.

The sources are tests/importer/data/pdf/lapaz.en.md (an excerpt of seed 000) and lapaz.es.md
(a Spanish note in the seed's layout); the .pdf*.txt files were made from them through the
real export, LibreOffice and pdftotext (see data/pdf/README.md).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.importer import import_text, import_text_file

from .helpers import around_footnote, numbered_footnotes

DATA = Path(__file__).parent / "data" / "pdf"
DERIVED = [f"lapaz.{language}.{variant}.txt"
           for language in ("en", "es") for variant in ("pdf", "pdf-layout")]
FURNITURE = re.compile(r"6914/24|MR/mdc|JAI\.B|\bANNEX\b|\bANEXO\b|^\s*\d+\s*$|^(EN|ES)$")


def _source(name: str) -> Path:
    return DATA / f"{name.split('.')[0]}.{name.split('.')[1]}.md"


def _derived(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", DERIVED)
def test_cover_fields_equal_the_source(name):
    expected = import_text_file(_source(name))[0].note
    note = import_text(_derived(name))[0].note
    for field in ("number", "date", "place", "languages", "codes", "doc_type", "sender",
                  "recipient", "subject", "intro"):
        assert getattr(note, field) == getattr(expected, field), field
    assert (note.initials, note.directorate) == ("MR/mdc", "JAI.B")


@pytest.mark.parametrize("name", DERIVED)
def test_no_furniture_in_any_block(name):
    draft = import_text(_derived(name))[0]
    for block in draft.blocks:
        assert not FURNITURE.search(block.text), block.text[:80]


@pytest.mark.parametrize("name", DERIVED)
def test_paragraphs_as_in_the_source(name):
    expected = import_text_file(_source(name))[0]
    draft = import_text(_derived(name))[0]
    assert len(draft.blocks) == len(expected.blocks)
    for block, source in zip(draft.blocks, expected.blocks, strict=True):
        # A PDF keeps no bold, so a bold "1. Addressing …" heading comes back as numbered "1.".
        assert " ".join(block.text.split()) in (source.text, re.sub(r"^\d+\.\s+", "", source.text))


@pytest.mark.parametrize("name", DERIVED)
def test_footnote_references_in_place_with_their_texts(name):
    expected = numbered_footnotes(import_text_file(_source(name))[0])
    draft = import_text(_derived(name))[0]
    found = numbered_footnotes(draft)
    assert len(found) == len(expected) == 3
    for (number, block, text), (_n, source_block, source_text) in zip(
            found, expected, strict=True):
        assert " ".join(text.split()) == source_text
        footnote_id = draft.footnote_order()[number - 1]
        # The ids differ between the two imports: compare the words around each reference.
        before, after = around_footnote(block, footnote_id)
        source_before, source_after = around_footnote(
            source_block, next(f for f in source_block.footnote_ids))
        assert before.rstrip() == source_before.rstrip()
        assert after.strip() == source_after.strip()
    assert not draft.unreferenced_footnotes()


@pytest.mark.parametrize("name", DERIVED)
def test_no_marker_digit_left_in_the_text(name):
    draft = import_text(_derived(name))[0]
    words = " ".join(block.text for block in draft.blocks)
    assert not re.search(r"[^\W\d_][123]\b|\b20\d\d[123]\b|\b2017 2\b|[.”»)][123]\b", words)


@pytest.mark.parametrize("name", DERIVED)
def test_language_recorded(name):
    assert import_text(_derived(name))[0].language == name.split(".")[1]


def test_a_marker_glued_to_a_year_becomes_a_reference():
    """A viewer's copy loses the space: "adoptadas el 31 de mayo de 20172, y la"."""
    text = _derived("lapaz.es.pdf.txt").replace("de 2017 2, y la", "de 20172, y la")
    draft = import_text(text)[0]
    block = next(b for b in draft.blocks if b.text.startswith("RECORDAMOS"))
    before, after = around_footnote(block, block.footnote_ids[0])
    assert before.endswith("31 de mayo de 2017")
    assert after.startswith(", y la")
    assert draft.footnotes[block.footnote_ids[0]].text == "Documento 9674/17 del Consejo."


def test_a_markdown_note_is_not_taken_for_pdf_text():
    draft, report = import_text_file(DATA / "lapaz.en.md")
    assert len(draft.blocks) == 21 and not report.warnings


FLAT = ["lapaz.en.flat.txt", "lapaz.es.flat.txt"]


@pytest.mark.parametrize("name", FLAT)
def test_text_flattened_onto_one_line_keeps_cover_paragraphs_and_language(name):
    source = import_text_file(_source(name))[0]
    draft, report = import_text(_derived(name))
    for field in ("number", "date", "place", "languages", "codes", "sender", "recipient",
                  "subject", "intro"):
        assert getattr(draft.note, field) == getattr(source.note, field), field
    assert [" ".join(b.text.split()) for b in draft.blocks] == [
        re.sub(r"^\d+\.\s+", "", b.text) for b in source.blocks]
    assert not any(FURNITURE.search(block.text) for block in draft.blocks)
    assert draft.language == name.split(".")[1]
    assert numbered_footnotes(draft)[0][2] == numbered_footnotes(source)[0][2]


def test_flattened_spanish_footnotes_are_all_recovered():
    source = numbered_footnotes(import_text_file(DATA / "lapaz.es.md")[0])
    found = numbered_footnotes(import_text(_derived("lapaz.es.flat.txt"))[0])
    assert [(b.text, t) for _n, b, t in found] == [(b.text, t) for _n, b, t in source]


def test_flattened_footnotes_without_a_boundary_are_kept_together_and_reported():
    """"… drug problem UNODC/WHO …": with the line breaks gone, nothing says where 2 ends."""
    draft, report = import_text(_derived("lapaz.en.flat.txt"))
    texts = [text for _n, _b, text in numbered_footnotes(draft)]
    assert texts[1].startswith("CELAC recalls") and texts[1].endswith("Quality Standards.")
    assert texts[2] == ""
    assert any("footnotes 2–3 could not be told apart" in str(w) for w in report.warnings)


def test_press_office_lines_after_a_footnote_are_left_out_and_said():
    press = ("Oficina de prensa - Secretaría General del Consejo\n"
             "Rue de la Loi 175 - B-1048 BRUSELAS - Tel.: +32 (0)2 281 6319\n"
             "press.office@consilium.europa.eu - www.consilium.europa.eu/press\n")
    text = _derived("lapaz.es.pdf.txt").replace(
        "Documento 9674/17 del Consejo.\n", "Documento 9674/17 del Consejo.\n" + press)
    draft, report = import_text(text)
    assert numbered_footnotes(draft)[1][2] == "Documento 9674/17 del Consejo."
    assert not any("prensa" in block.text or "consilium" in block.text for block in draft.blocks)
    assert any("press office" in str(warning) for warning in report.warnings)
