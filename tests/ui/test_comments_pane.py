"""Comments and reservations through the UI: add, filter, navigate, type, undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog

from app.model import Block, BlockKind, Draft, FootnoteRef, TextRun
from app.model.annotations import Anchor, Comment, CommentStatus, ReservationKind, ReservationStatus
from app.model.ops import SplitBlock
from app.ui.comments_pane import CommentsPane
from app.ui.editor import DraftEditor
from app.ui.reservations_pane import ReservationsPane
from tests.ui.window_support import editor_with, select

TEXT = "WE REAFFIRM our commitment to the Mechanism."


def sample() -> Draft:
    draft = Draft(blocks=[
        Block(BlockKind.TITLE, [TextRun("La Paz declaration")], id="t"),
        Block(BlockKind.OPERATIVE, [TextRun("WE"), FootnoteRef("f"), TextRun(TEXT[2:])], id="b1"),
        Block(BlockKind.NUMBERED, [TextRun("Agree to meet again in 2025.")], id="b2"),
    ])
    draft.comments["old"] = Comment("old", Anchor("b2", 0, 5), "FR", "Prefer 'Decide'.")
    return draft


@pytest.fixture
def setup(qtbot):
    editor = editor_with(qtbot, sample())
    comments = CommentsPane(editor)
    reservations = ReservationsPane(editor, comments.marks)
    qtbot.addWidget(comments)
    qtbot.addWidget(reservations)
    editor.show()
    return editor, comments, reservations


def covered(editor: DraftEditor, comment_id: str) -> str:
    anchor = editor.draft().comments[comment_id].anchor
    block = editor.draft().block(anchor.block_id)
    from app.model.inline import anchored_text

    return anchored_text(block.content)[anchor.start:anchor.end]


def test_add_comment_on_selection_then_type_and_undo(setup):
    editor, pane, _ = setup
    start = TEXT.index("our") + 1                    # +1: the footnote reference after "WE"
    select(editor, "b1", start, start + len("our commitment"))
    comment_id = pane.add_comment("HU", "Too strong.")
    assert covered(editor, comment_id) == "our commitment"
    assert comment_id in pane.visible_comment_ids()

    # typing before the span moves it; inside grows it; the text is still covered
    cursor = editor.text_edit.textCursor()
    cursor.setPosition(editor.bridge.qt_block("b1").position() + 3)
    editor.text_edit.setTextCursor(cursor)
    QTest.keyClicks(editor.text_edit, "ALL ")
    assert covered(editor, comment_id) == "our commitment"
    select(editor, "b1", start + 4 + 4, start + 4 + 4)
    QTest.keyClicks(editor.text_edit, "firm ")
    assert covered(editor, comment_id) == "our firm commitment"

    # delete the whole span: kept and orphaned; undo brings it back
    select(editor, "b1", start + 2, start + 4 + len("our firm commitment") + 2)
    QTest.keyClick(editor.text_edit, Qt.Key.Key_Delete)
    assert editor.draft().comments[comment_id].anchor.orphaned
    editor.undo_stack.undo()
    assert covered(editor, comment_id) == "our firm commitment"
    editor.undo_stack.undo()
    editor.undo_stack.undo()
    assert covered(editor, comment_id) == "our commitment"
    editor.undo_stack.undo()                         # the comment itself
    assert comment_id not in editor.draft().comments
    editor.undo_stack.redo()
    assert covered(editor, comment_id) == "our commitment"


def test_enter_splits_and_comment_follows(setup):
    editor, _, _ = setup
    block = editor.bridge.qt_block("b2")
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + 0)
    editor.text_edit.setTextCursor(cursor)
    QTest.keyClicks(editor.text_edit, "We ")
    assert covered(editor, "old") == "Agree"
    cursor = editor.text_edit.textCursor()
    cursor.setPosition(block.position() + 2)
    editor.text_edit.setTextCursor(cursor)
    QTest.keyClick(editor.text_edit, Qt.Key.Key_Return)
    assert editor.draft().comments["old"].anchor.block_id != "b2"
    assert covered(editor, "old") == "Agree"
    editor.undo_stack.undo()
    assert editor.draft().comments["old"].anchor.block_id == "b2"


def test_operation_rewrite_keeps_marks(setup):
    editor, _, _ = setup
    editor.apply_operation(SplitBlock("b2", 6, "b9"), "Split")
    assert editor.draft().comments["old"].anchor.block_id == "b2"
    # a later edit in that paragraph still finds the comment's characters
    block = editor.bridge.qt_block("b2")
    cursor = QTextCursor(block)
    editor.text_edit.setTextCursor(cursor)
    QTest.keyClicks(editor.text_edit, "X")
    assert covered(editor, "old") == "Agree"
    assert not editor.draft().comments["old"].anchor.orphaned


def test_filters_status_and_navigation(setup, qtbot):
    editor, pane, _ = setup
    select(editor, "t", 0, 6)
    hu = pane.add_comment("HU", "Title too long.")
    select(editor, "b2", 6, 8)
    pl = pane.add_comment("PL", "Internal view", internal=True)
    pane.set_status(hu, CommentStatus.TAKEN)
    pane.reply(hu, "PRES", "Shortened.")
    pane.set_filters(party="HU")
    assert pane.visible_comment_ids() == [hu]
    pane.set_filters(status=CommentStatus.OPEN.value)
    assert set(pane.visible_comment_ids()) == {"old", pl}
    pane.set_filters()
    assert pane.visible_comment_ids() == [hu, "old", pl]          # by paragraph, in text order
    # click on a comment selects its span in the editor
    pane.show()
    qtbot.waitExposed(pane)
    item = pane.tree.topLevelItem(1).child(0)
    pane.tree.scrollToItem(item)
    rect = pane.tree.visualItemRect(item)
    QTest.mouseClick(pane.tree.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, QPoint(rect.left() + 10, rect.center().y()))
    assert pane.current_comment_id() == "old"
    assert editor.text_edit.textCursor().selectedText() == "Agree"
    # the status change and the reply are undoable like text
    editor.undo_stack.undo()
    assert editor.draft().comments[hu].replies == []
    editor.undo_stack.undo()
    assert editor.draft().comments[hu].status == CommentStatus.OPEN


def test_reservations_through_the_ui(setup):
    editor, _, pane = setup
    select(editor, "b1", 4, 12)
    span = pane.add_reservation(["PL", "HU"], ReservationKind.SCRUTINY)
    whole = pane.add_reservation(["CELAC"], ReservationKind.POSITION, scope="text",
                                 text_en="CELAC recalls its position.")
    para = pane.add_reservation(["NL"], ReservationKind.GENERAL, scope="paragraph")
    reservations = editor.draft().reservations
    assert reservations[span].parties == ["HU", "PL"]
    assert reservations[span].anchor.scope == "span"
    assert reservations[whole].anchor.block_id is None
    assert reservations[para].anchor == Anchor("b1")
    assert pane.visible_reservation_ids() == [whole, span, para]
    pane.set_status(para, ReservationStatus.LIFTED)
    assert pane.visible_reservation_ids() == [whole, span]
    assert "NL" not in pane.outstanding_by_party()
    pane.show_lifted.setChecked(True)
    assert para in pane.visible_reservation_ids()
    editor.undo_stack.undo()
    assert reservations[para].status == ReservationStatus.ENTERED
    # the span reservation follows typing too
    cursor = editor.text_edit.textCursor()
    cursor.setPosition(editor.bridge.qt_block("b1").position())
    editor.text_edit.setTextCursor(cursor)
    QTest.keyClicks(editor.text_edit, "OK ")
    assert reservations[span].anchor.start == 7


def test_bad_party_changes_nothing(setup):
    editor, pane, reservations = setup
    select(editor, "b1", 0, 2)
    assert pane.add_comment("ZZ", "x") is None
    assert reservations.add_reservation(["ZZ"], ReservationKind.SCRUTINY) is None
    assert set(editor.draft().comments) == {"old"} and editor.draft().reservations == {}


def test_panes_share_one_marks_keeper(qtbot):
    editor = editor_with(qtbot, sample())
    comments = CommentsPane(editor)
    reservations = ReservationsPane(editor)
    qtbot.addWidget(comments)
    qtbot.addWidget(reservations)
    assert comments.marks is reservations.marks


def test_a_newly_opened_draft_gets_its_marks(setup, qtbot):
    editor, pane, _ = setup
    other = sample()
    other.comments["old"].anchor = Anchor("b2", 6, 8)             # "to"
    editor.set_draft(other)
    qtbot.waitUntil(lambda: bool(pane.marks.document.findBlockByNumber(2).isValid()))
    qtbot.wait(10)                                                 # the deferred painting
    block = editor.bridge.qt_block("b2")
    cursor = QTextCursor(block)
    editor.text_edit.setTextCursor(cursor)
    QTest.keyClicks(editor.text_edit, "We ")
    assert covered(editor, "old") == "to"
    qtbot.waitUntil(lambda: pane.visible_comment_ids() == ["old"])


def _fill_modal_dialog(qtbot, fill) -> None:
    """When the modal dialog opens, fill it like a user and press OK."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialogButtonBox

    def act():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, act)
            return
        fill(dialog)
        box = dialog.findChild(QDialogButtonBox)
        qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    QTimer.singleShot(10, act)


def test_insert_comment_shortcut_and_reservation_dialog(setup, qtbot):
    editor, pane, reservations = setup
    editor.text_edit.setFocus()
    select(editor, "b2", 0, 5)

    def comment(dialog):
        dialog.party.setCurrentIndex(dialog.party.findData("HU"))
        QTest.keyClicks(dialog.text, "Say 'Decide'.")
        dialog.internal.setChecked(True)

    _fill_modal_dialog(qtbot, comment)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    QTest.keyClick(editor.text_edit, Qt.Key.Key_M,             # Insert ▸ Comment
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    added = [c for c in editor.draft().comments.values() if c.party == "HU"]
    assert len(added) == 1 and added[0].text == "Say 'Decide'."
    assert added[0].anchor == Anchor("b2", 0, 5) and added[0].visibility.value == "internal"

    def reservation(dialog):
        QTest.keyClicks(dialog.parties, "pl, hu")
        dialog.kind.setCurrentIndex(dialog.kind.findData("linguistic"))

    _fill_modal_dialog(qtbot, reservation)
    reservations.add_reservation_action.trigger()
    entered = list(editor.draft().reservations.values())
    assert [(r.parties, r.kind.value, r.anchor) for r in entered] == [
        (["HU", "PL"], "linguistic", Anchor("b2", 0, 5))]
    editor.undo_stack.undo()
    assert editor.draft().reservations == {}


def test_operation_through_a_span_then_undo_redo(setup):
    editor, _, _ = setup
    editor.apply_operation(SplitBlock("b2", 2, "b9"), "Split")
    assert covered(editor, "old") == "Ag"                          # the part before the cut
    editor.undo_stack.undo()
    assert editor.draft().comments["old"].anchor == Anchor("b2", 0, 5)
    editor.undo_stack.redo()
    assert covered(editor, "old") == "Ag"


def test_new_party_then_comment_and_undo(setup):
    editor, pane, _ = setup
    select(editor, "b2", 0, 5)
    assert pane.add_comment("UA", "Support.") is None             # unknown yet
    assert pane.add_party("ua", "Ukraine", "Ucrania")
    assert not pane.add_party("UA", "Again")                      # refused, nothing added twice
    comment_id = pane.add_comment("UA", "Support.")
    assert editor.draft().comments[comment_id].party == "UA"
    assert pane.registry().name("UA", "es") == "Ucrania"
    editor.undo_stack.undo()
    editor.undo_stack.undo()
    assert "UA" not in editor.draft().parties


def test_main_window_docks_the_panes_and_exports_the_compilation(qtbot, tmp_path):
    import docx

    from app.store import save_draft
    from app.ui.main_window import MainWindow
    from tests.docx.test_comments import annotated
    from tests.ui.window_support import PathAnswers, close_without_prompt, isolated_settings

    path = tmp_path / "lapaz.concordia"
    save_draft(annotated(), path)
    window = MainWindow(isolated_settings(tmp_path / "config"), PathAnswers(), autosave_ms=60_000)
    qtbot.addWidget(window)
    window.show()
    try:
        assert window.files.open_path(path, ask_first=False)
        assert {"comments", "reservations"} <= set(window.docks)
        comments = window.docks["comments"].widget()
        qtbot.waitUntil(lambda: len(comments.visible_comment_ids()) == 4)
        insert_menu = [a.text() for a in window.menus["insert"].actions()]
        assert comments.add_comment_action.text() in insert_menu
        action = window.actions_by_name["export_compilation"]
        action.trigger()
        dialog = window.findChild(QDialog, "compilation_dialog")
        target = tmp_path / "compilation-es.docx"
        dialog.language.setCurrentIndex(dialog.language.findData("es"))
        dialog.target.setText(str(target))
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.report is not None, timeout=10_000)
        # The dialog closes; the status bar says where the file went.
        assert str(target) in window.statusBar().currentMessage()
        table = docx.Document(str(target)).tables[0]
        assert table.rows[0].cells[2].text == "Delegación"
    finally:
        close_without_prompt(window)
