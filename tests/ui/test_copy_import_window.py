"""File ▸ Import Delegations' Comments… and Accept/Reject in the comments pane, on real
copies: seed 003 exported by us and marked up as Word does by two delegations."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from app.model.inline import plain_text
from app.store import load_draft
from app.ui.annotation_pane import ID_ROLE
from app.ui.comments_pane import CommentsPane
from app.ui.copy_import_dialog import import_copies

from ..conftest import CLASI_SEED, CORPUS, REPO
from ..docx.word_copy import WordCopy
from .window_support import editor_with

OLD = "concerted, coordinated and solidarity-based efforts are key"
NEW = "joint efforts are essential"


def cli(*args) -> None:
    result = subprocess.run([sys.executable, "-m", "app", *map(str, args)], cwd=REPO,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def copies(tmp_path_factory):
    folder = tmp_path_factory.mktemp("copies")
    draft, docx = folder / "d.concordia", folder / "d.docx"
    cli("import", CLASI_SEED, "--out", draft)
    cli("export", draft, "--out", docx)
    hungary = WordCopy(docx, folder / "HU.docx")
    hungary.comment("polyvalent, highly flexible", "Too many adjectives.", "Hungary")
    hungary.replace(OLD, NEW, "Hungary")
    spain = WordCopy(docx, folder / "ES.docx")
    spain.comment("political dialogue", "Añadir «estructurado».", "Delegación de España")
    spain.replace("second time", "third time", "Delegación de España")
    return draft, hungary.save(), spain.save()


@pytest.fixture
def pane(qtbot, copies):
    editor = editor_with(qtbot, load_draft(copies[0]))
    comments = CommentsPane(editor)
    qtbot.addWidget(comments)
    editor.show()
    return comments


def block_text_with(editor, words: str) -> str:
    return next(t for t in (plain_text(b.content) for b in editor.draft().blocks) if words in t)


def click_comment(qtbot, pane, comment_id: str) -> None:
    pane.show()
    qtbot.waitExposed(pane)
    tree = pane.tree
    item = next(group.child(row) for group in (tree.topLevelItem(i) for i in range(tree.topLevelItemCount()))
                for row in range(group.childCount()) if group.child(row).data(0, ID_ROLE) == comment_id)
    tree.scrollToItem(item)
    rect = tree.visualItemRect(item)
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(rect.left() + 10, rect.center().y()))


def test_import_two_delegations_then_accept_one_suggestion_and_undo(qtbot, pane, copies):
    editor = pane.editor
    report = import_copies(pane, [copies[1], copies[2]], ask_party=lambda *_: pytest.fail("asked"))
    assert len([line for line in report if "Word comment" in line]) == 2
    comments = editor.draft().comments
    assert sorted(c.party for c in comments.values()) == ["ES", "ES", "HU", "HU"]
    assert len(pane.visible_comment_ids()) == 4
    suggestion = next(c for c in comments.values() if c.party == "HU" and c.change)

    click_comment(qtbot, pane, suggestion.id)
    assert pane.current_comment_id() == suggestion.id
    assert editor.text_edit.textCursor().selectedText() == OLD
    accept = next(a for a in pane.toolbar.actions() if a.text() == "Accept")
    accept.trigger()
    assert "Recognise that joint efforts are essential to tackle" in block_text_with(editor, NEW)
    assert "Recognise that joint efforts are essential" in editor.text_edit.toPlainText()
    assert comments[suggestion.id].status.value == "taken"

    editor.undo_stack.undo()
    assert OLD in block_text_with(editor, OLD)
    assert OLD in editor.text_edit.toPlainText() and NEW not in editor.text_edit.toPlainText()
    assert editor.draft().comments[suggestion.id].status.value == "open"

    spanish = next(c for c in editor.draft().comments.values() if c.party == "ES" and c.change)
    pane.reject_suggestion(spanish.id)
    assert editor.draft().comments[spanish.id].status.value == "not_taken"
    assert "second time" in editor.text_edit.toPlainText()

    again = import_copies(pane, [copies[1]])
    assert "2 already imported" in again[0]
    assert len(editor.draft().comments) == 4


def test_the_delegation_is_asked_when_the_author_names_none(qtbot):
    from app.docx.open_word import open_word_file

    draft, _report = open_word_file(CORPUS / "docx" / "pandoc__comments.docx")
    editor = editor_with(qtbot, draft)
    pane = CommentsPane(editor)
    qtbot.addWidget(pane)
    asked = []

    def ask(_parent, file_name, _registry):
        asked.append(file_name)
        return "PL"

    import_copies(pane, [CORPUS / "docx" / "pandoc__comments.docx"], ask_party=ask)
    assert asked == ["pandoc__comments.docx"]
    assert {c.party for c in editor.draft().comments.values()} == {"PL"}
    assert len(editor.draft().comments) == 4
    refused = import_copies(pane, [CORPUS / "docx" / "docx2python__comments.docx"],
                            ask_party=lambda *_: None)
    assert refused == ["docx2python__comments.docx: not imported (no delegation was chosen)."]


def test_the_file_menu_offers_the_import_and_it_feeds_the_window(qtbot, tmp_path, copies):
    from app.ui.main_window import MainWindow

    from .window_support import PathAnswers, close_without_prompt, isolated_settings

    window = MainWindow(isolated_settings(tmp_path / "config"), PathAnswers(), autosave_ms=60_000)
    try:
        window.show()
        assert window.files.open_path(copies[0])
        action = window.actions_by_name["import_delegation_comments"]
        assert action in window.menus["file"].actions()
        assert action.text().replace("&", "") == "Import Delegations' Comments…"
        pane = next(w for w in window.findChildren(CommentsPane))
        import_copies(pane, [copies[1]])
        assert window.actions_by_name["undo"].isEnabled()
        assert {c.party for c in window.editor.draft().comments.values()} == {"HU"}
        window.actions_by_name["undo"].trigger()
        assert window.editor.draft().comments == {}
    finally:
        close_without_prompt(window)
        window.files.close_session()
        window.deleteLater()
