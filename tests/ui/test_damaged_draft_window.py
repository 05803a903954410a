"""Opening a damaged draft in the window: the problems are listed with Repair / Open
Read-Only / Cancel, driven like a user on a real damaged file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from app.importer.text import import_text_file
from app.model.annotations import Anchor, Comment
from app.model.integrity import check_draft
from app.store import DamagedDraftError, load_draft, save_draft
from app.ui.main_window import MainWindow
from tests.conftest import LAPAZ_SEED
from tests.ui.window_support import Answers, PathAnswers, close_without_prompt, isolated_settings


@pytest.fixture
def damaged_file(tmp_path) -> Path:
    draft, _report = import_text_file(LAPAZ_SEED)
    block = draft.blocks[5]
    draft.comments["c1"] = Comment("c1", Anchor(block.id, 0, 5), "FR", "Too strong.")
    path = tmp_path / "drafts" / "lapaz.concordia"
    path.parent.mkdir()
    save_draft(draft, path)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE comments SET block_id='nope'")
        connection.execute("UPDATE blocks SET level='x' WHERE id=?", (block.id,))
    connection.close()
    return path


@pytest.fixture
def window(qtbot, tmp_path):
    made = MainWindow(isolated_settings(tmp_path / "config"), PathAnswers(), autosave_ms=60_000)
    made.show()
    yield made
    close_without_prompt(made)
    made.files.close_session()
    made.deleteLater()


def test_cancel_keeps_the_current_draft(window, damaged_file):
    before = window.files.session.path
    answers = Answers(QMessageBox.Cancel)
    assert not window.files.open_path(damaged_file)
    answers.stop()
    assert answers.done and window.files.session.path == before
    assert "lapaz.concordia" in answers.seen[0]
    listed = answers.informative[0]
    assert "¶ 6 has a level that is not a number" in listed
    assert "The comment by FR (“Too strong.”) is on a paragraph that does not exist" in listed


def test_repair_opens_the_repaired_draft_modified_and_save_writes_it(window, damaged_file):
    before = damaged_file.read_bytes()
    answers = Answers("repair")
    assert window.files.open_path(damaged_file)
    answers.stop()
    assert answers.done
    assert not window.files.session.read_only and window.isWindowModified()
    assert damaged_file.read_bytes() == before  # nothing written until the user saves
    draft = window.current_draft()
    assert check_draft(draft) == [] and draft.comments["c1"].anchor.orphaned
    assert window.files.save()
    assert load_draft(damaged_file).blocks[5].level == 0


def test_open_read_only_shows_the_repair_but_never_writes(window, damaged_file):
    before = damaged_file.read_bytes()
    answers = Answers("open_read_only")
    assert window.files.open_path(damaged_file)
    answers.stop()
    assert answers.done and window.files.session.read_only
    assert check_draft(window.current_draft()) == []
    with pytest.raises(DamagedDraftError):
        load_draft(damaged_file)
    assert damaged_file.read_bytes() == before
