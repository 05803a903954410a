"""File ▸ Print… (Ctrl+P) and File ▸ Export to PDF…: the pages of the Word export.

Both start from the same PDF (app.docx.pdf: the Word file rendered by LibreOffice headless),
made in the background with progress, from a snapshot of the draft. Export to PDF writes it
where the user says. Print opens the system print dialog (QPrintDialog), renders the chosen
pages at up to 300 dpi (poppler's pdftoppm, since Qt's PDF module is not in PySide6-Essentials)
and paints them on the printer's pages, so the printer, page range and copies chosen in the
dialog apply, a PDF printer included.
"""

from __future__ import annotations

import copy
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QAction, QImage, QKeySequence, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog

from app.docx.pdf import export_pdf, page_images
from app.i18n import _, ngettext
from app.progress import Progress

from .worker import BackgroundTask, run_in_background

if TYPE_CHECKING:
    from .main_window import MainWindow

#: The finest rendering sent to a printer (finer only makes the job larger).
MAX_DPI = 300


def suggested_pdf(window: MainWindow, language: str) -> Path:
    """Beside the draft, named after it ("clasi-EN.pdf"); else in the last folder used."""
    path = window.files.session.path
    if path is not None:
        return path.with_name(f"{path.stem}-{language.upper()}.pdf")
    folder = window.settings.last_folder() or str(Path.home())
    return Path(folder) / f"{_('note')}-{language.upper()}.pdf"


def ask_pdf_path(window: MainWindow, suggested: Path) -> Path | None:
    """Where to write the PDF; a prompter may answer instead of the dialog (tests)."""
    ask = getattr(window.files.prompter, "export_pdf", None)
    if callable(ask):
        return ask(window, suggested)
    chosen, _filter = QFileDialog.getSaveFileName(window, _("Export to PDF"), str(suggested),
                                                  _("PDF documents (*.pdf)"))
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def export_to_pdf(window: MainWindow) -> BackgroundTask | None:
    """File ▸ Export to PDF…: ask where, then write it in the background."""
    draft = copy.deepcopy(window.current_draft())
    language = draft.language or "en"
    target = ask_pdf_path(window, suggested_pdf(window, language))
    if target is None:
        return None

    def done(report) -> None:
        window.statusBar().showMessage(_("Exported {path}.").format(path=report.path), 8000)

    window.pdf_task = run_in_background(
        window, lambda progress: export_pdf(draft, target, language, progress),
        title=_("Exporting to PDF"), on_done=done)
    return window.pdf_task


def print_note(window: MainWindow, printer: QPrinter | None = None) -> BackgroundTask | None:
    """File ▸ Print…: the system print dialog, then the note's pages on the chosen printer."""
    printer = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, window)
    dialog.setObjectName("print_dialog")
    dialog.setWindowTitle(_("Print"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    draft = copy.deepcopy(window.current_draft())
    language = draft.language or "en"
    dpi = min(printer.resolution(), MAX_DPI)
    first, last = _page_range(printer)
    scratch = Path(tempfile.mkdtemp(prefix="concordia-print-"))

    def work(progress: Progress) -> list[Path]:
        pdf = scratch / "note.pdf"
        export_pdf(draft, pdf, language, progress)
        progress.step(0, 1, _("Preparing the pages"))
        return page_images(pdf, scratch, dpi, first, last)

    def done(pages: list[Path]) -> None:
        paint_pages(printer, pages)
        window.statusBar().showMessage(ngettext(
            "Sent {count} page to the printer.", "Sent {count} pages to the printer.",
            len(pages)).format(count=len(pages)), 8000)

    dialog.deleteLater()
    window.print_task = run_in_background(window, work, title=_("Printing"), on_done=done)
    # However it ends (done, refused, cancelled): the temporary pages go.
    window.print_task.finished.connect(lambda: shutil.rmtree(scratch, ignore_errors=True))
    return window.print_task


def _page_range(printer: QPrinter) -> tuple[int, int]:
    if printer.printRange() == QPrinter.PrintRange.PageRange:
        return printer.fromPage(), printer.toPage()
    return 0, 0


def paint_pages(printer: QPrinter, pages: list[Path]) -> None:
    """Each page image on a printer page, scaled to the whole paper, as LibreOffice laid it
    out (its margins are in the image)."""
    printer.setFullPage(True)
    painter = QPainter()
    if not pages or not painter.begin(printer):
        return
    try:
        for index, page in enumerate(pages):
            if index:
                printer.newPage()
            image = QImage(str(page))
            paper = printer.paperRect(QPrinter.Unit.DevicePixel).toRect()
            size = image.size().scaled(paper.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(paper.topLeft(), size), image)
    finally:
        painter.end()


def _window_action(window: MainWindow, key: str, text: str, slot, shortcuts=()) -> QAction:
    action = QAction(text, window)
    action.setObjectName("action_" + key)
    action.setShortcuts(list(shortcuts))
    action.triggered.connect(lambda _checked=False: slot())
    window.actions_by_name[key] = action
    window.addAction(action)        # the shortcut works with the menu bar hidden too
    return action


def install(window: MainWindow) -> None:
    """Export to PDF… and Print… (Ctrl+P) in the File menu, after Export to Word…"""
    menu = window.menus["file"]
    actions = menu.actions()
    word = window.actions_by_name.get("export_word")
    anchor = word if word in actions else window.actions_by_name["close"]
    after = actions.index(anchor) + (1 if anchor is word else 0)
    before = actions[after] if after < len(actions) else None
    pdf = _window_action(window, "export_pdf", _("Export to PD&F…"),
                         lambda: export_to_pdf(window))
    printing = _window_action(window, "print", _("&Print…"), lambda: print_note(window),
                              [QKeySequence(QKeySequence.StandardKey.Print)])
    for action in (pdf, printing):
        menu.insertAction(before, action)
