"""The dialogs of the Negotiation pane: a square bracket's alternatives, the silence procedure."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from app.i18n import _
from app.importer.brackets import parse_alternative
from app.model.brackets import Alternative
from app.model.parties import normalise_code
from app.model.status import Silence


class BracketDialog(QDialog):
    """The words in the text are the first alternative; one line per other alternative."""

    def __init__(self, words: str, parent: QWidget | None = None,
                 alternatives: list[Alternative] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Square Bracket"))
        form = QFormLayout(self)
        form.addRow(_("Words in the text:"), QLabel(words or _("(none)")))
        self.parties = QLineEdit()
        self.parties.setPlaceholderText(_("e.g. FR, ES"))
        form.addRow(_("&Proposed by:"), self.parties)
        self.others = QPlainTextEdit()
        self.others.setPlaceholderText(_("One alternative a line, proponents in parentheses:\n"
                                         "promote (CELAC)\ndelete (HU)"))
        form.addRow(_("&Alternatives:"), self.others)
        if alternatives:                 # editing a bracket: what it holds now
            self.parties.setText(", ".join(alternatives[0].parties))
            self.others.setPlainText("\n".join(
                # "suprimir" in Spanish: the parser reads both words as a deletion
                (alt.text or _("delete")) + (f" ({', '.join(alt.parties)})" if alt.parties else "")
                for alt in alternatives[1:]))
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def alternatives(self) -> tuple[list[str], list[Alternative]]:
        codes = [normalise_code(c) for c in self.parties.text().replace(";", ",").split(",")
                 if c.strip()]
        others = [parse_alternative(line) for line in self.others.toPlainText().splitlines()
                  if line.strip()]
        return codes, others


class SilenceDialog(QDialog):
    """The silence procedure on the text: its deadline, who broke it, or none."""

    def __init__(self, silence: Silence | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Silence Procedure"))
        form = QFormLayout(self)
        self.none = QCheckBox(_("&No silence procedure"))
        self.none.setChecked(silence is None)
        self.deadline = QDateTimeEdit()
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("yyyy-MM-dd HH:mm")
        when = silence.deadline if silence else datetime.now().replace(
            hour=12, minute=0, second=0, microsecond=0)
        self.deadline.setDateTime(QDateTime(when))
        self.broken = QLineEdit(", ".join(silence.broken_by) if silence else "")
        self.broken.setPlaceholderText(_("e.g. HU"))
        form.addRow(self.none)
        form.addRow(_("&Until:"), self.deadline)
        form.addRow(_("&Broken by:"), self.broken)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def silence(self) -> Silence | None:
        if self.none.isChecked():
            return None
        when = self.deadline.dateTime().toPython().replace(second=0, microsecond=0)
        codes = [normalise_code(c) for c in self.broken.text().replace(";", ",").split(",")
                 if c.strip()]
        return Silence(when, codes)
