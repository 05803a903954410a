"""View ▸ Languages side by side, driven like a user: edit the English cell and see the pair
flagged with the diff in the Spanish cell, fill an unpaired Spanish cell, confirm, undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.importer import import_text_file
from app.importer.pairing import import_language_version
from app.model import plain_text
from app.model.in_step import out_of_step_ids
from app.store import save_draft
from app.ui.bilingual.rows import DIFF_ROLE, MAIN, OTHER
from tests.conftest import CLASI_SEED
from tests.ui.conftest import send_text
from tests.ui.window_support import side_by_side_of

PARTIAL_ES = Path(__file__).resolve().parents[1] / "importer" / "data" / "clasi_partial.es.md"


@pytest.fixture
def clasi_file(tmp_path) -> Path:
    draft = import_text_file(CLASI_SEED)[0]
    import_language_version(draft, PARTIAL_ES, "es")
    path = tmp_path / "clasi.concordia"
    save_draft(draft, path)
    return path


@pytest.fixture
def side_by_side(qtbot, tmp_path, clasi_file):
    with side_by_side_of(qtbot, clasi_file, tmp_path / "config") as opened:
        yield opened


def _type_in_cell(qtbot, view, row: int, column: int, text: str, at_start: bool = True) -> None:
    view.edit_cell(row, column)
    editor = QApplication.focusWidget()
    assert editor.objectName() == "bilingual_cell_editor"
    if at_start:
        cursor = editor.textCursor()
        cursor.movePosition(cursor.MoveOperation.Start)
        editor.setTextCursor(cursor)
    send_text(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def test_rows_pair_blocks_and_count_what_is_out_of_step(side_by_side):
    window, view = side_by_side
    draft = window.editor.draft()
    assert view.rows.rowCount() == len(draft.blocks)
    assert view.rows.cell_text(10, OTHER).startswith("Recordamos que la Unión Europea")
    assert view.rows.cell_text(7, OTHER) == ""            # ¶7 has no Spanish yet
    view.table.verticalHeader().sectionDoubleClicked.emit(7)
    assert window.editor.current_block_id() == draft.blocks[7].id
    assert view.count_label.text() == "0 pairs out of step · 10 pairs"


def test_editing_english_flags_the_pair_with_the_diff_in_the_spanish_cell(qtbot, side_by_side):
    window, view = side_by_side
    draft = window.editor.draft()
    para = draft.blocks[10]
    _type_in_cell(qtbot, view, 10, MAIN, "Further, ")
    assert para.text.startswith("Further, Recall that")
    assert out_of_step_ids(draft) == [para.id]
    # the main editor shows it too: one document, one model
    assert window.editor.read_all_blocks()[10].text.startswith("Further, Recall")
    diff = view.rows.index(10, OTHER).data(DIFF_ROLE)
    assert "<u style='color:#1b7f2a'>Further, </u>" in diff
    assert view.rows.headerData(10, Qt.Orientation.Vertical).startswith("● ¶10")
    assert view.count_label.text().startswith("1 pair out of step")
    # the filter shows only that row
    view.only_out_of_step.setChecked(True)
    shown = [row for row in range(view.rows.rowCount()) if not view.table.isRowHidden(row)]
    assert shown == [10]
    # Confirm in step, then undo it, then undo the edit: one history with the main editor
    view.select_row(10)
    view.confirm_action.trigger()
    assert out_of_step_ids(draft) == [] and view.count_label.text().startswith("0 pairs")
    assert all(view.table.isRowHidden(row) for row in range(view.rows.rowCount()))
    window.editor.undo_stack.undo()
    assert out_of_step_ids(draft) == [para.id]
    window.editor.undo_stack.undo()
    assert out_of_step_ids(draft) == [] and not para.text.startswith("Further")
    assert not window.editor.read_all_blocks()[10].text.startswith("Further")


def test_filling_an_unpaired_spanish_cell_and_confirming_all(qtbot, side_by_side):
    window, view = side_by_side
    draft = window.editor.draft()
    para = draft.blocks[7]
    _type_in_cell(qtbot, view, 7, OTHER, "Subrayamos la cooperación, ¿verdad?")
    assert plain_text(draft.translations["es"].blocks[para.id]) == \
        "Subrayamos la cooperación, ¿verdad?"
    assert out_of_step_ids(draft) == [para.id]               # new pair: never confirmed
    assert view.count_label.text() == "1 pair out of step · 11 pairs"
    # editing the Spanish of a confirmed pair shows the Spanish change under the English
    _type_in_cell(qtbot, view, 2, OTHER, "Plenamente ")
    assert "Plenamente" in view.rows.index(2, MAIN).data(DIFF_ROLE)
    view.confirm_all_action.trigger()
    assert out_of_step_ids(draft) == []
    assert not view.confirm_all_action.isEnabled()
    assert window.editor.undo_stack.undoText() == "Confirm all pairs in step"


def test_typing_in_the_main_editor_reaches_the_side_by_side_view(qtbot, side_by_side):
    window, view = side_by_side
    draft = window.editor.draft()
    window.editor.go_to_block(draft.blocks[3].id)
    window.editor.text_edit.setFocus()
    send_text(window.editor.text_edit, "Also ")
    assert view.rows.cell_text(3, MAIN).startswith("Also ")     # the text: the same model
    # the marks follow once typing pauses (a keystroke never waits for every row)
    qtbot.waitUntil(lambda: view.rows.state(3).out_of_step, timeout=2000)
    assert view.count_label.text().startswith("1 pair out of step")


def test_cells_keep_marks_and_footnote_references_and_take_ctrl_b(qtbot, side_by_side):
    from app.model import FootnoteRef

    window, view = side_by_side
    draft = window.editor.draft()
    para = draft.blocks[10]                  # ¶10 has a footnote reference in both languages
    refs_before = para.footnote_ids
    spanish_refs = [i.footnote_id for i in draft.translations["es"].blocks[para.id]
                    if isinstance(i, FootnoteRef)]
    assert refs_before and spanish_refs == refs_before
    # Spanish: typed at the start; its reference stays where it was
    _type_in_cell(qtbot, view, 10, OTHER, "Hoy ")
    content = draft.translations["es"].blocks[para.id]
    assert [i.footnote_id for i in content if isinstance(i, FootnoteRef)] == refs_before
    assert plain_text(content).startswith("Hoy Recordamos")
    # English: a word typed in bold with Ctrl+B; the rest keeps its marks and reference
    view.edit_cell(10, MAIN)
    cell = QApplication.focusWidget()
    cursor = cell.textCursor()
    cursor.movePosition(cursor.MoveOperation.Start)
    cell.setTextCursor(cursor)
    qtbot.keyClick(cell, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    send_text(cell, "Firmly")
    qtbot.keyClick(cell, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    send_text(cell, " ")
    qtbot.keyClick(cell, Qt.Key.Key_Return)
    first = para.content[0]
    assert first.text == "Firmly" and first.bold
    assert para.text.startswith("Firmly Recall that") and para.footnote_ids == refs_before
    assert window.editor.read_all_blocks()[10].content[0] == first     # the main editor too
    window.editor.undo_stack.undo()
    assert para.text.startswith("Recall that")


def test_the_main_window_status_bar_counts_pairs_out_of_step(qtbot, side_by_side):
    from PySide6.QtWidgets import QLabel

    window, view = side_by_side
    label = window.findChild(QLabel, "language_version_status")
    qtbot.waitUntil(lambda: label.text() == "Spanish: 14 of 24 blocks missing", timeout=2000)
    _type_in_cell(qtbot, view, 10, MAIN, "Further, ")
    qtbot.waitUntil(lambda: label.text().endswith("· 1 pair out of step"), timeout=2000)


def test_footnotes_of_the_current_row_in_both_languages(qtbot, side_by_side):
    window, view = side_by_side
    draft = window.editor.draft()
    para = draft.blocks[10]
    footnote_id = para.footnote_ids[0]
    view.select_row(10, OTHER)
    pane = view.footnotes
    assert pane.rowCount() == 1
    assert pane.item(0, 1).text().startswith("Nombre que se modificará")
    assert pane.verticalHeaderItem(0).text() == "1"
    pane.item(0, 1).setText("Nota corregida.")
    assert draft.translations["es"].footnotes[footnote_id] == "Nota corregida."
    pane.item(0, 0).setText("Footnote corrected.")
    assert draft.footnotes[footnote_id].text == "Footnote corrected."
    window.editor.undo_stack.undo()
    window.editor.undo_stack.undo()
    assert draft.translations["es"].footnotes[footnote_id].startswith("Nombre que se")
    view.select_row(3)
    assert pane.rowCount() == 0


def test_the_view_follows_when_another_draft_is_opened(qtbot, side_by_side):
    window, view = side_by_side
    assert window.files.new_draft("es")          # nothing was changed: no question asked
    assert view.rows.rowCount() == 1 and view.rows.draft() is window.editor.draft()
    # a Spanish draft: its translation is the English one
    assert view.rows.language == "en"
    assert view.rows.headerData(0, Qt.Orientation.Horizontal) == "ES"
