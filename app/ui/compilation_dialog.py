"""File ▸ Export Compilation of Comments…: language, which comments, target file; then the
compilation is written in the background from a copy of the draft, like the note export.
"""

from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.docx import ExportError
from app.docx.compilation import CompilationReport, export_compilation
from app.docx.localise import localise
from app.i18n import _
from app.model import Draft

from .dialog_parts import action_buttons, file_row, status_line, with_docx_suffix
from .save_places import suggested_file
from .worker import BackgroundTask, describe_error, run_in_background


def compilation_action(window) -> QAction:
    """The File menu entry, for the window's current draft."""
    action = QAction(_("Export Compilation of Comments…"), window)
    action.setObjectName("action_export_compilation")
    action.triggered.connect(lambda _checked=False: show_compilation_dialog(
        window, window.editor.draft(), _draft_path(window)))
    return action


def _draft_path(window) -> Path | None:
    session = getattr(getattr(window, "files", None), "session", None)
    return getattr(session, "path", None)


def show_compilation_dialog(parent: QWidget | None, draft: Draft,
                            draft_path: Path | None) -> CompilationDialog:
    dialog = CompilationDialog(parent, draft, Path(draft_path) if draft_path else None)
    dialog.open()
    return dialog


class CompilationDialog(QDialog):
    """Language, which comments, target file; then the export in the background."""

    def __init__(self, parent: QWidget | None, draft: Draft, draft_path: Path | None) -> None:
        super().__init__(parent)
        self.setObjectName("compilation_dialog")
        self.setWindowTitle(_("Export Compilation of Comments"))
        self.draft = draft
        self.task: BackgroundTask | None = None
        self.report: CompilationReport | None = None
        self.language = QComboBox()
        self.language.addItem(_("English"), "en")
        self.language.addItem(_("Spanish"), "es")
        self.comments = QComboBox()
        self.comments.addItem(_("Comments for circulation"), "circulation")
        self.comments.addItem(_("All comments, internal ones too"), "all")
        self.target = QLineEdit(str(suggested_file(draft, draft_path, f"-{_('comments')}.docx",
                                                   _("draft"))))
        row = file_row(self.target, self._browse, "compilation")
        self.status = status_line("compilation_status")
        buttons, self.export_button = action_buttons(self, _("Export"), self.start_export,
                                                     "compilation_button")
        form = QFormLayout()
        form.addRow(_("Language:"), self.language)
        form.addRow(_("Comments:"), self.comments)
        form.addRow(_("File:"), row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())   # room for the file's path, as in Export

    def _browse(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(self, self.windowTitle(), self.target.text(),
                                                      _("Word documents (*.docx)"))
        if chosen:
            self.target.setText(with_docx_suffix(chosen))

    def start_export(self) -> None:
        if self.task is not None and self.task.running:
            return
        language = self.language.currentData()
        mode = self.comments.currentData()
        target = Path(self.target.text().strip()).expanduser()
        try:
            localise(self.draft, language)
        except ExportError as error:
            self.status.setText(str(error))
            return
        if not target.name or not target.parent.is_dir():
            self.status.setText(_("Choose a file name in an existing folder."))
            return
        snapshot = copy.deepcopy(self.draft)
        self.export_button.setEnabled(False)
        self.status.setText(_("Exporting…"))
        self.task = run_in_background(
            self, lambda progress: export_compilation(snapshot, target, language, mode, progress),
            title=_("Exporting the compilation"), on_done=self._done, on_error=self._failed)

    def _done(self, report: CompilationReport) -> None:
        self.report = report
        self.accept()
        window = self.parentWidget()
        if isinstance(window, QMainWindow):
            # The dialog is gone: say where the file went, as Export to Word does.
            window.statusBar().showMessage(
                _("The compilation of comments was exported to “{path}”.").format(path=report.path),
                15000)
        if report.warnings:       # internal comments inside: say it before the file is sent
            QMessageBox.warning(window, _("Export Compilation of Comments"), "\n".join(report.warnings))

    def _failed(self, error: BaseException) -> None:
        self.export_button.setEnabled(True)
        self.status.setText(describe_error(error))
