"""File ▸ Cover of the Translation…: From, To, Subject and the introductory sentence of the
translated note (its other fields — number, date, codes — are the draft's own).

Without it the only way to give the Spanish note its Subject was to import a Spanish text
carrying its cover, and the export's refusal ("the Spanish cover lacks: Subject …") sent the
drafter to the cover form, which holds the draft's own (English) cover. The change is one
`SetLanguageVersion` through `DraftEditor.apply_operation`, so Undo takes it back.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.docx.labels import ExportLabels
from app.i18n import _
from app.model import TRANSLATED_META_FIELDS, Draft
from app.model.in_step import translation_language
from app.model.ops import SetLanguageVersion

from . import dialogs
from .dialog_parts import status_line
from .editor.widget import DraftEditor
from .language_import import language_name


def show_translation_cover(window: QWidget | None, editor: DraftEditor) -> QDialog | None:
    """Open the dialog for the draft's translation; without one, say how to add it."""
    draft = editor.draft()
    language = translation_language(draft)
    if language not in draft.translations or not draft.translations[language].blocks:
        dialogs.show_error(window, _("The draft has no {language} text yet: import it first "
                                     "(File ▸ Import Spanish Text…).").format(
                                         language=language_name(language)),
                           _("Cover of the Translation"))
        return None
    dialog = TranslationCoverDialog(window, editor, language)
    dialog.open()
    return dialog


class TranslationCoverDialog(QDialog):
    def __init__(self, parent: QWidget | None, editor: DraftEditor, language: str) -> None:
        super().__init__(parent)
        self.setObjectName("translation_cover_dialog")
        self.editor = editor
        self.language = language
        name = language_name(language)
        self.setWindowTitle(_("Cover of the {language} Text").format(language=name))
        draft = editor.draft()
        meta = draft.translations[language].meta
        labels = ExportLabels(language)
        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        form = QFormLayout()
        for field_name, label in (("sender", _("From:")), ("recipient", _("To:")),
                                  ("subject", _("Subject:")), ("intro", _("Introduction:"))):
            english = getattr(draft.note, field_name)     # the draft's own wording
            if field_name in ("sender", "recipient"):
                widget: QLineEdit | QPlainTextEdit = QLineEdit(meta.get(field_name, ""))
                # the export's own wording for a usual sender or addressee, when left empty
                widget.setPlaceholderText(labels.party(english) or english)
            else:
                widget = QPlainTextEdit(meta.get(field_name, ""))
                widget.setTabChangesFocus(True)
                widget.setPlaceholderText(english)
                widget.setFixedHeight(widget.fontMetrics().lineSpacing()
                                      * (3 if field_name == "subject" else 6) + 14)
            widget.setObjectName("translation_cover_" + field_name)
            widget.setToolTip(english)
            form.addRow(label, widget)
            self.fields[field_name] = widget
        self.status = status_line("translation_cover_status")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("translation_cover_ok")
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        explanation = QLabel(_("The {language} note prints these in its cover; the other "
                               "fields are the draft's own. The grey text is the draft's "
                               "own wording.").format(language=name))
        explanation.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(620, self.sizeHint().height())
        if editor.text_edit.isReadOnly():
            self.ok_button.setEnabled(False)
            self.status.setText(_("This draft is open read-only; its cover cannot be changed."))

    def values(self) -> dict[str, str]:
        return {name: (widget.text() if isinstance(widget, QLineEdit)
                       else widget.toPlainText()).strip()
                for name, widget in self.fields.items()}

    def apply(self) -> None:
        draft: Draft = self.editor.draft()
        version = draft.translations.get(self.language)
        if version is None:                   # taken away (Undo) while the dialog was open
            self.status.setText(_("The translation is gone; nothing was changed."))
            return
        data = version.to_json()
        meta = {key: value for key, value in data.get("meta", {}).items()
                if key not in TRANSLATED_META_FIELDS}
        meta.update({key: value for key, value in self.values().items() if value})
        if meta != data.get("meta", {}):
            data["meta"] = meta
            self.editor.apply_operation(
                SetLanguageVersion(self.language, data),
                _("Edit the {language} cover").format(language=language_name(self.language)))
        self.accept()
