"""Agreed language in the main window: the Library dock inserts at the editor's cursor, the
status bar and the Precedents panel follow the paragraph at the cursor after a pause, and a
hit dragged onto the text keeps its provenance. A real library file built from the La Paz seed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from app.library import Library
from app.model import Block, BlockKind, Draft, LanguageVersion, TextRun
from tests.ui.window_support import close_without_prompt, isolated_settings


@pytest.fixture
def window(qtbot, tmp_path, lapaz_seed, monkeypatch):
    location = tmp_path / "library.sqlite"
    with Library(location) as library:
        library.add([lapaz_seed])
    monkeypatch.setenv("CONCORDIA_LIBRARY", str(location))
    from app.ui.main_window import MainWindow

    # Not qtbot.addWidget: pytest-qt would close it before this fixture's teardown, and an
    # edited draft would ask whether to save.
    shown = MainWindow(isolated_settings(tmp_path / "config"))
    shown.editor.set_draft(Draft(blocks=[
        Block(BlockKind.OPERATIVE, [TextRun("WE MEET in Brussels today.")], id="first"),
        Block(BlockKind.OPERATIVE, [TextRun("WE ADOPT this declaration.")], id="second"),
    ], translations={"es": LanguageVersion("es")}))
    shown.show()
    shown.docks["library"].show()
    shown.docks["library"].raise_()              # the right-hand panels share one tab group
    yield shown
    close_without_prompt(shown)
    shown.editor.undo_stack.blockSignals(True)     # see test_library_dock: teardown noise
    if shown.docks["library"].library is not None:
        shown.docks["library"].library.close()
    shown.deleteLater()


def search(qtbot, dock, query: str) -> None:
    dock.search_field.clear()
    with qtbot.waitSignal(dock.resultsShown, timeout=5000) as shown:
        qtbot.keyClicks(dock.search_field, query)
    assert shown.args[0] > 0


def status_text(window) -> str:
    return window.findChild(type(window.block_label), "status_agreed_language").text()


def test_enter_inserts_at_the_cursor_and_the_window_follows_departures(qtbot, window):
    editor, dock = window.editor, window.docks["library"]
    editor.go_to_block("first")
    editor.text_edit.moveCursor(QTextCursor.MoveOperation.EndOfBlock)
    search(qtbot, dock, '"disrupting illicit drug trafficking"')
    with qtbot.waitSignal(dock.precedentsShown, timeout=5000):     # the panel follows too
        qtbot.keyClick(dock.search_field, Qt.Key.Key_Return)
    blocks = editor.draft().blocks
    assert [b.id for b in blocks][::2] == ["first", "second"] and blocks[1].origin is not None
    inserted = blocks[1]

    assert "6914/24" in status_text(window)
    assert "Agreed language (" in dock.precedents.toPlainText()     # its own, unchanged
    assert status_text(window).startswith("Agreed language from") and "changed" not in status_text(window)

    # Typing: each keystroke only restarts a timer; the status and panel follow after a pause.
    cursor = QTextCursor(editor.bridge.qt_block(inserted.id))
    cursor.setPosition(cursor.position() + inserted.text.index(" that ") + len(" that"))
    editor.text_edit.setTextCursor(cursor)
    editor.text_edit.setFocus()
    looked_up = []
    dock.precedentsShown.connect(looked_up.append)
    qtbot.keyClicks(editor.text_edit, " urgently")
    assert looked_up == []                                   # nothing while typing
    qtbot.waitUntil(lambda: "1 word changed" in status_text(window), timeout=3000)
    qtbot.waitUntil(lambda: len(looked_up) == 1, timeout=5000)
    panel = dock.precedents.toHtml()
    assert "urgently" in panel and "6914/24" in dock.precedents.toPlainText()
    assert "Departs from agreed language" in dock.precedents.toPlainText()
    qtbot.wait(400)
    assert len(looked_up) == 1                               # one look-up for the whole burst

    editor.undo_stack.undo()
    qtbot.waitUntil(lambda: "changed" not in status_text(window), timeout=3000)
    assert "6914/24" in status_text(window)
    editor.go_to_block("second")
    qtbot.waitUntil(lambda: status_text(window) == "", timeout=3000)


def test_double_click_and_drop_keep_provenance(qtbot, window):
    editor, dock = window.editor, window.docks["library"]
    editor.go_to_block("second")                              # at its start: before it
    search(qtbot, dock, "Europol")
    item = dock.hits.item(0)
    chosen = dock.hit_at(0)
    rect = dock.hits.visualItemRect(item)
    assert dock.hits.viewport().isVisible() and rect.isValid()
    qtbot.mouseClick(dock.hits.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(dock.hits.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    blocks = editor.draft().blocks
    assert [b.id for b in blocks][0] == "first" and blocks[2].id == "second"
    assert blocks[1].origin.clause_id == chosen.clause_id

    # The same hit dragged onto the start of the document: the dock's own drag data.
    editor.text_edit.moveCursor(QTextCursor.MoveOperation.Start)
    steps = editor.undo_stack.count()
    editor.text_edit.insertFromMimeData(dock.hits.mimeData([item]))
    blocks = editor.draft().blocks
    assert blocks[0].origin.clause_id == chosen.clause_id and blocks[1].id == "first"
    assert editor.undo_stack.count() == steps + 1


def test_the_view_menu_offers_the_difference(window):
    titles = [action.text() for action in window.menus["view"].actions()]
    assert "Show Agreed Language Difference" in titles
