"""What a negotiator reads in the Spanish window: the panes speak Spanish about the draft's
reservations, and no label of the Find bar is cut off in the window's usual size."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.i18n import set_ui_language
from app.model import Block, BlockKind, Draft, TextRun
from app.model.annotation_ops import AddReservation
from app.model.annotations import Anchor, Reservation, ReservationKind
from app.ui.negotiation_pane import NegotiationPane
from tests.ui.window_support import (
    PathAnswers,
    close_without_prompt,
    editor_with,
    isolated_settings,
    seed_file,
)


@pytest.fixture
def spanish():
    set_ui_language("es")
    try:
        yield
    finally:
        set_ui_language("en")


def reserved_draft() -> Draft:
    draft = Draft(blocks=[
        Block(BlockKind.TITLE, [TextRun("Joint Declaration")], id="t"),
        Block(BlockKind.NUMBERED, [TextRun("We agree to tackle organised crime.")], id="b1"),
        Block(BlockKind.NUMBERED, [TextRun("We address harm reduction.")], id="b2"),
    ])
    AddReservation(Reservation("r1", Anchor("b1"), ["HU", "BE"],
                               ReservationKind.SCRUTINY).to_json()).apply(draft)
    AddReservation(Reservation("r2", Anchor("b2"), ["CELAC"], ReservationKind.POSITION,
                               text_en="CELAC recalls its position on harm reduction.").to_json()
                   ).apply(draft)
    return draft


def tree_texts(tree) -> list[str]:
    texts = []
    for index in range(tree.topLevelItemCount()):
        heading = tree.topLevelItem(index)
        texts += [heading.child(row).text(1) for row in range(heading.childCount())]
    return texts


def test_the_negotiation_pane_names_reservations_in_spanish(qtbot, spanish):
    editor = editor_with(qtbot, reserved_draft())
    pane = NegotiationPane(editor)
    qtbot.addWidget(pane)
    pane.board.fill(editor.draft())
    summary = pane.board.summary.text()
    rows = tree_texts(pane.board.tree)
    assert "reserva de estudio" in summary
    assert "BE: reserva de estudio" in rows and "CELAC: declaración de posición" in rows
    for english in ("scrutiny reservation", "position statement"):
        assert english not in summary
        assert not any(english in row for row in rows)


@pytest.fixture
def spanish_window(qtbot, tmp_path, clasi_seed, spanish):
    """The Spanish window of a negotiator at work: 1440 × 900, the CLASI draft open, every
    panel shown where it starts (the negotiation and comments panes on the right)."""
    from app.ui.main_window import MainWindow

    draft_file = seed_file(clasi_seed, tmp_path / "clasi.concordia")
    window = MainWindow(isolated_settings(tmp_path / "config"), PathAnswers(), autosave_ms=60_000)
    try:
        window.resize(1440, 900)
        window.show()
        assert window.files.open_path(draft_file, ask_first=False)
        for dock in window.docks.values():
            dock.show()
        qtbot.wait(50)
        yield window
    finally:
        close_without_prompt(window)
        window.files.close_session()


def cut_off(widgets) -> list[str]:
    return [f"{w.text()!r}: {w.width()} px of {w.sizeHint().width()}"
            for w in widgets if w.isVisible() and w.width() < w.sizeHint().width()]


def test_no_find_bar_label_is_cut_off_in_spanish(qtbot, spanish_window):
    bar = spanish_window.find_bar
    qtbot.keyClick(spanish_window.editor.text_edit, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(50)
    assert bar.replace_field.isVisible() and bar.match_case.text() != "Match case"
    boxes = (bar.match_case, bar.whole_word, bar.ignore_accents)
    assert all(box.isVisible() for box in boxes)
    assert not cut_off(boxes + (bar.replace_button, bar.replace_all_button))
    assert spanish_window.width() == 1440           # and the window did not grow for them
