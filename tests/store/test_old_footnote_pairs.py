"""Drafts saved before footnote pairs had confirmation records open unchanged, and their
footnote pairs read as "never confirmed", exactly as a block pair without a record does."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from app.model.footnote_step import footnote_states
from app.model.in_step import confirm_in_step, language_status, pair_states
from app.store import load_draft, save_draft
from tests.lapaz_bilingual import cli_json

DATA = Path(__file__).resolve().parent / "data"


def stored_translations(path: Path) -> dict:
    connection = sqlite3.connect(path)
    try:
        row = connection.execute(
            "SELECT value FROM draft_info WHERE key = 'translations'").fetchone()
    finally:
        connection.close()
    return json.loads(row[0])


@pytest.fixture(params=["round1", "main-format3"])
def old_file(request, tmp_path) -> Path:
    path = tmp_path / f"{request.param}.concordia"
    shutil.copy(DATA / f"{request.param}.concordia", path)
    return path


def test_an_old_file_opens_unchanged_with_its_footnote_pair_never_confirmed(old_file):
    stored = stored_translations(old_file)
    assert "footnotes_confirmed" not in stored["es"]          # written before they existed
    draft = load_draft(old_file)
    assert {lang: tr.to_json() for lang, tr in draft.translations.items()} == stored

    [note] = footnote_states(draft, "es")
    assert note.paired and note.referenced_there
    assert (note.confirmed_main, note.confirmed_other, note.confirmed_at) == (None, None, None)
    assert note.never_confirmed and note.out_of_step

    # the same reading as a block pair whose record is absent
    block = draft.blocks[-1]
    for table in (draft.translations["es"].confirmed, draft.translations["es"].confirmed_other,
                  draft.translations["es"].confirmed_at):
        table.pop(block.id, None)
    block_state = pair_states(draft, "es")[-1]
    assert block_state.never_confirmed and block_state.changed_sides == note.changed_sides
    status = language_status(draft, "es").to_json()
    assert [item["changed"] for item in status["out_of_step"]] == [["never_confirmed"]]
    assert [item["changed"] for item in status["footnotes_out_of_step"]] == [["never_confirmed"]]
    assert status["footnotes_out_of_step"][0]["confirmed_at"] is None


def test_the_cli_reads_it_so_and_a_confirmation_is_saved(old_file):
    status = cli_json("language", "status", str(old_file), "--json")
    assert status["out_of_step"] == []                        # blocks were confirmed then
    assert [item["changed"] for item in status["footnotes_out_of_step"]] == [["never_confirmed"]]
    draft = load_draft(old_file)
    confirm_in_step(draft, "es").apply(draft)
    save_draft(draft, old_file)
    stored = stored_translations(old_file)["es"]
    [note] = footnote_states(draft, "es")
    assert stored["footnotes_confirmed"] == {note.footnote_id: draft.footnotes[
        note.footnote_id].text}
    assert set(stored["footnotes_confirmed_at"]) == {note.footnote_id}
    again = cli_json("language", "status", str(old_file), "--json")
    assert again["footnotes_out_of_step"] == [] and again["footnote_pairs"] == 1
