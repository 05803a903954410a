"""File ▸ Import Spanish Text…, driven like a user: the import, its report, Ctrl+Z and Ctrl+Y,
a Word file, and files that are not texts."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QMainWindow, QPushButton

from app.docx.writer import export_note
from app.importer import import_text_file
from app.importer.pairing import import_language_version
from app.model import plain_text
from app.ui.editor.widget import DraftEditor
from app.ui.language_import import LanguageImportDialog, show_language_import
from tests.conftest import CLASI_SEED

PARTIAL_ES = Path(__file__).resolve().parents[1] / "importer" / "data" / "clasi_partial.es.md"
#: The numbered paragraphs the partial Spanish text translates (see the file itself).
TRANSLATED = [1, 2, 3, 4, 5, 6, 10, 17, 23]


@pytest.fixture
def window(qtbot):
    """A window around a real DraftEditor showing the 003 seed (CLASI draft, EN)."""
    main = QMainWindow()
    editor = DraftEditor(main)
    main.setCentralWidget(editor)
    main.editor = editor
    editor.set_draft(import_text_file(CLASI_SEED)[0])
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


def _import(qtbot, window, path, **kwargs) -> LanguageImportDialog:
    dialog = show_language_import(window, window.editor, path, **kwargs)
    qtbot.waitUntil(lambda: dialog.task is not None and not dialog.task.running, timeout=10_000)
    return dialog


def _numbered(draft):
    return [block for block in draft.blocks if block.kind.name == "NUMBERED"]


def test_partial_spanish_text_pairs_and_reports(qtbot, window):
    editor = window.editor
    draft = editor.draft()
    before = editor.undo_stack.count()
    dialog = _import(qtbot, window, PARTIAL_ES)

    assert not dialog.isVisible()
    version = draft.translations["es"]
    numbered = _numbered(draft)
    assert sorted(n for n, b in enumerate(numbered, 1) if b.id in version.blocks) == TRANSLATED
    assert plain_text(version.blocks[numbered[9].id]).startswith("Recordamos que la Unión Europea")
    assert version.meta["sender"] == "Presidencia"
    assert editor.undo_stack.count() == before + 1          # ONE undo step

    report = dialog.report_dialog
    assert report is not None and report.isVisible()
    headline, details = report.headline.text(), report.details.toPlainText()
    assert "10 of 24 blocks" in headline
    assert f"{dialog.report.footnotes_paired} of {len(draft.footnotes)} footnotes" in headline
    assert "Spanish" in headline
    assert "Paragraphs of the draft without Spanish text (14):" in details
    # Each unpaired numbered paragraph is listed by its number and first words.
    missing = [n for n in range(1, len(numbered) + 1) if n not in TRANSLATED]
    for number in missing:
        words = " ".join(numbered[number - 1].text.split()[:3])
        assert any(line.strip().startswith(f"§ {number}  “{words}") for line in details.splitlines()), number
    assert "§ 10 " not in details and "not paired with the draft" not in details
    # The text's footnote went to the draft's footnote of paragraph 10.
    footnote_id = numbered[9].footnote_ids[0]
    assert version.footnotes[footnote_id]


def test_ctrl_z_removes_the_version_and_redo_brings_it_back(qtbot, window):
    editor = window.editor
    draft = editor.draft()
    _import(qtbot, window, PARTIAL_ES)
    imported = copy.deepcopy(draft.translations["es"].to_json())
    text_before = [block.text for block in draft.blocks]

    editor.text_edit.setFocus()
    qtbot.keyClick(editor.text_edit, Qt.Key_Z, Qt.ControlModifier)
    assert "es" not in draft.translations
    assert [block.text for block in draft.blocks] == text_before

    qtbot.keyClick(editor.text_edit, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert draft.translations["es"].to_json() == imported


def test_importing_again_replaces_and_undo_restores_the_first(qtbot, window, tmp_path):
    editor = window.editor
    draft = editor.draft()
    _import(qtbot, window, PARTIAL_ES)
    first = draft.translations["es"].to_json()
    # A second text that also translates paragraph 7.
    extra = PARTIAL_ES.read_text(encoding="utf-8").replace(
        "10. ", "7. Reiteramos nuestra determinación de seguir trabajando juntos.\n\n10. ", 1)
    second = tmp_path / "second.es.md"
    second.write_text(extra, encoding="utf-8")
    dialog = _import(qtbot, window, second)
    assert "replaces the Spanish version" in dialog.report_dialog.headline.text()
    numbered = _numbered(draft)
    assert plain_text(draft.translations["es"].blocks[numbered[6].id]).startswith("Reiteramos")
    editor.undo_stack.undo()
    assert draft.translations["es"].to_json() == first


@pytest.mark.parametrize("name, content", [
    ("garbage.md", bytes(range(256)) * 40),
    ("garbage.docx", b"PK\x03\x04 this is not really a zip archive" * 20),
    ("garbage.txt", b""),
])
def test_a_file_that_is_no_text_gives_one_sentence_and_changes_nothing(
        qtbot, window, tmp_path, name, content):
    editor = window.editor
    draft = editor.draft()
    snapshot = copy.deepcopy(draft.to_public_json()), dict(draft.translations)
    path = tmp_path / name
    path.write_bytes(content)
    dialog = _import(qtbot, window, path)
    message = dialog.status.text()
    assert message and "\n" not in message and "Traceback" not in message
    assert name in message
    assert dialog.isVisible() and dialog.report_dialog is None
    assert (draft.to_public_json(), dict(draft.translations)) == snapshot
    assert editor.undo_stack.count() == 0


def test_missing_file_and_text_that_pairs_nothing(qtbot, window, tmp_path):
    draft = window.editor.draft()
    dialog = _import(qtbot, window, tmp_path / "nowhere.md")
    assert "nowhere.md" in dialog.status.text() and "does not exist" in dialog.status.text()
    dialog.reject()
    unrelated = tmp_path / "unrelated.md"
    unrelated.write_text("- pan\n- leche\n- huevos\n", encoding="utf-8")
    dialog = _import(qtbot, window, unrelated)
    assert "could be paired" in dialog.status.text()
    assert "es" not in draft.translations and window.editor.undo_stack.count() == 0


def test_spanish_word_document_pairs_through_the_same_core(qtbot, window, tmp_path):
    """A Spanish DOCX exported from another copy of the draft pairs with this one (whose block
    ids differ): Word numbering and styles are read back, paired by structure."""
    other = import_text_file(CLASI_SEED)[0]
    import_language_version(other, PARTIAL_ES, "es")
    version = other.translations["es"]
    for block in other.blocks:      # the writer refuses an incomplete Spanish text: fill it
        version.blocks.setdefault(block.id, list(block.content))
    for footnote_id, footnote in other.footnotes.items():
        version.footnotes.setdefault(footnote_id, footnote.text)
    docx_path = tmp_path / "clasi.es.docx"
    export_note(other, docx_path, "es")

    draft = window.editor.draft()
    assert not {b.id for b in draft.blocks} & {b.id for b in other.blocks}
    dialog = _import(qtbot, window, docx_path)
    # Filled with English, the document reads as English: the dialog says so and offers to go on.
    assert "reads as English" in dialog.status.text()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: not dialog.task.running, timeout=10_000)
    assert dialog.report_dialog is not None, dialog.status.text()
    version = draft.translations["es"]
    assert len(version.blocks) == len(draft.blocks) == 24
    numbered = _numbered(draft)
    assert plain_text(version.blocks[draft.blocks[0].id]).startswith("Proyecto de Declaración")
    assert plain_text(version.blocks[numbered[9].id]).startswith("Recordamos que la Unión Europea")
    assert plain_text(version.blocks[numbered[16].id]).startswith("Acogemos con satisfacción")
    assert plain_text(version.blocks[numbered[6].id]).startswith("Reiterate our determination")
    assert version.footnotes[numbered[9].footnote_ids[0]]
    assert "24 of 24 blocks" in dialog.report_dialog.headline.text()
    assert dialog.report_dialog.details.toPlainText() == ""


def test_cancel_in_the_progress_dialog_changes_nothing(qtbot, window, tmp_path):
    from benchmarks.generate import make_large_markdown

    big = tmp_path / "large.es.md"
    big.write_text(make_large_markdown(pages=60, words=30_000, footnotes=100), encoding="utf-8")
    editor = window.editor
    dialog = show_language_import(window, editor, big)
    dialog.task.dialog.findChild(QPushButton).click()      # the progress dialog's Cancel
    qtbot.waitUntil(lambda: not dialog.task.running, timeout=10_000)
    assert dialog.task.outcome == "cancelled"
    assert dialog.status.text() == "The import was cancelled; nothing was changed."
    assert dialog.isVisible() and dialog.import_button.isEnabled()
    assert "es" not in editor.draft().translations and editor.undo_stack.count() == 0

    # Cancel in the import dialog itself, while the text is read, stops the import too.
    dialog.start_import()
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Cancel), Qt.LeftButton)
    qtbot.waitUntil(lambda: not dialog.task.running, timeout=10_000)
    assert dialog.task.outcome == "cancelled" and not dialog.isVisible()
    assert "es" not in editor.draft().translations and editor.undo_stack.count() == 0


def test_the_dialog_asks_for_file_and_language(qtbot, window):
    dialog = show_language_import(window, window.editor)
    assert dialog.isVisible() and dialog.language == "es"
    assert [dialog.language_box.itemData(i) for i in range(dialog.language_box.count())][0] == "es"
    assert "en" not in [dialog.language_box.itemData(i) for i in range(dialog.language_box.count())]
    qtbot.mouseClick(dialog.import_button, Qt.LeftButton)
    assert dialog.status.text() == "Choose the file with the text to import."
    dialog.path_edit.setText(str(PARTIAL_ES))
    qtbot.mouseClick(dialog.import_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: dialog.report_dialog is not None, timeout=10_000)
    assert "es" in window.editor.draft().translations


def test_read_only_draft_refuses(qtbot, window):
    window.editor.set_read_only(True)
    dialog = show_language_import(window, window.editor, PARTIAL_ES)
    assert dialog.task is None and "read-only" in dialog.status.text()
    assert "es" not in window.editor.draft().translations


def test_status_bar_says_what_is_missing(qtbot, window):
    _import(qtbot, window, PARTIAL_ES)
    label = window.statusBar().findChild(QLabel, "language_version_status")
    assert label is not None
    qtbot.waitUntil(lambda: label.text() == "Spanish: 14 of 24 blocks missing")
    window.editor.undo_stack.undo()
    qtbot.waitUntil(lambda: label.text() == "No Spanish version")
    window.editor.set_draft(import_text_file(CLASI_SEED)[0])
    qtbot.waitUntil(lambda: label.text() == "No Spanish version")


def test_menu_entry_of_the_main_window(qtbot, tmp_path):
    """The real window's File ▸ Import Spanish Text… opens the dialog on the shown draft."""
    from app.ui.main_window import MainWindow
    from tests.ui.window_support import PathAnswers, close_without_prompt, isolated_settings

    window = MainWindow(isolated_settings(tmp_path / "config"), PathAnswers(), autosave_ms=60_000)
    qtbot.addWidget(window)
    window.editor.set_draft(import_text_file(CLASI_SEED)[0])
    window.show()
    found: list[LanguageImportDialog] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, LanguageImportDialog):
            found.append(dialog)
            dialog.path_edit.setText(str(PARTIAL_ES))
            dialog.import_button.click()

    QTimer.singleShot(50, answer)
    window.actions_by_name["import_spanish"].trigger()
    qtbot.waitUntil(lambda: bool(found) and found[0].report_dialog is not None, timeout=10_000)
    draft = window.editor.draft()
    assert len(draft.translations["es"].blocks) == 10
    window.undo()
    assert "es" not in draft.translations
    close_without_prompt(window)


def test_english_text_as_spanish_is_refused_then_imported_anyway(qtbot, window):
    draft = window.editor.draft()
    dialog = _import(qtbot, window, CLASI_SEED)       # the English seed itself, as Spanish
    assert dialog.status.text().startswith("This text reads as English, not Spanish.")
    assert "es" not in draft.translations and dialog.report_dialog is None
    assert dialog.import_button.text() == "Import Anyway"
    dialog.import_button.click()
    qtbot.waitUntil(lambda: not dialog.task.running, timeout=10_000)
    assert "es" in draft.translations and window.editor.undo_stack.count() == 1


def test_choosing_another_file_withdraws_import_anyway(qtbot, window, tmp_path):
    dialog = _import(qtbot, window, CLASI_SEED)
    assert dialog.force
    dialog.path_edit.setText(str(PARTIAL_ES))
    assert not dialog.force and dialog.import_button.text() == "Import"
