"""What a negotiator reads in the Spanish window: the panes speak Spanish about the draft's
reservations, and no label of the Find bar is cut off in the window's usual size."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QComboBox

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


@contextmanager
def window_at_work(tmp_path: Path, seed: Path, language: str) -> Iterator:
    """The window of a negotiator at work in `language`: 1440 × 900, the CLASI draft open,
    every panel shown where it starts (the negotiation and comments panes on the right)."""
    from app.ui.main_window import MainWindow

    set_ui_language(language)
    draft_file = seed_file(seed, tmp_path / "clasi.concordia")
    window = MainWindow(isolated_settings(tmp_path / "config"), PathAnswers(), autosave_ms=60_000)
    try:
        window.resize(1440, 900)
        window.show()
        assert window.files.open_path(draft_file, ask_first=False)
        for dock in window.docks.values():
            dock.show()
        yield window
    finally:
        close_without_prompt(window)
        window.files.close_session()
        set_ui_language("en")


@pytest.fixture
def spanish_window(qtbot, tmp_path, clasi_seed):
    with window_at_work(tmp_path, clasi_seed, "es") as window:
        qtbot.wait(50)
        yield window


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


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_cover_form_fits_its_panel(qtbot, tmp_path, clasi_seed, language):
    with window_at_work(tmp_path, clasi_seed, language) as window:
        window.docks["cover"].raise_()
        qtbot.wait(50)
        form = window.cover_form
        assert form.isVisible()
        viewport = form.viewport()
        beyond = [name for name, field in form._fields.items()
                  if field.widget.mapTo(viewport, QPoint(field.widget.width(), 0)).x()
                  > viewport.width()]
        assert not beyond, f"fields running off the panel's right edge: {beyond}"
        assert not form.horizontalScrollBar().isVisible()
        assert window.width() == 1440


def test_the_document_types_read_in_spanish_and_keep_their_value(qtbot, spanish):
    from app.model import NoteMeta
    from app.ui.cover_form import CoverForm

    applied = []
    form = CoverForm(lambda operation, _label: applied.append(operation))
    qtbot.addWidget(form)
    form.show_note(NoteMeta(number="10245/23"))
    combo = form.findChild(QComboBox, "cover_doc_type")
    names = [combo.itemText(index) for index in range(combo.count())]
    assert names == ["NOTA", "NOTA DE TRANSMISIÓN", "NOTA PUNTO «I/A»"]
    combo.setCurrentIndex(1)
    combo.activated.emit(1)
    assert [(op.field_name, op.value) for op in applied] == [("doc_type", "COVER NOTE")]


def with_spanish_annex_only(draft: Draft) -> None:
    """A Spanish version of every paragraph, as an annex imported without its cover."""
    from app.model import LanguageVersion

    version = LanguageVersion("es", blocks={b.id: list(b.content) for b in draft.blocks},
                              footnotes={fid: f.text for fid, f in draft.footnotes.items()})
    draft.translations["es"] = version


def test_the_translation_cover_is_filled_in_the_window_and_undone(qtbot, tmp_path, clasi_seed):
    from app.docx.localise import MissingTranslationError, localise
    from app.ui.main_window import MainWindow
    from app.ui.translation_cover import TranslationCoverDialog

    draft_file = seed_file(clasi_seed, tmp_path / "clasi.concordia", with_spanish_annex_only)
    window = MainWindow(isolated_settings(tmp_path / "config"), PathAnswers(), autosave_ms=60_000)
    try:
        window.show()
        assert window.files.open_path(draft_file, ask_first=False)
        with pytest.raises(MissingTranslationError, match="Cover of the Translation"):
            localise(window.current_draft(), "es")
        window.actions_by_name["translation_cover"].trigger()
        dialog = window.findChild(TranslationCoverDialog)
        qtbot.waitUntil(dialog.isVisible, timeout=2000)
        subject = dialog.fields["subject"]
        assert subject.placeholderText().startswith("Draft Joint Declaration")  # what to translate
        assert dialog.fields["recipient"].placeholderText() == "Delegaciones"   # the export's word
        subject.setPlainText("Proyecto de Declaración Conjunta UE-CLASI")
        dialog.fields["intro"].setPlainText("Se remite a las Delegaciones el proyecto.")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        local = localise(window.current_draft(), "es")
        assert local.subject == "Proyecto de Declaración Conjunta UE-CLASI"
        assert local.recipient == "Delegaciones" and local.sender == "Presidencia"
        assert window.current_draft().note.subject.startswith("Draft Joint")   # its own cover kept
        window.undo()
        assert "subject" not in window.current_draft().translations["es"].meta
    finally:
        close_without_prompt(window)
        window.files.close_session()


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_action_of_the_comments_pane_is_on_show(qtbot, tmp_path, clasi_seed, language):
    """Not one behind the toolbar's » where nobody looks for Delete."""
    from PySide6.QtWidgets import QToolBar

    with window_at_work(tmp_path, clasi_seed, language) as window:
        window.docks["comments"].raise_()
        qtbot.wait(50)
        pane = window.comments_pane
        bars = pane.findChildren(QToolBar)
        actions = [(bar, action) for bar in bars for action in bar.actions()]
        assert len(actions) >= 7
        hidden = [action.text() for bar, action in actions
                  if not bar.widgetForAction(action).isVisible()]
        assert not hidden, f"behind the »: {hidden}"


def ink_rows(image) -> set[int]:
    """The rows of `image` where something darker than the background is drawn."""
    background = image.pixelColor(image.width() - 3, image.height() - 3).lightness()
    return {y for y in range(image.height()) for x in range(3, image.width() - 3, 2)
            if image.pixelColor(x, y).lightness() < background - 40}


def test_a_long_placeholder_wraps_in_the_precedents_view(qtbot):
    from app.ui.wrapped_placeholder import WrappedPlaceholderBrowser

    view = WrappedPlaceholderBrowser()
    qtbot.addWidget(view)
    view.setPlaceholderText("Aquí aparecen los precedentes del párrafo en el que está el cursor.")
    view.resize(250, 120)
    view.show()
    qtbot.waitExposed(view)
    line = view.fontMetrics().lineSpacing()
    rows = ink_rows(view.viewport().grab().toImage())
    top = int(view.document().documentMargin())
    assert any(top + line <= y < top + 2 * line for y in rows), "the second line is missing"
    assert view.placeholderText().endswith("cursor.")
    view.setHtml("<p>6914/24 ¶ 7</p>")                # text shown: no placeholder under it
    assert view.toPlainText() == "6914/24 ¶ 7"


def test_the_library_panel_uses_the_wrapping_view(qtbot, tmp_path, clasi_seed):
    from app.ui.wrapped_placeholder import WrappedPlaceholderBrowser

    with window_at_work(tmp_path, clasi_seed, "en") as window:
        assert isinstance(window.library_dock.precedents, WrappedPlaceholderBrowser)


def test_the_bracket_dialog_says_suprimir_in_spanish_and_reads_it_back(qtbot, spanish):
    from app.model.brackets import Alternative
    from app.ui.bracket_dialogs import BracketDialog

    dialog = BracketDialog("harm reduction", alternatives=[
        Alternative("", ["ES", "FR"]), Alternative("risk reduction", ["CELAC"]),
        Alternative("", ["HU"])])
    qtbot.addWidget(dialog)
    assert "delete" not in dialog.others.placeholderText()
    assert "suprimir (HU)" in dialog.others.placeholderText()
    assert dialog.others.toPlainText() == "risk reduction (CELAC)\nsuprimir (HU)"
    codes, others = dialog.alternatives()
    assert codes == ["ES", "FR"]
    assert [(alt.text, alt.parties) for alt in others] == [("risk reduction", ["CELAC"]),
                                                          ("", ["HU"])]


def test_the_reservation_dialog_shows_its_whole_example_in_spanish(qtbot, spanish):
    from app.ui.annotation_dialogs import ReservationDialog

    dialog = ReservationDialog(True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    field = dialog.parties
    assert field.placeholderText() == "códigos separados por comas, p. ej., HU, PL"
    room = field.contentsRect().width() - 2 * field.textMargins().left() - 8
    assert field.fontMetrics().horizontalAdvance(field.placeholderText()) <= room
