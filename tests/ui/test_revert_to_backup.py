"""File ▸ Revert to Backup… in the real window: the list, the confirmation, the restore."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app.model import Block, BlockKind, Draft, TextRun
from app.model.inline import plain_text
from app.store import load_draft, save_draft
from app.store.backups import backup_after_save, list_backups
from app.ui.backup_dialog import BackupDialog
from app.ui.main_window import MainWindow

from .window_support import Answers, PathAnswers, close_without_prompt, isolated_settings


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    made = MainWindow(isolated_settings(tmp_path / "config"), PathAnswers())
    made.show()
    yield made
    close_without_prompt(made)
    made.files.close_session()
    made.deleteLater()


def draft_with(text: str) -> Draft:
    return Draft(blocks=[Block(BlockKind.PARAGRAPH, [TextRun(text)])])


def choose_in_dialog(row: int, seen: list) -> None:
    """Once the backup dialog is up: note its rows, select `row`, press Restore."""
    dialog = QApplication.activeModalWidget()
    if not isinstance(dialog, BackupDialog):
        QTimer.singleShot(20, lambda: choose_in_dialog(row, seen))
        return
    tree = dialog.tree
    seen.extend([tree.topLevelItem(i).text(0), tree.topLevelItem(i).text(1)]
                for i in range(tree.topLevelItemCount()))
    tree.setCurrentItem(tree.topLevelItem(row))
    dialog.restore_button.click()


def test_revert_to_backup_lists_confirms_restores_and_keeps_the_current_state(qtbot, window, tmp_path):
    path = tmp_path / "note.concordia"
    save_draft(draft_with("the agreed text"), path)
    backup_after_save(path, now=datetime(2024, 2, 28, 15, 30, tzinfo=UTC))
    save_draft(draft_with("a later text"), path)
    backup_after_save(path, now=datetime(2024, 3, 1, 9, 0, tzinfo=UTC))
    assert window.files.open_path(path, ask_first=False)
    window.editor.text_edit.setFocus()
    window.editor.text_edit.moveCursor(window.editor.text_edit.textCursor().MoveOperation.End)
    qtbot.keyClicks(window.editor.text_edit, " unsaved")

    file_menu = window.menus["file"]
    action = window.actions_by_name["revert_to_backup"]
    assert action in file_menu.actions()
    seen: list = []
    answers = Answers("restore")
    QTimer.singleShot(20, lambda: choose_in_dialog(1, seen))
    action.trigger()
    answers.stop()

    assert answers.done, answers.unexpected
    assert "28 Feb 2024" in seen[1][0] and "1 Mar 2024" in seen[0][0]
    assert seen[0][1].endswith("kB")
    assert "Replace “note.concordia” with its backup of" in answers.seen[0]
    shown = window.editor.draft()
    assert plain_text(shown.blocks[0].content) == "the agreed text"
    assert plain_text(load_draft(path).blocks[0].content) == "the agreed text"
    assert not window.is_modified()
    newest = list_backups(path)[0]
    assert plain_text(load_draft(newest.path).blocks[0].content) == "a later text unsaved"
    assert newest.name in window.statusBar().currentMessage()


def test_cancelling_the_confirmation_changes_nothing(qtbot, window, tmp_path):
    path = tmp_path / "note.concordia"
    save_draft(draft_with("one"), path)
    backup_after_save(path, now=datetime(2024, 2, 28, 15, 30, tzinfo=UTC))
    save_draft(draft_with("two"), path)
    assert window.files.open_path(path, ask_first=False)
    from PySide6.QtWidgets import QMessageBox

    answers = Answers(QMessageBox.StandardButton.Cancel)
    QTimer.singleShot(20, lambda: choose_in_dialog(0, []))
    window.actions_by_name["revert_to_backup"].trigger()
    answers.stop()
    assert answers.done
    assert plain_text(window.editor.draft().blocks[0].content) == "two"
    assert len(list_backups(path)) == 1
