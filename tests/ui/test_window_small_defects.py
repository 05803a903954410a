"""Small things a Word user trips over, driven in the real window: B stays B after Ctrl+B,
a delegation is found by part of its name, Tab leaves the comment box, save dialogs start
beside the draft with its name, and the window's layout is kept without a clean exit."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDockWidget, QFileDialog, QToolButton

from app.model.parties import PartyRegistry
from app.ui.annotation_dialogs import CommentDialog, combo_code
from app.ui.main_window import MainWindow
from app.ui.party_completer import folded
from tests.conftest import LAPAZ_SEED
from tests.ui.window_support import PathAnswers, isolated_settings, press, seed_file, window_maker


@pytest.fixture
def lapaz_file(tmp_path) -> Path:
    return seed_file(LAPAZ_SEED, tmp_path / "drafts" / "lapaz.concordia")


@pytest.fixture
def make_window(qtbot, tmp_path):
    with window_maker(qtbot, isolated_settings(tmp_path / "config")) as make:
        yield make


def test_the_bold_button_keeps_its_b_after_ctrl_b(qtbot, make_window, lapaz_file):
    window = make_window(PathAnswers(), lapaz_file)
    bold = window.main_toolbar.widgetForAction(window.actions_by_name["bold"])
    assert isinstance(bold, QToolButton)
    before = (bold.text(), bold.icon().cacheKey())
    text_edit = window.editor.text_edit
    text_edit.setFocus()
    cursor = text_edit.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfWord, QTextCursor.MoveMode.KeepAnchor)
    text_edit.setTextCursor(cursor)
    for _round in range(2):
        press(qtbot, window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
        assert (bold.text(), bold.icon().cacheKey()) == before
        # the caret leaving the bold word and coming back sets B's state (signals blocked)
        for key in (Qt.Key.Key_End, Qt.Key.Key_Home, Qt.Key.Key_Right):
            qtbot.keyClick(text_edit, key)
            assert (bold.text(), bold.icon().cacheKey()) == before
    assert bold.text() != "Bold" or not bold.icon().isNull()
    assert bold.toolTip() == "Bold (Ctrl+B)"


@pytest.mark.parametrize(("typed", "code"), [
    ("Hung", "HU"), ("hungr", "HU"), ("Hungría", "HU"), ("hungria", "HU"), ("gary", "HU"),
    ("Países Bajos", "NL"), ("paises bajos", "NL"), ("Netherl", "NL"), ("Perú", "PE"),
])
def test_a_delegation_is_found_by_part_of_its_code_or_name(qtbot, typed, code):
    dialog = CommentDialog(PartyRegistry())
    qtbot.addWidget(dialog)
    dialog.show()
    combo = dialog.party
    combo.setFocus()
    combo.lineEdit().selectAll()
    qtbot.keyClicks(combo.lineEdit(), folded(typed)) if not typed.isascii() else \
        qtbot.keyClicks(combo.lineEdit(), typed)
    completer = combo.lineEdit().completer()
    shown = [completer.completionModel().index(row, 0).data()
             for row in range(completer.completionCount())]
    assert any(item.startswith(code + " — ") for item in shown), shown
    # choosing it in the list puts "CODE — Name" in the box, and the comment gets that code
    row = next(r for r, item in enumerate(shown) if item.startswith(code + " — "))
    completer.popup().setCurrentIndex(completer.completionModel().index(row, 0))
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Return)
    assert combo_code(combo) == code


def test_accents_are_folded_both_ways():
    assert folded("Hungría") == folded("HUNGRIA") == "hungria"
    assert folded("Países Bajos") == "paises bajos"


def test_tab_in_the_comment_box_moves_on(qtbot):
    dialog = CommentDialog(PartyRegistry())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    dialog.text.setFocus()
    qtbot.keyClicks(dialog.text, "Too strong")
    qtbot.keyClick(dialog.text, Qt.Key.Key_Tab)
    assert dialog.text.toPlainText() == "Too strong"
    assert not dialog.text.hasFocus()
    assert dialog.suggestion.hasFocus()


def test_save_dialogs_start_beside_the_draft_with_its_name(qtbot, make_window, lapaz_file,
                                                           monkeypatch):
    asked: list[str] = []

    def fake_save(parent, title, start, *args, **kwargs):
        asked.append(start)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_save))
    window = make_window(None, lapaz_file)               # the real FilePrompter
    window.actions_by_name["save_as"].trigger()
    assert asked[-1] == str(lapaz_file.resolve())
    # the comparison's Word file: beside the draft, named after it
    from app.ui.compare_view import CompareView

    view = CompareView(window.current_draft(), window)
    view.comparison = object()  # type: ignore[assignment]
    view.export_dialog("redline")
    assert Path(asked[-1]).parent == lapaz_file.resolve().parent
    assert Path(asked[-1]).name.startswith("lapaz") and asked[-1].endswith(".docx")
    # a new draft is offered its document number, in the last folder used
    window.files.new_draft()
    number = window.cover_form.field_widget("number")
    number.setFocus()
    number.selectAll()
    qtbot.keyClicks(number, "6914/24")
    window.cover_form.commit_pending()
    window.actions_by_name["save_as"].trigger()
    assert Path(asked[-1]).name == "6914-24.concordia"


def test_the_layout_is_kept_as_it_changes_not_only_on_exit(qtbot, make_window, tmp_path):
    window = make_window(PathAnswers())
    keeper = window.layout_keeper
    keeper.timer.setInterval(10)
    dock = window.docks["outline"]
    dock.setFloating(True)
    qtbot.waitUntil(lambda: keeper.saves > 0, timeout=3000)
    settings = window.settings
    # "a crash": no close, a new window reads what was saved
    QCoreApplication.processEvents()
    again = MainWindow(settings, PathAnswers(), autosave_ms=60_000)
    try:
        assert again.findChild(QDockWidget, dock.objectName()).isFloating()
    finally:
        again.files.close_session()
        again.deleteLater()


def test_the_reservation_parties_box_completes_the_last_name_typed(qtbot):
    from app.ui.annotation_dialogs import ReservationDialog

    dialog = ReservationDialog(False, None, PartyRegistry())
    qtbot.addWidget(dialog)
    dialog.show()
    line = dialog.parties
    line.setFocus()
    qtbot.keyClicks(line, "HU, pol")
    completer = line.completer()
    shown = [completer.completionModel().index(row, 0).data()
             for row in range(completer.completionCount())]
    assert shown == ["PL — Poland"], shown
    completer.popup().setCurrentIndex(completer.completionModel().index(0, 0))
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Return)
    assert line.text() == "HU, PL"


@pytest.mark.parametrize(("typed", "code"), [
    ("Hungary", "HU"), ("hungria", "HU"), ("hu", "HU"), ("Lithuan", "LT"), ("XX", "XX"),
])
def test_a_delegation_typed_without_choosing_is_still_understood(qtbot, typed, code):
    dialog = CommentDialog(PartyRegistry())
    qtbot.addWidget(dialog)
    dialog.party.setEditText(typed)
    assert combo_code(dialog.party) == code


def test_exports_of_an_unsaved_draft_are_named_after_its_document_number(tmp_path):
    from app.model import Draft
    from app.ui.export_dialog import suggested_target
    from app.ui.save_places import suggested_file

    draft = Draft()
    draft.note.number = "6914/24"
    assert suggested_target(None, "es", draft) == Path.home() / "6914-24-ES.docx"
    assert suggested_target(tmp_path / "lapaz.concordia", "en", draft) == tmp_path / "lapaz-EN.docx"
    assert suggested_file(Draft(), None, ".docx", "note", str(tmp_path)) == tmp_path / "note.docx"
