"""What a negotiator reads in the Spanish window: the panes speak Spanish about the draft's
reservations, and no label of the Find bar is cut off in the window's usual size."""

from __future__ import annotations

import pytest

from app.i18n import set_ui_language
from app.model import Block, BlockKind, Draft, TextRun
from app.model.annotation_ops import AddReservation
from app.model.annotations import Anchor, Reservation, ReservationKind
from app.ui.negotiation_pane import NegotiationPane
from tests.ui.window_support import editor_with


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
