"""Agreed language in both languages: a clause with a Spanish twin puts both in, the pair
starts in step, and the Spanish side remembers which Spanish clause (and source) it is."""

from __future__ import annotations

from app.library import Library
from app.model import Draft, LanguageVersion, TextRun
from app.model.in_step import out_of_step_ids
from app.model.translation_ops import SetTranslationContent
from app.model.version import make_version

from .conftest import UDHR_EN, UDHR_ES


def test_spanish_twin_keeps_its_origin_and_starts_in_step(library: Library):
    library.add([UDHR_EN, UDHR_ES])
    english = library.search('"inherent dignity"', language="en")[0]
    insertion = library.insertion(english.clause_id, "en")
    spanish = insertion.translations["es"][0].text
    origin = insertion.origins["es"]
    assert origin.text == spanish and origin.clause_id != english.clause_id
    assert origin.source                                   # the Spanish source is named

    draft = Draft(translations={"es": LanguageVersion("es")})
    undo = insertion.operation(0, draft).apply(draft)
    (block,) = draft.blocks
    version = draft.translations["es"]
    assert version.origins[block.id] == origin
    assert out_of_step_ids(draft) == []
    # kept in versions (snapshots) and undone with the insertion
    assert make_version(draft, "v").draft().translations["es"].origins[block.id] == origin
    # a Spanish edit departs from the agreed Spanish and puts the pair out of step
    SetTranslationContent("es", block.id, [TextRun(spanish + " Añadido.")]).apply(draft)
    assert out_of_step_ids(draft) == [block.id]
    undo.apply(draft)
    assert draft.blocks == []


def test_side_by_side_spanish_cell_says_where_its_spanish_came_from(library: Library, qtbot):
    from app.ui.bilingual.rows import MAIN, ORIGIN_ROLE, OTHER
    from app.ui.bilingual.window import BilingualWindow
    from app.ui.editor.widget import DraftEditor

    library.add([UDHR_EN, UDHR_ES])
    english = library.search('"inherent dignity"', language="en")[0]
    insertion = library.insertion(english.clause_id, "en")
    draft = Draft(translations={"es": LanguageVersion("es")})
    insertion.operation(0, draft).apply(draft)
    editor = DraftEditor()
    qtbot.addWidget(editor)
    editor.set_draft(draft)
    view = BilingualWindow(editor)
    qtbot.addWidget(view)
    source = insertion.origins["es"].source
    assert view.rows.index(0, OTHER).data(ORIGIN_ROLE) == f"Agreed language from {source}"
    assert view.rows.index(0, MAIN).data(ORIGIN_ROLE).startswith("Agreed language from ")
    view.rows.setData(view.rows.index(0, OTHER), "Otra " + view.rows.cell_text(0, OTHER))
    assert view.rows.index(0, OTHER).data(ORIGIN_ROLE) == \
        f"Agreed language from {source} — 1 word changed"


def test_spanish_cell_looks_up_spanish_precedents(library: Library, qtbot):
    from PySide6.QtWidgets import QMainWindow

    from app.ui.bilingual.rows import MAIN, OTHER
    from app.ui.bilingual.window import BilingualWindow
    from app.ui.editor.widget import DraftEditor
    from app.ui.library_dock import LibraryDock

    library.add([UDHR_EN, UDHR_ES])
    english = library.search('"inherent dignity"', language="en")[0]
    insertion = library.insertion(english.clause_id, "en")
    draft = Draft(translations={"es": LanguageVersion("es")})
    insertion.operation(0, draft).apply(draft)
    window = QMainWindow()
    qtbot.addWidget(window)
    window.editor = DraftEditor(window)
    window.setCentralWidget(window.editor)
    window.editor.set_draft(draft)
    dock = LibraryDock(library, window, debounce_ms=10)
    window.docks = {"library": dock}
    window.show()
    view = BilingualWindow(window.editor, window)
    with qtbot.waitSignal(dock.precedentsShown, timeout=10_000) as shown:
        view.select_row(0, OTHER)
    assert shown.args[0] >= 1
    text = dock.precedents.toPlainText()
    assert "dignidad intrínseca" in text and "inherent dignity" not in text
    with qtbot.waitSignal(dock.precedentsShown, timeout=10_000):
        view.select_row(0, MAIN)
    assert "inherent dignity" in dock.precedents.toPlainText()
