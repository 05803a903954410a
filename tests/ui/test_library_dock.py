"""The Library dock with a real library on disk: type, see hits, insert with the keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from app.library import Library
from app.model import Draft
from app.ui.library_dock import CLAUSE_MIME, LibraryDock


@pytest.fixture
def library(tmp_path, lapaz_seed, clasi_seed):
    with Library(tmp_path / "library.sqlite") as opened:
        opened.add([lapaz_seed, clasi_seed])
        yield opened


@pytest.fixture
def dock(qtbot, library):
    widget = LibraryDock(library, debounce_ms=50)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_typing_shows_highlighted_hits_with_provenance(qtbot, dock):
    with qtbot.waitSignal(dock.resultsShown, timeout=5000) as shown:
        qtbot.keyClicks(dock.search_field, "firearms traff")
        qtbot.keyClicks(dock.search_field, "*")
    assert shown.args[0] > 0
    assert dock.hit_count() == shown.args[0]
    hit = dock.hit_at(0)
    assert "firearms" in hit.text.lower() and "traffick" in hit.text.lower()
    label = dock.hits.itemWidget(dock.hits.item(0))
    assert "<b>" in label.text() and "6914/24" in label.text()


def test_enter_inserts_the_chosen_hit_with_its_origin(qtbot, dock):
    inserted = []
    dock.insertRequested.connect(inserted.append)
    with qtbot.waitSignal(dock.resultsShown, timeout=5000):
        qtbot.keyClicks(dock.search_field, "Ameripol")
    assert dock.hit_count() >= 2
    qtbot.keyClick(dock.search_field, Qt.Key_Down)          # into the list
    assert dock.hits.hasFocus() or dock.hits.currentRow() == 0
    qtbot.keyClick(dock.hits, Qt.Key_Down)                  # second hit
    chosen = dock.hit_at(dock.hits.currentRow())
    qtbot.keyClick(dock.hits, Qt.Key_Return)
    assert len(inserted) == 1
    block = inserted[0].block
    assert block.text == chosen.text and block.origin.clause_id == chosen.clause_id
    draft = Draft()
    inserted[0].operation(0).apply(draft)
    assert draft.blocks[0].origin.text == chosen.text and not draft.blocks[0].departs_from_origin


def test_enter_in_the_search_field_inserts_the_first_hit(qtbot, dock):
    inserted, blocks = [], []
    dock.insertRequested.connect(inserted.append)
    dock.blockInsertRequested.connect(blocks.append)
    with qtbot.waitSignal(dock.resultsShown, timeout=5000):
        qtbot.keyClicks(dock.search_field, '"shared responsibility"')
    qtbot.keyClick(dock.search_field, Qt.Key_Return)
    assert inserted and "shared responsibility" in inserted[0].block.text
    assert blocks == [inserted[0].block]


def test_no_match_and_clearing(qtbot, dock):
    with qtbot.waitSignal(dock.resultsShown, timeout=5000) as shown:
        qtbot.keyClicks(dock.search_field, "zzzzqqq")
    assert shown.args[0] == 0 and "zzzzqqq" in dock.status.text()
    with qtbot.waitSignal(dock.resultsShown, timeout=5000) as shown:
        dock.search_field.clear()
    assert dock.hit_count() == 0


def test_precedents_panel_shows_similarity_and_coloured_diff(qtbot, dock):
    paragraph = ("WE RECOGNISE that disrupting illicit drug trafficking requires common strategies "
                 "and actions based on the bi-regional cooperation between the EU and CELAC.")
    with qtbot.waitSignal(dock.precedentsShown, timeout=5000) as shown:
        dock.show_precedents(paragraph)
    assert shown.args[0] >= 1
    html = dock.precedents.toHtml()
    assert "6914/24" in html and "%" in html
    assert "line-through" in html and "joint" in dock.precedents.toPlainText()
    assert "common" in dock.precedents.toPlainText()


def test_drag_carries_clause_text_and_id(qtbot, dock):
    with qtbot.waitSignal(dock.resultsShown, timeout=5000):
        qtbot.keyClicks(dock.search_field, "Europol")
    item = dock.hits.item(0)
    data = dock.hits.mimeData([item])
    assert data.text() == dock.hit_at(0).text
    assert bytes(data.data(CLAUSE_MIME)).decode() == dock.hit_at(0).clause_id


def test_add_documents_in_the_background(qtbot, dock, tmp_path):
    extra = tmp_path / "extra.md"
    extra.write_text("WE WELCOME the new bi-regional platform for judicial cooperation on drugs.\n",
                     encoding="utf-8")
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 truncated")
    task = dock.add_documents([str(extra), str(broken)])
    qtbot.waitUntil(lambda: not task.running, timeout=10000)
    assert "1 documents added" in dock.status.text() and "1 skipped" in dock.status.text()
    assert "broken.docx" in dock.status.toolTip()
    with qtbot.waitSignal(dock.resultsShown, timeout=5000) as shown:
        qtbot.keyClicks(dock.search_field, "judicial platform")
    assert shown.args[0] == 1


def test_without_a_library_the_dock_says_so(qtbot):
    widget = LibraryDock(None, debounce_ms=10)
    qtbot.addWidget(widget)
    qtbot.keyClicks(widget.search_field, "anything")
    qtbot.wait(50)
    assert widget.hit_count() == 0 and widget.status.text()


def test_dock_shows_where_the_library_is(dock, library):
    assert library.location in dock.location.text()
    assert dock.add_documents_action.isEnabled()


def test_in_the_main_window_a_clause_goes_in_after_the_cursor_and_undoes(qtbot, tmp_path, library):
    from app.model import Block, BlockKind, Draft, LanguageVersion, TextRun
    from app.ui import library_panel
    from app.ui.main_window import MainWindow
    from tests.ui.window_support import close_without_prompt, isolated_settings

    window = MainWindow(isolated_settings(tmp_path / "config"))
    qtbot.addWidget(window)
    opened = []
    dock = library_panel.install(window, opener=lambda: opened.append(1) or library)
    assert opened == []          # nothing opened before the user searches
    draft = Draft(blocks=[Block(BlockKind.OPERATIVE, [TextRun("WE MEET in Brussels today.")], id="first")],
                  translations={"es": LanguageVersion("es")})
    window.editor.set_draft(draft)
    window.show()
    dock.show()
    window.editor.go_to_block("first")
    window.editor.text_edit.moveCursor(QTextCursor.MoveOperation.EndOfBlock)   # after, not before
    with qtbot.waitSignal(dock.resultsShown, timeout=5000):
        qtbot.keyClicks(dock.search_field, '"disrupting illicit drug trafficking"')
    assert opened == [1]
    qtbot.keyClick(dock.search_field, Qt.Key_Return)
    blocks = window.editor.draft().blocks
    assert [b.id for b in blocks][0] == "first" and len(blocks) == 2
    assert blocks[1].origin is not None and "disrupting illicit drug trafficking" in blocks[1].text
    window.editor.undo_stack.undo()
    assert len(window.editor.draft().blocks) == 1
    # A clause the library holds in both languages brings its Spanish pair, undoably.
    from tests.library.conftest import UDHR_EN, UDHR_ES

    library.add([UDHR_EN, UDHR_ES])
    dock.search_field.clear()
    with qtbot.waitSignal(dock.resultsShown, timeout=5000):
        qtbot.keyClicks(dock.search_field, '"inherent dignity"')
    qtbot.keyClick(dock.search_field, Qt.Key_Return)
    current = window.editor.draft()
    inserted = current.blocks[1]
    assert inserted.text.startswith("Whereas recognition of the inherent dignity")
    assert current.translations["es"].blocks[inserted.id][0].text.startswith("Considerando que la libertad")
    window.editor.undo_stack.undo()
    assert inserted.id not in window.editor.draft().translations["es"].blocks
    close_without_prompt(window)
    # The window's undo-text lambdas outlive its actions when it is destroyed (reported to the
    # window's owner); keep that teardown noise out of the tests that run after this one.
    window.editor.undo_stack.blockSignals(True)


def test_departure_html_shows_the_changed_words(library):
    from app.model import Draft, TextRun
    from app.model.ops import ReplaceContent
    from app.ui.library_dock import departure_html

    hit = library.search('"disrupting illicit drug trafficking"')[0]
    draft = Draft()
    insertion = library.insertion(hit.clause_id)
    insertion.operation(0).apply(draft)
    assert departure_html(draft.blocks[0]) == ""
    start = hit.text.index("joint")
    ReplaceContent(draft.blocks[0].id, start, start + 5, [TextRun("common")]).apply(draft)
    shown = departure_html(draft.blocks[0])
    assert "line-through'>joint<" in shown and "underline'>common<" in shown and "6914/24" in shown


def test_cancelling_an_import_keeps_the_library_whole(qtbot, dock, library, tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(150):
        (folder / f"d{number:02}.md").write_text(
            f"WE NOTE the progress report number {number} on bi-regional drug policy cooperation.\n",
            encoding="utf-8")
    before = library.counts()["sources"]
    task = dock.add_documents([str(folder)])
    task.cancel()
    qtbot.waitUntil(lambda: not task.running, timeout=10000)
    assert task.outcome == "cancelled" and "cancelled" in dock.status.text()
    added = library.counts()["sources"] - before
    assert added < 150          # stopped early (how early depends on the threads)
    # Whatever was added is whole: each source has its clause and provenance.
    from sqlalchemy import func, select

    from app.library.db import clauses, provenances
    with library.engine.connect() as connection:
        orphans = connection.execute(select(func.count()).select_from(clauses).where(
            ~clauses.c.num.in_(select(provenances.c.clause_num)))).scalar_one()
    assert orphans == 0


def test_search_box_understands_year_and_source(qtbot, dock):
    with qtbot.waitSignal(dock.resultsShown, timeout=5000) as shown:
        qtbot.keyClicks(dock.search_field, "cooperation year:2023")
    assert shown.args[0] > 0
    assert all(any(s.date and s.date.year == 2023 for s in dock.hit_at(row).sources)
               for row in range(dock.hit_count()))
