"""Damaged drafts (real SQLite edits of a saved La Paz draft): one sentence, never a traceback;
`concordia check --repair` repairs what it can and the file then opens clean."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from app.importer.text import import_text_file
from app.model.annotations import Anchor, Comment, Reservation, ReservationKind
from app.model.integrity import ProblemCode, check_draft, repair
from app.store import CorruptDraftError, DamagedDraftError, load_draft, read_draft, save_draft
from app.store.snapshot_pieces import DAMAGED, raw_manifest
from app.store.versions import VersionError, open_version, save_version
from tests.conftest import LAPAZ_SEED, REPO

BLOCK = 5  # the sixth paragraph ("¶ 6") carries the damage


@pytest.fixture(scope="module")
def base_file(tmp_path_factory) -> Path:
    draft, _report = import_text_file(LAPAZ_SEED)
    block = draft.blocks[BLOCK]
    draft.comments["c1"] = Comment("c1", Anchor(block.id, 0, 5), "FR", "Too strong.")
    draft.reservations["r1"] = Reservation("r1", Anchor(block.id), ["HU"], ReservationKind.SCRUTINY)
    save_version(draft, "Rev 1", "tester")
    path = tmp_path_factory.mktemp("base") / "lapaz.concordia"
    save_draft(draft, path)
    return path


def damaged(base: Path, folder: Path, sql: str) -> Path:
    path = folder / "lapaz.concordia"
    shutil.copy(base, path)
    block_id = load_draft(base).blocks[BLOCK].id
    connection = sqlite3.connect(path)
    connection.execute(sql.format(block=block_id))
    connection.commit()
    connection.close()
    return path


def concordia(*argv) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app", *map(str, argv)],
                          capture_output=True, text=True, cwd=REPO)


#: name: (SQL, words the sentence must contain, repairable)
DAMAGES = {
    "note as a list": ("UPDATE draft_info SET value='[1, 2]' WHERE key='note'",
                       "the cover details cannot be read", False),
    "level as text": ("UPDATE blocks SET level='x' WHERE id='{block}'",
                      "¶ 6 has a level that is not a number", True),
    "unknown kind": ("UPDATE blocks SET kind='sidebar' WHERE id='{block}'",
                     "¶ 6 has an unknown kind (“sidebar”)", True),
    "comment on a missing block": ("UPDATE comments SET block_id='nope'",
                                   "The comment by FR (“Too strong.”) is on a paragraph that "
                                   "does not exist", True),
    "anchor beyond the end": ("UPDATE comments SET anchor_start=5000, anchor_end=6000",
                              "covers characters 5000–6000, outside the paragraph", True),
    "missing footnote": ("""UPDATE blocks SET content='[{{"t": "Hello "}}, {{"fn": "ghost"}},
                         {{"t": "world"}}]' WHERE id='{block}'""",
                         "¶ 6 refers to a footnote that does not exist (“ghost”)", True),
    "replies not a list": ("UPDATE comments SET replies='{{\"a\": 1}}'",
                           "the comment 1 cannot be read (it is not a list)", False),
}


@pytest.mark.parametrize("name", DAMAGES)
def test_damaged_draft_is_one_sentence_in_show_export_and_compilation(base_file, tmp_path, name):
    sql, words, _repairable = DAMAGES[name]
    path = damaged(base_file, tmp_path, sql)
    for argv in (["show", path], ["show", path, "--json"],
                 ["export", path, "--out", tmp_path / "note.docx"],
                 ["export", path, "--compilation", "--out", tmp_path / "compilation.docx"]):
        result = concordia(*argv)
        assert result.returncode == 1, (argv, result.stdout)
        assert "Traceback" not in result.stderr
        assert words in result.stderr and "lapaz.concordia" in result.stderr, result.stderr
    assert not (tmp_path / "note.docx").exists() and not (tmp_path / "compilation.docx").exists()


@pytest.mark.parametrize("name", DAMAGES)
def test_check_repair_fixes_the_repairable_and_the_file_opens_clean(base_file, tmp_path, name):
    sql, words, repairable = DAMAGES[name]
    path = damaged(base_file, tmp_path, sql)
    before = path.read_bytes()
    listed = concordia("check", path)
    assert listed.returncode == 1 and "Traceback" not in listed.stderr
    assert words in listed.stdout + listed.stderr
    result = concordia("check", "--repair", path)
    assert "Traceback" not in result.stderr
    if not repairable:
        assert result.returncode == 1 and path.read_bytes() == before
        return
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Repaired: " in result.stdout and words in result.stdout
    assert (tmp_path / "lapaz.concordia.before-repair").read_bytes() == before
    draft = load_draft(path)                      # opens clean: no DamagedDraftError
    assert check_draft(draft, deep=True) == []
    assert set(draft.comments) == {"c1"} and set(draft.reservations) == {"r1"}  # never deleted
    assert concordia("show", path).returncode == 0
    assert concordia("export", path, "--out", tmp_path / "n.docx").returncode == 0


def test_repairs_keep_the_words_and_say_where_things_went(base_file, tmp_path):
    path = damaged(base_file, tmp_path, DAMAGES["missing footnote"][0])
    connection = sqlite3.connect(path)
    connection.execute("UPDATE comments SET anchor_start=7, anchor_end=12")  # "world" after the mark
    connection.execute("UPDATE comments SET status='pending', visibility='secret'")
    connection.commit()
    connection.close()
    with pytest.raises(DamagedDraftError) as caught:
        load_draft(path)
    error = caught.value
    assert {p.code for p in error.problems} == {
        ProblemCode.FOOTNOTE_MISSING, ProblemCode.STATUS, ProblemCode.VISIBILITY}
    assert repair(error.draft, error.problems) == []
    block = error.draft.blocks[BLOCK]
    assert block.text == "Hello world" and block.footnote_ids == []
    comment = error.draft.comments["c1"]
    assert (comment.anchor.start, comment.anchor.end) == (6, 11)  # moved with the text
    assert comment.status.value == "open" and comment.visibility.value == "internal"
    assert check_draft(error.draft) == []


def test_anchor_beyond_the_end_is_clamped_and_orphaned(base_file, tmp_path):
    path = damaged(base_file, tmp_path, DAMAGES["anchor beyond the end"][0])
    draft, problems = read_draft(path)
    repair(draft, problems)
    anchor = draft.comments["c1"].anchor
    length = len(draft.blocks[BLOCK].text)
    assert (anchor.start, anchor.end, anchor.orphaned) == (length, length, True)


@pytest.mark.parametrize("manifest, found", [
    (b"", 2), (b"{garbage", 2), (raw_manifest("not json"), DAMAGED), (raw_manifest(""), DAMAGED),
], ids=["empty", "not a manifest", "kept damaged text", "kept empty text"])
def test_damaged_version_warns_but_the_current_text_works(base_file, tmp_path, manifest, found):
    path = tmp_path / "lapaz.concordia"
    shutil.copy(base_file, path)
    connection = sqlite3.connect(path)
    connection.execute("UPDATE versions SET manifest=?, format=?", (manifest, found))
    connection.commit()
    connection.close()
    draft = load_draft(path)  # the text is sound: it opens
    with pytest.raises(VersionError):
        open_version(draft, "Rev 1")
    shown = concordia("show", path)
    assert shown.returncode == 0 and "Traceback" not in shown.stderr
    assert "The version “Rev 1” is empty or damaged" in shown.stderr
    checked = concordia("check", "--repair", path)
    assert checked.returncode == 1 and "Not repaired: The version “Rev 1”" in checked.stdout
    opened = concordia("version", "show", path, "--name", "Rev 1")
    assert opened.returncode == 1 and "Traceback" not in opened.stderr


def test_deep_check_finds_a_version_damaged_inside(base_file, tmp_path):
    path = tmp_path / "lapaz.concordia"
    shutil.copy(base_file, path)
    connection = sqlite3.connect(path)
    connection.execute("UPDATE versions SET manifest=?",
                       (zlib.compress(json.dumps({"blocks": 3}).encode()),))
    connection.commit()
    connection.close()
    assert read_draft(path)[1] == []            # opening stays fast: shape only
    assert [p.code for p in read_draft(path, deep=True)[1]] == [ProblemCode.VERSION_DAMAGED]


def test_unreadable_row_names_file_and_row(base_file, tmp_path):
    path = damaged(base_file, tmp_path, "UPDATE blocks SET content='nope' WHERE id='{block}'")
    with pytest.raises(CorruptDraftError) as caught:
        load_draft(path)
    assert str(caught.value) == ("“lapaz.concordia” cannot be opened: the paragraph 6 cannot be "
                                 "read (it is not valid data). Nothing in the file was changed.")


def test_a_sound_draft_has_no_problems(base_file):
    assert check_draft(load_draft(base_file), deep=True) == []
