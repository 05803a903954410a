"""Footnotes list, highlighted comments with hover text, the right-click menu and F1, driven
through the real window on the La Paz seed with delegations' comments."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QHelpEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QTextBrowser, QToolTip

from app.model.footnote_numbers import number_notes
from app.ui.annotation_highlight import party_colour, party_colours, preferred_slot
from app.ui.editor.context_menu import build_editor_context_menu
from tests.ui.conftest import send_text
from tests.ui.edit_tools_support import open_window
from tests.ui.window_support import close_without_prompt, press


@pytest.fixture
def window(qtbot, tmp_path):
    made = open_window(qtbot, tmp_path)
    yield made
    close_without_prompt(made)
    made.files.close_session()
    made.deleteLater()


def point_of(window, block_id: str, offset: int) -> QPoint:
    """The viewport point in the middle of a character of a block (scrolled into view)."""
    edit = window.editor.text_edit
    block = window.editor.bridge.qt_block(block_id)
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + offset)
    edit.setTextCursor(cursor)
    edit.ensureCursorVisible()
    QApplication.processEvents()
    left = edit.cursorRect(cursor)
    cursor.setPosition(block.position() + offset + 1)
    right = edit.cursorRect(cursor)
    return QPoint((left.x() + right.x()) // 2, left.center().y())


# -- footnotes list ---------------------------------------------------------------------------
def test_footnotes_list_numbers_as_exported_and_click_goes_there(qtbot, window):
    pane = window.footnotes_list
    draft = window.editor.draft()
    marks = number_notes(draft).marks
    qtbot.waitUntil(lambda: pane.tree.topLevelItemCount() == len(marks))
    # 15 drafting footnotes and the 2 the export generates for the reservations
    assert len(marks) == 17 and sum(mark.reservation for mark in marks) == 2
    rows = [(pane.tree.topLevelItem(i).text(0), pane.tree.topLevelItem(i).text(1)) for i in range(17)]
    assert rows[0][0] == "1" and rows[0][1].startswith("Hereinafter")
    assert [number for number, _text in rows] == [str(mark.number) for mark in marks]
    reserved_rows = [pane.tree.topLevelItem(i) for i, mark in enumerate(marks) if mark.reservation]
    assert all(item.font(1).italic() and "reservation" in item.toolTip(1) for item in reserved_rows)
    assert reserved_rows[0].text(1) == "DE: scrutiny reservation."
    assert all(len(text) <= 130 for _number, text in rows)          # long texts are cut
    index = next(i for i, mark in enumerate(marks) if i >= 5 and not mark.reservation)
    item = pane.tree.topLevelItem(index)
    window.docks["footnotes_list"].show()
    qtbot.waitUntil(lambda: pane.tree.visualItemRect(item).height() > 0)
    rect = pane.tree.visualItemRect(item)
    qtbot.mouseClick(pane.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.editor.current_block_id() == marks[index].block_id
    assert window.editor.footnote_pane.footnote_id == marks[index].footnote_id
    assert window.editor.footnote_pane.title.text() == f"Footnote {marks[index].number}"
    # the cursor at another reference selects that row
    other = next(i for i, mark in enumerate(marks) if i > index and not mark.reservation)
    pane.go_to(pane.tree.topLevelItem(other))
    assert pane.tree.currentItem() is pane.tree.topLevelItem(other)
    # a reservation footnote: to the reserved paragraph
    reserved = next(i for i, mark in enumerate(marks) if mark.reservation)
    pane.go_to(pane.tree.topLevelItem(reserved))
    assert window.editor.current_block_id() == marks[reserved].block_id


def test_footnotes_list_follows_a_new_footnote_an_edit_and_undo(qtbot, window):
    pane = window.footnotes_list
    qtbot.waitUntil(lambda: pane.tree.topLevelItemCount() == 17)
    count = pane.tree.topLevelItemCount()
    editor = window.editor
    editor.go_to_block(editor.draft().blocks[2].id)          # after footnote 1's paragraph
    press(qtbot, window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    send_text(editor.footnote_pane.editor, "A new note")
    qtbot.waitUntil(lambda: pane.tree.topLevelItemCount() == count + 1)
    qtbot.waitUntil(lambda: any(pane.tree.topLevelItem(i).text(1) == "A new note" for i in range(count + 1)))
    numbers = [pane.tree.topLevelItem(i).text(0) for i in range(count + 1)]
    assert numbers == [str(n) for n in range(1, count + 2)]      # renumbered, as exported
    assert (pane.tree.topLevelItem(1).text(0), pane.tree.topLevelItem(1).text(1)) == ("2", "A new note")
    editor.undo_stack.undo()
    editor.undo_stack.undo()
    qtbot.waitUntil(lambda: pane.tree.topLevelItemCount() == count)


def test_footnotes_list_shows_the_newly_opened_draft(qtbot, window, tmp_path):
    from app.model import Block, BlockKind, Draft, TextRun
    from app.store import save_draft

    other = tmp_path / "plain.concordia"
    save_draft(Draft(blocks=[Block(BlockKind.PARAGRAPH, [TextRun("No notes here.")])]), other)
    window.mark_saved()
    assert window.files.open_path(other, ask_first=False)
    pane = window.footnotes_list
    qtbot.waitUntil(lambda: pane.tree.topLevelItemCount() == 0)
    assert not pane.empty_label.isHidden()


# -- highlighted comments -----------------------------------------------------------------------
def annotation_colours(window) -> dict[str, str]:
    edit = window.editor.text_edit
    return {s.cursor.selectedText(): s.format.background().color().name()
            for s in edit.extraSelections() if s.format.background().style() != Qt.BrushStyle.NoBrush}


def test_commented_words_are_highlighted_by_party_and_switch_off(qtbot, window):
    qtbot.waitUntil(lambda: len(annotation_colours(window)) >= 4)
    colours = annotation_colours(window)
    parties = window.annotation_highlight.colours()
    assert colours["shared responsibility"] == parties["ES"].name()
    assert colours["all human rights"] == parties["HU"].name() == party_colour("HU").name()
    assert colours["world drug problem"] == parties["CELAC"].name()
    # ES and CELAC ask for the same colour; in one draft they still differ
    assert preferred_slot("ES") == preferred_slot("CELAC")
    assert len({colour.name() for colour in parties.values()}) == len(parties)
    assert party_colours(["es", "CELAC"]) == party_colours(["CELAC", "ES"])     # stable
    underlined = [s.cursor.selectedText() for s in window.editor.text_edit.extraSelections()
                  if s.format.fontUnderline()]
    assert sorted(underlined) == ["harm reduction", "money laundering"]
    toggle = window.actions_by_name["highlight_annotations"]
    assert toggle in window.menus["view"].actions() and toggle.isChecked()
    toggle.trigger()
    assert annotation_colours(window) == {}
    assert window.settings.highlight_annotations() is False
    toggle.trigger()
    assert len(annotation_colours(window)) == 4
    toggle.trigger()                                     # off again: the next window starts off
    from app.ui.main_window import MainWindow

    second = MainWindow(window.settings, None, autosave_ms=60_000)
    try:
        assert not second.actions_by_name["highlight_annotations"].isChecked()
        assert not second.annotation_highlight.enabled
    finally:
        second.files.close_session()
        second.deleteLater()


def test_highlight_follows_typing_and_undo(qtbot, window, type_text):
    editor = window.editor
    comment = editor.draft().comments["c_hu"]
    block_id, start = comment.anchor.block_id, comment.anchor.start
    qtbot.waitUntil(lambda: "all human rights" in annotation_colours(window))
    cursor = editor.text_edit.textCursor()
    block = editor.bridge.qt_block(block_id)
    cursor.setPosition(block.position() + start + len("all "))
    editor.text_edit.setTextCursor(cursor)
    type_text(editor.text_edit, "basic ")
    qtbot.waitUntil(lambda: "all basic human rights" in annotation_colours(window))
    editor.undo_stack.undo()
    qtbot.waitUntil(lambda: "all human rights" in annotation_colours(window))


def test_hover_shows_the_comment_and_the_reservation(qtbot, window):
    draft = window.editor.draft()
    comment = draft.comments["c_es"]
    point = point_of(window, comment.anchor.block_id, comment.anchor.start + 3)
    highlight = window.annotation_highlight
    assert [item.id for item in highlight.at(point)] == ["c_es"]
    text = window.editor.text_edit.tooltip_at(point)
    assert "ES" in text and "Keep" in text and "open" in text
    # the real event path: a QHelpEvent on the viewport shows that tooltip
    viewport = window.editor.text_edit.viewport()
    event = QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point))
    QApplication.sendEvent(viewport, event)
    assert QToolTip.isVisible() and "Keep" in QToolTip.text()
    reservation = draft.reservations["r_de"]
    point = point_of(window, reservation.anchor.block_id, reservation.anchor.start + 2)
    text = window.editor.text_edit.tooltip_at(point)
    assert "Scrutiny reservation" in text and "DE" in text
    # outside any span: nothing
    point = point_of(window, comment.anchor.block_id, 0)
    assert highlight.at(point) == []


# -- right-click menu ---------------------------------------------------------------------------
def test_right_click_menu_has_comment_reservation_footnote_and_the_usual(qtbot, window):
    edit = window.editor.text_edit
    comment = window.editor.draft().comments["c_fr"]
    point = point_of(window, comment.anchor.block_id, comment.anchor.start + 2)
    seen: list[list[str]] = []

    def read_and_close() -> None:
        menu = QApplication.activePopupWidget()
        if isinstance(menu, QMenu):
            seen.append([a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()])
            menu.close()
        else:
            QTimer.singleShot(20, read_and_close)

    QTimer.singleShot(20, read_and_close)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, edit.viewport().mapToGlobal(point))
    QApplication.sendEvent(edit.viewport(), event)
    qtbot.waitUntil(lambda: bool(seen))
    labels = seen[0]
    for wanted in ("Cut", "Copy", "Paste", "Comment…", "Reservation…", "Footnote"):
        assert any(label.startswith(wanted) for label in labels), (wanted, labels)
    assert any(label.startswith("Undo") for label in labels)
    # the click moved the cursor there (no selection was under it)
    assert edit.textCursor().position() == window.editor.bridge.qt_block(comment.anchor.block_id).position() + comment.anchor.start + 2


def test_context_menu_hooks_extend_it_and_a_selection_is_kept(qtbot, window):
    edit = window.editor.text_edit
    edit.context_menu_hooks.append(lambda menu, context: menu.insertAction(menu.actions()[0], menu.addAction("Spell: colour")))
    cursor = edit.textCursor()
    cursor.setPosition(5)
    cursor.setPosition(15, QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)
    point = edit.cursorRect(cursor).center()
    menu = build_editor_context_menu(edit, point - QPoint(4, 0))
    assert menu.actions()[0].text() == "Spell: colour"
    assert edit.textCursor().hasSelection()
    comment_action = window.actions_by_name["add_comment"]
    assert comment_action in menu.actions()
    menu.deleteLater()


# -- F1 -----------------------------------------------------------------------------------------
def test_f1_opens_help_listing_the_real_shortcuts(qtbot, window):
    press(qtbot, window, Qt.Key.Key_F1, Qt.KeyboardModifier.NoModifier)
    qtbot.waitUntil(lambda: window.findChild(QDialog, "help_dialog") is not None)
    dialog = window.findChild(QDialog, "help_dialog")
    text = dialog.findChild(QTextBrowser).toPlainText()
    for label, keys in (("Find", "Ctrl+F"), ("Replace", "Ctrl+H"), ("Find Next", "F3"),
                        ("Save", "Ctrl+S"), ("Comment", "Ctrl+Alt+M"), ("Footnote", "Ctrl+Alt+F")):
        assert label in text and keys in text, (label, keys)
    assert "Shift+Enter" in text
    # it follows the actions: a changed shortcut shows in the next page
    dialog.close()
    window.actions_by_name["find_next"].setShortcut("Ctrl+G")
    from app.ui.help_page import help_html

    assert "Ctrl+G" in help_html(window)


def test_help_page_is_in_spanish_when_the_ui_is(qtbot, window, monkeypatch):
    """With the Spanish catalog and this feature's fragment (translations/pending/tools.po,
    merged into the catalog by the lead), the page is Spanish, shortcuts and all."""
    import app.i18n as i18n
    from app.ui.help_page import help_html
    from tests.conftest import REPO

    catalog = i18n._from_po("es", REPO / "translations" / "es" / "LC_MESSAGES" / "messages.po")
    fragment = i18n._from_po("es", REPO / "translations" / "pending" / "tools.po")
    merged = i18n.Translator("es", {**catalog._messages, **fragment._messages}, catalog._plural)
    monkeypatch.setattr(i18n, "translator", lambda language: merged if language == "es" else i18n.Translator("en", {}))
    previous = i18n.ui_language()
    i18n.set_ui_language("es")
    try:
        page = help_html(window)
    finally:
        i18n.set_ui_language(previous)
    assert "Atajos de teclado" in page and "Salto de línea dentro del párrafo" in page
    assert "Ctrl+F" in page


def test_a_comment_on_a_whole_paragraph_colours_all_its_words(qtbot, tmp_path):
    from app.model.annotations import Anchor, Comment, Reservation, ReservationKind
    from tests.ui.edit_tools_support import annotated_lapaz

    draft = annotated_lapaz()
    target, other = [b for b in draft.blocks if len(b.text) > 40][3:5]
    draft.comments["whole"] = Comment("whole", Anchor(target.id), "PL", "The whole paragraph.")
    draft.reservations["scrutiny"] = Reservation("scrutiny", Anchor(other.id), ["FR"],
                                                 ReservationKind.SCRUTINY)
    draft.comments["everything"] = Comment("everything", Anchor(None), "DE", "The whole text.")
    made = open_window(qtbot, tmp_path, draft)
    try:
        qtbot.waitUntil(lambda: target.text in annotation_colours(made))
        assert annotation_colours(made)[target.text] == \
            made.annotation_highlight.colours()["PL"].name()
        underlined = [s.cursor.selectedText() for s in made.editor.text_edit.extraSelections()
                      if s.format.fontUnderline()]
        assert other.text in underlined
        # a comment on the whole text colours nothing (it would colour everything)
        assert not any(len(words) > len(target.text) * 3 for words in annotation_colours(made))
        # hovering any word of the paragraph names the comment
        assert "The whole paragraph." in made.annotation_highlight.tooltip_at(
            point_of(made, target.id, len(target.text) - 2))
    finally:
        close_without_prompt(made)
        made.files.close_session()
        made.deleteLater()
