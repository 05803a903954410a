"""The exact round trip survives LibreOffice: `soffice --headless --convert-to docx` of our note.

LibreOffice keeps the custom XML part (customXml/item1.xml with its properties), the comments
(renumbered in reading order, each line of a comment as its own paragraph) and the footnotes
(renumbered from 2), so the note imports back field for field, ids included.
"""

from __future__ import annotations

import shutil
import subprocess
import zipfile

import pytest

from app.docx import export_note
from app.docx.open_word import open_word_file
from tests.conftest import CLASI_SEED, LAPAZ_SEED
from tests.docx.round_trip_drafts import annotated_seed, comparable, expected_view


def through_libreoffice(source, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed (Debian package 'libreoffice-writer')")
    out = tmp_path / "libreoffice"
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
                    "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out), str(source)],
                   check=True, capture_output=True, timeout=300)
    converted = out / source.name
    assert converted.exists()
    return converted


@pytest.mark.parametrize("seed, language", [(LAPAZ_SEED, "en"), (CLASI_SEED, "es")],
                         ids=["000-en", "003-es"])
def test_a_note_saved_again_by_libreoffice_imports_as_the_same_draft(tmp_path, seed, language):
    original = annotated_seed(seed)
    exported = tmp_path / "note.docx"
    export_note(original, exported, language=language, comments="circulation")
    converted = through_libreoffice(exported, tmp_path)
    with zipfile.ZipFile(converted) as archive:
        assert "customXml/item1.xml" in archive.namelist()       # LibreOffice keeps our data
    back, report = open_word_file(converted)
    assert report.warnings == []
    assert comparable(back.to_public_json()) == comparable(expected_view(original, language))


def test_after_libreoffice_without_our_data_the_reservations_are_still_recognised(tmp_path):
    from tests.docx.test_round_trip_edited import rewrite

    exported = tmp_path / "note.docx"
    export_note(annotated_seed(LAPAZ_SEED), exported, comments="none")
    stripped = tmp_path / "stripped.docx"
    rewrite(through_libreoffice(exported, tmp_path), stripped, drop_custom_xml=True)
    back, _report = open_word_file(stripped)
    assert sorted(r.kind.value for r in back.reservations.values()) == [
        "linguistic", "scrutiny", "substantive"]
    assert not any("reservation." in note.text for note in back.footnotes.values())
