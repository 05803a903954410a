"""Out of step: a pair confirmed in step is flagged when either side changes, through edits,
undo, versions, JSON, the draft file and an English revision brought in as a version."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.importer import import_text_file
from app.importer.pairing import import_language_version
from app.model import TextRun, operation_from_json
from app.model.in_step import confirm_in_step, language_status, out_of_step_ids, pair_states
from app.model.ops import insert_text
from app.model.translation_ops import SetTranslationContent, SetTranslationFootnote
from app.model.version import draft_from_snapshot, make_version, snapshot_of
from app.store import load_draft, save_draft
from tests.conftest import CLASI_SEED, REPO

DATA = REPO / "tests" / "importer" / "data"


@pytest.fixture
def draft():
    clasi = import_text_file(CLASI_SEED)[0]
    import_language_version(clasi, DATA / "clasi_partial.es.md", "es")
    return clasi


def _para(draft, number: int):
    return draft.blocks[number]        # block 0 is the title; ¶n is block n


def test_a_fresh_import_is_in_step_and_counts_pairs(draft):
    status = language_status(draft)
    assert status.language == "es"
    assert status.pairs == 10 and len(status.unpaired) == 14
    assert status.out_of_step == []
    assert all(state.confirmed_at for state in pair_states(draft) if state.paired)


def test_english_edit_flags_the_pair_and_undo_clears_it(draft):
    para = _para(draft, 10)
    inverse = insert_text(para.id, 0, "We ").apply(draft)
    assert out_of_step_ids(draft) == [para.id]
    state = pair_states(draft)[10]
    assert state.main_changed and not state.other_changed
    assert state.confirmed_main == para.text[3:]
    inverse.apply(draft)
    assert out_of_step_ids(draft) == []


def test_spanish_edit_flags_the_pair_and_its_inverse_clears_it(draft):
    para = _para(draft, 10)
    old = draft.translations["es"].blocks[para.id]
    inverse = SetTranslationContent("es", para.id, [TextRun("Recordamos otra cosa.")]).apply(draft)
    state = pair_states(draft)[10]
    assert state.out_of_step and state.other_changed and not state.main_changed
    inverse.apply(draft)
    assert draft.translations["es"].blocks[para.id] == old
    assert out_of_step_ids(draft) == []


def test_filling_an_unpaired_block_makes_a_pair_never_confirmed_until_confirmed(draft):
    para = _para(draft, 7)
    assert para.id not in draft.translations["es"].blocks
    inverse = SetTranslationContent("es", para.id, [TextRun("Nuevo texto.")]).apply(draft)
    state = pair_states(draft)[7]
    assert state.paired and state.never_confirmed and state.out_of_step
    confirm_in_step(draft, block_ids=[para.id]).apply(draft)
    assert not pair_states(draft)[7].out_of_step
    inverse.apply(draft)
    assert para.id not in draft.translations["es"].blocks


def test_confirm_all_is_one_undoable_step_and_round_trips_as_json(draft):
    first, second = _para(draft, 1), _para(draft, 2)
    insert_text(first.id, 0, "Today ").apply(draft)
    SetTranslationContent("es", second.id, [TextRun("Conscientes.")]).apply(draft)
    assert out_of_step_ids(draft) == [first.id, second.id]
    step = operation_from_json(json.loads(json.dumps(confirm_in_step(draft).to_json())))
    undo = step.apply(draft)
    assert out_of_step_ids(draft) == []
    undo = operation_from_json(json.loads(json.dumps(undo.to_json())))
    undo.apply(draft)
    assert out_of_step_ids(draft) == [first.id, second.id]
    edit = SetTranslationContent("es", first.id, None)
    assert operation_from_json(json.loads(json.dumps(edit.to_json()))) == edit
    note = SetTranslationFootnote("es", draft.footnote_order()[0], "Nota.")
    assert operation_from_json(json.loads(json.dumps(note.to_json()))) == note
    before = dict(draft.translations["es"].footnotes)
    note.apply(draft).apply(draft)
    assert draft.translations["es"].footnotes == before


def test_out_of_step_survives_versions_and_the_draft_file(draft, tmp_path):
    para = _para(draft, 3)
    insert_text(para.id, 0, "Also ").apply(draft)
    version = make_version(draft, "Rev 1")
    assert out_of_step_ids(version.draft()) == [para.id]
    assert out_of_step_ids(draft_from_snapshot(snapshot_of(draft))) == [para.id]
    draft.versions.append(version)
    path = tmp_path / "clasi.concordia"
    save_draft(draft, path)
    again = load_draft(path)
    assert out_of_step_ids(again) == [para.id]
    assert out_of_step_ids(again.versions[0].draft()) == [para.id]
    assert again.translations["es"].confirmed_at == draft.translations["es"].confirmed_at
    blocks = {b["id"]: b for b in again.to_public_json()["blocks"]}
    assert blocks[para.id]["out_of_step"] is True
    assert "out_of_step" not in blocks[_para(draft, 1).id]


def test_a_version_saved_before_the_records_existed_is_judged_on_english_alone(draft):
    data = snapshot_of(draft)
    for key in ("confirmed_other", "confirmed_at"):
        data["translations"]["es"].pop(key)
    old = draft_from_snapshot(data)
    para = _para(old, 10)
    SetTranslationContent("es", para.id, [TextRun("Otra cosa.")]).apply(old)
    assert out_of_step_ids(old) == []          # unknown Spanish side: not flagged
    insert_text(para.id, 0, "We ").apply(old)
    assert out_of_step_ids(old) == [para.id]


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=REPO, capture_output=True,
                          text=True, timeout=120)


def test_cli_english_revision_marks_changed_pairs_out_of_step(draft, tmp_path: Path):
    path = tmp_path / "clasi.concordia"
    save_draft(draft, path)
    text = CLASI_SEED.read_text(encoding="utf-8").replace(
        "10. Recall that the European Union has established several agencies",
        "10. Recall that the European Union has set up several agencies")
    revision = tmp_path / "rev1.txt"
    revision.write_text(text, encoding="utf-8")
    result = _cli("import", str(revision), "--into", str(path), "--as-version", "Rev 1")
    assert result.returncode == 0, result.stderr
    shown = json.loads(_cli("show", str(path), "--json", "--version", "Rev 1").stdout)
    flagged = [b["id"] for b in shown["blocks"] if b.get("out_of_step")]
    assert flagged == [_para(draft, 10).id]
    out = tmp_path / "rev1.concordia"
    assert _cli("version", "checkout", str(path), "--name", "Rev 1", "--out",
                str(out)).returncode == 0
    status = json.loads(_cli("language", "status", str(out), "--json").stdout)
    assert [item["id"] for item in status["out_of_step"]] == flagged
    assert status["out_of_step"][0]["changed"] == ["main"]
    assert status["pairs"] == 10 and len(status["unpaired"]) == 14
    # the current draft is untouched
    assert json.loads(_cli("language", "status", str(path), "--json").stdout)["out_of_step"] == []


def test_cli_confirm_clears_and_reports(draft, tmp_path: Path):
    para = _para(draft, 10)
    insert_text(para.id, 0, "We ").apply(draft)
    insert_text(_para(draft, 2).id, 0, "Fully ").apply(draft)
    path = tmp_path / "clasi.concordia"
    save_draft(draft, path)
    listed = _cli("language", "status", str(path))
    assert "2 pairs out of step" in listed.stdout and "¶10" in listed.stdout
    one = _cli("language", "confirm", str(path), "--block", para.id)
    assert one.returncode == 0 and "Confirmed 1 pair in step." in one.stdout
    assert out_of_step_ids(load_draft(path)) == [_para(draft, 2).id]
    bad = _cli("language", "confirm", str(path), "--block", _para(draft, 7).id)
    assert bad.returncode == 1 and "has no ES text" in bad.stderr
    everything = _cli("language", "confirm", str(path), "--all")
    assert "Confirmed 1 pair in step." in everything.stdout
    assert out_of_step_ids(load_draft(path)) == []
