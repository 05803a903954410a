"""The La Paz seed with a few delegations' comments and reservations on its words, opened in
the real window: shared by the editing-tools tests and their screenshots."""

from __future__ import annotations

from pathlib import Path

from app.importer.text import import_text_file
from app.model import Draft
from app.model.annotations import Anchor, Comment, Reservation, ReservationKind
from app.model.find import BLOCK, find_all
from app.store import save_draft
from app.ui.editor.extra_selections import layer
from app.ui.main_window import MainWindow
from tests.conftest import LAPAZ_SEED
from tests.ui.window_support import PathAnswers, isolated_settings

#: (id, words, party, comment) placed on the first occurrence of the words in the annex.
COMMENTS = (
    ("c_es", "shared responsibility", "ES", "Keep 'common and shared responsibility' as agreed in Brussels in 2023."),
    ("c_hu", "all human rights", "HU", "Delete 'all': not agreed language."),
    ("c_fr", "evidence based approach", "FR", "Add 'scientific' before 'evidence'."),
    ("c_celac", "world drug problem", "CELAC", "CELAC prefers 'the world drug problem' throughout."),
)
RESERVATIONS = (
    ("r_de", "money laundering", ["DE"], ReservationKind.SCRUTINY),
    ("r_pl", "harm reduction", ["PL", "HU"], ReservationKind.SUBSTANTIVE),
)


def _span(draft: Draft, words: str) -> Anchor:
    match = next(m for m in find_all(draft, words) if m.where == BLOCK)
    return Anchor(match.key, match.start, match.end)


def annotated_lapaz() -> Draft:
    draft, _report = import_text_file(LAPAZ_SEED)
    for key, words, party, text in COMMENTS:
        draft.comments[key] = Comment(key, _span(draft, words), party, text, quote=words)
    for key, words, parties, kind in RESERVATIONS:
        draft.reservations[key] = Reservation(key, _span(draft, words), parties, kind, quote=words)
    return draft


def open_window(qtbot, folder: Path, draft: Draft | None = None) -> MainWindow:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "lapaz.concordia"
    save_draft(draft or annotated_lapaz(), path)
    window = MainWindow(isolated_settings(folder / "config"), PathAnswers(), autosave_ms=60_000)
    window.resize(1280, 860)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    assert window.files.open_path(path, ask_first=False)
    window.editor.text_edit.setFocus()
    if window.editor.draft().comments:
        # As a user would: the draft's marks are painted (one turn of the event loop) first.
        qtbot.waitUntil(lambda: bool(layer(window.editor.text_edit, "annotations")))
    return window
