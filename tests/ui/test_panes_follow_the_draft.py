"""Open draft A, then draft B with File ▸ Open (Ctrl+O): every pane shows B, and only B.

Only the platform file dialog is replaced (QFileDialog.getOpenFileName returns the path);
the window, its FilePrompter, the file controller and every pane are the real ones.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QPlainTextEdit

from app.importer.text import import_text_file
from app.model import Draft, FootnoteRef, LanguageVersion, TextRun
from app.model.annotations import (
    Anchor,
    Comment,
    CommentStatus,
    Reservation,
    ReservationKind,
    ReservationStatus,
)
from app.spelling.terms import draft_words
from app.store import load_draft, save_draft
from app.store.versions import save_version
from app.ui.editor.agreed import summary
from app.ui.language_import import status_text
from app.ui.main_window import MainWindow
from app.ui.outline import outline_line
from tests.conftest import CLASI_SEED, LAPAZ_SEED
from tests.ui.window_support import close_without_prompt, isolated_settings, press


def _draft(seed: Path, tag: str, party: str, reserving: str, translated: int) -> Draft:
    draft, _report = import_text_file(seed)
    draft.note.subject = f"Subject of draft {tag}"
    first, second = draft.blocks[1], draft.blocks[2]
    draft.comments[f"c{tag}"] = Comment(f"c{tag}", Anchor(first.id, 0, 5), party,
                                        f"Comment on draft {tag}", date=date(2026, 11, 1))
    draft.comments[f"c{tag}2"] = Comment(f"c{tag}2", Anchor(second.id), party,
                                         f"Second comment on draft {tag}", date=date(2026, 11, 2))
    draft.reservations[f"r{tag}"] = Reservation(f"r{tag}", Anchor(second.id), [reserving],
                                                ReservationKind.SCRUTINY, date=date(2026, 11, 1))
    spanish = LanguageVersion("es")
    for block in draft.blocks[:translated]:
        spanish.blocks[block.id] = [TextRun(f"Texto {tag} {block.id}")]
    draft.translations["es"] = spanish
    save_version(draft, f"Version of {tag}", author="Presidency")
    return draft


@pytest.fixture
def files(tmp_path) -> tuple[Path, Path, Draft, Draft]:
    folder = tmp_path / "drafts"
    folder.mkdir()
    a = _draft(LAPAZ_SEED, "A", "HU", "FR", translated=3)
    b = _draft(CLASI_SEED, "B", "PT", "DE", translated=24)
    assert b.footnotes and a.footnotes and not set(a.footnotes) & set(b.footnotes)
    save_draft(a, folder / "a.concordia")
    save_draft(b, folder / "b.concordia")
    return folder / "a.concordia", folder / "b.concordia", a, b


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch, files):
    opened: list[Path] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *args, **kwargs: (str(opened.pop(0)), "")))
    settings = isolated_settings(tmp_path / "config")
    shown = MainWindow(settings, autosave_ms=60_000)   # the real FilePrompter
    shown.resize(1700, 900)
    shown.show()
    shown.activateWindow()
    qtbot.waitUntil(shown.isActiveWindow, timeout=2000)
    shown.queue_open = opened.append                     # type: ignore[attr-defined]
    yield shown
    if shown.isVisible():
        close_without_prompt(shown)
    shown.files.close_session()
    shown.deleteLater()


def open_with_ctrl_o(qtbot, window: MainWindow, path: Path) -> None:
    window.queue_open(path)
    press(qtbot, window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.files.session.path == path.resolve(), timeout=5000)


def tree_texts(pane) -> str:
    found = []
    for index in range(pane.tree.topLevelItemCount()):
        group = pane.tree.topLevelItem(index)
        found.append(group.text(0))
        for row in range(group.childCount()):
            item = group.child(row)
            found.extend(item.text(column) for column in range(pane.tree.columnCount()))
            for reply in range(item.childCount()):
                found.append(item.child(reply).text(1))
    return "\n".join(found)


def footnote_shown(qtbot, window: MainWindow, draft: Draft) -> str:
    """Put the caret just after the draft's first footnote reference; the pane's text."""
    editor = window.editor
    for block in draft.blocks:
        offset = 0
        for item in block.content:
            offset += 1 if isinstance(item, FootnoteRef) else len(item.text)
            if isinstance(item, FootnoteRef):
                qt_block = editor.bridge.qt_block(block.id)
                cursor = QTextCursor(qt_block)
                cursor.setPosition(qt_block.position() + offset)
                editor.text_edit.setTextCursor(cursor)
                return editor.footnote_pane.editor.toPlainText()
    raise AssertionError("no footnote reference")


def check_shows(qtbot, window: MainWindow, draft: Draft, other: Draft) -> None:
    comments, reservations = window.comments_pane, window.reservations_pane
    # at once, not after the panes' refresh pause: a click in between must not meet A's rows
    assert sorted(comments.visible_comment_ids()) == sorted(draft.comments)
    assert sorted(reservations.visible_reservation_ids()) == sorted(draft.reservations)
    text = tree_texts(comments) + tree_texts(reservations)
    for item in other.comments.values():
        assert item.text not in text
    for item in draft.comments.values():
        assert item.text in text
    party_codes = [comments.party_filter.itemData(i) for i in range(comments.party_filter.count())]
    assert party_codes == ["", next(iter(draft.comments.values())).party]
    assert [window.outline.item(row).text() for row in range(window.outline.count())] == [
        outline_line(block) for block in draft.blocks]
    assert window.versions_panel.names() == [v.name for v in reversed(draft.versions)]
    assert window.cover_form.field_widget("subject").toPlainText() == draft.note.subject
    assert window.language_status.label.text() == status_text(window.editor.draft())
    assert window.language_status.label.text() == status_text(draft)
    first = window.editor.draft().blocks[0]
    assert window.kind_box.currentData() == first.kind.value
    window.library_dock.follow_now()
    assert window.docks["library"].agreed_label.text() == summary(window.editor.current_block())
    shown_footnote = footnote_shown(qtbot, window, draft)
    assert shown_footnote in {note.text for note in draft.footnotes.values()}
    assert shown_footnote not in {note.text for note in other.footnotes.values()}
    assert not window.isWindowModified()
    assert window.windowTitle().startswith(window.files.session.path.name)


def test_every_pane_shows_the_draft_opened_last(qtbot, window, files):
    path_a, path_b, a, b = files
    open_with_ctrl_o(qtbot, window, path_a)
    check_shows(qtbot, window, load_draft(path_a), b)
    window.comments_pane.tree.setCurrentItem(window.comments_pane.tree.topLevelItem(0).child(0))

    open_with_ctrl_o(qtbot, window, path_b)
    check_shows(qtbot, window, load_draft(path_b), a)
    # and back again, to be sure nothing is only right the first time
    open_with_ctrl_o(qtbot, window, path_a)
    check_shows(qtbot, window, load_draft(path_a), b)


def answer_reply(qtbot, text: str, typed_tab: list[str]) -> QTimer:
    """Fill the reply box when it appears: type, press Tab (must leave the box), OK."""
    timer = QTimer()

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog) or not dialog.isVisible():
            return
        timer.stop()
        box = dialog.findChild(QPlainTextEdit)
        box.setFocus()
        box.setPlainText(text)
        box.moveCursor(QTextCursor.MoveOperation.End)
        qtbot.keyClick(box, Qt.Key.Key_Tab)
        typed_tab.append(box.toPlainText())
        typed_tab.append("focus left" if not box.hasFocus() else "focus stayed")
        dialog.accept()

    timer.timeout.connect(poll)
    timer.start(20)
    return timer


def test_a_reply_after_switching_drafts_lands_in_the_new_draft_and_is_saved(qtbot, window, files):
    path_a, path_b, a, b = files
    open_with_ctrl_o(qtbot, window, path_a)
    pane = window.comments_pane
    pane.tree.setCurrentItem(pane.tree.topLevelItem(0).child(0))
    assert pane.current_comment_id() == "cA"
    open_with_ctrl_o(qtbot, window, path_b)

    # The comment chosen in A is gone with A: nothing is chosen, and a reply to it is refused.
    assert pane.current_comment_id() is None
    window.docks["comments"].hide()
    assert pane.reply("cA", "PRES", "Lost?") is False
    assert "no longer in this draft" in window.statusBar().currentMessage()
    window.statusBar().clearMessage()
    pane.set_status("cA", CommentStatus.TAKEN)          # nor is a status change, or a deletion
    assert "no longer in this draft" in window.statusBar().currentMessage()
    window.docks["reservations"].hide()
    window.statusBar().clearMessage()
    window.reservations_pane.set_status("rA", ReservationStatus.LIFTED)
    assert "no longer in this draft" in window.statusBar().currentMessage()
    assert window.editor.undo_stack.count() == 0 and not window.isWindowModified()
    window.docks["comments"].show()

    pane.tree.setCurrentItem(pane.tree.topLevelItem(0).child(0))
    assert pane.current_comment_id() == "cB"
    seen: list[str] = []
    timer = answer_reply(qtbot, "Noted by the Presidency", seen)
    reply_action = next(a for a in pane.toolbar.actions() if a.text() == "Reply…")
    reply_action.trigger()
    timer.stop()
    assert seen == ["Noted by the Presidency", "focus left"]        # Tab typed no tab
    replies = window.editor.draft().comments["cB"].replies
    assert [r.text for r in replies] == ["Noted by the Presidency"]
    assert "Noted by the Presidency" in tree_texts(pane)
    assert window.isWindowModified()
    press(qtbot, window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not window.isWindowModified()
    saved = load_draft(path_b)
    assert [r.text for r in saved.comments["cB"].replies] == ["Noted by the Presidency"]
    assert all(not c.replies for c in load_draft(path_a).comments.values())


def test_reservations_are_listed_as_soon_as_a_draft_opens(qtbot, window, files):
    path_a, _path_b, a, _b = files
    open_with_ctrl_o(qtbot, window, path_a)
    assert window.reservations_pane.visible_reservation_ids() == ["rA"]
    assert "FR" in tree_texts(window.reservations_pane)


def _bracket(draft: Draft, bracket_id: str, block_index: int, parties: tuple[str, str]) -> None:
    from app.model.bracket_ops import AddBracket
    from app.model.brackets import Alternative, Bracket

    block = draft.blocks[block_index]
    words = "".join(getattr(item, "text", "") for item in block.content)[:6]
    AddBracket(Bracket(bracket_id, Anchor(block.id, 0, len(words)),
                       [Alternative(words, [parties[0]]), Alternative("other", [parties[1]])]
                       ).to_json()).apply(draft)


def test_the_new_panes_follow_the_draft_too(qtbot, window, files):
    """Negotiation pane, Footnotes list, comment highlights, spelling, find bar matches and the
    side-by-side view show B only once B is opened over A (and A again after)."""
    path_a, path_b, a, b = files
    for path, draft, tag, parties in ((path_a, a, "A", ("FR", "HU")), (path_b, b, "B", ("PT", "DE"))):
        _bracket(draft, f"k{tag}", 4, parties)
        save_draft(draft, path)
    window.actions_by_name["check_spelling"].setChecked(True)
    open_with_ctrl_o(qtbot, window, path_a)
    window.actions_by_name["view_side_by_side"].trigger()
    view = window._bilingual_window
    press(qtbot, window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    window.find_bar.find_field.setText("the")
    window.find_bar.refresh()
    assert window.find_bar.matches

    for path, other in ((path_b, a), (path_a, b)):
        open_with_ctrl_o(qtbot, window, path)
        shown = window.editor.draft()
        ids = {block.id for block in shown.blocks}
        # at once: nothing of the other draft, even before the panes' refresh pause
        assert window.negotiation_pane.bracket_rows() == list(shown.brackets)
        press(qtbot, window, Qt.Key.Key_F3, Qt.KeyboardModifier.NoModifier)
        assert all(m.key in ids or m.where != "block" for m in window.find_bar.matches)
        assert window.find_bar.current_match() is not None
        assert {m.key for m in window.find_bar.matches if m.where == "footnote"} <= set(shown.footnotes)
        spans = window.annotation_highlight.spans()
        assert spans and {item.id for item, *_rest in spans} <= set(shown.comments) | set(shown.reservations)
        assert view.rows.draft() is shown and view.rows.rowCount() == len(shown.blocks)
        qtbot.wait(400)
        listed = window.footnotes_list
        assert listed.tree.topLevelItemCount() == len(listed.marks)
        texts = [mark.text for mark in listed.marks if not mark.reservation]
        assert texts and all(t in {n.text for n in shown.footnotes.values()} for t in texts)
        assert not set(texts) & {n.text for n in other.footnotes.values()}
        window.spell_underline.check_visible()
        assert window.spell_underline.checker.extra_words == draft_words(shown)   # its party names
    view.close()
