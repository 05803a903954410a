"""Export → import keeps the cover field for field and every block's kind and level (issue 13)."""

from __future__ import annotations

import zipfile

import pytest

from app.docx import export_note
from app.docx.open_word import open_word_file
from app.docx.reader import read_docx
from app.importer.text import import_text_file
from tests.conftest import CLASI_SEED, LAPAZ_SEED
from tests.docx.drafts import sample_draft

COVER_FIELDS = ("number", "suffix", "date", "place", "languages", "marking", "codes", "type",
                "from", "to", "subject", "intro", "interinstitutional_file", "initials",
                "directorate")


@pytest.mark.parametrize("seed", [LAPAZ_SEED, CLASI_SEED], ids=["000", "003"])
def test_a_seed_exported_reads_back_with_its_cover_and_block_kinds(tmp_path, seed):
    original, _report = import_text_file(seed)
    original.note.initials, original.note.directorate = "MR/mdc", "JAI.B"
    exported = tmp_path / "note.docx"
    export_note(original, exported)
    back = read_docx(exported)
    before, after = original.note.to_json(), back.note.to_json()
    assert {key: after[key] for key in COVER_FIELDS} == {key: before[key] for key in COVER_FIELDS}
    assert [(b.kind, b.level, b.text) for b in back.blocks] == [
        (b.kind, b.level, b.text) for b in original.blocks]


def test_revision_marking_file_number_and_every_kind_come_back(tmp_path):
    original = sample_draft()
    original.note.interinstitutional_file = "2023/0123(COD)"
    exported = tmp_path / "rev.docx"
    export_note(original, exported)
    back = read_docx(exported)
    assert back.note.full_number == "6914/1/24 REV 1" and back.note.marking == "LIMITE"
    assert back.note.interinstitutional_file == "2023/0123(COD)"
    assert back.note.codes == ["CORDROGUE 26", "COLAC 27", "SAN 105", "JAI 322"]
    assert (back.note.initials, back.note.directorate) == ("MR/mdc", "JAI.B")
    kinds = [(b.kind.value, b.level) for b in back.blocks]
    # The sample ends on a plain paragraph that opens like an operative clause ("WE AGREE"):
    # from styles and text alone it reads as operative (the embedded data tells it apart).
    assert kinds[:-1] == [(b.kind.value, b.level) for b in original.blocks][:-1]
    assert kinds[-1] == ("operative", 0)


def test_the_spanish_export_reads_back_as_a_spanish_cover(tmp_path):
    original = sample_draft()
    exported = tmp_path / "es.docx"
    export_note(original, exported, language="es")
    draft, _report = open_word_file(exported)
    assert draft.language == "es"
    assert draft.note.place == "Brussels" and draft.note.date == original.note.date
    assert draft.note.codes == original.note.codes and draft.note.doc_type == "NOTE"
    assert draft.note.subject.startswith("Mecanismo de Coordinación")
    with zipfile.ZipFile(exported) as archive:
        assert "JAI.B" in archive.read("word/footer1.xml").decode()
    assert draft.note.directorate == "JAI.B"
