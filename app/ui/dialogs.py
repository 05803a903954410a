"""The window's questions and messages: one sentence each, in the UI language.

`FilePrompter` asks for file paths only; tests may pass their own object with the same
methods so they need not drive the platform file dialog. Every other question is a real
QMessageBox (buttons carry object names so tests and accessibility tools can find them).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.store import DRAFT_SUFFIX

from .save_places import start_folder
from .settings import AppSettings


@contextmanager
def busy() -> Iterator[None]:
    """A wait cursor around work the user must wait for (never around a question)."""
    QApplication.setOverrideCursor(Qt.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def draft_filter() -> str:
    return _("Concordia drafts (*{suffix})").format(suffix=DRAFT_SUFFIX)


class FilePrompter:
    """Asks the user where to open, save or import; remembers the last folder."""

    def __init__(self, settings: AppSettings) -> None:
        self.settings = settings

    def _start_folder(self) -> str:
        return str(start_folder(None, self.settings.last_folder()))

    def _remember(self, chosen: str) -> Path | None:
        if not chosen:
            return None
        path = Path(chosen)
        self.settings.set_last_folder(path.parent)
        return path

    def open_draft(self, parent: QWidget | None) -> Path | None:
        chosen, _filter = QFileDialog.getOpenFileName(
            parent, _("Open Draft"), self._start_folder(),
            ";;".join((_("Drafts and Word documents (*.concordia *.docx)"), draft_filter(),
                       _("Word documents (*.docx)"), _("All files (*)"))),
        )
        return self._remember(chosen)

    def save_draft_as(self, parent: QWidget | None, suggested: Path | None) -> Path | None:
        """`suggested` is the current file, or a bare name to put in the last folder used."""
        suggested = suggested or Path(_("Untitled") + DRAFT_SUFFIX)
        start = str(suggested if suggested.is_absolute() else Path(self._start_folder()) / suggested)
        chosen, _filter = QFileDialog.getSaveFileName(parent, _("Save Draft As"), start, draft_filter())
        path = self._remember(chosen)
        if path is not None and path.suffix != DRAFT_SUFFIX:
            path = path.with_name(path.name + DRAFT_SUFFIX)
        return path

    def import_text(self, parent: QWidget | None) -> Path | None:
        chosen, _filter = QFileDialog.getOpenFileName(
            parent, _("Import Text"), self._start_folder(),
            ";;".join((_("Word, text and Markdown (*.docx *.txt *.md *.markdown)"),
                       _("Word documents (*.docx)"), _("Text and Markdown (*.txt *.md *.markdown)"),
                       _("All files (*)"))),
        )
        return self._remember(chosen)


def _box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.NoButton, parent)
    box.setObjectName("concordia_message")
    return box


def show_error(parent: QWidget | None, text: str, title: str | None = None) -> None:
    box = _box(parent, QMessageBox.Warning, title or _("Concordia"), text)
    box.addButton(QMessageBox.Ok)
    box.exec()


def show_info(parent: QWidget | None, text: str, title: str | None = None,
              details: str = "") -> None:
    box = _box(parent, QMessageBox.Information, title or _("Concordia"), text)
    if details:
        box.setDetailedText(details)
    box.addButton(QMessageBox.Ok)
    box.exec()


class ErrorDialog(QDialog):
    """An internal error: the sentence, where the work was kept, and the traceback to copy.

    "Copy Details" puts the traceback on the clipboard and leaves the dialog open, so the
    user can paste it into a bug report; "Close" closes it.
    """

    def __init__(self, parent: QWidget | None, title: str, text: str, details: str,
                 note: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("concordia_error")
        self.setWindowTitle(title)
        self.details = details
        layout = QVBoxLayout(self)
        self.message = QLabel(text)
        self.message.setObjectName("error_message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout.addWidget(self.message)
        self.note = QLabel(note)
        self.note.setObjectName("error_note")
        self.note.setWordWrap(True)
        self.note.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.note.setVisible(bool(note))
        layout.addWidget(self.note)
        self.details_view = QPlainTextEdit(details)
        self.details_view.setObjectName("error_details")
        self.details_view.setReadOnly(True)
        self.details_view.setLineWrapMode(QPlainTextEdit.NoWrap)
        layout.addWidget(self.details_view)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        self.copy_button = buttons.addButton(_("Copy Details"), QDialogButtonBox.ActionRole)
        self.copy_button.setObjectName("copy_details")
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def copy_details(self) -> None:
        QApplication.clipboard().setText(self.details)
        self.copy_button.setText(_("Copied"))


def ask_unsaved_changes(parent: QWidget | None, name: str) -> str:
    """"save", "discard" or "cancel" for a draft with unsaved changes."""
    box = _box(parent, QMessageBox.Warning, _("Unsaved Changes"),
               _("Save the changes to “{name}” before closing?").format(name=name))
    box.setInformativeText(_("If you don't save, your changes since the last save are lost."))
    save = box.addButton(QMessageBox.Save)
    discard = box.addButton(QMessageBox.Discard)
    cancel = box.addButton(QMessageBox.Cancel)
    return _answer(box, {"save": save, "discard": discard}, default=save, cancel=cancel)


def ask_open_read_only(parent: QWidget | None, message: str) -> bool:
    box = _box(parent, QMessageBox.Question, _("Draft in Use"), message)
    box.setInformativeText(_("You can read it, and keep a copy with Save As."))
    read_only = box.addButton(_("Open Read-Only"), QMessageBox.AcceptRole)
    read_only.setObjectName("open_read_only")
    cancel = box.addButton(QMessageBox.Cancel)
    box.setDefaultButton(read_only)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is read_only


def ask_damaged_draft(parent: QWidget | None, name: str, problems: list[str]) -> str:
    """"repair", "read_only" or "cancel" for a draft that breaks invariants."""
    box = _box(parent, QMessageBox.Warning, _("Damaged Draft"),
               _("“{name}” has problems and was not opened as it is.").format(name=name))
    box.setInformativeText("\n".join("• " + problem for problem in problems))
    repair = box.addButton(_("Repair"), QMessageBox.AcceptRole)
    repair.setObjectName("repair")
    read_only = box.addButton(_("Open Read-Only"), QMessageBox.ActionRole)
    read_only.setObjectName("open_read_only")
    cancel = box.addButton(QMessageBox.Cancel)
    return _answer(box, {"repair": repair, "read_only": read_only}, default=repair, cancel=cancel)


def _answer(box: QMessageBox, choices: dict, default, cancel) -> str:
    """Run `box`; the key of the button clicked, or "cancel" (Escape, the close box)."""
    box.setDefaultButton(default)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    return next((key for key, button in choices.items() if clicked is button), "cancel")


def ask_recover(parent: QWidget | None, name: str, copy_note: str) -> bool:
    """True to restore the autosaved copy, False to open the last saved version.

    `copy_note` says when the copy was made and that later edits are not in it."""
    box = _box(parent, QMessageBox.Question, _("Recover Unsaved Changes"),
               _("“{name}” has unsaved changes that were kept automatically.").format(name=name))
    box.setInformativeText(copy_note + "\n" + _("Restore them, or open the last saved version?"))
    restore = box.addButton(_("Restore Changes"), QMessageBox.AcceptRole)
    restore.setObjectName("restore")
    saved = box.addButton(_("Open Saved Version"), QMessageBox.RejectRole)
    saved.setObjectName("open_saved")
    box.setDefaultButton(restore)
    box.setEscapeButton(saved)
    box.exec()
    return box.clickedButton() is restore


def ask_recover_untitled(parent: QWidget | None, when: str, copy_note: str = "") -> bool:
    """True to restore a never-saved draft left by a crash, False to discard it."""
    box = _box(parent, QMessageBox.Question, _("Recover Unsaved Draft"),
               _("Concordia closed before a new draft was saved; a copy from {when} was kept.").format(
                   when=when))
    box.setInformativeText((copy_note + "\n" if copy_note else "") + _("Restore it, or discard it?"))
    restore = box.addButton(_("Restore Draft"), QMessageBox.AcceptRole)
    restore.setObjectName("restore")
    discard = box.addButton(QMessageBox.Discard)
    box.setDefaultButton(restore)
    box.setEscapeButton(restore)  # closing the question must not lose the draft
    box.exec()
    return box.clickedButton() is not discard


def ask_save_as_instead(parent: QWidget | None, message: str) -> bool:
    box = _box(parent, QMessageBox.Warning, _("Cannot Save"), message)
    save_as = box.addButton(_("Save As…"), QMessageBox.AcceptRole)
    save_as.setObjectName("save_as")
    cancel = box.addButton(QMessageBox.Cancel)
    box.setDefaultButton(save_as)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is save_as


def show_about(parent: QWidget | None) -> None:
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed_version

    try:
        version = installed_version("concordia")
    except PackageNotFoundError:  # running from a bare checkout
        version = ""
    QMessageBox.about(
        parent,
        _("About Concordia"),
        "<h3>Concordia {version}</h3><p>{text}</p><p>{licence}</p>".format(
            version=version,
            text=_("A drafting assistant for Council notes and joint declarations, "
                   "in English and Spanish."),
            licence=_("Licensed under the EUPL 1.2."),
        ),
    )
