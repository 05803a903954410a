"""File ▸ Export to Word…: the dialog driven with qtbot, the export running in the background."""

from __future__ import annotations

import os

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QDialog, QWidget  # noqa: E402

from app.ui.export_dialog import ExportDialog, show_export_dialog, suggested_target  # noqa: E402

from .drafts import sample_draft  # noqa: E402
from .ooxml_reader import Package  # noqa: E402


@pytest.fixture
def window(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def click_export(qtbot, dialog):
    qtbot.mouseClick(dialog.export_button, Qt.LeftButton)


def test_exports_in_the_background_and_closes(qtbot, window, tmp_path):
    draft_path = tmp_path / "lapaz.concordia"
    dialog = show_export_dialog(window, sample_draft(), draft_path)
    assert dialog.target.text() == str(tmp_path / "lapaz-EN.docx")
    dialog.spanish.setChecked(True)
    assert dialog.target.text() == str(suggested_target(draft_path, "es")), "the name follows the language"
    click_export(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.Accepted, timeout=20000)
    assert dialog.report.language == "es" and dialog.report.footnotes == 3
    assert "Consejo de la" in Package(tmp_path / "lapaz-ES.docx").all_text()


def test_spanish_without_complete_text_is_refused_in_the_dialog(qtbot, window, tmp_path):
    draft = sample_draft()
    del draft.translations["es"].blocks["b-title"]
    dialog = ExportDialog(window, draft, tmp_path / "d.concordia")
    qtbot.addWidget(dialog)
    assert dialog.export_button.isEnabled()
    dialog.spanish.setChecked(True)
    assert not dialog.export_button.isEnabled()
    assert "1 (“La Paz declaration of the" in dialog.status.text()
    dialog.english.setChecked(True)
    assert dialog.export_button.isEnabled() and dialog.status.text() == ""


def test_asks_before_replacing_a_file(qtbot, window, tmp_path):
    target = tmp_path / "note.docx"
    target.write_bytes(b"previous export")
    dialog = ExportDialog(window, sample_draft(), None)
    qtbot.addWidget(dialog)
    dialog.target.setText(str(target))
    click_export(qtbot, dialog)
    assert dialog.export_button.text() == "Replace"
    assert "already exists" in dialog.status.text()
    assert target.read_bytes() == b"previous export" and dialog.task is None
    click_export(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.Accepted, timeout=20000)
    assert Package(target).body() is not None


def test_unwritable_targets_are_said_at_once(qtbot, window, tmp_path):
    dialog = ExportDialog(window, sample_draft(), None)
    qtbot.addWidget(dialog)
    dialog.target.setText(str(tmp_path / "missing" / "note.docx"))
    click_export(qtbot, dialog)
    assert "does not exist" in dialog.status.text() and dialog.task is None
    dialog.target.setText(str(tmp_path))
    click_export(qtbot, dialog)
    assert "is a folder" in dialog.status.text()
    if os.geteuid() != 0:   # root may write anywhere; the CLI test covers it with capabilities dropped
        folder = tmp_path / "ro"
        folder.mkdir()
        folder.chmod(0o555)
        try:
            dialog.target.setText(str(folder / "n.docx"))
            click_export(qtbot, dialog)
            assert "read-only or you lack permission" in dialog.status.text()
        finally:
            folder.chmod(0o755)


def test_the_draft_may_change_while_exporting(qtbot, window, tmp_path):
    draft = sample_draft()
    dialog = ExportDialog(window, draft, None)
    qtbot.addWidget(dialog)
    dialog.target.setText(str(tmp_path / "n.docx"))
    click_export(qtbot, dialog)
    draft.blocks.clear()            # the editor keeps working on the live draft
    qtbot.waitUntil(lambda: dialog.result() == QDialog.Accepted, timeout=20000)
    assert dialog.report.blocks == 10


def test_file_menu_export_opens_the_dialog_on_the_open_draft(qtbot, tmp_path):
    from app.importer.text import import_text_file
    from app.store import save_draft
    from app.ui.main_window import MainWindow
    from tests.conftest import LAPAZ_SEED
    from tests.ui.window_support import PathAnswers, close_without_prompt, isolated_settings

    draft, _report = import_text_file(LAPAZ_SEED)
    saved = tmp_path / "lapaz.concordia"
    save_draft(draft, saved)
    paths = PathAnswers()
    paths.open_paths.append(saved)
    window = MainWindow(isolated_settings(tmp_path / "settings"), paths, autosave_ms=60_000)
    qtbot.addWidget(window)
    window.show()
    try:
        window.actions_by_name["open"].trigger()
        qtbot.waitUntil(lambda: window.files.session.path == saved, timeout=10000)
        action = window.actions_by_name["export_word"]
        assert action.isEnabled()
        action.trigger()
        dialog = window.findChild(ExportDialog)
        assert dialog is not None and dialog.isVisible()
        assert dialog.target.text() == str(tmp_path / "lapaz-EN.docx")
        click_export(qtbot, dialog)
        qtbot.waitUntil(lambda: dialog.result() == QDialog.Accepted, timeout=20000)
        assert dialog.report.footnotes == 15
    finally:
        close_without_prompt(window)
