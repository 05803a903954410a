"""The editor's one change notice: typing, operations, footnotes, undo and redo, a new draft.

Each edit is made as a user makes it (keys) or as the panes make it (`apply_operation`); the
notice it sends names what changed, and undo and redo of it name the same things.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from app.model import Block, BlockKind, Draft, Footnote, FootnoteRef, TextRun
from app.model.annotation_ops import AddComment
from app.model.annotations import Anchor, Comment
from app.model.changes import EDITOR, FILE, REDO, UNDO, Changes, combined
from app.model.ops import SetBlockFormat, SetLanguageVersion, SetMeta
from app.ui.main_window import MainWindow
from tests.ui.window_support import PathAnswers, close_without_prompt, isolated_settings


def sample() -> Draft:
    return Draft(blocks=[
        Block(BlockKind.OPERATIVE, [TextRun("WE REAFFIRM the Mechanism"), FootnoteRef("f1"),
                                    TextRun(".")], id="b1"),
        Block(BlockKind.PARAGRAPH, [TextRun("Addressing drugs")], id="b2"),
    ], footnotes={"f1": Footnote("Hereinafter the Mechanism", "f1")})


@pytest.fixture
def editor(make_editor):
    shown = make_editor(sample())
    shown.notices = []
    shown.changed.connect(shown.notices.append)
    return shown


def caret(editor, block_id: str, offset: int) -> None:
    qt_block = editor.bridge.qt_block(block_id)
    cursor = QTextCursor(qt_block)
    cursor.setPosition(qt_block.position() + offset)
    editor.text_edit.setTextCursor(cursor)


def take(editor) -> Changes:
    """Everything noticed since the last call, as one notice (initiator of the first)."""
    notices, editor.notices[:] = list(editor.notices), []
    assert notices, "no change notice was sent"
    assert len({item.initiator for item in notices}) == 1, [n.describe() for n in notices]
    return combined(notices)


def undo_redo(qtbot, editor) -> tuple[Changes, Changes]:
    qtbot.keyClick(editor.text_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    undone = take(editor)
    qtbot.keyClick(editor.text_edit, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    return undone, take(editor)


def same_but_initiator(one: Changes, other: Changes) -> bool:
    return one.by(EDITOR) == other.by(EDITOR)


def test_typing_names_its_block_and_undo_names_it_again(qtbot, editor, type_text):
    caret(editor, "b2", 3)
    type_text(editor.text_edit, "x")
    typed = take(editor)
    assert typed == Changes(blocks={"b2"}, initiator=EDITOR)
    undone, redone = undo_redo(qtbot, editor)
    assert undone == typed.by(UNDO) and redone == typed.by(REDO)


def test_enter_is_a_change_of_structure(qtbot, editor):
    caret(editor, "b2", 3)
    qtbot.keyClick(editor.text_edit, Qt.Key.Key_Return)
    split = take(editor)
    new_id = editor.draft().blocks[2].id
    assert split.structure and split.blocks == {"b2", new_id} and split.initiator == EDITOR
    undone, redone = undo_redo(qtbot, editor)
    assert undone.structure and undone.blocks >= {"b2"} and undone.initiator == UNDO
    assert redone.structure and redone.blocks >= {"b2"} and redone.initiator == REDO


def test_deleting_a_footnote_reference_is_a_footnote_change(qtbot, editor):
    caret(editor, "b1", 26)                     # just after the reference
    qtbot.keyClick(editor.text_edit, Qt.Key.Key_Backspace)
    deleted = take(editor)
    assert deleted.footnotes and deleted.blocks == {"b1"}
    undone, _redone = undo_redo(qtbot, editor)
    assert undone.footnotes and undone.initiator == UNDO


@pytest.mark.parametrize(("operation", "flag"), [
    (SetMeta("subject", "New subject"), "cover"),
    (SetLanguageVersion("es", {"language": "es", "blocks": {}, "footnotes": {}, "meta": {}}),
     "translations"),
    (AddComment(Comment("c1", Anchor("b2"), "HU", "Why?", date=date(2026, 1, 1)).to_json()),
     "annotations"),
])
def test_an_operation_notice_and_its_undo_and_redo_name_the_same(editor, operation, flag):
    editor.apply_operation(operation, "step")
    done = take(editor)
    assert getattr(done, flag) and not done.everything and done.initiator == EDITOR
    editor.undo_stack.undo()
    undone = take(editor)
    editor.undo_stack.redo()
    redone = take(editor)
    assert (undone.initiator, redone.initiator) == (UNDO, REDO)
    assert same_but_initiator(done, undone) and same_but_initiator(done, redone)


def test_a_block_operation_names_its_block_and_structure(editor):
    editor.apply_operation(SetBlockFormat("b2", BlockKind.LIST_ITEM, 1), "Format")
    done = take(editor)
    assert done.blocks == {"b2"} and done.structure and done.initiator == EDITOR
    editor.undo_stack.undo()
    undone = take(editor)
    assert undone.blocks == {"b2"} and undone.structure and undone.initiator == UNDO


def test_footnotes_inserted_and_typed_are_footnote_changes(qtbot, editor, type_text):
    caret(editor, "b2", 5)
    editor.insert_footnote()
    inserted = take(editor)
    assert inserted.footnotes and "b2" in inserted.blocks
    type_text(editor.footnote_pane.editor, "Note")
    typed = take(editor)
    assert typed == Changes(footnotes=True, initiator=EDITOR)
    editor.undo_stack.undo()
    assert take(editor) == Changes(footnotes=True, initiator=UNDO)


def test_showing_a_draft_is_a_change_of_everything_by_file(editor):
    editor.set_draft(sample())
    shown = take(editor)
    assert shown.everything and shown.initiator == FILE


def test_a_version_saved_in_the_window_is_noticed(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from app.store import save_draft

    path = tmp_path / "d.concordia"
    save_draft(sample(), path)
    window = MainWindow(isolated_settings(tmp_path / "config"), PathAnswers(), autosave_ms=60_000)
    try:
        window.show()
        assert window.files.open_path(path, ask_first=False)
        notices: list[Changes] = []
        window.changed.connect(notices.append)
        monkeypatch.setattr(QInputDialog, "getText",
                            staticmethod(lambda *args, **kwargs: ("First reading", True)))
        window.actions_by_name["save_version"].trigger()
        assert any(item.versions for item in notices)
        assert window.versions_panel.names() == ["First reading"]
    finally:
        close_without_prompt(window)
        window.files.close_session()
        window.deleteLater()


def test_a_broken_panel_stops_the_window_with_its_error(qtbot, tmp_path, monkeypatch):
    from app.ui import reservations_pane

    def broken(window):
        raise RuntimeError("the reservations pane is broken")

    monkeypatch.setattr(reservations_pane, "install", broken)
    with pytest.raises(RuntimeError, match="reservations pane is broken"):
        MainWindow(isolated_settings(tmp_path / "config"), PathAnswers(), autosave_ms=60_000)


def test_words_of_a_comment_deleted_by_typing_is_an_annotation_change(qtbot, editor):
    from app.ui.annotation_marks import AnnotationMarks

    marks = AnnotationMarks.for_editor(editor)
    draft = sample()
    draft.comments["c1"] = Comment("c1", Anchor("b2", 0, 10), "HU", "Why drugs?",
                                   date=date(2026, 1, 1))
    editor.set_draft(draft)
    qtbot.waitUntil(lambda: marks._draft is draft and not marks._pending_paint, timeout=1000)
    editor.notices.clear()          # the draft shown, and its marks painted
    qt_block = editor.bridge.qt_block("b2")
    cursor = QTextCursor(qt_block)
    cursor.setPosition(qt_block.position() + 10, QTextCursor.MoveMode.KeepAnchor)
    editor.text_edit.setTextCursor(cursor)
    qtbot.keyClick(editor.text_edit, Qt.Key.Key_Delete)
    deleted = take(editor)
    assert deleted.annotations and deleted.blocks == {"b2"} and deleted.initiator == EDITOR
    assert editor.draft().comments["c1"].anchor.orphaned
    qtbot.keyClick(editor.text_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    undone = take(editor)
    assert undone.annotations and undone.initiator == UNDO
    assert not editor.draft().comments["c1"].anchor.orphaned
