"""The note as PDF: the Word export, rendered by LibreOffice headless, so the PDF (and what
File ▸ Print prints) has the same pages as the Word file.

LibreOffice runs with a private user profile in a temporary folder, so a conversion works
while the user has LibreOffice open (a shared profile would hand the job to that instance or
refuse), and with a time limit. Without LibreOffice the export says so in one sentence,
naming the Debian package to install.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from app.atomic import replace_file
from app.i18n import _
from app.model import Draft
from app.progress import Progress

from .localise import ExportError

#: Debian's LibreOffice word processor without its desktop parts (enough to convert).
DEBIAN_PACKAGE = "libreoffice-writer-nogui"
#: Seconds a conversion may take (a first start of LibreOffice makes its profile: slow).
TIMEOUT_SECONDS = 180


def find_libreoffice() -> str | None:
    """The LibreOffice program, or None. CONCORDIA_SOFFICE may name another one."""
    chosen = os.environ.get("CONCORDIA_SOFFICE")
    if chosen is not None:
        return shutil.which(chosen)
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(docx: Path, pdf: Path, timeout: float = TIMEOUT_SECONDS) -> Path:
    """Convert a Word file to `pdf` (replaced atomically); ExportError in one sentence."""
    program = find_libreoffice()
    if program is None:
        raise ExportError(_(
            "A PDF is made by LibreOffice, which is not installed: install the Debian "
            "package {package} (apt-get install {package}) and try again.").format(
                package=DEBIAN_PACKAGE))
    with tempfile.TemporaryDirectory(prefix="concordia-pdf-") as scratch:
        folder = Path(scratch)
        profile = folder / "profile"
        command = [program, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                   "--norestore", "--nologo", "--convert-to", "pdf", "--outdir",
                   str(folder / "out"), str(docx)]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                                  stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired as error:
            raise ExportError(_(
                "LibreOffice did not finish the PDF within {seconds} seconds; try again, or "
                "export to Word and print from there.").format(seconds=int(timeout))) from error
        except OSError as error:
            raise ExportError(_("LibreOffice could not be started ({error}).").format(
                error=error.strerror or error)) from error
        made = folder / "out" / (docx.stem + ".pdf")
        if done.returncode != 0 or not made.is_file() or made.stat().st_size == 0:
            detail = (done.stderr or done.stdout).strip().splitlines()
            raise ExportError(_("LibreOffice could not make the PDF ({detail}).").format(
                detail=detail[-1] if detail else _("exit code {code}").format(
                    code=done.returncode)))
        try:
            replace_file(pdf, lambda temp: shutil.copyfile(made, temp))
        except OSError as error:
            raise ExportError(_("“{name}” could not be written ({error}).").format(
                name=pdf, error=error.strerror or error)) from error
    return pdf


def export_pdf(draft: Draft, path: Path | str, language: str = "en",
               progress: Progress | None = None, comments: str = "none",
               view: str | None = None):
    """Write the note as PDF: the Word export (app.docx.writer) rendered by LibreOffice, in
    bracket `view` (app.docx.bracket_view). Returns the Word export's ExportReport, with
    `path` the PDF."""
    from .writer import export_note

    progress = progress or Progress()
    target = Path(path)
    with tempfile.TemporaryDirectory(prefix="concordia-note-") as scratch:
        docx = Path(scratch) / f"{target.stem or 'note'}.docx"
        report = export_note(draft, docx, language, progress, comments=comments, view=view)
        progress.step(1, 2, _("Making the PDF"))
        docx_to_pdf(docx, target)
        progress.step(2, 2, _("PDF written"))
    report.path = target
    return report


def page_images(pdf: Path, folder: Path, dpi: int = 300, first: int = 0, last: int = 0,
                timeout: float = TIMEOUT_SECONDS) -> list[Path]:
    """The PDF's pages (first … last, 1-based; 0: from the start / to the end) as PNG images
    in `folder`, in order, rendered by poppler's pdftoppm (what Print paints on the printer's
    pages: Qt's PDF module is not part of PySide6-Essentials)."""
    program = shutil.which("pdftoppm")
    if program is None:
        raise ExportError(_(
            "Printing needs poppler's pdftoppm, which is not installed: install the Debian "
            "package poppler-utils (apt-get install poppler-utils) and try again."))
    command = [program, "-r", str(dpi), "-png"]
    if first:
        command += ["-f", str(first)]
    if last:
        command += ["-l", str(last)]
    try:
        done = subprocess.run([*command, str(pdf), str(folder / "page")], capture_output=True,
                              text=True, timeout=timeout, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired as error:
        raise ExportError(_("The pages were not ready for printing within {seconds} seconds.")
                          .format(seconds=int(timeout))) from error
    if done.returncode != 0:
        detail = done.stderr.strip().splitlines()
        raise ExportError(_("The pages could not be prepared for printing ({detail}).").format(
            detail=detail[-1] if detail else done.returncode))
    # pdftoppm numbers pages page-01.png … with as many digits as the last page needs.
    return sorted(folder.glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
