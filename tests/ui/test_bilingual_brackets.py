"""Square brackets in the side-by-side view, driven like a user: the Spanish cell marks its
counterparts, typing in it moves them, and "Square Bracket (Spanish)…" in the Spanish cell's
right-click menu pairs the selected words with one of the paragraph's brackets (undoable)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit

from app.importer import import_text_file
from app.importer.pairing import import_language_version
from app.model import plain_text
from app.model.counterparts import counterpart_alternatives, missing_counterparts
from app.model.translation_ops import SetCounterpart
from app.store import save_draft
from app.ui.bilingual.bracket_cells import COUNTERPART_COLOUR, CounterpartDialog
from app.ui.bilingual.rows import OTHER
from app.ui.language_import import status_text
from tests.importer.spanish_brackets import ENGLISH, write_spanish
from tests.ui.conftest import send_text
from tests.ui.window_support import side_by_side_of


@pytest.fixture
def side_by_side(qtbot, tmp_path):
    draft = import_text_file(ENGLISH)[0]
    import_language_version(draft, write_spanish(tmp_path), "es")
    path = tmp_path / "clasi.concordia"
    save_draft(draft, path)
    with side_by_side_of(qtbot, path, tmp_path / "config") as opened:
        yield opened


def destabilise(draft):
    return next(b for b in draft.brackets.values() if b.quote == "destabilise")


def cell_has_colour(view, row: int) -> bool:
    index = view.rows.index(row, OTHER)
    view.table.scrollTo(index)
    view.table.resizeRowToContents(row)
    QApplication.processEvents()
    image = view.table.viewport().grab(view.table.visualRect(index)).toImage()
    wanted = COUNTERPART_COLOUR.rgb()
    return any(image.pixel(x, y) == wanted
               for x in range(0, image.width(), 2) for y in range(0, image.height(), 2))


def test_the_spanish_cell_marks_its_counterpart_and_typing_moves_it(qtbot, side_by_side):
    window, view = side_by_side
    draft = window.editor.draft()
    bracket = destabilise(draft)
    row = view.rows.row_of(bracket.anchor.block_id)
    assert cell_has_colour(view, row)
    assert not cell_has_colour(view, row - 1)          # § 2: no bracket, no mark
    view.edit_cell(row, OTHER)
    editor = QApplication.focusWidget()
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.Start)
    editor.setTextCursor(cursor)
    send_text(editor, "Plenamente ")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    item = draft.translations["es"].brackets[bracket.id]
    text = plain_text(draft.translations["es"].blocks[bracket.anchor.block_id])
    assert text.startswith("Plenamente ") and text[item.start:item.end] == "desestabilizan"
    window.editor.undo_stack.undo()
    item = draft.translations["es"].brackets[bracket.id]
    text = plain_text(draft.translations["es"].blocks[bracket.anchor.block_id])
    assert text[item.start:item.end] == "desestabilizan" and not text.startswith("Plenamente")


def test_square_bracket_spanish_in_the_cell_menu_pairs_the_selection(qtbot, side_by_side):
    window, view = side_by_side
    draft = window.editor.draft()
    bracket = destabilise(draft)
    unshown = len(missing_counterparts(draft, "es"))
    assert f"{unshown} square brackets not in the Spanish text" in status_text(draft)
    window.editor.apply_operation(SetCounterpart("es", bracket.id, None), "clear")
    assert f"{unshown + 1} square brackets not in the Spanish text" in status_text(draft)
    row = view.rows.row_of(bracket.anchor.block_id)
    view.refresh()
    assert not cell_has_colour(view, row)
    view.edit_cell(row, OTHER)
    editor = QApplication.focusWidget()
    text = editor.toPlainText()
    start = text.index("desestabilizan")
    cursor = editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len("desestabilizan"), cursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    menu = editor.context_menu()
    action = next(a for a in menu.actions() if a.objectName() == "cell_square_bracket")
    assert action.text() == "Square Bracket (Spanish)…" and action.isEnabled()
    action.trigger()
    dialog = view.findChild(CounterpartDialog, "counterpart_dialog")
    assert dialog is not None and dialog.isVisible()
    assert dialog.choice.currentText() == "[destabilise (FR, ES) / undermine (CELAC)]"
    line = dialog.findChild(QLineEdit, "counterpart_alternative_1")
    qtbot.keyClicks(line, "socavan")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    alternatives = counterpart_alternatives(draft, bracket, "es")
    assert [(a.text, a.parties) for a in alternatives] == [
        ("desestabilizan", ["FR", "ES"]), ("socavan", ["CELAC"])]
    assert cell_has_colour(view, row)
    assert window.editor.undo_stack.undoText() == "Square Bracket (Spanish)"
    window.editor.undo_stack.undo()
    assert bracket.id not in draft.translations["es"].brackets
    window.editor.undo_stack.redo()
    assert draft.translations["es"].brackets[bracket.id].alternatives == ["socavan"]


def test_a_paragraph_without_brackets_says_so_in_one_sentence(qtbot, side_by_side):
    window, view = side_by_side
    draft = window.editor.draft()
    row = next(r for r, b in enumerate(draft.blocks) if b.id in draft.translations["es"].blocks
               and not any(k.anchor.block_id == b.id for k in draft.brackets.values()))
    assert view.pair_bracket(row, 0, 3) is None
    assert "no square brackets" in view.statusBar().currentMessage()
