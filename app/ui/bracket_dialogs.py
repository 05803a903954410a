"""The dialogs of the Negotiation pane: a square bracket's alternatives, the silence procedure.

Parties are read as the command line reads them (app.model.party_input): "fr" is FR, a
party's full name is its code. On a code no delegation of the draft has, OK leaves the dialog
open with one sentence under the fields naming it and the parties that are known, and
nothing is changed in the draft until it is put right (or the dialog cancelled).
"""

from __future__ import annotations

from collections.abc import Iterable
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

from app.i18n import _, ui_language
from app.importer.brackets import typed_alternative
from app.model.brackets import Alternative
from app.model.parties import PartyRegistry
from app.model.party_input import typed_codes, unknown_parties_sentence
from app.model.status import Silence

from .party_completer import attach_party_list_completer


class _PartyChecking(QDialog):
    """OK checks the parties typed; an unknown one keeps the dialog open with a sentence."""

    def __init__(self, registry: PartyRegistry | None, in_use: Iterable[str],
                 parent: QWidget | None) -> None:
        super().__init__(parent)
        self.registry = registry or PartyRegistry()
        self.in_use = list(in_use)
        self.problem = QLabel()
        self.problem.setObjectName("party_problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020")
        self.problem.hide()

    def unknown_parties(self) -> list[str]:
        raise NotImplementedError

    def accept(self) -> None:
        unknown = self.unknown_parties()
        if unknown:
            self.problem.setText(unknown_parties_sentence(self.registry, unknown, self.in_use,
                                                          ui_language()))
            self.problem.show()
            return
        self.problem.hide()
        super().accept()

    def _buttons(self, form: QFormLayout) -> None:
        form.addRow(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class BracketDialog(_PartyChecking):
    """The words in the text are the first alternative; one line per other alternative."""

    def __init__(self, words: str, parent: QWidget | None = None,
                 alternatives: list[Alternative] | None = None,
                 registry: PartyRegistry | None = None, in_use: Iterable[str] = ()) -> None:
        super().__init__(registry, in_use, parent)
        self.setWindowTitle(_("Square Bracket"))
        form = QFormLayout(self)
        form.addRow(_("Words in the text:"), QLabel(words or _("(none)")))
        self.parties = QLineEdit()
        self.parties.setPlaceholderText(_("e.g. FR, ES"))
        attach_party_list_completer(self.parties, self.registry, ui_language())
        form.addRow(_("&Proposed by:"), self.parties)
        self.others = QPlainTextEdit()
        self.others.setPlaceholderText(_("One alternative a line, proponents in parentheses:\n"
                                         "promote (CELAC)\ndelete (HU)"))
        form.addRow(_("&Alternatives:"), self.others)
        if alternatives:                 # editing a bracket: what it holds now
            self.parties.setText(", ".join(alternatives[0].parties))
            self.others.setPlainText("\n".join(
                # "delete"/"suprimir" in the UI language: both read back as a deletion
                (alt.text or _("delete")) + (f" ({', '.join(alt.parties)})" if alt.parties else "")
                for alt in alternatives[1:]))
        self._buttons(form)

    def _read(self) -> tuple[list[str], list[Alternative], list[str]]:
        codes, unknown = typed_codes(self.registry, self.parties.text())
        others = []
        for line in self.others.toPlainText().splitlines():
            if line.strip():
                alternative, not_known = typed_alternative(self.registry, line.strip())
                others.append(alternative)
                unknown += [code for code in not_known if code not in unknown]
        return codes, others, unknown

    def unknown_parties(self) -> list[str]:
        return self._read()[2]

    def alternatives(self) -> tuple[list[str], list[Alternative]]:
        codes, others, _unknown = self._read()
        return codes, others


class SilenceDialog(_PartyChecking):
    """The silence procedure on the text: its deadline, who broke it, or none."""

    def __init__(self, silence: Silence | None, parent: QWidget | None = None,
                 registry: PartyRegistry | None = None, in_use: Iterable[str] = ()) -> None:
        super().__init__(registry, in_use, parent)
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
        attach_party_list_completer(self.broken, self.registry, ui_language())
        form.addRow(self.none)
        form.addRow(_("&Until:"), self.deadline)
        form.addRow(_("&Broken by:"), self.broken)
        self._buttons(form)

    def unknown_parties(self) -> list[str]:
        if self.none.isChecked():
            return []       # the procedure ends: who broke it is not kept
        return typed_codes(self.registry, self.broken.text())[1]

    def silence(self) -> Silence | None:
        if self.none.isChecked():
            return None
        when = self.deadline.dateTime().toPython().replace(second=0, microsecond=0)
        return Silence(when, typed_codes(self.registry, self.broken.text())[0])
