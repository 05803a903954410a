"""Footnote references through cut, copy, paste, selection edits, IME input and the pane."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from app.model import Block, BlockKind, Draft, Footnote, FootnoteRef, TextRun
from app.ui.editor import DraftEditor

from .test_editor_bridge import assert_in_sync, put_cursor, sample_draft, shape


@pytest.fixture
def editor(make_editor):
    return make_editor(sample_draft())


CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
PRE_REF = len("HAVING MET in La Paz")          # offset of fn1's reference in block "pre"


def select(editor, start_id: str, start: int, end_id: str, end: int) -> None:
    first = editor.bridge.qt_block(start_id)
    last = editor.bridge.qt_block(end_id)
    cursor = QTextCursor(first)
    cursor.setPosition(first.position() + start)
    cursor.setPosition(last.position() + end, QTextCursor.MoveMode.KeepAnchor)
    editor.text_edit.setTextCursor(cursor)


def test_cut_and_paste_moves_the_reference_with_its_footnote(editor, press):
    te = editor.text_edit
    select(editor, "pre", PRE_REF - 3, "pre", PRE_REF + 1)          # "Paz" + the reference
    press(te, Qt.Key.Key_X, CTRL)
    assert editor.draft().block("pre").footnote_ids == []
    put_cursor(editor, "num2", len("Agree to meet again"))
    press(te, Qt.Key.Key_V, CTRL)
    assert editor.draft().block("num2").content == [TextRun("Agree to meet againPaz"), FootnoteRef("fn1"), TextRun(".")]
    assert list(editor.draft().footnotes) == ["fn1"]               # the same footnote moved
    assert_in_sync(editor)
    press(te, Qt.Key.Key_Z, CTRL)
    press(te, Qt.Key.Key_Z, CTRL)
    assert shape(editor.draft()) == shape(sample_draft())


def test_copied_reference_gets_its_own_footnote_in_the_same_undo_step(editor, press):
    te = editor.text_edit
    select(editor, "pre", PRE_REF, "pre", PRE_REF + 1)
    press(te, Qt.Key.Key_C, CTRL)
    put_cursor(editor, "li1", len("first point"))
    steps = editor.undo_stack.count()
    press(te, Qt.Key.Key_V, CTRL)
    refs = editor.draft().block("li1").footnote_ids
    assert len(refs) == 1 and refs[0] != "fn1"
    assert editor.draft().footnotes[refs[0]].text == "Hereinafter 'the Mechanism'."
    assert editor.bridge.footnote_number(refs[0]) == 2
    assert editor.undo_stack.count() == steps + 1
    press(te, Qt.Key.Key_Z, CTRL)
    assert list(editor.draft().footnotes) == ["fn1"]
    assert shape(editor.draft()) == shape(sample_draft())
    assert_in_sync(editor)


def test_typing_over_a_selection_across_blocks_merges_them_into_the_first(editor, type_text, press):
    te = editor.text_edit
    select(editor, "num1", len("Reiterate"), "num2", len("Agree to"))
    type_text(te, "ó")
    assert [b.id for b in editor.draft().blocks] == ["title", "pre", "num1", "li1"]
    assert editor.draft().block("num1").text == "Reiterateó meet again."
    assert_in_sync(editor)
    press(te, Qt.Key.Key_Z, CTRL)
    assert shape(editor.draft()) == shape(sample_draft())


def test_select_all_and_delete_leaves_one_block_and_undo_restores_everything(editor, press):
    te = editor.text_edit
    press(te, Qt.Key.Key_A, CTRL)
    press(te, Qt.Key.Key_Delete)
    # Qt keeps the format of the block where a deletion that starts at a block start ends.
    assert [(b.id, b.content) for b in editor.draft().blocks] == [("li1", [])]
    assert editor.draft().footnotes["fn1"].text                       # kept, only unreferenced
    assert_in_sync(editor)
    press(te, Qt.Key.Key_Z, CTRL)
    assert shape(editor.draft()) == shape(sample_draft())
    assert_in_sync(editor)


def test_deleting_a_range_with_references_renumbers_and_undo_restores(editor, press):
    te = editor.text_edit
    put_cursor(editor, "num1", 0)
    press(te, Qt.Key.Key_F, CTRL | Qt.KeyboardModifier.AltModifier)
    second = editor.draft().block("num1").footnote_ids[0]
    assert editor.bridge.footnote_number(second) == 2
    te.setFocus()
    select(editor, "pre", 0, "num1", 1)                               # both references
    press(te, Qt.Key.Key_Delete)
    assert editor.draft().footnote_order() == []
    assert {"fn1", second} <= set(editor.draft().footnotes)
    press(te, Qt.Key.Key_Z, CTRL)
    assert editor.draft().footnote_order() == ["fn1", second]
    assert editor.bridge.footnote_number(second) == 2
    assert_in_sync(editor)


def test_inserting_an_earlier_footnote_renumbers_the_later_one_live(editor, press):
    te = editor.text_edit
    put_cursor(editor, "title", 2)
    press(te, Qt.Key.Key_F, CTRL | Qt.KeyboardModifier.AltModifier)
    new = editor.draft().block("title").footnote_ids[0]
    assert editor.bridge.footnote_number(new) == 1 and editor.bridge.footnote_number("fn1") == 2
    assert editor.footnote_pane.title.text().endswith("1")
    # The reference character takes room in the line: its number is drawn there.
    block = editor.bridge.qt_block("title")
    before, after = QTextCursor(block), QTextCursor(block)
    before.setPosition(block.position() + 2)
    after.setPosition(block.position() + 3)
    assert te.cursorRect(after).x() - te.cursorRect(before).x() >= 4
    # The pane follows the cursor to the footnote at or just before it.
    te.setFocus()
    put_cursor(editor, "pre", PRE_REF + 1)
    assert editor.footnote_pane.footnote_id == "fn1" and "2" in editor.footnote_pane.title.text()
    put_cursor(editor, "num2", 3)
    assert editor.footnote_pane.footnote_id is None and not editor.footnote_pane.editor.isEnabled()


def test_footnote_pane_edits_are_undoable_with_its_own_keys(editor, type_text, press):
    put_cursor(editor, "pre", PRE_REF)
    pane = editor.footnote_pane.editor
    pane.setFocus()
    pane.moveCursor(QTextCursor.MoveOperation.End)
    type_text(pane, " ¡Sí!")
    assert editor.draft().footnotes["fn1"].text == "Hereinafter 'the Mechanism'. ¡Sí!"
    assert editor.undo_stack.count() == 1                              # one burst, one step
    press(pane, Qt.Key.Key_Z, CTRL)
    assert editor.draft().footnotes["fn1"].text == "Hereinafter 'the Mechanism'."
    assert pane.toPlainText() == "Hereinafter 'the Mechanism'."
    press(pane, Qt.Key.Key_Z, CTRL | SHIFT)
    assert pane.toPlainText().endswith("¡Sí!")


def test_input_method_text_goes_into_the_model(editor):
    put_cursor(editor, "num2", 0)
    event = QInputMethodEvent()
    event.setCommitString("Año ")
    QApplication.sendEvent(editor.text_edit, event)
    assert editor.draft().block("num2").text == "Año Agree to meet again."
    assert_in_sync(editor)


def test_set_draft_repairs_duplicate_ids_and_an_empty_draft(qtbot):
    widget = DraftEditor()
    qtbot.addWidget(widget)
    twin = Draft(blocks=[Block(BlockKind.PARAGRAPH, [TextRun("a")], id="x"), Block(BlockKind.PARAGRAPH, [TextRun("b")], id="x")])
    widget.set_draft(twin)
    assert len({b.id for b in widget.draft().blocks}) == 2
    assert_in_sync(widget)
    widget.set_draft(Draft())
    assert len(widget.draft().blocks) == 1 and widget.undo_stack.count() == 0
    assert_in_sync(widget)


def test_undo_back_to_the_saved_point_is_clean(editor, type_text, press):
    put_cursor(editor, "num2", 0)
    type_text(editor.text_edit, "x")
    assert not editor.undo_stack.isClean()
    press(editor.text_edit, Qt.Key.Key_Z, CTRL)
    assert editor.undo_stack.isClean()
    assert isinstance(editor.draft().footnotes["fn1"], Footnote)


def test_a_fragment_from_another_draft_brings_its_footnote_text(editor):
    import json

    from PySide6.QtCore import QMimeData

    from app.ui.editor.clipboard import FRAGMENT_MIME

    payload = {
        "blocks": [{"kind": "numbered", "level": 0, "content": [{"t": "Recall"}, {"fn": "elsewhere"}]}],
        "footnotes": {"elsewhere": "From the other draft."},
    }
    data = QMimeData()
    data.setData(FRAGMENT_MIME, json.dumps(payload).encode("utf-8"))
    put_cursor(editor, "li1", len("first point"))
    editor.text_edit.insertFromMimeData(data)
    refs = editor.draft().block("li1").footnote_ids
    assert len(refs) == 1 and refs[0] != "elsewhere"
    assert editor.draft().footnotes[refs[0]].text == "From the other draft."
    assert_in_sync(editor)
    editor.undo_stack.undo()
    assert shape(editor.draft()) == shape(sample_draft())


def test_a_damaged_fragment_falls_back_to_its_plain_text(editor):
    from PySide6.QtCore import QMimeData

    from app.ui.editor.clipboard import FRAGMENT_MIME

    data = QMimeData()
    data.setData(FRAGMENT_MIME, b"{not json")
    data.setText("plain")
    put_cursor(editor, "num2", 0)
    editor.text_edit.insertFromMimeData(data)
    assert editor.draft().block("num2").text == "plainAgree to meet again."
