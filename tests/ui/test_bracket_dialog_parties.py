"""The Bracket and Silence dialogs, opened from the Negotiation pane, check the parties typed
against the draft's registry: on an unknown code OK keeps the dialog open with one sentence
and the draft unchanged; put right, OK stores the codes as the command line reads them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QMessageBox

from app.model import Block, BlockKind, Draft, TextRun
from app.model.annotations import Anchor
from app.model.bracket_ops import AddBracket
from app.model.brackets import Alternative, Bracket
from app.ui.bracket_dialogs import BracketDialog, SilenceDialog
from app.ui.negotiation_pane import NegotiationPane
from tests.ui.window_support import editor_with, select

TEXT = "We agree to strengthen cooperation on drugs."


@pytest.fixture
def setup(qtbot):
    draft = Draft(blocks=[Block(BlockKind.NUMBERED, [TextRun(TEXT)], id="b1"),
                          Block(BlockKind.NUMBERED, [TextRun("We meet again.")], id="b2")])
    AddBracket(Bracket("k0", Anchor("b2", 3, 7), [Alternative("meet", ["FR"]),
                                                  Alternative("gather", ["CELAC"])]).to_json()
               ).apply(draft)
    editor = editor_with(qtbot, draft)
    pane = NegotiationPane(editor)
    qtbot.addWidget(pane)
    editor.show()
    pane.show()
    return editor, pane


def open_dialog(kind: type[QDialog]) -> QDialog:
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible())


def press_ok(dialog: QDialog) -> None:
    QTest.mouseClick(dialog.findChild(QDialogButtonBox).button(
        QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def drive(kind: type[QDialog], first, then, seen: dict) -> None:
    """In the open dialog: `first` (types, presses OK), note what shows, then `then`."""
    def step() -> None:
        dialog = open_dialog(kind)
        try:
            first(dialog)
            seen["open"] = dialog.isVisible()
            problem = dialog.findChild(QLabel, "party_problem")
            seen["sentence"] = problem.text() if problem.isVisible() else ""
            seen["brackets"] = sorted(seen["editor"].draft().brackets)
            seen["silence"] = seen["editor"].draft().silence
            seen["undo"] = seen["editor"].undo_stack.count()
            seen["k0"] = [(alt.text, list(alt.parties))
                          for alt in seen["editor"].draft().brackets["k0"].alternatives]
            then(dialog)
        finally:
            if dialog.isVisible():          # never leave a modal dialog waiting
                dialog.reject()
    QTimer.singleShot(50, step)
    QTimer.singleShot(1000, close_message_boxes)  # one the pane may show after the dialog


def close_message_boxes() -> None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.isVisible():
            widget.reject()


def test_unknown_proponent_keeps_the_bracket_dialog_open_until_put_right(setup):
    editor, pane = setup
    start = TEXT.index("strengthen")
    select(editor, "b1", start, start + len("strengthen"))
    undo_before = editor.undo_stack.count()

    def wrong(dialog: BracketDialog) -> None:
        QTest.keyClicks(dialog.parties, "fr, XX")
        dialog.others.setPlainText("promote (celac)\nfoster (ZZ)")
        press_ok(dialog)

    def right(dialog: BracketDialog) -> None:
        dialog.parties.setText("fr, Spain")
        dialog.others.setPlainText("promote (celac)\nfoster (Hungría)")
        press_ok(dialog)

    seen: dict = {"editor": editor}
    drive(BracketDialog, wrong, right, seen)
    pane.bracket_action.trigger()
    assert seen["open"] is True
    assert seen["sentence"] == ("“XX”, “ZZ” are not delegations of this draft; known: FR, CELAC, "
                                "BE, BG, CZ, DK, DE, EE …")
    assert seen["brackets"] == ["k0"] and seen["undo"] == undo_before   # nothing changed
    added = [key for key in editor.draft().brackets if key != "k0"]
    assert len(added) == 1
    bracket = editor.draft().brackets[added[0]]
    assert [(alt.text, alt.parties) for alt in bracket.alternatives] == [
        ("strengthen", ["FR", "ES"]), ("promote", ["CELAC"]), ("foster", ["HU"])]


def test_editing_alternatives_checks_them_too(setup):
    editor, pane = setup
    pane.tree.setCurrentItem(pane.tree.topLevelItem(0).child(0))     # the bracket k0
    seen = {"editor": editor}

    def wrong(dialog: BracketDialog) -> None:
        dialog.others.setPlainText("gather (Celac)\nconvene (QQ)")
        press_ok(dialog)

    def right(dialog: BracketDialog) -> None:
        dialog.others.setPlainText("gather (Celac)\nconvene (pl)")
        press_ok(dialog)

    drive(BracketDialog, wrong, right, seen)
    QTest.mouseClick(pane.edit_button, Qt.MouseButton.LeftButton)
    # nothing is near "QQ": the parties the draft names come first
    assert seen["open"] is True and seen["sentence"] == (
        "“QQ” is not a delegation of this draft; known: FR, CELAC, BE, BG, CZ, DK, DE, EE …")
    assert seen["k0"] == [("meet", ["FR"]), ("gather", ["CELAC"])]   # unchanged while open
    assert [(alt.text, alt.parties) for alt in editor.draft().brackets["k0"].alternatives] == [
        ("meet", ["FR"]), ("gather", ["CELAC"]), ("convene", ["PL"])]


def test_silence_broken_by_an_unknown_code_keeps_its_dialog_open(setup):
    editor, pane = setup
    seen = {"editor": editor}

    def wrong(dialog: SilenceDialog) -> None:
        dialog.none.setChecked(False)
        QTest.keyClicks(dialog.broken, "hu, HX")
        press_ok(dialog)

    def right(dialog: SilenceDialog) -> None:
        dialog.broken.setText("hu, Poland")
        press_ok(dialog)

    drive(SilenceDialog, wrong, right, seen)
    pane.silence_action.trigger()
    assert seen["open"] is True and seen["silence"] is None
    assert seen["sentence"].startswith(
        "“HX” is not a delegation of this draft; known: HR, HU, HT, HN, FR, CELAC, ")
    assert editor.draft().silence is not None
    assert editor.draft().silence.broken_by == ["HU", "PL"]


def test_a_bracket_whose_words_were_deleted_stays_readable_in_the_pane(setup, qtbot):
    """Repair (or deleting its paragraph's words) orphans a bracket: the pane lists its
    alternatives under their own heading, Resolve refuses it, Remove Bracket takes it away."""
    editor, pane = setup
    select(editor, "b2", 0, len("We meet again."))
    editor.text_edit.textCursor().removeSelectedText()
    assert editor.draft().brackets["k0"].anchor.orphaned
    qtbot.wait(50)                      # the pane follows the change

    def lost_row():
        pane.refresh()
        last = pane.tree.topLevelItem(pane.tree.topLevelItemCount() - 1)
        assert last.text(0) == "Brackets whose words were deleted (1)"
        return last.child(0)

    row = lost_row()
    assert (row.text(0), row.text(1)) == ("§ 2", "[meet (FR) / gather (CELAC)]")
    QTimer.singleShot(200, close_message_boxes)
    pane.resolve_from_dialog("k0")      # one sentence; nothing changes
    assert "k0" in editor.draft().brackets
    pane.tree.setCurrentItem(lost_row())
    QTest.mouseClick(pane.remove_button, Qt.MouseButton.LeftButton)
    assert "k0" not in editor.draft().brackets


def test_ad_referendum_parties_are_asked_again_until_known(setup):
    from PySide6.QtWidgets import QInputDialog

    editor, pane = setup
    select(editor, "b1", 0, 0)
    prompts: list[str] = []
    status_while_asked: list[object] = []

    def answer(texts: list[str]) -> None:
        dialog = open_dialog(QInputDialog)
        prompts.append(dialog.labelText())
        status_while_asked.append(editor.draft().statuses.get("b1"))
        dialog.setTextValue(texts[0])
        dialog.accept()
        if texts[1:]:
            QTimer.singleShot(50, lambda: answer(texts[1:]))

    QTimer.singleShot(50, lambda: answer(["hu, XX", "hu, Poland"]))
    pane.status_actions["ad_referendum"].trigger()
    assert prompts == [
        "Parties that must confirm (e.g. HU, PL):",
        "“XX” is not a delegation of this draft; known: FR, CELAC, BE, BG, CZ, DK, DE, EE …\n"
        "Parties that must confirm (e.g. HU, PL):"]
    assert status_while_asked == [None, None]       # nothing set while a code is unknown
    assert editor.draft().statuses["b1"].parties == ["HU", "PL"]
