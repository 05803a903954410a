"""Exact round trip of Concordia's own Word files (issue 13): export → import → the same draft.

Seeds 000 and 003 with reservations, comments (one internal) and a Spanish side are exported
in EN and ES, imported with the real command (`import --out`) and compared with `show --json`
field for field, ids included (the file carries them in its custom XML part).
"""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile

import pytest

from app.docx import export_note
from app.docx.open_word import open_word_file
from app.store import save_draft
from tests.conftest import CLASI_SEED, LAPAZ_SEED, REPO
from tests.docx.drafts import sample_draft
from tests.docx.pandoc_reader import read_with_pandoc
from tests.docx.round_trip_drafts import INTERNAL_TEXT, annotated_seed, comparable, expected_view


def concordia(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=REPO, capture_output=True,
                          text=True, timeout=120)


def import_and_show(docx, tmp_path) -> tuple[dict, str]:
    target = tmp_path / "back.concordia"
    result = concordia("import", str(docx), "--out", str(target))
    assert result.returncode == 0, result.stderr
    shown = concordia("show", str(target), "--json")
    assert shown.returncode == 0, shown.stderr
    return json.loads(shown.stdout), result.stderr


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("seed", [LAPAZ_SEED, CLASI_SEED], ids=["000", "003"])
def test_a_seed_exported_and_imported_is_the_same_draft_field_for_field(tmp_path, seed, language):
    original = annotated_seed(seed)
    exported = tmp_path / f"note.{language}.docx"
    export_note(original, exported, language=language, comments="circulation")
    shown, stderr = import_and_show(exported, tmp_path)
    assert comparable(shown) == comparable(expected_view(original, language))
    assert "warning" not in stderr            # nothing guessed, nothing left out
    assert len(shown["reservations"]) == 4 and len(shown["comments"]) == 2


def test_the_spanish_sample_note_comes_back_as_an_es_draft(tmp_path):
    original = sample_draft()
    exported = tmp_path / "es.docx"
    export_note(original, exported, language="es")
    shown, _stderr = import_and_show(exported, tmp_path)
    assert comparable(shown) == comparable(expected_view(original, "es"))
    assert shown["language"] == "es" and shown["blocks"][-1]["kind"] == "paragraph"


def test_a_reexported_reservation_prints_once(tmp_path):
    original = annotated_seed(LAPAZ_SEED)
    first = tmp_path / "first.docx"
    export_note(original, first)
    back, _report = open_word_file(first)
    second = tmp_path / "second.docx"
    export_note(back, second)
    texts = [[note for _word, note in p.notes] for p in read_with_pandoc(first)]
    assert [[note for _word, note in p.notes] for p in read_with_pandoc(second)] == texts
    flat = [note for notes in texts for note in notes]
    assert sum("scrutiny reservation" in note for note in flat) == 1
    assert len(back.footnotes) == len(original.footnotes)


def test_an_internal_comment_is_in_no_part_of_a_circulation_export(tmp_path):
    exported = tmp_path / "circulation.docx"
    export_note(annotated_seed(CLASI_SEED), exported, comments="circulation")
    with zipfile.ZipFile(exported) as archive:
        names = archive.namelist()
        assert "customXml/item1.xml" in names
        for name in names:
            data = archive.read(name).decode("utf-8", "replace")
            assert INTERNAL_TEXT not in data and "c-internal" not in data, name


def test_with_all_comments_the_internal_one_comes_back_internal(tmp_path):
    original = annotated_seed(CLASI_SEED)
    exported = tmp_path / "all.docx"
    export_note(original, exported, comments="all")
    back, _report = open_word_file(exported)
    internal = back.comments["c-internal"]
    assert internal.visibility.value == "internal" and internal.text == INTERNAL_TEXT


def test_the_draft_file_of_a_round_trip_saves_and_exports_again(tmp_path):
    exported = tmp_path / "note.docx"
    export_note(annotated_seed(CLASI_SEED), exported, language="es", comments="circulation")
    back, _report = open_word_file(exported)
    save_draft(back, tmp_path / "es.concordia")
    result = concordia("export", str(tmp_path / "es.concordia"), "--out", str(tmp_path / "again.docx"),
                       "--lang", "es", "--comments", "circulation")
    assert result.returncode == 0, result.stderr
    again, _report = open_word_file(tmp_path / "again.docx")
    assert comparable(again.to_public_json()) == comparable(back.to_public_json())
