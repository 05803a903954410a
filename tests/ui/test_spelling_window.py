"""Spelling in the real window: underline as you type, right-click suggestions, one undo step,
Add to Dictionary kept on disk, View ▸ Check Spelling remembered."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QContextMenuEvent, QTextCharFormat
from PySide6.QtWidgets import QApplication, QMenu

from app.model import Block, BlockKind, Draft, TextRun
from app.spelling.dictionaries import load_dictionary
from app.spelling.personal import default_path
from app.store import save_draft
from app.ui.main_window import MainWindow

from .window_support import PathAnswers, close_without_prompt, isolated_settings


@pytest.fixture(autouse=True)
def dictionaries_installed():
    if load_dictionary("en") is None or load_dictionary("es") is None:
        pytest.fail("the hunspell-en-gb and hunspell-es dictionaries (and libenchant-2-2) must be "
                    "installed: packaging/check-system-deps.sh installs them")


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    made = MainWindow(isolated_settings(tmp_path / "config"), PathAnswers())
    made.resize(900, 700)
    made.show()
    yield made
    close_without_prompt(made)
    made.files.close_session()
    made.deleteLater()


def open_text(window: MainWindow, tmp_path: Path, text: str, language: str = "en",
              name: str = "draft") -> None:
    draft = Draft(blocks=[Block(BlockKind.PARAGRAPH, [TextRun(text)])], language=language)
    path = tmp_path / f"{name}.concordia"
    save_draft(draft, path)
    assert window.files.open_path(path, ask_first=False)


def underlined(window: MainWindow, block_number: int = 0) -> list[str]:
    """The words the layout underlines with the spell-check style in a block."""
    block = window.editor.text_edit.document().findBlockByNumber(block_number)
    style = QTextCharFormat.UnderlineStyle.SpellCheckUnderline
    return [block.text()[r.start:r.start + r.length] for r in block.layout().formats()
            if r.format.underlineStyle() == style]


def end_of_text(window: MainWindow) -> None:
    edit = window.editor.text_edit
    edit.setFocus()
    edit.moveCursor(edit.textCursor().MoveOperation.End)


def right_click_choose(qtbot, window: MainWindow, word: str, choice: str) -> list[str]:
    """Right-click the word, pick `choice` from the real context menu; the menu's texts."""
    edit = window.editor.text_edit
    block = edit.document().firstBlock()
    cursor = edit.textCursor()
    cursor.setPosition(block.position() + block.text().index(word) + 2)
    point = edit.cursorRect(cursor).center()
    seen: list[str] = []

    def pick() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(20, pick)
            return
        seen.extend(action.text() for action in menu.actions())
        for action in menu.actions():
            if action.text() == choice:
                menu.close()
                action.trigger()
                return
        menu.close()

    QTimer.singleShot(20, pick)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, edit.viewport().mapToGlobal(point))
    QApplication.sendEvent(edit.viewport(), event)
    return seen


def test_a_misspelt_word_typed_is_underlined_on_its_range(qtbot, window, tmp_path, type_text):
    open_text(window, tmp_path, "The Council ")
    end_of_text(window)
    type_text(window.editor.text_edit, "welcomes the goverment")
    assert underlined(window) == []              # still typing the word: not yet
    type_text(window.editor.text_edit, " of CELAC and Coreper.")
    qtbot.waitUntil(lambda: underlined(window) == ["goverment"], timeout=3000)
    assert window.editor.draft().blocks[0].content[0].text == \
        "The Council welcomes the goverment of CELAC and Coreper."
    assert all(not run.underline for run in window.editor.draft().blocks[0].content)


def test_right_click_suggestion_replaces_the_word_as_one_undo_step(qtbot, window, tmp_path):
    open_text(window, tmp_path, "La negociacion continúa en Bruselas.", language="es")
    qtbot.waitUntil(lambda: underlined(window) == ["negociacion"], timeout=3000)
    steps = window.editor.undo_stack.count()
    seen = right_click_choose(qtbot, window, "negociacion", "negociación")
    assert "negociación" in seen and "Add to Dictionary" in seen and "Ignore" in seen
    assert window.editor.text_edit.document().firstBlock().text() == "La negociación continúa en Bruselas."
    assert window.editor.draft().blocks[0].content[0].text == "La negociación continúa en Bruselas."
    assert window.editor.undo_stack.count() == steps + 1
    qtbot.waitUntil(lambda: underlined(window) == [], timeout=3000)
    window.editor.undo_stack.undo()
    assert window.editor.draft().blocks[0].content[0].text == "La negociacion continúa en Bruselas."


def test_add_to_dictionary_persists_and_the_toggle_is_remembered(qtbot, window, tmp_path):
    open_text(window, tmp_path, "The Zorblat clause stays.")
    qtbot.waitUntil(lambda: underlined(window) == ["Zorblat"], timeout=3000)
    right_click_choose(qtbot, window, "Zorblat", "Add to Dictionary")
    qtbot.waitUntil(lambda: underlined(window) == [], timeout=3000)
    assert "Zorblat" in default_path().read_text(encoding="utf-8").split()
    assert window.editor.undo_stack.count() == 0      # nothing in the draft changed

    toggle = window.actions_by_name["check_spelling"]
    assert toggle in window.menus["view"].actions() and toggle.isChecked()
    open_text(window, tmp_path, "Another goverment.", name="another")
    qtbot.waitUntil(lambda: underlined(window) == ["goverment"], timeout=3000)
    toggle.trigger()
    assert underlined(window) == []
    assert window.settings.check_spelling() is False
    later = MainWindow(window.settings, PathAnswers())      # the next start remembers it
    assert not later.actions_by_name["check_spelling"].isChecked()
    assert not later.spell_underline.enabled
    later.deleteLater()
    seen = right_click_choose(qtbot, window, "goverment", "Ignore")
    assert "Ignore" not in seen


def test_without_a_dictionary_the_status_bar_says_so(qtbot, window, monkeypatch):
    underline = window.spell_underline
    monkeypatch.setattr(underline.checker, "_loader", lambda language: None)
    underline.checker._dictionaries.clear()
    toggle = window.actions_by_name["check_spelling"]
    toggle.setChecked(False)
    toggle.setChecked(True)
    assert "no English or Spanish dictionary" in window.statusBar().currentMessage()
    assert underlined(window) == []


def test_the_footnote_pane_is_checked_too(qtbot, window, tmp_path):
    from app.model import Footnote, FootnoteRef

    note = Footnote("A goverment note.")
    draft = Draft(blocks=[Block(BlockKind.PARAGRAPH, [TextRun("Text"), FootnoteRef(note.id)])],
                  footnotes={note.id: note})
    path = tmp_path / "notes.concordia"
    save_draft(draft, path)
    assert window.files.open_path(path, ask_first=False)
    end_of_text(window)
    pane = window.editor.footnote_pane.editor
    qtbot.waitUntil(lambda: pane.toPlainText() == "A goverment note.", timeout=3000)
    style = QTextCharFormat.UnderlineStyle.SpellCheckUnderline
    block = pane.document().firstBlock()
    assert [block.text()[r.start:r.start + r.length] for r in block.layout().formats()
            if r.format.underlineStyle() == style] == ["goverment"]


def test_a_long_draft_checks_only_the_blocks_on_screen(qtbot, make_editor):
    from app.ui.spell_highlight import SpellUnderline

    text = "The Council reaffirms its commitment to the goverment of the region."
    editor = make_editor(Draft(blocks=[Block(BlockKind.PARAGRAPH, [TextRun(f"{i} {text}")])
                                       for i in range(3000)]))
    underline = SpellUnderline(editor)
    underline.set_enabled(True)
    qtbot.waitUntil(lambda: underline._cache and underline.check_visible() == 0, timeout=5000)
    assert 0 < len(underline._cache) < 100            # not 3000
    bar = editor.text_edit.verticalScrollBar()
    bar.setValue(bar.maximum())
    last = editor.text_edit.document().lastBlock()
    style = QTextCharFormat.UnderlineStyle.SpellCheckUnderline
    qtbot.waitUntil(lambda: any(r.format.underlineStyle() == style for r in last.layout().formats()),
                    timeout=5000)
    assert len(underline._cache) < 200


def test_the_cover_subject_is_checked_and_corrected_from_its_menu(qtbot, window, tmp_path):
    draft = Draft(blocks=[Block(BlockKind.PARAGRAPH, [TextRun("Text")])], language="es")
    draft.note.subject = "Proyecto de declaracion conjunta"
    draft.note.intro = "Se adjunta el texto."
    path = tmp_path / "cover.concordia"
    save_draft(draft, path)
    assert window.files.open_path(path, ask_first=False)
    field = window.cover_form.field_widget("subject")
    style = QTextCharFormat.UnderlineStyle.SpellCheckUnderline

    def underlined_in_subject() -> list[str]:
        block = field.document().firstBlock()
        return [block.text()[r.start:r.start + r.length] for r in block.layout().formats()
                if r.format.underlineStyle() == style]
    qtbot.waitUntil(lambda: underlined_in_subject() == ["declaracion"], timeout=3000)
    # the underline is not typing: nothing pending, the draft unchanged, the title unmarked
    assert not window.cover_form.has_pending
    assert not window.isWindowModified()
    cursor = field.textCursor()
    cursor.setPosition(field.toPlainText().index("declaracion") + 3)
    menu = window.cover_spelling.menu_for(field, field.cursorRect(cursor).center())
    texts = [action.text() for action in menu.actions()]
    assert "declaración" in texts and texts.index("declaración") < len(texts) - 3
    next(a for a in menu.actions() if a.text() == "declaración").trigger()
    window.cover_form.commit_pending()
    assert window.editor.draft().note.subject == "Proyecto de declaración conjunta"
    qtbot.waitUntil(lambda: underlined_in_subject() == [], timeout=3000)
    window.editor.undo_stack.undo()
    assert window.editor.draft().note.subject == "Proyecto de declaracion conjunta"
    window.actions_by_name["check_spelling"].setChecked(False)   # the one switch for all
    qtbot.waitUntil(lambda: underlined_in_subject() == [], timeout=3000)
