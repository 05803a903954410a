"""The main window driven like a user: type, format, footnote, undo, save, reopen; the cover form."""

from __future__ import annotations

import copy
import importlib
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import QApplication, QComboBox, QMessageBox, QSpinBox

from app.importer.text import import_text_file
from app.model import FootnoteRef, TextRun
from app.store import load_draft
from app.ui.main_window import MainWindow
from tests.conftest import LAPAZ_SEED
from tests.ui.conftest import send_text
from tests.ui.window_support import (
    Answers,
    PathAnswers,
    isolated_settings,
    press,
    seed_file,
    window_maker,
)


@pytest.fixture
def settings(tmp_path):
    return isolated_settings(tmp_path / "config")


@pytest.fixture
def paths():
    return PathAnswers()


@pytest.fixture
def lapaz_file(tmp_path) -> Path:
    return seed_file(LAPAZ_SEED, tmp_path / "lapaz.concordia")


@pytest.fixture
def make_window(qtbot, settings, paths):
    with window_maker(qtbot, settings) as make:
        yield lambda: make(paths)


def put_cursor_at_end_of(window: MainWindow, block_index: int) -> QTextCursor:
    editor = window.editor
    editor.go_to_block(editor.draft().blocks[block_index].id)
    cursor = editor.text_edit.textCursor()
    cursor.movePosition(QTextCursor.EndOfBlock)
    editor.text_edit.setTextCursor(cursor)
    editor.text_edit.setFocus()
    return cursor


def test_type_format_footnote_undo_save_and_reopen(qtbot, make_window, lapaz_file):
    window = make_window()
    assert window.files.open_path(lapaz_file)
    editor = window.editor
    block_id = editor.draft().blocks[1].id
    footnotes_before = len(editor.draft().footnotes)
    ids_before = set(editor.draft().footnotes)

    put_cursor_at_end_of(window, 1)
    send_text(editor.text_edit, " Texto: é ñ ü ¿")
    block = editor.draft().block(block_id)
    assert block.text.endswith(" Texto: é ñ ü ¿")
    assert window.isWindowModified()

    # Bold the word "Texto" with the Format menu's action.
    cursor = editor.text_edit.textCursor()
    end = cursor.position() - len(": é ñ ü ¿")
    cursor.setPosition(end - len("Texto"))
    cursor.setPosition(end, QTextCursor.KeepAnchor)
    editor.text_edit.setTextCursor(cursor)
    window.actions_by_name["bold"].trigger()
    runs = [item for item in editor.draft().block(block_id).content if isinstance(item, TextRun)]
    assert [run.text for run in runs if run.bold] == ["Texto"]

    # Insert ▸ Footnote, then undo it: the reference and the footnote go together.
    put_cursor_at_end_of(window, 1)
    window.actions_by_name["insert_footnote"].trigger()
    assert len(editor.draft().footnotes) == footnotes_before + 1
    assert isinstance(editor.draft().block(block_id).content[-1], FootnoteRef)
    window.actions_by_name["undo"].trigger()
    assert len(editor.draft().footnotes) == footnotes_before
    assert not any(isinstance(i, FootnoteRef) for i in editor.draft().block(block_id).content[-2:])
    assert editor.draft().block(block_id).text.endswith(" Texto: é ñ ü ¿")

    # Insert it again with its shortcut and give it text, then save with Ctrl+S.
    put_cursor_at_end_of(window, 1)
    qtbot.keyClick(editor.text_edit, Qt.Key_F, Qt.ControlModifier | Qt.AltModifier)
    new_ids = [fid for fid in editor.draft().footnotes if fid not in ids_before]
    assert new_ids[0] in editor.draft().block(block_id).footnote_ids
    assert len(new_ids) == 1
    pane_editor = editor.footnote_pane.editor
    pane_editor.setFocus()
    send_text(pane_editor, "Nota añadida")
    qtbot.waitUntil(lambda: editor.draft().footnotes[new_ids[0]].text == "Nota añadida", timeout=3000)

    press(qtbot, window, Qt.Key_S, Qt.ControlModifier)
    assert not window.isWindowModified()
    expected = copy.deepcopy(editor.draft())
    assert load_draft(lapaz_file) == expected
    assert window.close()

    second = make_window()
    assert second.files.open_path(lapaz_file)
    assert second.editor.draft() == expected
    reopened = second.editor.draft().block(block_id)
    assert reopened.text.endswith(" Texto: é ñ ü ¿")
    assert second.editor.draft().footnotes[new_ids[0]].text == "Nota añadida"
    assert not second.isWindowModified()


def test_cover_form_typing_is_one_undoable_step(qtbot, make_window, lapaz_file):
    window = make_window()
    window.files.open_path(lapaz_file)
    editor, form = window.editor, window.cover_form
    old_subject = editor.draft().note.subject
    field = form.field_widget("subject")
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "Draft joint declaration")
    assert window.isWindowModified()                   # marked while still typing
    # The pause in typing commits the field: one step for the whole word run.
    qtbot.waitUntil(lambda: editor.draft().note.subject == "Draft joint declaration", timeout=3000)
    assert editor.undo_stack.count() == 1
    assert window.isWindowModified()
    assert "Subject" in window.actions_by_name["undo"].text()

    window.actions_by_name["undo"].trigger()
    assert editor.draft().note.subject == old_subject
    assert field.toPlainText() == old_subject          # the form follows the model …
    assert editor.undo_stack.count() == 1              # … without re-emitting an edit
    assert editor.undo_stack.index() == 0
    assert not window.isWindowModified()

    press(qtbot, window, Qt.Key_Y, Qt.ControlModifier)  # redo
    assert editor.draft().note.subject == "Draft joint declaration"
    assert field.toPlainText() == "Draft joint declaration"


def test_cover_form_fields_reach_the_model(qtbot, make_window, lapaz_file):
    window = make_window()
    window.files.open_path(lapaz_file)
    form, note = window.cover_form, window.editor.draft().note

    marking = form.field_widget("marking")
    assert note.marking is None
    marking.click()
    assert window.editor.draft().note.marking == "LIMITE"

    kind = form.findChild(QComboBox, "cover_suffix_kind")
    count = form.findChild(QSpinBox, "cover_suffix_count")
    assert not count.isEnabled()          # no number without a suffix
    kind.setFocus()
    qtbot.keyClick(kind, Qt.Key_Down)     # none → REV
    assert window.editor.draft().note.suffix == "REV 1"
    assert count.isEnabled()
    count.setFocus()
    qtbot.keyClick(count, Qt.Key_Up)
    assert window.editor.draft().note.suffix == "REV 2"
    assert window.editor.draft().note.full_number == "6914/2/24 REV 2"

    date_edit = form.field_widget("date")
    date_edit.setDate(QDate(2024, 3, 1))
    form.commit_pending()
    assert window.editor.draft().note.date.isoformat() == "2024-03-01"

    codes = form.field_widget("codes")
    codes.setFocus()
    codes.moveCursor(QTextCursor.End)
    qtbot.keyClick(codes, Qt.Key_Return)
    qtbot.keyClicks(codes, "COLAC 99")
    form.commit_pending()
    assert window.editor.draft().note.codes[-1] == "COLAC 99"

    # Undo walks back one field at a time.
    window.undo()
    assert window.editor.draft().note.codes[-1] != "COLAC 99"
    window.undo()
    assert window.editor.draft().note.date.isoformat() == "2024-02-28"
    assert form.field_widget("date").date() == QDate(2024, 2, 28)
    for _ in range(3):  # REV 2, REV 1, LIMITE
        window.undo()
    assert window.editor.draft().note.marking is None
    assert not form.field_widget("marking").isChecked()
    assert window.editor.draft().note.suffix == ""


def test_menus_shortcuts_and_extension_points(qtbot, make_window):
    window = make_window()
    assert {"file", "edit", "format", "insert", "view", "library", "help"} <= set(window.menus)
    shortcuts = {key: [s.toString() for s in window.actions_by_name[key].shortcuts()]
                 for key in ("new", "open", "save", "save_as", "close", "quit", "undo", "redo")}
    assert shortcuts["new"][0] == "Ctrl+N" and shortcuts["open"][0] == "Ctrl+O"
    assert shortcuts["save"][0] == "Ctrl+S" and "Ctrl+Shift+S" in shortcuts["save_as"]
    assert "Ctrl+W" in shortcuts["close"] and "Ctrl+Q" in shortcuts["quit"]
    assert shortcuts["undo"][0] == "Ctrl+Z"
    assert {"Ctrl+Shift+Z", "Ctrl+Y"} <= set(shortcuts["redo"])
    assert window.actions_by_name["insert_footnote"].shortcut() == QKeySequence("Ctrl+Alt+F")
    format_texts = [a.objectName() for a in window.menus["format"].actions()]
    assert "bold" in format_texts and "indent" in format_texts

    def importable(name: str) -> bool:
        try:
            importlib.import_module(name)
            return True
        except ImportError:
            return False

    assert window.actions_by_name["export_word"].isEnabled() == importable("app.ui.export_dialog")
    assert window.actions_by_name["import_spanish"].isEnabled() == importable("app.ui.language_import")

    answers = Answers(QMessageBox.Ok)
    window.actions_by_name["about"].trigger()
    assert answers.done and "Concordia" in answers.seen[0]

    from PySide6.QtWidgets import QTextBrowser

    panel = QTextBrowser()
    dock = window.add_dock(panel, "Notes", Qt.RightDockWidgetArea, key="notes")
    toggle = dock.toggleViewAction()
    assert toggle in window.menus["view"].actions()
    qtbot.waitUntil(dock.isVisible, timeout=2000)
    toggle.trigger()
    assert dock.isHidden()


def test_import_text_in_background_with_warnings(qtbot, make_window, paths, tmp_path):
    source = tmp_path / "borrador.txt"
    text = LAPAZ_SEED.read_text(encoding="utf-8").replace("La Paz declaration of", "Declaración of")
    source.write_bytes(text.encode("cp1252", errors="replace"))
    paths.import_paths.append(source)
    window = make_window()
    answers = Answers(QMessageBox.Ok)
    window.actions_by_name["import_text"].trigger()
    qtbot.waitUntil(lambda: bool(answers.seen), timeout=10_000)
    assert "warning" in answers.seen[0] and "borrador.txt" in answers.seen[0]
    draft = window.editor.draft()
    assert draft.note.number == "6914/24" and len(draft.blocks) > 50
    assert "Declaración" in draft.blocks[0].text
    assert window.isWindowModified() and window.windowTitle().startswith("Untitled")

    # Its first save asks where, offering the document number as the name, beside the text.
    target = tmp_path / "saved" / "6914-24.concordia"
    target.parent.mkdir()
    paths.save_paths.append(target)
    press(qtbot, window, Qt.Key_S, Qt.ControlModifier)
    assert paths.suggested == [source.parent / "6914-24.concordia"]
    assert load_draft(target) == draft
    assert window.windowTitle() == "6914-24.concordia[*] — Concordia"
    assert not window.isWindowModified()
    assert window.settings.recent_files()[0] == target.resolve()


def test_interface_language_is_remembered_for_next_start(make_window, settings):
    window = make_window()
    spanish = window.findChild(QAction, "action_ui_language_es")
    english = window.findChild(QAction, "action_ui_language_en")
    assert english.isChecked() and not spanish.isChecked()
    spanish.trigger()
    assert settings.ui_language() == "es"
    assert "español" in window.statusBar().currentMessage()
    assert spanish.isChecked() and not english.isChecked()


def test_edit_menu_acts_on_the_focused_field(qtbot, make_window, lapaz_file):
    window = make_window()
    window.files.open_path(lapaz_file)
    form = window.cover_form
    number = form.field_widget("number")
    number.setFocus()
    window.actions_by_name["select_all"].trigger()
    window.actions_by_name["copy"].trigger()
    place = form.field_widget("place")
    place.setFocus()
    window.actions_by_name["select_all"].trigger()
    window.actions_by_name["paste"].trigger()
    assert place.text() == "6914/24"
    form.commit_pending()
    assert window.editor.draft().note.place == "6914/24"
    window.actions_by_name["undo"].trigger()
    assert window.editor.draft().note.place == "Brussels"


def test_open_through_the_file_menu(qtbot, make_window, lapaz_file, paths):
    window = make_window()
    paths.open_paths.append(lapaz_file)
    press(qtbot, window, Qt.Key_O, Qt.ControlModifier)
    assert paths.asked == ["open"]
    assert window.windowTitle() == "lapaz.concordia[*] — Concordia"
    assert window.editor.draft() == load_draft(lapaz_file)


def test_typing_back_the_old_value_leaves_the_draft_unmodified(qtbot, make_window, lapaz_file):
    window = make_window()
    window.files.open_path(lapaz_file)
    place = window.cover_form.field_widget("place")
    place.setFocus()
    place.end(False)
    qtbot.keyClick(place, Qt.Key_X)
    assert window.isWindowModified()
    qtbot.keyClick(place, Qt.Key_Backspace)
    window.cover_form.commit_pending()
    assert window.editor.undo_stack.count() == 0
    assert not window.isWindowModified()



@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # QDragEnterEvent takes a QPoint
def test_dropping_a_draft_on_the_text_opens_it(qtbot, make_window, lapaz_file):
    window = make_window()
    viewport = window.editor.text_edit.viewport()
    text_before = window.editor.draft().blocks[0].text
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(lapaz_file))])
    mime.setText(str(lapaz_file))  # file managers send the path as text too
    where = QPointF(viewport.rect().center())
    enter = QDragEnterEvent(where.toPoint(), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    drop = QDropEvent(where, Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(viewport, drop)
    qtbot.waitUntil(lambda: window.files.session.path == lapaz_file.resolve(), timeout=3000)
    assert str(lapaz_file) not in window.editor.draft().blocks[0].text  # not pasted as text
    assert window.editor.draft() == load_draft(lapaz_file)
    assert text_before != window.editor.draft().blocks[0].text


def _lapaz_docx(folder: Path) -> Path:
    from app.docx import export_note

    draft, _report = import_text_file(LAPAZ_SEED)
    target = folder / "6914-24.docx"
    export_note(draft, target)
    return target


def test_file_open_takes_a_word_document_as_a_new_draft(qtbot, make_window, paths, tmp_path):
    word = _lapaz_docx(tmp_path)
    paths.open_paths.append(word)
    window = make_window()
    window.actions_by_name["open"].trigger()
    qtbot.waitUntil(lambda: window.editor.draft().note.number == "6914/24", timeout=10_000)
    assert len(window.editor.draft().blocks) == 92 and len(window.editor.draft().footnotes) == 15
    assert window.files.session.path is None               # a new draft: Save asks where
    assert window.isWindowModified()


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # QDragEnterEvent takes a QPoint
def test_dropping_a_word_document_opens_it_and_pastes_nothing(qtbot, make_window, tmp_path):
    word = _lapaz_docx(tmp_path)
    window = make_window()
    viewport = window.editor.text_edit.viewport()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(word))])
    mime.setText(str(word))
    where = QPointF(viewport.rect().center())
    enter = QDragEnterEvent(where.toPoint(), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(viewport, QDropEvent(where, Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier))
    qtbot.waitUntil(lambda: window.editor.draft().note.number == "6914/24", timeout=10_000)
    assert all(str(word) not in block.text for block in window.editor.draft().blocks)
