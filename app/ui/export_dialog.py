"""File ▸ Export to Word…: language, target file, then the export in the background.

The dialog checks before it starts: a Spanish export of a draft without (complete) Spanish
text is refused with the writer's own sentence; an existing file is only replaced after the
user confirms (the button turns into "Replace"); a folder that cannot be written to is said
so at once. The export works on a copy of the draft, so editing may go on meanwhile.
"""

from __future__ import annotations

import copy
import os
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.docx import ExportError, ExportReport, export_note
from app.docx.localise import localise
from app.i18n import _
from app.model import Draft

from .dialog_parts import action_buttons, file_row, status_line, with_docx_suffix
from .save_places import suggested_file
from .worker import BackgroundTask, describe_error, run_in_background


def show_export_dialog(parent: QWidget | None, draft: Draft, path: Path | str | None) -> ExportDialog:
    """Open the dialog (window-modal, not blocking) for `draft`, saved at `path` if it is."""
    dialog = ExportDialog(parent, draft, Path(path) if path else None)
    dialog.open()
    return dialog


def suggested_target(draft_path: Path | None, language: str, draft: Draft | None = None) -> Path:
    """Beside the draft, named after it; an unsaved draft after its document number."""
    return suggested_file(draft, draft_path, f"-{language.upper()}.docx", _("note"))


class ExportDialog(QDialog):
    exported = Signal(object)       # ExportReport

    def __init__(self, parent: QWidget | None, draft: Draft, draft_path: Path | None) -> None:
        super().__init__(parent)
        self.setObjectName("export_dialog")
        self.setWindowTitle(_("Export to Word"))
        self.draft, self.draft_path = draft, draft_path
        self.task: BackgroundTask | None = None
        self.report: ExportReport | None = None
        self._confirmed_target: Path | None = None

        self.english = QRadioButton(_("English"))
        self.spanish = QRadioButton(_("Spanish"))
        self.english.setObjectName("export_language_en")
        self.spanish.setObjectName("export_language_es")
        self.languages = QButtonGroup(self)
        self.languages.addButton(self.english)
        self.languages.addButton(self.spanish)
        self.english.setChecked(True)
        language_row = QHBoxLayout()
        language_row.addWidget(self.english)
        language_row.addWidget(self.spanish)
        language_row.addStretch(1)

        self.target = QLineEdit(str(suggested_target(draft_path, "en", draft)))
        self.target.setObjectName("export_target")
        target_row = file_row(self.target, self._browse, "export")
        self.status = status_line("export_status")
        self.buttons, self.export_button = action_buttons(self, _("Export"), self.start_export,
                                                          "export_button")

        form = QFormLayout()
        form.addRow(_("Language:"), language_row)
        form.addRow(_("File:"), target_row)
        # Delegations' comments as Word comments (app.docx.comments); internal ones only in "all".
        self.comment_mode = QComboBox()
        self.comment_mode.setObjectName("export_comments")
        for mode, label in (("none", _("No comments")), ("circulation", _("Comments for circulation")),
                            ("all", _("All comments, internal ones too"))):
            self.comment_mode.addItem(label, mode)
        form.addRow(_("Comments:"), self.comment_mode)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())

        self.languages.buttonToggled.connect(self._language_changed)
        self.target.textChanged.connect(self._target_changed)
        self._language_changed()

    # -- state ------------------------------------------------------------------------------
    @property
    def language(self) -> str:
        return "es" if self.spanish.isChecked() else "en"

    def _language_changed(self, *_args) -> None:
        # Follow the language in the suggested name unless the user typed their own.
        current = Path(self.target.text().strip()) if self.target.text().strip() else None
        for code in ("en", "es"):
            if current == suggested_target(self.draft_path, code, self.draft) \
                    and code != self.language:
                self.target.setText(str(suggested_target(self.draft_path, self.language,
                                                         self.draft)))
        problem = self._language_problem()
        self.export_button.setEnabled(problem is None)
        self._say(problem or "")

    def _language_problem(self) -> str | None:
        try:
            localise(self.draft, self.language)
        except ExportError as error:
            return str(error)
        return None

    def _target_changed(self, _text: str) -> None:
        self._confirmed_target = None
        self.export_button.setText(_("Export"))
        if self._language_problem() is None:
            self._say("")

    def _say(self, text: str) -> None:
        self.status.setText(text)

    def _browse(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, _("Export to Word"), self.target.text(), _("Word documents (*.docx)"),
            options=QFileDialog.DontConfirmOverwrite,   # the dialog asks itself, once
        )
        if chosen:
            self.target.setText(with_docx_suffix(chosen))

    # -- export -----------------------------------------------------------------------------
    def target_problem(self, target: Path) -> str | None:
        folder = target.parent
        if not target.name:
            return _("Choose a file name for the note.")
        if target.is_dir():
            return _("“{name}” is a folder; choose a file name for the note.").format(name=target)
        if not folder.is_dir():
            return _("The folder “{folder}” does not exist.").format(folder=folder)
        if not os.access(folder, os.W_OK | os.X_OK):
            return _("Concordia cannot write in the folder “{folder}”: it is read-only or you lack "
                     "permission; choose another folder.").format(folder=folder)
        if target.exists() and not os.access(target, os.W_OK):
            return _("“{name}” is read-only; choose another file name.").format(name=target.name)
        return None

    def start_export(self) -> None:
        if self.task is not None and self.task.running:
            return
        text = self.target.text().strip()
        target = Path(text).expanduser() if text else Path()
        problem = self.target_problem(target) if text else _("Choose a file name for the note.")
        if problem:
            self._say(problem)
            return
        if target.exists() and self._confirmed_target != target:
            self._confirmed_target = target
            self.export_button.setText(_("Replace"))
            self._say(_("“{name}” already exists. Click Replace to overwrite it, or choose another "
                        "name.").format(name=target.name))
            return
        language = self.language
        snapshot = copy.deepcopy(self.draft)   # the editor may change the draft meanwhile
        comment_mode = self.comment_mode.currentData()   # read here: the work runs in a thread
        self.export_button.setEnabled(False)
        self._say(_("Exporting…"))
        self.task = run_in_background(
            self, lambda progress: export_note(snapshot, target, language, progress,
                                               comments=comment_mode),
            title=_("Exporting to Word"), on_done=self._done, on_error=self._failed,
            on_cancelled=self._cancelled,
        )

    def _done(self, report: ExportReport) -> None:
        self.report = report
        self.exported.emit(report)
        self.accept()
        parent = self.parentWidget()
        if parent is not None:
            box = QMessageBox(QMessageBox.Information, _("Export to Word"),
                              _("The note was exported to “{path}”.").format(path=report.path),
                              QMessageBox.Ok, parent)
            box.setObjectName("export_done_message")
            if report.warnings:
                box.setInformativeText("\n".join(report.warnings))
            box.open()

    def _failed(self, error: BaseException) -> None:
        self.export_button.setEnabled(True)
        self._say(describe_error(error))

    def _cancelled(self) -> None:
        self.export_button.setEnabled(True)
        self._say(_("The export was cancelled; no file was written."))
