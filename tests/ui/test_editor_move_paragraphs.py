"""Move Paragraph Up/Down and cut-and-paste of whole paragraphs keep the paragraphs' ids."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from app.model import FootnoteRef

from .test_editor_bridge import assert_in_sync, put_cursor, sample_draft, shape

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT_SHIFT = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
ORDER = ["title", "pre", "num1", "num2", "li1"]


@pytest.fixture
def editor(make_editor, qtbot):
    return active(make_editor(sample_draft()), qtbot)


def active(editor, qtbot):
    """Shortcuts (Alt+Shift+Up/Down) reach only an active window."""
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow, timeout=3000)
    return editor


def ids(editor) -> list[str]:
    return [block.id for block in editor.draft().blocks]


def test_alt_shift_down_moves_the_paragraph_and_one_undo_takes_it_back(editor, press):
    te = editor.text_edit
    put_cursor(editor, "pre", 5)
    press(te, Qt.Key.Key_Down, ALT_SHIFT)
    assert ids(editor) == ["title", "num1", "pre", "num2", "li1"]
    assert editor.current_block_id() == "pre"
    assert te.textCursor().positionInBlock() == 5              # the cursor stayed in its place
    assert editor.draft().block("pre").footnote_ids == ["fn1"]  # the reference went with it
    assert_in_sync(editor)
    press(te, Qt.Key.Key_Down, ALT_SHIFT)
    assert ids(editor) == ["title", "num1", "num2", "pre", "li1"]
    press(te, Qt.Key.Key_Up, ALT_SHIFT)
    assert ids(editor) == ["title", "num1", "pre", "num2", "li1"]
    assert editor.undo_stack.undoText() == "Move Paragraph"
    press(te, Qt.Key.Key_Z, CTRL)
    press(te, Qt.Key.Key_Z, CTRL)
    assert ids(editor) == ["title", "num1", "pre", "num2", "li1"]
    press(te, Qt.Key.Key_Z, CTRL)
    assert shape(editor.draft()) == shape(sample_draft())
    assert_in_sync(editor)
    press(te, Qt.Key.Key_Y, CTRL)
    assert ids(editor) == ["title", "num1", "pre", "num2", "li1"]
    assert_in_sync(editor)


def test_moving_at_the_edges_does_nothing(editor, press):
    te = editor.text_edit
    put_cursor(editor, "title", 0)
    press(te, Qt.Key.Key_Up, ALT_SHIFT)
    put_cursor(editor, "li1", 2)
    press(te, Qt.Key.Key_Down, ALT_SHIFT)
    assert ids(editor) == ORDER
    assert editor.undo_stack.count() == 0


def test_a_selection_of_two_paragraphs_moves_together_and_stays_selected(editor, press):
    te = editor.text_edit
    first, last = editor.bridge.qt_block("num1"), editor.bridge.qt_block("num2")
    cursor = QTextCursor(first)
    cursor.setPosition(last.position() + 3, QTextCursor.MoveMode.KeepAnchor)
    te.setTextCursor(cursor)
    press(te, Qt.Key.Key_Up, ALT_SHIFT)
    assert ids(editor) == ["title", "num1", "num2", "pre", "li1"]
    assert te.textCursor().selectedText().startswith("Reiterate our commitment")
    assert_in_sync(editor)


def test_the_edit_menu_actions_move_too(editor):
    put_cursor(editor, "num2", 0)
    editor.actions["move_up"].trigger()
    assert ids(editor) == ["title", "pre", "num2", "num1", "li1"]
    editor.actions["move_down"].trigger()
    assert ids(editor) == ORDER


def select_paragraph(editor, block_id: str) -> None:
    """Home, Shift+Down: the paragraph with its mark, as a keyboard user selects it."""
    block = editor.bridge.qt_block(block_id)
    cursor = QTextCursor(block)
    cursor.setPosition(block.next().position(), QTextCursor.MoveMode.KeepAnchor)
    editor.text_edit.setTextCursor(cursor)


def test_cut_and_paste_of_a_whole_paragraph_keeps_its_id(editor, press):
    te = editor.text_edit
    select_paragraph(editor, "pre")
    press(te, Qt.Key.Key_X, CTRL)
    assert ids(editor) == ["title", "num1", "num2", "li1"]
    put_cursor(editor, "li1", 0)
    press(te, Qt.Key.Key_V, CTRL)
    assert ids(editor) == ["title", "num1", "num2", "pre", "li1"]
    moved = editor.draft().block("pre")
    assert moved.text.startswith("HAVING MET in La Paz")
    assert FootnoteRef("fn1") in moved.content and list(editor.draft().footnotes) == ["fn1"]
    assert editor.draft().block("li1").text == "first point"     # the paragraph it went before
    assert editor.current_block_id() == "li1"
    assert_in_sync(editor)
    press(te, Qt.Key.Key_Z, CTRL)
    press(te, Qt.Key.Key_Z, CTRL)
    assert shape(editor.draft()) == shape(sample_draft())


def test_a_pasted_copy_gets_a_new_id(editor, press):
    te = editor.text_edit
    select_paragraph(editor, "num1")
    press(te, Qt.Key.Key_C, CTRL)
    put_cursor(editor, "li1", 0)
    press(te, Qt.Key.Key_V, CTRL)
    now = ids(editor)
    assert len(now) == 6 and now[:4] == ["title", "pre", "num1", "num2"] and now[5] == "li1"
    assert now[4] not in ORDER
    assert editor.draft().blocks[4].text == "Reiterate our commitment"
    assert_in_sync(editor)


def test_pasting_a_cut_paragraph_inside_a_paragraph_is_text_as_before(editor, press):
    te = editor.text_edit
    select_paragraph(editor, "num2")
    press(te, Qt.Key.Key_X, CTRL)
    put_cursor(editor, "num1", 3)
    press(te, Qt.Key.Key_V, CTRL)
    assert editor.draft().block("num1").text.startswith("ReiAgree to meet again.")
    assert_in_sync(editor)


def test_a_cut_and_pasted_paragraph_takes_its_comment_and_a_moved_one_too(make_editor, press,
                                                                           qtbot):
    from app.model.annotations import Anchor, Comment
    from app.ui.annotation_marks import AnnotationMarks

    draft = sample_draft()
    draft.comments["c1"] = Comment("c1", Anchor("pre", 0, 10), "FR", "Say where.")
    editor = active(make_editor(draft), qtbot)
    AnnotationMarks.for_editor(editor)
    te = editor.text_edit
    comment = editor.draft().comments["c1"]
    select_paragraph(editor, "pre")
    press(te, Qt.Key.Key_X, CTRL)
    assert comment.anchor.orphaned                        # its words are on the clipboard
    put_cursor(editor, "li1", 0)
    press(te, Qt.Key.Key_V, CTRL)
    assert ids(editor) == ["title", "num1", "num2", "pre", "li1"]
    assert comment.anchor == Anchor("pre", 0, 10)          # back, on the same words
    put_cursor(editor, "pre", 3)
    press(te, Qt.Key.Key_Up, ALT_SHIFT)
    assert ids(editor) == ["title", "num1", "pre", "num2", "li1"]
    assert comment.anchor == Anchor("pre", 0, 10)
    press(te, Qt.Key.Key_Z, CTRL)
    press(te, Qt.Key.Key_Z, CTRL)
    press(te, Qt.Key.Key_Z, CTRL)
    assert ids(editor) == ORDER and comment.anchor == Anchor("pre", 0, 10)
    assert_in_sync(editor)


def test_a_pasted_copy_does_not_take_the_comment(make_editor, press):
    from app.model.annotations import Anchor, Comment
    from app.ui.annotation_marks import AnnotationMarks, read_spans

    draft = sample_draft()
    draft.comments["c1"] = Comment("c1", Anchor("pre", 0, 10), "FR", "Say where.")
    editor = make_editor(draft)
    AnnotationMarks.for_editor(editor)
    te = editor.text_edit
    select_paragraph(editor, "pre")
    press(te, Qt.Key.Key_C, CTRL)
    put_cursor(editor, "li1", 0)
    press(te, Qt.Key.Key_V, CTRL)
    copy = editor.draft().blocks[4]
    assert copy.id not in ORDER and copy.text.startswith("HAVING MET")
    assert read_spans(editor.bridge.qt_block(copy.id)) == []
    assert editor.draft().comments["c1"].anchor == Anchor("pre", 0, 10)
