"""The window's features used together on the La Paz seed, as a negotiator does: one history
across typing, brackets, moves, Replace All, status and the side-by-side view; one right-click
menu built by several features; the help listing the new keys; panes refreshing on the change
notice only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from app.importer.text import import_text_file
from app.model import LanguageVersion, TextRun
from app.model.annotations import Anchor
from app.model.bracket_ops import AddBracket
from app.model.brackets import Alternative, Bracket
from app.model.status import StatusKind
from app.model.version import snapshot_of
from app.store import save_draft
from app.ui.editor.context_menu import build_editor_context_menu
from app.ui.help_page import help_html
from app.ui.main_window import MainWindow
from tests.conftest import LAPAZ_SEED
from tests.ui.conftest import send_text
from tests.ui.window_support import PathAnswers, close_without_prompt, isolated_settings

MISSPELT = "stronlgy"


def plain(block) -> str:
    return "".join(getattr(item, "text", "") for item in block.content)


@pytest.fixture
def lapaz_file(tmp_path) -> Path:
    draft, _report = import_text_file(LAPAZ_SEED)
    block = draft.blocks[3]
    block.content = [TextRun(f"We {MISSPELT} agree. "), *block.content]
    AddBracket(Bracket("k0", Anchor(block.id, 3, 3 + len(MISSPELT)),
                       [Alternative(MISSPELT, ["FR"]), Alternative("firmly", ["HU"])]).to_json()
               ).apply(draft)
    spanish = LanguageVersion("es")
    for item in draft.blocks:
        spanish.blocks[item.id] = [TextRun("Texto " + item.id)]
    draft.translations["es"] = spanish
    path = tmp_path / "lapaz.concordia"
    save_draft(draft, path)
    return path


@pytest.fixture
def window(qtbot, tmp_path, lapaz_file):
    shown = MainWindow(isolated_settings(tmp_path / "config"), PathAnswers(), autosave_ms=60_000)
    shown.resize(1440, 900)
    shown.show()
    shown.files.open_path(lapaz_file)
    yield shown
    view = getattr(shown, "_bilingual_window", None)
    if view is not None:
        view.close()
    close_without_prompt(shown)
    shown.files.close_session()
    shown.deleteLater()


def caret(window, block_id: str, offset: int) -> QTextCursor:
    block = window.editor.bridge.qt_block(block_id)
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + offset)
    window.editor.text_edit.setTextCursor(cursor)
    return cursor


def test_right_click_on_a_misspelt_word_inside_a_bracket(qtbot, window):
    spelling = window.actions_by_name.get("check_spelling") or next(
        a for a in window.menus["view"].actions() if a.isCheckable() and "Spelling" in a.text())
    if not spelling.isChecked():
        spelling.trigger()
    block_id = window.editor.draft().blocks[3].id
    cursor = caret(window, block_id, 5)
    edit = window.editor.text_edit
    menu = build_editor_context_menu(edit, edit.cursorRect(cursor).center())
    actions = menu.actions()
    texts = [a.text() for a in actions if not a.isSeparator()]
    # one of each, in a sensible order: suggestions, the usual editing, then the negotiation items
    assert len(texts) == len(set(texts)), texts
    assert texts[0] == "strongly"
    order = [texts.index(t) for t in ("Add to Dictionary", "Select All", "Square &Bracket…",
                                      "Paragraph &Status", "&Comment…", "&Reservation…")]
    assert order == sorted(order)
    kinds = ["-" if a.isSeparator() else "a" for a in actions]
    assert kinds[0] == "a" and kinds[-1] == "a" and "--" not in "".join(kinds)
    # inside a bracket the menu offers to settle that bracket
    resolve = next(a for a in actions if a.text() == "Resolve Square Bracket…")
    assert texts.index("Square &Bracket…") < texts.index(resolve.text()) < texts.index("Paragraph &Status")
    answered = []

    def choose_firmly() -> None:
        from PySide6.QtWidgets import QApplication, QInputDialog
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QInputDialog):
            answered.append(dialog.comboBoxItems())
            dialog.setTextValue(dialog.comboBoxItems()[1])
            dialog.accept()

    from PySide6.QtCore import QTimer
    QTimer.singleShot(50, choose_firmly)
    resolve.trigger()
    assert answered and plain(window.editor.draft().blocks[3]).startswith("We firmly agree.")
    assert "k0" not in window.editor.draft().brackets
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert plain(window.editor.draft().blocks[3]).startswith(f"We {MISSPELT} agree.")
    # the suggestion fixes the word inside the bracket; Ctrl+Z takes it back
    actions[0].trigger()
    draft = window.editor.draft()
    assert plain(draft.blocks[3]).startswith("We strongly agree.")
    assert draft.brackets["k0"].anchor.start == 3 and draft.brackets["k0"].anchor.end == 11
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert plain(window.editor.draft().blocks[3]).startswith(f"We {MISSPELT} agree.")


def state(window) -> str:
    return json.dumps(snapshot_of(window.editor.draft()), sort_keys=True, default=str)


def test_each_ctrl_z_takes_back_exactly_one_mixed_step(qtbot, window):
    """Replace All repaints comment marks by joining its Qt step: that must not count as a second
    step (it did, and Ctrl+Z after Replace All also undid the move or the typing before it)."""
    editor, pane, edit = window.editor, window.negotiation_pane, window.editor.text_edit
    stack = editor.undo_stack
    blocks = editor.draft().blocks
    states, labels = [state(window)], []

    def step(label: str) -> None:
        qtbot.wait(10)
        assert stack.index() == len(states), f"{label} was not one undo step"
        states.append(state(window))
        labels.append(label)

    caret(window, blocks[5].id, 0)
    send_text(edit, "X")
    step("type")
    cursor = caret(window, blocks[6].id, 0)
    cursor.setPosition(cursor.position() + 4, QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)
    bracket = pane.add_bracket(["FR"], [Alternative("other words", ["HU"])])
    assert bracket
    step("bracket")
    pane.resolve(bracket, 1)
    step("resolve")
    caret(window, blocks[7].id, 0)
    qtbot.keyClick(edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier)
    step("move")
    window.find_bar.open_find(replace=True)
    window.find_bar.find_field.setText("cooperation")
    window.find_bar.replace_field.setText("co-operation")
    assert window.find_bar.replace_all() > 1
    step("replace all")
    pane.set_status(blocks[8].id, StatusKind.AGREED)
    step("status")
    window.actions_by_name["view_side_by_side"].trigger()
    view = window._bilingual_window
    view.confirm_all()
    step("confirm in step")

    for index in range(len(labels), 0, -1):
        qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert state(window) == states[index - 1], f"undo of {labels[index - 1]}"
    for index in range(1, len(states)):
        qtbot.keyClick(edit, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
        assert state(window) == states[index], f"redo of {labels[index - 1]}"


def test_help_lists_the_new_shortcuts(window):
    page = help_html(window)
    for keys in ("Ctrl+F", "Ctrl+H", "F3", "Shift+F3", "Alt+Shift+Up", "Alt+Shift+Down",
                 "Ctrl+P", "Ctrl+Alt+B", "Ctrl+Alt+L", "F1"):
        assert f"<code>{keys}</code>" in page or f"{keys}," in page or f", {keys}<" in page, keys
    for label in ("Square Bracket", "Languages Side by Side", "Move Paragraph Down", "Replace"):
        assert label in page, label


def test_typing_where_nothing_is_annotated_does_not_rebuild_the_annotation_panes(qtbot, window):
    draft = window.editor.draft()
    annotated = {c.anchor.block_id for c in draft.comments.values()} | {
        r.anchor.block_id for r in draft.reservations.values()} | {
        b.anchor.block_id for b in draft.brackets.values()}
    quiet = next(b for b in draft.blocks[4:] if b.id not in annotated and plain(b))
    rebuilt: list[str] = []
    panes = {"comments": window.comments_pane, "reservations": window.reservations_pane}
    qtbot.wait(400)
    for name, pane in panes.items():
        original = pane.refresh
        pane.refresh = lambda original=original, name=name: (rebuilt.append(name), original())[1]
    caret(window, quiet.id, 0)
    send_text(window.editor.text_edit, "Fully ")
    qtbot.wait(600)
    assert plain(window.editor.draft().block(quiet.id)).startswith("Fully ")
    assert rebuilt == []


def test_first_start_puts_the_right_hand_panels_in_two_readable_tab_groups(qtbot, tmp_path, monkeypatch):
    import app.ui.window_placement as window_placement

    monkeypatch.setattr(window_placement, "WIDE_SCREEN", 0)      # the panels shown, as on a wide screen
    shown = MainWindow(isolated_settings(tmp_path / "fresh"), PathAnswers(), autosave_ms=60_000)
    shown.resize(1440, 900)
    shown.show()
    try:
        docks = shown.docks
        said = {docks[n] for n in ("comments", "reservations", "negotiation")}
        looked_up = {docks[n] for n in ("library", "versions", "footnotes_list")}
        for group in (said, looked_up):
            for dock in group:
                assert shown.dockWidgetArea(dock) == Qt.DockWidgetArea.RightDockWidgetArea
                assert set(shown.tabifiedDockWidgets(dock)) == group - {dock}
        assert docks["comments"].visibleRegion().isEmpty() is False
        assert docks["library"].visibleRegion().isEmpty() is False
        assert docks["comments"].geometry().bottom() < docks["library"].geometry().top()
    finally:
        close_without_prompt(shown)
        shown.files.close_session()


def test_the_spanish_replace_bar_does_not_widen_a_1440_window(qtbot, tmp_path, lapaz_file):
    from app.i18n import set_ui_language

    set_ui_language("es")
    shown = MainWindow(isolated_settings(tmp_path / "es"), PathAnswers(), autosave_ms=60_000)
    try:
        shown.resize(1440, 900)
        shown.show()
        shown.files.open_path(lapaz_file)
        for dock in shown.docks.values():
            dock.show()
        qtbot.wait(50)
        assert shown.width() == 1440
        press_key = Qt.KeyboardModifier.ControlModifier
        qtbot.keyClick(shown.editor.text_edit, Qt.Key.Key_H, press_key)
        assert shown.find_bar.replace_field.isVisible()
        qtbot.wait(50)
        assert shown.width() == 1440            # it grew to 1769 px, past a laptop's screen
        assert shown.find_bar.match_case.toolTip() == shown.find_bar.match_case.text()
    finally:
        close_without_prompt(shown)
        shown.files.close_session()
        set_ui_language("en")
