"""The main tool bar driven like a user: the kind box follows the caret and sets the kind,
B follows the caret, the buttons are the menus' own actions; the laptop-sized first layout."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QToolBar, QToolButton

from app.model import BlockKind
from app.ui import window_placement
from app.ui.main_window import MainWindow
from tests.conftest import LAPAZ_SEED
from tests.ui.window_support import (
    PathAnswers,
    close_without_prompt,
    isolated_settings,
    seed_file,
    window_maker,
)


@pytest.fixture
def lapaz_file(tmp_path) -> Path:
    return seed_file(LAPAZ_SEED, tmp_path / "lapaz.concordia")


@pytest.fixture
def window(qtbot, tmp_path, lapaz_file):
    with window_maker(qtbot, isolated_settings(tmp_path / "config")) as make:
        yield make(PathAnswers(), lapaz_file)


def caret_in(window: MainWindow, kind: BlockKind, skip: int = 0) -> str:
    """Put the caret in the middle of the (skip+1)-th paragraph of `kind`; returns its id."""
    block = [b for b in window.editor.draft().blocks if b.kind is kind][skip]
    window.editor.go_to_block(block.id)
    text_edit = window.editor.text_edit
    cursor = text_edit.textCursor()
    cursor.movePosition(QTextCursor.StartOfBlock)
    cursor.movePosition(QTextCursor.Right, n=3)
    text_edit.setTextCursor(cursor)
    text_edit.setFocus()
    return block.id


def button(window: MainWindow, key: str) -> QToolButton:
    found = window.main_toolbar.widgetForAction(window.actions_by_name[key])
    assert isinstance(found, QToolButton), key
    return found


def test_the_toolbar_reuses_the_menu_actions(window):
    toolbar = window.findChild(QToolBar, "main_toolbar")
    assert toolbar is window.main_toolbar
    keys = ("save", "undo", "redo", "bold", "italic", "underline", "insert_footnote",
            "add_comment", "add_reservation", "compare_versions", "export_word")
    for key in keys:
        action = window.actions_by_name[key]
        assert action in toolbar.actions(), key
    # No second Save or Bold anywhere: each toolbar action is the one a menu holds.
    in_menus = {action for menu in window.menus.values() for action in menu.actions()}
    in_menus |= set(window.findChild(type(window.menus["format"]), "menu_block_kind").actions())
    for action in toolbar.actions():
        if action.isSeparator() or not action.text():
            continue
        assert action in in_menus or action in window.actions(), action.text()
    assert window.actions_by_name["add_reservation"] in window.menus["insert"].actions()
    assert button(window, "bold").toolTip() == "Bold (Ctrl+B)"
    # The toolbar can be hidden from View, and comes back from there.
    toggle = toolbar.toggleViewAction()
    assert toggle in window.menus["view"].actions()
    toggle.trigger()
    assert toolbar.isHidden()
    toggle.trigger()
    assert toolbar.isVisible()


def test_kind_box_follows_the_caret_and_sets_the_kind(qtbot, window):
    box = window.kind_box
    preamble = caret_in(window, BlockKind.PREAMBLE)
    assert box.current_kind() is BlockKind.PREAMBLE
    caret_in(window, BlockKind.OPERATIVE)
    assert box.current_kind() is BlockKind.OPERATIVE
    title = caret_in(window, BlockKind.TITLE)
    assert box.current_kind() is BlockKind.TITLE

    # Choosing "Heading" in the box turns the caret's paragraph into a heading, in the model.
    index = box.findData(BlockKind.HEADING.value)
    box.activated.emit(index)
    draft = window.editor.draft()
    assert draft.block(title).kind is BlockKind.HEADING
    assert box.current_kind() is BlockKind.HEADING
    assert window.editor.text_edit.hasFocus() or not window.isActiveWindow()
    # One undo step takes it back, and the box follows the undo.
    window.actions_by_name["undo"].trigger()
    assert window.editor.draft().block(title).kind is BlockKind.TITLE
    at_caret = window.editor.draft().block(window.editor.current_block_id()).kind
    assert box.current_kind() is at_caret
    caret_in(window, BlockKind.TITLE)
    assert box.current_kind() is BlockKind.TITLE
    # Format ▸ Paragraph Kind elsewhere is shown too.
    window.editor.go_to_block(preamble)
    window.editor.actions["kind_paragraph"].trigger()
    assert window.editor.draft().block(preamble).kind is BlockKind.PARAGRAPH
    assert box.current_kind() is BlockKind.PARAGRAPH


def test_bold_button_follows_the_caret_and_toggles(qtbot, window):
    bold = button(window, "bold")
    assert bold.isCheckable()
    caret_in(window, BlockKind.PREAMBLE)
    text_edit = window.editor.text_edit
    cursor = text_edit.textCursor()
    cursor.movePosition(QTextCursor.EndOfBlock)
    cursor.movePosition(QTextCursor.Left, n=12)
    cursor.movePosition(QTextCursor.StartOfWord)
    cursor.movePosition(QTextCursor.EndOfWord, QTextCursor.KeepAnchor)
    word = cursor.selectedText()
    text_edit.setTextCursor(cursor)
    assert not bold.isChecked()

    # Clicking B on the selected word makes it bold in the model, and the button stays down.
    block_id = window.editor.current_block_id()
    qtbot.mouseClick(bold, Qt.LeftButton)
    assert bold.isChecked()
    runs = window.editor.draft().block(block_id).content
    assert any(getattr(run, "bold", False) and run.text == word for run in runs)
    # The caret elsewhere: B comes up; back inside the word: down again.
    cursor.movePosition(QTextCursor.StartOfBlock)
    cursor.movePosition(QTextCursor.Right, n=2)
    text_edit.setTextCursor(cursor)
    assert not bold.isChecked()
    cursor.movePosition(QTextCursor.EndOfBlock)
    cursor.movePosition(QTextCursor.Left, n=12)
    cursor.movePosition(QTextCursor.StartOfWord)
    cursor.movePosition(QTextCursor.Right, n=2)
    text_edit.setTextCursor(cursor)
    assert bold.isChecked()
    # Clicking it again on the word takes the bold away.
    cursor.movePosition(QTextCursor.StartOfWord)
    cursor.movePosition(QTextCursor.EndOfWord, QTextCursor.KeepAnchor)
    text_edit.setTextCursor(cursor)
    qtbot.mouseClick(bold, Qt.LeftButton)
    assert not bold.isChecked()
    runs = window.editor.draft().block(block_id).content
    assert not any(getattr(run, "bold", False) and word in run.text for run in runs)


def test_kind_box_is_disabled_on_a_read_only_draft(window):
    window.editor.set_read_only(True)
    window.kind_box.follow_cursor()
    assert not window.kind_box.isEnabled()
    assert not window.actions_by_name["bold"].isEnabled()


def test_first_layout_on_a_laptop_keeps_the_text_wide(qtbot, tmp_path):
    window = MainWindow(isolated_settings(tmp_path / "config"), PathAnswers(), autosave_ms=60_000)
    qtbot.addWidget(window)
    window.resize(1366, 740)
    window.show()
    screen_width = window_placement.available_area(window).width()
    right = [window.docks[key] for key in ("comments", "reservations", "versions")]
    if screen_width < 1600:
        # The side panels wait in View; the text keeps the room.
        assert all(dock.isHidden() for dock in right)
        assert window.docks["cover"].isVisible() and window.docks["footnotes"].isVisible()
        assert window.centralWidget().width() > window.docks["cover"].width()
    # Adding a comment brings its dock forward at once, even when it was hidden.
    pane = window.docks["comments"].widget()
    assert pane.add_comment("FR", "Square brackets, please.")
    assert window.docks["comments"].isVisible()
    # The toolbar is part of the remembered window state.
    window.main_toolbar.hide()
    state = window.saveState()
    window.main_toolbar.show()
    assert window.restoreState(state)
    assert window.main_toolbar.isHidden()
    close_without_prompt(window)
    window.files.close_session()


def test_menus_put_things_where_a_negotiator_looks(window):
    names = window.actions_by_name
    file_actions = window.menus["file"].actions()
    # The compilation export sits with the other exports, above Close and Quit.
    assert file_actions.index(names["export_compilation"]) < file_actions.index(names["close"])
    assert file_actions.index(names["export_word"]) < file_actions.index(names["export_compilation"])
    # Compare is the first thing in View, not among the panel toggles.
    assert window.menus["view"].actions()[0] is names["compare_versions"]
    shortcuts = {key: names[key].shortcut().toString()
                 for key in ("add_comment", "add_reservation", "compare_versions", "save_version")}
    assert shortcuts == {"add_comment": "Ctrl+Alt+M", "add_reservation": "Ctrl+Alt+R",
                         "compare_versions": "Ctrl+Alt+C", "save_version": "Ctrl+Alt+S"}
    every = [s.toString() for a in window.findChildren(type(names["save"])) for s in a.shortcuts()
             if a.isEnabled()]
    assert every.count("Ctrl+Alt+R") == 1 and every.count("Ctrl+Alt+C") == 1


def test_file_dialogs_start_their_work_on_enter(window, tmp_path):
    from app.ui.compilation_dialog import CompilationDialog
    from app.ui.export_dialog import ExportDialog
    from app.ui.language_import import LanguageImportDialog

    draft = window.editor.draft()
    dialogs = [ExportDialog(window, draft, tmp_path / "x.concordia"),
               CompilationDialog(window, draft, Path("/home/delegate/lapaz.concordia")),
               LanguageImportDialog(window, window.editor)]
    for dialog, button in zip(dialogs, ("export_button", "export_button", "import_button"),
                              strict=True):
        action = getattr(dialog, button)
        assert action.isDefault(), type(dialog).__name__
        browse = [b for b in dialog.findChildren(QToolButton.__mro__[1]) if "…" in b.text()]
        assert browse and not any(b.autoDefault() for b in browse)
        dialog.deleteLater()
    # The compilation's suggested file name is not cut off in its field.
    compilation = dialogs[1]
    compilation.show()
    metrics = compilation.target.fontMetrics()
    assert compilation.target.width() > metrics.horizontalAdvance(compilation.target.text())
    compilation.close()


def test_saving_a_version_says_which(qtbot, window):
    from PySide6.QtWidgets import QApplication, QInputDialog

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QInputDialog):
            box.setTextValue("Rev 1")
            box.accept()

    timer = qtbot_timer(answer)
    window.actions_by_name["save_version"].trigger()
    timer.stop()
    assert [v.name for v in window.editor.draft().versions] == ["Rev 1"]
    assert "Rev 1" in window.statusBar().currentMessage()


def qtbot_timer(callback):
    from PySide6.QtCore import QTimer

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(callback)
    timer.start()
    return timer
