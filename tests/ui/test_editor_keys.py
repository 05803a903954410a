"""Keys a word-processor user expects, and mixed operations from other parts of the window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.model import Block, BlockKind, Draft, TextRun
from app.model.ops import AddFootnote, Batch, SetMeta, SplitBlock

from .test_editor_bridge import assert_in_sync, put_cursor, sample_draft, shape


@pytest.fixture
def editor(make_editor):
    return make_editor(sample_draft())


CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def test_enter_twice_in_a_list_ends_the_list(editor, type_text, press):
    te = editor.text_edit
    put_cursor(editor, "li1", len("first point"))
    press(te, Qt.Key.Key_Return)
    new = editor.draft().blocks[-1]
    assert (new.kind, new.level, new.text) == (BlockKind.LIST_ITEM, 1, "")
    press(te, Qt.Key.Key_Return)
    assert len(editor.draft().blocks) == 6                      # no third block: the item became text
    assert editor.draft().blocks[-1].kind is BlockKind.PARAGRAPH
    type_text(te, "Done")
    assert editor.draft().blocks[-1].content == [TextRun("Done")]
    assert_in_sync(editor)


def test_shift_enter_is_a_line_break_inside_the_paragraph(editor, press, type_text):
    put_cursor(editor, "num2", len("Agree"))
    press(editor.text_edit, Qt.Key.Key_Return, SHIFT)
    type_text(editor.text_edit, "ñ")
    assert [b.id for b in editor.draft().blocks] == ["title", "pre", "num1", "num2", "li1"]
    assert editor.draft().block("num2").content == [TextRun("Agree\nñ to meet again.")]
    assert_in_sync(editor)
    press(editor.text_edit, Qt.Key.Key_Return, CTRL)                 # Ctrl+Enter splits
    assert len(editor.draft().blocks) == 6


def test_line_breaks_and_stray_characters_in_a_loaded_draft(make_editor):
    draft = Draft(blocks=[Block(BlockKind.PARAGRAPH, [TextRun("one\r\ntwo\u2029three\ufffc"), TextRun("x", bold=True)])])
    editor = make_editor(draft)
    assert editor.text_edit.document().blockCount() == 1                      # still one paragraph
    assert editor.draft().blocks[0].content == [TextRun("one\ntwo\nthree"), TextRun("x", bold=True)]
    assert_in_sync(editor)


def test_read_only_draft_ignores_undo_keys_too(editor, type_text, press):
    put_cursor(editor, "num2", 0)
    type_text(editor.text_edit, "x")
    editor.set_read_only(True)
    press(editor.text_edit, Qt.Key.Key_Z, CTRL)
    assert editor.draft().block("num2").text == "xAgree to meet again."


def test_a_batch_of_block_and_model_operations_is_one_undo_step(editor):
    editor.apply_operation(
        Batch([SplitBlock("num2", 5, "num3"), AddFootnote("fn9", "New note"), SetMeta("subject", "S")]),
        "Split and annotate",
    )
    assert [b.id for b in editor.draft().blocks][3:5] == ["num2", "num3"]
    assert editor.draft().footnotes["fn9"].text == "New note" and editor.draft().note.subject == "S"
    assert editor.undo_stack.count() == 1 and editor.undo_stack.undoText() == "Split and annotate"
    assert_in_sync(editor)
    editor.undo_stack.undo()
    assert shape(editor.draft()) == shape(sample_draft())
    assert "fn9" not in editor.draft().footnotes and editor.draft().note.subject == ""
    editor.undo_stack.redo()
    assert editor.draft().block("num3").text == " to meet again."
    assert_in_sync(editor)


def test_a_bad_operation_changes_nothing(editor):
    with pytest.raises(KeyError):
        editor.apply_operation(SplitBlock("no-such-block", 1, "x"), "Split")
    assert shape(editor.draft()) == shape(sample_draft()) and editor.undo_stack.count() == 0


def test_references_in_document_are_found_by_the_document(editor, press):
    assert editor.bridge.references_in_document() == {"fn1"}
    put_cursor(editor, "pre", len("HAVING MET in La Paz"))
    press(editor.text_edit, Qt.Key.Key_Delete)
    assert editor.bridge.references_in_document() == set()


def test_a_batch_failing_halfway_changes_nothing(editor):
    with pytest.raises(KeyError):
        editor.apply_operation(Batch([SetMeta("subject", "S"), SplitBlock("missing", 1, "x")]), "Bad")
    assert editor.draft().note.subject == "" and editor.undo_stack.count() == 0
    assert shape(editor.draft()) == shape(sample_draft())


def test_a_bad_model_operation_raises_and_leaves_no_step(editor):
    from app.model.ops import RemoveFootnote

    with pytest.raises(KeyError):
        editor.apply_operation(Batch([SetMeta("subject", "S"), RemoveFootnote("nope")]), "Bad")
    assert editor.draft().note.subject == "" and editor.undo_stack.count() == 0


def test_an_unknown_operation_that_changes_blocks_is_refused_not_desynchronised(editor):
    from dataclasses import dataclass

    from app.model.ops import Operation

    @dataclass
    class Shout(Operation):                       # changes a block behind the document's back
        block_id: str

        def apply(self, draft):
            block = draft.block(self.block_id)
            old = block.content
            block.content = [TextRun(block.text.upper())]
            return Restore(self.block_id, old)

    @dataclass
    class Restore(Operation):
        block_id: str
        content: list

        def apply(self, draft):
            block = draft.block(self.block_id)
            old = block.content
            block.content = self.content
            return Restore(self.block_id, old)

    with pytest.raises(ValueError):
        editor.apply_operation(Shout("num2"), "Shout")
    assert shape(editor.draft()) == shape(sample_draft()) and editor.undo_stack.count() == 0
    assert_in_sync(editor)


def test_clause_origin_survives_typing_and_comes_back_with_undo(make_editor, press, type_text):
    from app.model.draft import ClauseOrigin

    draft = sample_draft()
    origin = ClauseOrigin("clause-7", "Agree to meet again.", "6914/24, para. 7")
    draft.block("num2").origin = origin
    editor = make_editor(draft)
    put_cursor(editor, "num2", len("Agree"))
    type_text(editor.text_edit, "d")
    assert editor.draft().block("num2").origin == origin
    assert editor.draft().block("num2").departs_from_origin
    put_cursor(editor, "num2", 0)
    press(editor.text_edit, Qt.Key.Key_Backspace)                 # merged away into num1
    assert "num2" not in [b.id for b in editor.draft().blocks]
    press(editor.text_edit, Qt.Key.Key_Z, CTRL)
    assert editor.draft().block("num2").origin == origin


def test_typing_after_a_save_is_never_taken_for_saved(editor, type_text, press):
    put_cursor(editor, "num2", 0)
    type_text(editor.text_edit, "abc")
    editor.undo_stack.setClean()                      # what the window does on save
    type_text(editor.text_edit, "d")                  # Qt would merge this into the saved step
    assert not editor.undo_stack.isClean()
    assert editor.draft().block("num2").text.startswith("abcd")
    press(editor.text_edit, Qt.Key.Key_Z, CTRL)
    assert editor.draft().block("num2").text.startswith("abcAgree") and editor.undo_stack.isClean()


def test_history_steps_are_named_for_the_edit_menu(editor, type_text, press):
    te = editor.text_edit
    put_cursor(editor, "num2", 0)
    type_text(te, "a")
    assert editor.undo_stack.undoText() == "Typing"
    press(te, Qt.Key.Key_Return)
    assert editor.undo_stack.undoText() == "New paragraph"
    QApplication.clipboard().setText("x\ny")
    press(te, Qt.Key.Key_V, CTRL)
    assert editor.undo_stack.undoText() == "Paste"
    editor.actions["kind_heading"].trigger()
    assert editor.undo_stack.undoText() == "Paragraph kind"
    press(te, Qt.Key.Key_F, CTRL | Qt.KeyboardModifier.AltModifier)
    assert editor.undo_stack.undoText() == "Insert footnote"
    te.setFocus()
    type_text(te, "b")
    assert editor.undo_stack.undoText() == "Typing"


def test_a_pause_in_typing_starts_a_new_undo_step(editor, type_text, press, qtbot):
    te = editor.text_edit
    editor.typing_pause_seconds = 0.2
    put_cursor(editor, "num2", 0)
    type_text(te, "uno ")
    type_text(te, "dos ")                         # no pause: the same step
    qtbot.wait(300)
    type_text(te, "tres ")
    press(te, Qt.Key.Key_Z, CTRL)
    assert editor.draft().block("num2").text == "uno dos Agree to meet again."
    press(te, Qt.Key.Key_Z, CTRL)
    assert editor.draft().block("num2").text == "Agree to meet again."


def test_superscript_ordinal(editor, type_text, press):
    te = editor.text_edit
    put_cursor(editor, "num2", len("Agree"))
    type_text(te, " XXIV")
    press(te, Qt.Key.Key_P, CTRL | SHIFT)
    type_text(te, "th")
    press(te, Qt.Key.Key_P, CTRL | SHIFT)
    type_text(te, " time")
    assert editor.draft().block("num2").content == [
        TextRun("Agree XXIV"), TextRun("th", superscript=True), TextRun(" time to meet again."),
    ]
    assert_in_sync(editor)
