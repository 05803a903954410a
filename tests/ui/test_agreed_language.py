"""Agreed language in the editor, with a real library on disk built from the La Paz seed.

Clauses go in at the cursor (one undo step, origin kept, the Spanish pair along); the margin
marks them agreed (green) or departing (amber) as the drafter types and undoes; the
difference is shown word by word; origins survive a save; a hit dropped from the dock keeps
its provenance.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QMimeData, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QTextCursor
from PySide6.QtWidgets import QToolTip

from app.compare.words import word_diff
from app.library import Library
from app.model import Block, BlockKind, Draft, LanguageVersion, TextRun
from app.store import load_draft, save_draft
from app.ui.editor.agreed import (
    AGREED_COLOUR,
    DEPARTS_COLOUR,
    MARKER_GAP,
    MARKER_WIDTH,
    AgreedState,
    summary,
    words_changed,
)
from app.ui.library_dock import CLAUSE_MIME
from tests.library.conftest import UDHR_EN, UDHR_ES

CLAUSE_QUERY = '"disrupting illicit drug trafficking"'


@pytest.fixture
def library(tmp_path, lapaz_seed):
    with Library(tmp_path / "library.sqlite") as opened:
        opened.add([lapaz_seed])
        yield opened


@pytest.fixture
def clause(library):
    """An insertion of a La Paz clause (agreed in 6914/24)."""
    return library.insertion(library.search(CLAUSE_QUERY)[0].clause_id)


def two_paragraphs() -> Draft:
    return Draft(blocks=[
        Block(BlockKind.OPERATIVE, [TextRun("WE MEET in Brussels today.")], id="first"),
        Block(BlockKind.OPERATIVE, [TextRun("WE ADOPT this declaration.")], id="second"),
    ], translations={"es": LanguageVersion("es")})


def put_cursor(editor, block_id: str, offset: int) -> None:
    block = editor.bridge.qt_block(block_id)
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + offset)
    editor.text_edit.setTextCursor(cursor)


def snapshot(editor) -> list[tuple[str, str]]:
    return [(b.id, b.text) for b in editor.draft().blocks]


def marker_colour(editor, block_id: str):
    """The colour painted where the margin marker of a block goes (None: the page's own)."""
    edit = editor.text_edit
    qt_block = editor.bridge.qt_block(block_id)
    rect = edit.document().documentLayout().blockBoundingRect(qt_block).translated(
        -edit.horizontalScrollBar().value(), -edit.verticalScrollBar().value())
    image = edit.viewport().grab().toImage()
    point = QPoint(int(rect.left() - MARKER_GAP - MARKER_WIDTH / 2), int(rect.center().y()))
    return image.pixelColor(point)


# -- insertion at the cursor ---------------------------------------------------------------------
@pytest.mark.parametrize(("block_id", "offset", "expected"), [
    ("first", 8, ["first", "NEW", "second"]),          # mid-paragraph: after it
    ("first", 26, ["first", "NEW", "second"]),         # at its end: after it
    ("second", 0, ["first", "NEW", "second"]),         # at its start: before it
])
def test_a_clause_goes_in_where_a_drafter_expects(make_editor, clause, block_id, offset, expected):
    editor = make_editor(two_paragraphs())
    put_cursor(editor, block_id, offset)
    before, steps = snapshot(editor), editor.undo_stack.count()
    editor.insert_clause(clause)
    ids = [b.id for b in editor.draft().blocks]
    assert ids == [clause.block.id if name == "NEW" else name for name in expected]
    inserted = editor.draft().block(clause.block.id)
    assert inserted.origin.clause_id == clause.block.origin.clause_id
    assert inserted.text == inserted.origin.text and "6914/24" in inserted.origin.source
    assert editor.current_block_id() == clause.block.id           # the next clause goes after it
    assert editor.text_edit.textCursor().atBlockEnd()
    assert editor.undo_stack.count() == steps + 1                 # ONE undo step
    editor.undo_stack.undo()
    assert snapshot(editor) == before
    assert editor.read_all_blocks()[0].text == before[0][1]
    editor.undo_stack.redo()
    assert editor.draft().block(clause.block.id).origin.clause_id == clause.block.origin.clause_id


def test_a_clause_fills_the_empty_paragraph_made_for_it(make_editor, clause, press):
    editor = make_editor(two_paragraphs())
    put_cursor(editor, "first", 26)
    press(editor.text_edit, Qt.Key.Key_Return)              # the drafter makes room
    assert [b.text for b in editor.draft().blocks][1] == ""
    editor.insert_clause(clause)
    texts = [b.text for b in editor.draft().blocks]
    assert texts == ["WE MEET in Brussels today.", clause.block.text, "WE ADOPT this declaration."]
    editor.undo_stack.undo()
    assert [b.text for b in editor.draft().blocks] == ["WE MEET in Brussels today.", "", "WE ADOPT this declaration."]


def test_the_spanish_pair_comes_along_and_goes_with_undo(make_editor, library):
    library.add([UDHR_EN, UDHR_ES])
    insertion = library.insertion(library.search('"inherent dignity"', language="en")[0].clause_id, "en")
    editor = make_editor(two_paragraphs())
    put_cursor(editor, "first", 26)
    editor.insert_clause(insertion)
    spanish = editor.draft().translations["es"].blocks[insertion.block.id]
    assert spanish[0].text.startswith("Considerando que la libertad")
    editor.undo_stack.undo()
    assert insertion.block.id not in editor.draft().translations["es"].blocks
    assert [b.id for b in editor.draft().blocks] == ["first", "second"]


# -- departure marking ---------------------------------------------------------------------------
def test_typing_marks_the_clause_as_departing_and_undo_restores_it(make_editor, clause, qtbot):
    editor = make_editor(two_paragraphs())
    put_cursor(editor, "first", 26)
    editor.insert_clause(clause)
    block_id = clause.block.id
    marks = editor.agreed_marks
    assert marks.state(editor.draft().block(block_id)) is AgreedState.AGREED
    assert marker_colour(editor, block_id) == AGREED_COLOUR
    assert marker_colour(editor, "first") != AGREED_COLOUR       # no marker without an origin

    agreed = clause.block.text
    at = agreed.index(" that ") + len(" that")
    put_cursor(editor, block_id, at)
    qtbot.keyClicks(editor.text_edit, " urgently")
    block = editor.draft().block(block_id)
    assert block.text == agreed[:at] + " urgently" + agreed[at:]
    assert marks.state(block) is AgreedState.DEPARTS
    assert marker_colour(editor, block_id) == DEPARTS_COLOUR
    from app.ui.editor.agreed import difference
    changes = [(op, text) for op, text in difference(block) if op]
    assert [(op, text.strip()) for op, text in changes] == [(1, "urgently")]
    assert summary(block).endswith("1 word changed") and "6914/24" in summary(block)

    editor.undo_stack.undo()
    block = editor.draft().block(block_id)
    assert block.text == agreed and marks.state(block) is AgreedState.AGREED
    assert marker_colour(editor, block_id) == AGREED_COLOUR
    editor.undo_stack.redo()
    assert marks.state(editor.draft().block(block_id)) is AgreedState.DEPARTS
    assert marker_colour(editor, block_id) == DEPARTS_COLOUR


def test_only_the_edited_block_is_compared_again(make_editor, library):
    editor = make_editor(Draft(blocks=[Block(BlockKind.PARAGRAPH, [TextRun("Intro.")], id="intro")]))
    put_cursor(editor, "intro", 6)
    hits = library.search("cooperation", limit=3)
    for hit in hits:
        editor.insert_clause(library.insertion(hit.clause_id))
    viewport = editor.text_edit.viewport()
    viewport.grab()
    marks = editor.agreed_marks
    before = marks.comparisons
    viewport.grab()
    assert marks.comparisons == before                 # nothing changed: nothing compared
    editor.text_edit.insertPlainText("x")              # into the last clause only
    viewport.grab()
    assert marks.comparisons == before + 1


def test_words_changed_counts_replacements_once():
    assert words_changed(word_diff("a growing threat to peace", "a serious threat to peace")) == 1
    assert words_changed(word_diff("a growing threat", "a growing and serious threat")) == 2
    assert words_changed(word_diff("peace, security", "peace; security")) == 1
    assert words_changed(word_diff("same words", "same words")) == 0


# -- showing the difference ----------------------------------------------------------------------
def departed_editor(make_editor, clause):
    editor = make_editor(two_paragraphs())
    put_cursor(editor, "first", 26)
    editor.insert_clause(clause)
    start = clause.block.text.index("joint")
    cursor = QTextCursor(editor.bridge.qt_block(clause.block.id))
    cursor.setPosition(cursor.position() + start)
    cursor.setPosition(cursor.position() + len("joint"), QTextCursor.MoveMode.KeepAnchor)
    editor.text_edit.setTextCursor(cursor)
    editor.text_edit.insertPlainText("common")
    return editor


def test_hovering_the_marker_shows_the_source_and_the_word_diff(make_editor, clause, qtbot):
    editor = departed_editor(make_editor, clause)
    edit = editor.text_edit
    qt_block = editor.bridge.qt_block(clause.block.id)
    rect = edit.document().documentLayout().blockBoundingRect(qt_block)
    on_marker = QPoint(int(rect.left() - MARKER_GAP - 1), int(rect.center().y()))
    viewport = edit.viewport()
    QToolTip.hideText()
    edit.viewportEvent(QHelpEvent(QEvent.Type.ToolTip, on_marker, viewport.mapToGlobal(on_marker)))
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    shown = QToolTip.text()
    assert "6914/24" in shown
    assert "line-through'>joint<" in shown and "underline'>common<" in shown
    QToolTip.hideText()
    qtbot.waitUntil(lambda: not QToolTip.isVisible(), timeout=2000)
    over_text = QPoint(int(rect.center().x()), int(rect.center().y()))
    edit.viewportEvent(QHelpEvent(QEvent.Type.ToolTip, over_text, viewport.mapToGlobal(over_text)))
    assert not QToolTip.isVisible()


def test_the_keyboard_action_shows_the_difference_at_the_cursor(make_editor, clause):
    editor = departed_editor(make_editor, clause)
    action = editor.actions["agreed_difference"]
    assert action.shortcut().toString() == "Ctrl+Alt+A"
    action.trigger()
    assert QToolTip.isVisible() and "underline'>common<" in QToolTip.text()
    put_cursor(editor, "second", 3)
    assert "not inserted from the clause library" in editor.show_agreed_difference()
    editor.set_read_only(True)
    assert action.isEnabled()                        # looking is allowed in a read-only draft
    QToolTip.hideText()


# -- persistence and drops -----------------------------------------------------------------------
def test_origin_and_marking_survive_save_and_reopen(make_editor, clause, tmp_path):
    editor = departed_editor(make_editor, clause)
    path = tmp_path / "declaration.concordia"
    save_draft(editor.draft(), path)
    reopened = load_draft(path)
    block = reopened.block(clause.block.id)
    assert block.origin == clause.block.origin and block.departs_from_origin
    again = make_editor(reopened)
    assert again.agreed_marks.state(again.draft().block(clause.block.id)) is AgreedState.DEPARTS
    assert marker_colour(again, clause.block.id) == DEPARTS_COLOUR
    assert marker_colour(again, "first") != DEPARTS_COLOUR


def dropped_hit(library) -> tuple[QMimeData, str]:
    hit = library.search("Europol")[0]
    data = QMimeData()
    data.setText(hit.text)
    data.setData(CLAUSE_MIME, hit.clause_id.encode())
    return data, hit.clause_id


def test_a_dropped_hit_goes_in_at_the_drop_position_with_provenance(make_editor, library):
    editor = make_editor(two_paragraphs())
    editor.resolve_clause = lambda clause_id: library.insertion(clause_id, "en")
    data, clause_id = dropped_hit(library)
    put_cursor(editor, "second", 0)                  # Qt puts the cursor at the drop point
    steps = editor.undo_stack.count()
    assert editor.text_edit.canInsertFromMimeData(data)
    editor.text_edit.insertFromMimeData(data)
    blocks = editor.draft().blocks
    assert [b.id for b in blocks][0] == "first" and blocks[2].id == "second" and len(blocks) == 3
    assert blocks[1].origin.clause_id == clause_id and "Europol" in blocks[1].text
    assert editor.undo_stack.count() == steps + 1
    editor.undo_stack.undo()
    assert [b.id for b in editor.draft().blocks] == ["first", "second"]


def test_a_dropped_hit_without_a_library_is_plain_text(make_editor, library):
    editor = make_editor(two_paragraphs())
    data, _clause_id = dropped_hit(library)
    put_cursor(editor, "second", 0)
    editor.text_edit.insertFromMimeData(data)
    texts = [b.text for b in editor.draft().blocks]
    assert any("Europol" in text for text in texts)
    assert all(b.origin is None for b in editor.draft().blocks)
