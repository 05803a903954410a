"""File ▸ Print… and File ▸ Export to PDF… in the real window: the pages of the Word export."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter

from app.ui.print_pdf import print_note
from tests.conftest import LAPAZ_SEED
from tests.ui.window_support import (
    ModalWatcher,
    PathAnswers,
    isolated_settings,
    seed_file,
    window_maker,
)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdfinfo")),
                       reason="LibreOffice and poppler-utils are needed"),
]


class PdfAnswers(PathAnswers):
    def __init__(self, target) -> None:
        super().__init__()
        self.target = target
        self.suggested = None

    def export_pdf(self, parent, suggested):
        self.suggested = suggested
        return self.target


class PrintDialogAnswer(ModalWatcher):
    """Accepts (or cancels) the next print dialog, as the user clicking Print would."""

    def __init__(self, accept: bool = True) -> None:
        self.accept = accept
        self.seen: list[QPrintDialog] = []
        super().__init__()

    def answer(self, box) -> None:
        if isinstance(box, QPrintDialog):
            self.stop()
            self.seen.append(box)
            box.accept() if self.accept else box.reject()


def pages(pdf) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M).group(1))


@pytest.fixture
def window(qtbot, tmp_path):
    lapaz = seed_file(LAPAZ_SEED, tmp_path / "lapaz.concordia")
    with window_maker(qtbot, isolated_settings(tmp_path / "config")) as make:
        yield make(PdfAnswers(tmp_path / "note.pdf"), lapaz)


def test_export_to_pdf_then_print_to_a_pdf_printer_gives_the_same_pages(qtbot, window,
                                                                         tmp_path):
    action = window.actions_by_name["export_pdf"]
    assert action in window.menus["file"].actions()
    action.trigger()
    assert window.files.prompter.suggested == tmp_path / "lapaz-EN.pdf"   # beside the draft
    qtbot.waitUntil(lambda: window.pdf_task.outcome is not None, timeout=180_000)
    assert window.pdf_task.outcome == "done"
    exported = tmp_path / "note.pdf"
    text = subprocess.run(["pdftotext", str(exported), "-"], capture_output=True,
                          text=True).stdout
    assert "WE REAFFIRM the importance of the Mechanism" in " ".join(text.split())
    expected = pages(exported)
    assert expected >= 5

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    answer = PrintDialogAnswer()
    task = print_note(window, printer)
    assert answer.seen, "the system print dialog was shown"
    qtbot.waitUntil(lambda: task.outcome is not None, timeout=180_000)
    assert task.outcome == "done"
    assert pages(printed) == expected


def test_ctrl_p_opens_the_print_dialog_and_cancel_prints_nothing(qtbot, window):
    answer = PrintDialogAnswer(accept=False)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(answer.seen), timeout=5000)
    assert getattr(window, "print_task", None) is None
