"""View ▸ Languages side by side with footnote pairs, driven like a translator on the La Paz
seed and its Spanish: edit an English footnote in the footnote pane, see its paragraph
marked, the reason, the count and the filter; confirm from the pane (the footnote alone) and
from the row (the paragraph with its footnotes); undo brings the mark back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit

from app.model.footnote_step import footnote_states
from tests.lapaz_bilingual import NOTE_3_EN, lapaz_with_spanish
from tests.ui.conftest import send_text
from tests.ui.window_support import side_by_side_of

WHY = "Footnote 3 changed in English since its Spanish was confirmed."


@pytest.fixture
def side_by_side(qtbot, tmp_path):
    path = lapaz_with_spanish(tmp_path)
    with side_by_side_of(qtbot, path, tmp_path / "config") as opened:
        yield opened


def _header(view, row: int, role=Qt.ItemDataRole.DisplayRole):
    return view.rows.headerData(row, Qt.Orientation.Vertical, role)


def test_an_english_footnote_edit_marks_its_row_and_is_confirmed_and_undone(qtbot, side_by_side):
    window, view = side_by_side
    draft = window.editor.draft()
    note = next(fid for fid in draft.footnote_order() if draft.footnotes[fid].text
                .startswith(NOTE_3_EN))
    row = next(i for i, block in enumerate(draft.blocks) if note in block.footnote_ids)
    assert not _header(view, row).startswith("●")
    assert view.count_label.text() == "0 pairs out of step · 92 pairs"

    # the translator edits the English footnote in the pane under the paragraph
    view.select_row(row)
    pane = view.footnotes
    assert pane.rowCount() == 1 and pane.verticalHeaderItem(0).text() == "3"
    pane.setFocus()
    pane.setCurrentCell(0, 0)
    pane.editItem(pane.item(0, 0))
    editor = pane.viewport().findChild(QLineEdit)
    assert editor is not None and editor.text().startswith(NOTE_3_EN)
    editor.end(False)
    send_text(editor, " Rev")
    qtbot.keyClick(editor, Qt.Key.Key_Return)        # the item view commits it queued
    qtbot.waitUntil(lambda: draft.footnotes[note].text.endswith(" Rev"), timeout=2000)

    assert _header(view, row).startswith("● ")
    assert _header(view, row, Qt.ItemDataRole.ToolTipRole) == WHY
    assert not view.rows.state(row).out_of_step                # the paragraph itself is
    assert view.count_label.text() == ("0 pairs out of step · 1 footnote out of step · "
                                       "92 pairs")
    # the pane's own mark once its editor has closed
    qtbot.waitUntil(lambda: pane.verticalHeaderItem(0).text() == "● 3", timeout=2000)
    assert pane.verticalHeaderItem(0).toolTip() == WHY
    assert view.confirm_all_action.isEnabled()
    status = window.findChild(QLabel, "language_version_status")
    qtbot.waitUntil(lambda: status.text().endswith("· 1 footnote out of step"), timeout=2000)

    # "Only out of step" keeps that row and hides the others
    view.only_out_of_step.trigger()
    assert not view.table.isRowHidden(row) and view.table.isRowHidden(row - 1)
    view.only_out_of_step.trigger()

    # from the footnote pane, Confirm in step confirms the footnote selected there, alone
    block_record = draft.translations["es"].confirmed_at[draft.blocks[row].id]
    pane.setFocus()
    pane.setCurrentCell(0, 1)
    qtbot.keyClick(view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert window.editor.undo_stack.undoText() == "Confirm 1 footnote in step"
    assert not any(state.out_of_step for state in footnote_states(draft))
    assert draft.translations["es"].footnotes_confirmed[note].endswith(" Rev")
    assert draft.translations["es"].confirmed_at[draft.blocks[row].id] == block_record
    assert not _header(view, row).startswith("●")
    assert pane.verticalHeaderItem(0).text() == "3"

    # undo: out of step again, marked again
    window.editor.undo_stack.undo()          # the view follows the undo after a pause
    qtbot.waitUntil(lambda: _header(view, row).startswith("● "), timeout=2000)
    assert note not in draft.translations["es"].footnotes_confirmed or \
        not draft.translations["es"].footnotes_confirmed[note].endswith(" Rev")

    # from the row: confirming the paragraph confirms its footnote with it
    view.table.setFocus()
    view.select_row(row)
    view.confirm_action.trigger()
    assert window.editor.undo_stack.undoText() == "Confirm 1 pair in step"
    assert not _header(view, row).startswith("●")
    assert draft.translations["es"].footnotes_confirmed[note].endswith(" Rev")
    assert view.count_label.text() == "0 pairs out of step · 92 pairs"
    assert not view.confirm_all_action.isEnabled()
    window.editor.undo_stack.undo()
    qtbot.waitUntil(lambda: _header(view, row).startswith("● "), timeout=2000)
    assert not draft.translations["es"].footnotes_confirmed[note].endswith(" Rev")
