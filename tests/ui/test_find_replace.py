"""Find (Ctrl+F) and Replace (Ctrl+H) driven through the real window on the La Paz seed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.importer.text import import_text_file
from app.model.find import FindOptions, find_all
from app.model.inline import anchored_text
from app.store import save_draft
from app.ui.main_window import MainWindow
from tests.conftest import LAPAZ_SEED
from tests.ui.conftest import send_text
from tests.ui.window_support import PathAnswers, close_without_prompt, isolated_settings, press


@pytest.fixture
def window(qtbot, tmp_path) -> MainWindow:
    draft, _report = import_text_file(LAPAZ_SEED)
    path = tmp_path / "lapaz.concordia"
    save_draft(draft, path)
    made = MainWindow(isolated_settings(tmp_path / "config"), PathAnswers(), autosave_ms=60_000)
    made.resize(1280, 860)
    made.show()
    made.activateWindow()
    qtbot.waitUntil(made.isActiveWindow, timeout=2000)
    assert made.files.open_path(Path(path), ask_first=False)
    made.editor.text_edit.setFocus()
    yield made
    close_without_prompt(made)
    made.files.close_session()
    made.deleteLater()


def selected_text(window) -> str:
    return window.editor.text_edit.textCursor().selectedText()


def test_ctrl_f_type_enter_f3_and_shift_f3(qtbot, window):
    bar = window.find_bar
    press(qtbot, window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert bar.isVisible() and QApplication.focusWidget() is bar.find_field
    send_text(bar.find_field, "Mechanism")
    total = len(find_all(window.editor.draft(), "Mechanism"))
    assert total > 10
    # the cursor was at the start of the text: the first match in the annex is current
    assert bar.count_label.text() == f"3 of {total}"          # two on the cover come before
    assert selected_text(window) == "Mechanism"
    first = window.editor.text_edit.textCursor().selectionStart()
    qtbot.keyClick(bar.find_field, Qt.Key.Key_Return)
    assert bar.count_label.text() == f"4 of {total}"
    assert window.editor.text_edit.textCursor().selectionStart() > first
    press(qtbot, window, Qt.Key.Key_F3, Qt.KeyboardModifier.NoModifier)
    assert bar.count_label.text() == f"5 of {total}"
    press(qtbot, window, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    press(qtbot, window, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count_label.text() == f"3 of {total}"
    assert window.editor.text_edit.textCursor().selectionStart() == first
    # every match in the text is highlighted, the current one differently
    colours = {s.format.background().color().name() for s in window.editor.text_edit.extraSelections()}
    assert len(colours) >= 2
    qtbot.keyClick(bar.find_field, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert not any(s.format.background().color().name() == "#ffec8b"
                   for s in window.editor.text_edit.extraSelections())


def test_match_case_whole_word_and_no_matches(qtbot, window):
    bar = window.find_bar
    press(qtbot, window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    send_text(bar.find_field, "drug")
    loose = len(bar.matches)
    qtbot.mouseClick(bar.whole_word, Qt.MouseButton.LeftButton)
    assert 0 < len(bar.matches) < loose                        # "drugs" no longer counts
    assert len(bar.matches) == len(find_all(window.editor.draft(), "drug", FindOptions(whole_word=True)))
    bar.find_field.clear()
    send_text(bar.find_field, "MECHANISM")
    qtbot.mouseClick(bar.match_case, Qt.MouseButton.LeftButton)
    assert bar.count_label.text() == "No matches"


def test_matches_in_footnotes_and_on_the_cover_are_shown_there(qtbot, window):
    bar = window.find_bar
    press(qtbot, window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    send_text(bar.find_field, "Hereinafter")           # only in footnote 1
    assert len(bar.matches) == 1 and bar.matches[0].where == "footnote"
    pane = window.editor.footnote_pane
    assert pane.footnote_id == bar.matches[0].key
    assert pane.editor.textCursor().selectedText() == "Hereinafter"
    assert window.docks["footnotes"].isVisible()
    bar.find_field.clear()
    send_text(bar.find_field, "General Secretariat")    # the cover's From: field
    match = bar.matches[0]
    assert (match.where, match.key) == ("cover", "sender")
    bar.go(0)
    field = window.cover_form.field_widget("sender")
    assert field.selectedText() == "General Secretariat"
    assert not window.editor.text_edit.textCursor().hasSelection()   # nothing misleading there


def test_ctrl_h_replace_one_then_replace_all_is_one_undo(qtbot, window):
    bar = window.find_bar
    draft = window.editor.draft()
    before_blocks = [anchored_text(b.content) for b in draft.blocks]
    before_notes = {k: f.text for k, f in draft.footnotes.items()}
    before_subject = draft.note.subject
    press(qtbot, window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert bar.replace_field.isVisible()
    send_text(bar.find_field, "CELAC")
    total = len(bar.matches)
    assert total > 10
    bar.replace_field.setFocus()
    send_text(bar.replace_field, "Comunidad")
    qtbot.mouseClick(bar.replace_button, Qt.MouseButton.LeftButton)
    assert len(bar.matches) == total - 1
    qtbot.mouseClick(bar.replace_all_button, Qt.MouseButton.LeftButton)
    draft = window.editor.draft()
    assert find_all(draft, "CELAC") == []
    assert "Comunidad" in draft.note.subject
    assert any("Comunidad" in f.text for f in draft.footnotes.values())
    assert "Replaced" in window.statusBar().currentMessage()
    assert window.cover_form.field_widget("subject").toPlainText() == draft.note.subject
    # ONE Ctrl+Z in the text takes back all of Replace All; a second the single Replace
    window.editor.text_edit.setFocus()
    qtbot.keyClick(window.editor.text_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    draft = window.editor.draft()
    assert len(find_all(draft, "CELAC")) == total - 1
    qtbot.keyClick(window.editor.text_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    draft = window.editor.draft()
    assert [anchored_text(b.content) for b in draft.blocks] == before_blocks
    assert {k: f.text for k, f in draft.footnotes.items()} == before_notes
    assert draft.note.subject == before_subject
    assert window.editor.read_all_blocks() == draft.blocks     # the document agrees
    qtbot.waitUntil(lambda: len(bar.matches) == total)          # the bar followed the undo


def test_replace_is_refused_on_a_read_only_draft(qtbot, window):
    bar = window.find_bar
    window.editor.set_read_only(True)
    press(qtbot, window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    send_text(bar.find_field, "CELAC")
    assert bar.matches and not bar.replace_all_button.isEnabled()
    assert bar.replace_all() == 0
    assert find_all(window.editor.draft(), "CELAC")


def test_replace_all_inside_commented_words_keeps_the_comment_on_them(qtbot, tmp_path):
    from tests.ui.edit_tools_support import open_window

    window = open_window(qtbot, tmp_path / "annotated")
    try:
        bar = window.find_bar
        comment = window.editor.draft().comments["c_es"]          # on "shared responsibility"
        press(qtbot, window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
        send_text(bar.find_field, "shared")
        send_text(bar.replace_field, "joint")
        assert bar.replace_all() > 1
        block = window.editor.draft().block(comment.anchor.block_id)
        anchor = window.editor.draft().comments["c_es"].anchor
        assert anchored_text(block.content)[anchor.start:anchor.end] == "joint responsibility"
        window.editor.text_edit.setFocus()
        qtbot.keyClick(window.editor.text_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        anchor = window.editor.draft().comments["c_es"].anchor
        block = window.editor.draft().block(anchor.block_id)
        assert anchored_text(block.content)[anchor.start:anchor.end] == "shared responsibility"
    finally:
        close_without_prompt(window)
        window.files.close_session()
        window.deleteLater()


def test_replace_all_of_a_letter_everywhere_is_quick_and_one_step(qtbot, window):
    import time

    bar = window.find_bar
    bar.open_find(replace=True)
    bar.find_field.setText("e")
    bar.replace_field.setText("E")
    steps = window.editor.undo_stack.count()
    started = time.perf_counter()
    count = bar.replace_all()
    elapsed = time.perf_counter() - started
    assert count > 2000
    assert elapsed < 5, f"Replace All of {count} matches took {elapsed:.1f} s"
    assert window.editor.undo_stack.count() == steps + 1
    assert window.editor.read_all_blocks() == window.editor.draft().blocks
    window.editor.undo_stack.undo()
    assert len(find_all(window.editor.draft(), "e", FindOptions(match_case=True))) > 2000


def test_ignore_accents_finds_a_spanish_word_typed_without_them(qtbot, tmp_path):
    udhr = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "parallel" / \
        "parallel__udhr.es.txt"
    draft, _report = import_text_file(udhr)
    path = tmp_path / "dudh.concordia"
    save_draft(draft, path)
    made = MainWindow(isolated_settings(tmp_path / "config"), PathAnswers(), autosave_ms=60_000)
    made.show()
    made.activateWindow()
    qtbot.waitUntil(made.isActiveWindow, timeout=2000)
    try:
        assert made.files.open_path(path, ask_first=False)
        bar = made.find_bar
        press(qtbot, made, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        send_text(bar.find_field, "proteccion")
        assert bar.count_label.text() == "No matches"
        qtbot.mouseClick(bar.ignore_accents, Qt.MouseButton.LeftButton)
        expected = find_all(made.editor.draft(), "protección")
        assert len(expected) >= 8 and len(bar.matches) == len(expected)
        assert selected_text(made).lower() == "protección"
        bar.find_field.clear()
        send_text(bar.find_field, "ano")                # ñ stays a letter of its own
        assert all(made.editor.draft() and "ñ" not in
                   anchored_text(made.editor.draft().block(m.key).content)[m.start:m.end]
                   for m in bar.matches)
    finally:
        close_without_prompt(made)
        made.files.close_session()
        made.deleteLater()
