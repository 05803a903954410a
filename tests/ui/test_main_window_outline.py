"""The outline dock lists the annex's paragraphs, follows the cursor and jumps on click."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLabel

from app.importer.text import import_text_file
from app.store import save_draft
from app.ui.main_window import MainWindow
from tests.conftest import LAPAZ_SEED
from tests.ui.conftest import send_text
from tests.ui.window_support import PathAnswers, close_without_prompt, isolated_settings


@pytest.fixture
def window(qtbot, tmp_path):
    draft, _report = import_text_file(LAPAZ_SEED)
    path = tmp_path / "lapaz.concordia"
    save_draft(draft, path)
    made = MainWindow(isolated_settings(tmp_path / "config"), PathAnswers(), autosave_ms=60_000)
    made.show()
    made.files.open_path(path)
    yield made
    close_without_prompt(made)
    made.files.close_session()
    made.deleteLater()


def outline_of(window):
    return window.docks["outline"].widget()


def test_outline_lists_every_paragraph_and_jumps(qtbot, window):
    outline = outline_of(window)
    blocks = window.editor.draft().blocks
    assert outline.count() == len(blocks)
    assert outline.item(0).text().startswith("La Paz declaration")
    assert outline.item(0).font().bold()                       # the title stands out
    assert outline.item(2).text().startswith("WE REAFFIRM the importance")
    assert outline.item(2).text().endswith("…")

    target = outline.item(10)
    qtbot.mouseClick(outline.viewport(), Qt.LeftButton, pos=outline.visualItemRect(target).center())
    assert window.editor.current_block_id() == blocks[10].id

    window.editor.go_to_block(blocks[5].id)
    assert outline.currentRow() == 5
    position = window.findChild(QLabel, "status_block").text()
    assert position.endswith(f"¶ 6 of {len(blocks)}")
    kind_label = window.editor.actions["kind_" + blocks[5].kind.value].text().replace("&", "")
    assert position.startswith(kind_label)


def test_outline_follows_edits(qtbot, window):
    outline = outline_of(window)
    editor = window.editor
    count = outline.count()
    editor.go_to_block(editor.draft().blocks[3].id)
    cursor = editor.text_edit.textCursor()
    cursor.movePosition(QTextCursor.EndOfBlock)
    editor.text_edit.setTextCursor(cursor)
    editor.text_edit.setFocus()
    qtbot.keyClick(editor.text_edit, Qt.Key_Return)
    send_text(editor.text_edit, "Nuevo párrafo añadido")
    qtbot.waitUntil(lambda: outline.count() == count + 1, timeout=3000)
    assert outline.item(4).text() == "Nuevo párrafo añadido"
    assert outline.currentRow() == 4
