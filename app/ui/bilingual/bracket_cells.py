"""Square brackets in the translation column of the side-by-side view.

A translation cell marks the spans of the counterparts of its paragraph's brackets
(app.model.counterparts) with the main editor's bracket colour; the right-click menu of a
translation cell with a selection offers "Square Bracket (Spanish)…", which pairs the selected
words with one of the paragraph's brackets and asks the wording of each other alternative in
that language (the parties are the main bracket's).
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QPainter, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from app.i18n import _, ngettext
from app.importer.brackets import describe
from app.importer.language import language_name
from app.model import Draft
from app.model.brackets import Bracket, brackets_in_block, current_alternatives
from app.model.counterparts import counterpart_of, missing_counterparts

#: The counterpart's words: a pale ground of the "in brackets" orange (app.ui.bracket_marks).
COUNTERPART_COLOUR = QColor("#ffe0b2")


def counterpart_spans(draft: Draft, language: str, block_id: str) -> list[tuple[int, int]]:
    """(start, end) of the placed counterparts in the translation of `block_id`."""
    spans = []
    for bracket in brackets_in_block(draft, block_id):
        item = counterpart_of(draft, bracket, language)
        if item is not None and item.placed:
            spans.append((item.start or 0, item.end or 0))
    return spans


def unshown_brackets_note(draft: Draft, language: str, name: str) -> str:
    """" · 3 square brackets not in the Spanish text" for the status bar, or "": brackets
    with no counterpart there, which that language's export would read as agreed."""
    unshown = len(missing_counterparts(draft, language)) if draft.brackets else 0
    if not unshown:
        return ""
    return " · " + ngettext("{count} square bracket not in the {language} text",
                            "{count} square brackets not in the {language} text",
                            unshown).format(count=unshown, language=name)


def paint_marked(painter: QPainter, rect: QRect, text: str, spans: list[tuple[int, int]],
                 font, colour: QColor) -> int:
    """Draw `text` wrapped in `rect` with `spans` on a coloured ground; its height."""
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setDefaultFont(font)
    document.setPlainText(text)
    document.setTextWidth(max(rect.width(), 50))
    ground = QTextCharFormat()
    ground.setBackground(COUNTERPART_COLOUR)
    whole = QTextCharFormat()
    whole.setForeground(colour)
    cursor = QTextCursor(document)
    cursor.select(QTextCursor.SelectionType.Document)
    cursor.mergeCharFormat(whole)
    length = len(text)
    for start, end in spans:
        cursor.setPosition(min(start, length))
        cursor.setPosition(min(end, length), QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(ground)
    painter.save()
    painter.translate(rect.left(), rect.top())
    document.drawContents(painter)
    painter.restore()
    return int(document.size().height())


class CounterpartDialog(QDialog):
    """Which of the paragraph's brackets the selected words are, and the wording of its other
    alternatives in the translation's language."""

    def __init__(self, draft: Draft, language: str, words: str, brackets: list[Bracket],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("counterpart_dialog")
        name = _(language_name(language))
        self.setWindowTitle(_("Square Bracket ({language})").format(language=name))
        self._draft, self._language, self._brackets = draft, language, brackets
        self.form = QFormLayout(self)
        self.form.addRow(_("Words in the {language} text:").format(language=name),
                         QLabel(words))
        self.choice = QComboBox()
        self.choice.setObjectName("counterpart_bracket")
        for bracket in brackets:
            self.choice.addItem(describe(current_alternatives(draft, bracket)), bracket.id)
        self.form.addRow(_("&Bracket of the draft:"), self.choice)
        self.lines: list[QLineEdit] = []
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.form.addRow(self.buttons)
        self.choice.currentIndexChanged.connect(lambda _i: self._rebuild())
        self._rebuild()

    def bracket(self) -> Bracket:
        return self._brackets[self.choice.currentIndex()]

    def _rebuild(self) -> None:
        """One line per other alternative of the chosen bracket, its wording there if any."""
        for line in self.lines:
            self.form.removeRow(line)
        self.lines = []
        bracket = self.bracket()
        known = counterpart_of(self._draft, bracket, self._language)
        for number, alt in enumerate(bracket.alternatives[1:]):
            line = QLineEdit()
            line.setObjectName(f"counterpart_alternative_{number + 1}")
            if alt.is_deletion:
                line.setPlaceholderText(_("(deletion: no wording needed)"))
            if known is not None and number < len(known.alternatives):
                line.setText(known.alternatives[number])
            label = "{words} ({parties})".format(
                words=alt.text or _("delete"), parties=", ".join(alt.parties) or "—")
            self.form.insertRow(self.form.rowCount() - 1, label, line)
            self.lines.append(line)

    def wordings(self) -> list[str]:
        return [line.text().strip() for line in self.lines]
