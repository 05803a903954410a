"""The window on a team library: Library ▸ Library Location… takes a postgresql:// URL (or a
file), searches and precedents then come from it, cited as the source prints."""

from __future__ import annotations

import os

import pytest

pytest.importorskip("pytestqt")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit  # noqa: E402

from app.library import Library  # noqa: E402
from app.model import Block, BlockKind, Draft, TextRun  # noqa: E402

from .conftest import EU_CELAC_2023, LAPAZ_SEED  # noqa: E402

DOCS = os.environ.get("CONCORDIA_SCREENSHOTS")


def answer_location(qtbot, location: str, seen: list) -> None:
    """Types `location` into the Library Location dialog once it is up, and presses OK."""

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog.windowTitle() != "Library Location":
            QTimer.singleShot(20, fill)
            return
        field = dialog.findChild(QLineEdit, "library_location_field")
        seen.append(dialog)
        field.selectAll()
        qtbot.keyClicks(field, location)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok).click()

    QTimer.singleShot(20, fill)


def test_the_window_uses_a_library_on_a_server(qtbot, tmp_path, library_url):
    from app.ui.main_window import MainWindow
    from tests.ui.window_support import close_without_prompt, isolated_settings

    with Library(library_url) as shared:
        shared.add([LAPAZ_SEED])
        shared.add([EU_CELAC_2023], overrides={"date": "2023-07-18"})
    settings = isolated_settings(tmp_path / "config")
    window = MainWindow(settings)
    qtbot.addWidget(window)
    dock = window.docks["library"]
    seen: list = []
    answer_location(qtbot, library_url, seen)
    window.findChild(type(dock.location_action), "action_library_location").trigger()
    assert seen and dock.library is not None
    assert settings.library_location() == library_url
    assert dock.location.text().startswith("Library: ")
    # The paragraph quoting the 2023 declaration: its precedents, with the passages marked.
    from app.library.readers import read_source

    (we_note,) = [b.text for b in read_source(LAPAZ_SEED).blocks if b.text.startswith("WE NOTE")]
    window.editor.set_draft(Draft(blocks=[Block(BlockKind.OPERATIVE, [TextRun(we_note)], id="n")]))
    window.resize(1300, 800)
    window.show()
    dock.show()
    window.editor.go_to_block("n")
    with qtbot.waitSignal(dock.precedentsShown, timeout=10000) as shown:
        dock.follow_now()
    assert shown.args[0] >= 3
    pane = dock.precedents.toPlainText()
    assert "25 words from EU–CELAC Summit Declaration 2023, para. 2" in pane
    assert "§" not in pane
    assert "#fff3b0" in dock.precedents.toHtml()      # the shared passage is highlighted
    # Search comes from the server library too, cited as the source prints.
    with qtbot.waitSignal(dock.resultsShown, timeout=10000):
        qtbot.keyClicks(dock.search_field, '"common and shared responsibility"')
    labels = [source.label for row in range(dock.hit_count()) for source in dock.hit_at(row).sources]
    assert labels and not any("§" in label for label in labels)
    if DOCS and library_url.startswith("postgresql"):
        qtbot.wait(200)
        window.grab().save(os.path.join(DOCS, "library-postgresql-precedents.png"))
    close_without_prompt(window)
    window.editor.undo_stack.blockSignals(True)


def test_a_location_that_cannot_be_opened_says_why_and_keeps_the_current(qtbot, tmp_path):
    from app.ui.main_window import MainWindow
    from tests.ui.window_support import close_without_prompt, isolated_settings

    bogus = tmp_path / "bogus.sqlite"
    bogus.write_text("not a database")
    settings = isolated_settings(tmp_path / "config")
    window = MainWindow(settings)
    qtbot.addWidget(window)
    dock = window.docks["library"]
    seen: list = []

    def then_cancel() -> None:
        dialog = seen[0] if seen else None
        if dialog is None or not dialog.findChild(type(dialog.error), "library_location_error").isVisible():
            QTimer.singleShot(20, then_cancel)
            return
        seen.append(dialog.error.text())
        dialog.reject()

    answer_location(qtbot, str(bogus), seen)
    QTimer.singleShot(40, then_cancel)
    window.findChild(type(dock.location_action), "action_library_location").trigger()
    assert "not a Concordia library" in seen[-1]
    assert settings.library_location() == "" and dock.library is None
    close_without_prompt(window)
    window.editor.undo_stack.blockSignals(True)

