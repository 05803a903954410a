"""A new draft's cover defaults are in the note's language: File ▸ New Draft in Spanish."""

from __future__ import annotations

from app.docx.labels import ExportLabels
from app.ui.main_window import MainWindow
from app.ui.new_drafts import blank_draft
from tests.ui.window_support import PathAnswers, close_without_prompt, isolated_settings


def test_blank_drafts_in_english_and_spanish():
    english, spanish = blank_draft(), blank_draft("es")
    assert (english.note.place, english.note.sender, english.note.recipient) == (
        "Brussels", "General Secretariat of the Council", "Delegations")
    assert (spanish.note.place, spanish.note.sender, spanish.note.recipient) == (
        "Bruselas", "Secretaría General del Consejo", "Delegaciones")
    assert spanish.language == "es" and spanish.note.languages == ["es"]
    # the seat keeps its name in each export language
    assert ExportLabels("en").place("Bruselas") == "Brussels"
    assert ExportLabels("es").place("Bruselas") == "Bruselas"


def test_file_menu_new_draft_in_spanish(qtbot, tmp_path):
    window = MainWindow(isolated_settings(tmp_path / "config"), PathAnswers(), autosave_ms=60_000)
    window.show()
    try:
        file_menu = [a.objectName() for a in window.menus["file"].actions()]
        assert file_menu.index("new_spanish_draft") == file_menu.index("action_new") + 1 \
            if "action_new" in file_menu else "new_spanish_draft" in file_menu
        window.actions_by_name["new_spanish_draft"].trigger()
        draft = window.current_draft()
        assert draft.language == "es" and draft.note.recipient == "Delegaciones"
        assert not window.is_modified()
    finally:
        close_without_prompt(window)
        window.files.close_session()
        window.deleteLater()
