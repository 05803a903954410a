"""Square brackets and paragraph status in the window: enter a bracket with Ctrl+Alt+B and its
dialog, type around it, resolve it in one undo step, filter by party, set status, clean view,
and the dashboard's items going to their place."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QInputDialog,
    QLineEdit,
    QPlainTextEdit,
)

from app.model import Block, BlockKind, Draft, TextRun
from app.model.annotations import Anchor
from app.model.bracket_ops import AddBracket
from app.model.brackets import Alternative, Bracket, current_alternatives
from app.model.status import Effective
from app.ui.bracket_dialogs import BracketDialog
from app.ui.editor import DraftEditor
from app.ui.negotiation_pane import NegotiationPane
from tests.ui.window_support import editor_with, select

TEXT = "We agree to strengthen cooperation on drugs."


def sample() -> Draft:
    draft = Draft(blocks=[
        Block(BlockKind.TITLE, [TextRun("Declaration")], id="t"),
        Block(BlockKind.NUMBERED, [TextRun(TEXT)], id="b1"),
        Block(BlockKind.NUMBERED, [TextRun("We meet again in 2025.")], id="b2"),
    ])
    AddBracket(Bracket("k0", Anchor("b2", 3, 7), [Alternative("meet", ["FR"]),
                                                  Alternative("gather", ["HU"])]).to_json()
               ).apply(draft)
    return draft


@pytest.fixture
def setup(qtbot):
    editor = editor_with(qtbot, sample())
    pane = NegotiationPane(editor)
    qtbot.addWidget(pane)
    pane.addAction(pane.bracket_action)
    editor.addAction(pane.bracket_action)
    editor.show()
    pane.show()
    return editor, pane


def words(editor: DraftEditor, key: str) -> str:
    draft = editor.draft()
    return current_alternatives(draft, draft.brackets[key])[0].text


def fill_bracket_dialog(parties: str, others: str) -> None:
    dialog = next(w for w in QApplication.topLevelWidgets()
                  if isinstance(w, BracketDialog) and w.isVisible())
    QTest.keyClicks(dialog.findChild(QLineEdit), parties)
    dialog.findChild(QPlainTextEdit).setPlainText(others)
    button = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def test_ctrl_alt_b_enters_a_bracket_that_follows_typing_and_undoes(setup):
    editor, pane = setup
    start = TEXT.index("strengthen")
    select(editor, "b1", start, start + len("strengthen"))
    QTimer.singleShot(50, lambda: fill_bracket_dialog("FR, ES", "promote (CELAC)\ndelete (HU)"))
    QTest.keyClick(editor.text_edit, Qt.Key.Key_B,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    added = [key for key in editor.draft().brackets if key != "k0"]
    assert len(added) == 1
    key = added[0]
    bracket = editor.draft().brackets[key]
    assert [(a.text, a.parties) for a in bracket.alternatives] == [
        ("strengthen", ["FR", "ES"]), ("promote", ["CELAC"]), ("", ["HU"])]
    assert key in pane.bracket_rows()
    # typing before it and inside it: the bracket keeps its words, never orphaned
    select(editor, "b1", 3, 3)
    QTest.keyClicks(editor.text_edit, "all ")
    assert words(editor, key) == "strengthen"
    select(editor, "b1", start + 4 + 3, start + 4 + 3)
    QTest.keyClicks(editor.text_edit, "X")
    assert words(editor, key) == "strXengthen"
    assert not editor.draft().brackets[key].anchor.orphaned
    for _ in range(3):
        editor.undo_stack.undo()
    assert key not in editor.draft().brackets or words(editor, key) == "strengthen"
    while editor.undo_stack.canUndo():
        editor.undo_stack.undo()
    assert key not in editor.draft().brackets
    assert editor.draft().blocks[1].text == TEXT


def test_resolve_from_the_pane_is_one_undo_step(setup, monkeypatch):
    editor, pane = setup
    monkeypatch.setattr(QInputDialog, "getItem",
                        staticmethod(lambda *args, **kwargs: (args[3][1], True)))
    top = pane.tree.topLevelItem(0)
    pane.tree.setCurrentItem(top.child(0))
    QTest.mouseClick(pane.resolve_button, Qt.MouseButton.LeftButton)
    assert editor.draft().blocks[2].text == "We gather again in 2025."
    assert "k0" not in editor.draft().brackets
    assert editor.read_all_blocks()[2].text == "We gather again in 2025."
    editor.undo_stack.undo()
    assert editor.draft().blocks[2].text == "We meet again in 2025."
    assert words(editor, "k0") == "meet"
    editor.undo_stack.redo()
    assert editor.draft().blocks[2].text == "We gather again in 2025."


def test_filter_by_party(setup):
    editor, pane = setup
    select(editor, "b1", 12, 22)
    key = pane.add_bracket(["ES"], [Alternative("promote", ["CELAC"])])
    assert set(pane.bracket_rows()) == {"k0", key}
    pane.party_filter.setCurrentIndex(pane.party_filter.findData("CELAC"))
    assert pane.bracket_rows() == [key]
    pane.party_filter.setCurrentIndex(pane.party_filter.findData("HU"))
    assert pane.bracket_rows() == ["k0"]
    pane.party_filter.setCurrentIndex(0)
    assert len(pane.bracket_rows()) == 2


def test_status_from_the_menu_the_margin_marker_and_undo(setup, monkeypatch):
    editor, pane = setup
    select(editor, "b1", 0, 0)
    pane.status_actions["agreed"].trigger()
    assert editor.draft().statuses["b1"].kind.value == "agreed"
    assert pane.painter.status_of("b1") is Effective.AGREED
    assert pane.painter.status_of("b2") is Effective.IN_BRACKETS
    monkeypatch.setattr(QInputDialog, "getText",
                        staticmethod(lambda *args, **kwargs: ("HU, PL", True)))
    select(editor, "b1", 0, 0)
    pane.status_actions["ad_referendum"].trigger()
    assert editor.draft().statuses["b1"].parties == ["HU", "PL"]
    editor.undo_stack.undo()
    assert editor.draft().statuses["b1"].kind.value == "agreed"
    editor.undo_stack.undo()
    assert "b1" not in editor.draft().statuses
    assert "1 paragraph pending" in pane.summary.text() or "paragraphs pending" in pane.summary.text()


def test_clean_view_hides_the_marks_and_clicking_goes_there(setup):
    editor, pane = setup
    marked = [s for s in editor.text_edit.extraSelections() if s.cursor.selectedText() == "meet"]
    assert marked and marked[0].format.fontWeight() > 400
    pane.clean_action.setChecked(True)
    assert not [s for s in editor.text_edit.extraSelections() if s.cursor.selectedText() == "meet"]
    pane.clean_action.setChecked(False)
    select(editor, "b1", 0, 0)
    row = pane.tree.topLevelItem(0).child(0)
    rect = pane.tree.visualItemRect(row)
    QTest.mouseClick(pane.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert editor.text_edit.textCursor().selectedText() == "meet"
    pending = pane.tree.topLevelItem(1).child(0)
    pane.tree.itemClicked.emit(pending, 0)
    assert editor.current_block_id() == pending.data(0, Qt.ItemDataRole.UserRole + 1)


def test_silence_procedure_from_its_dialog_and_undo(setup):
    from PySide6.QtWidgets import QDateTimeEdit

    from app.ui.bracket_dialogs import SilenceDialog

    editor, pane = setup

    def fill() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, SilenceDialog) and w.isVisible())
        dialog.none.setChecked(False)
        edit = dialog.findChild(QDateTimeEdit)
        from PySide6.QtCore import QDateTime

        edit.setDateTime(QDateTime.fromString("2025-03-03 12:00", "yyyy-MM-dd HH:mm"))
        QTest.keyClicks(dialog.broken, "HU")
        QTest.mouseClick(dialog.findChild(QDialogButtonBox).button(
            QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    QTimer.singleShot(50, fill)
    pane.silence_action.trigger()
    silence = editor.draft().silence
    assert silence is not None and silence.broken_by == ["HU"]
    assert (silence.deadline.month, silence.deadline.day, silence.deadline.hour) == (3, 3, 12)
    assert "broken by HU" in pane.summary.text()
    editor.undo_stack.undo()
    assert editor.draft().silence is None


def test_proponents_are_shown_small_beside_the_line_of_their_bracket(setup):
    editor, pane = setup
    assert pane.strip.isVisible()
    lines = pane.strip.lines()
    assert [text for _top, text in lines] == ["FR / HU"]
    bracket = editor.draft().brackets["k0"]
    block = editor.bridge.qt_block("b2")
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + bracket.anchor.end)
    assert abs(lines[0][0] - editor.text_edit.cursorRect(cursor).top()) < 1
    pane.clean_action.setChecked(True)
    assert pane.strip.lines() == []
    editor.set_draft(Draft(blocks=[Block(BlockKind.PARAGRAPH, [TextRun("No brackets.")])]))
    pane.refresh()
    assert not pane.strip.isVisible()


def test_the_compare_view_tells_bracket_and_status_changes(qtbot):
    from app.model.bracket_ops import SetBlockStatus, resolve_bracket
    from app.store.versions import save_version
    from app.ui.compare_view import CompareView

    draft = sample()
    save_version(draft, "Rev 1")
    resolve_bracket(draft, "k0", 1).apply(draft)
    SetBlockStatus("b1", {"kind": "agreed", "parties": []}).apply(draft)
    view = CompareView(draft, old_name="Rev 1")
    qtbot.addWidget(view)
    assert ("Square brackets and paragraph status: § 1 agreed; bracket closed in § 2"
            in view.summary.text())


def test_add_an_alternative_to_a_bracket_from_its_dialog(setup):
    editor, pane = setup
    pane.tree.setCurrentItem(pane.tree.topLevelItem(0).child(0))

    def fill() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, BracketDialog) and w.isVisible())
        assert dialog.others.toPlainText() == "gather (HU)"
        dialog.others.setPlainText("gather (HU)\nconvene (CELAC)")
        QTest.mouseClick(dialog.findChild(QDialogButtonBox).button(
            QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    QTimer.singleShot(50, fill)
    QTest.mouseClick(pane.edit_button, Qt.MouseButton.LeftButton)
    alternatives = editor.draft().brackets["k0"].alternatives
    assert [(a.text, a.parties) for a in alternatives] == [
        ("meet", ["FR"]), ("gather", ["HU"]), ("convene", ["CELAC"])]
    editor.undo_stack.undo()
    assert len(editor.draft().brackets["k0"].alternatives) == 2


def test_in_a_long_draft_the_brackets_on_screen_are_marked_after_a_scroll(qtbot):
    from app.ui.editor.extra_selections import layer

    blocks = [Block(BlockKind.NUMBERED, [TextRun(f"Paragraph {n} reads on and on.")], id=f"p{n}")
              for n in range(300)]
    draft = Draft(blocks=blocks)
    for n in (0, 290):
        AddBracket(Bracket(f"k{n}", Anchor(f"p{n}", 0, 9), [Alternative("Paragraph"),
                                                            Alternative("Item", ["FR"])]
                           ).to_json()).apply(draft)
    editor = editor_with(qtbot, draft, size=(800, 400))
    pane = NegotiationPane(editor)
    qtbot.addWidget(pane)
    editor.show()
    qtbot.waitExposed(editor)
    QApplication.processEvents()
    pane.refresh()
    marked = lambda: {s.cursor.block().blockNumber() for s in layer(editor.text_edit, "brackets")}  # noqa: E731
    assert 0 in marked() and 290 not in marked()
    editor.go_to_block("p290")
    qtbot.waitUntil(lambda: 290 in marked(), timeout=3000)


def test_words_crossing_a_bracket_are_refused_before_the_dialog(setup, monkeypatch):
    editor, pane = setup
    said = []
    monkeypatch.setattr(pane, "_complain", said.append)
    opened = []
    monkeypatch.setattr(BracketDialog, "exec", lambda dialog: opened.append(dialog) or 0)
    select(editor, "b2", 0, 5)                   # "We me" crosses [meet]
    pane.bracket_action.trigger()
    assert not opened
    assert said and "cross the square bracket “meet”" in said[0]
    assert set(editor.draft().brackets) == {"k0"}
    assert pane.add_bracket(["ES"], []) is None  # the same refusal without the dialog
    select(editor, "b2", 0, 7)                   # "We meet" holds it: allowed
    assert pane.add_bracket(["ES"], []) is not None
