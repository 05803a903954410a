"""The footnotes of the side-by-side view's current row, in both languages, editable.

One line per footnote the row's block refers to: its number, the draft's text and the
translation's; a footnote that needs the translator (out of step, untranslated, left out of
the translated paragraph) has a red mark on its number and says why. Editing the draft's side is `SetFootnoteText`, the translation's
`SetTranslationFootnote`; both go through the main editor, so they are steps of the one undo
history.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from app.i18n import _
from app.model import Draft, Operation
from app.model.footnote_step import FootnotePairState
from app.model.ops import SetFootnoteText
from app.model.translation_ops import SetTranslationFootnote

from .footnote_marks import footnote_why
from .rows import OUT_OF_STEP_COLOUR

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class FootnotePairs(QTableWidget):
    def __init__(self, apply: Callable[[Operation, str], None], parent=None) -> None:
        super().__init__(0, 2, parent)
        self.setObjectName("bilingual_footnotes")
        self._apply = apply
        self._filling = False
        self._draft: Draft | None = None
        self._language = "es"
        self._block_id: str | None = None
        self.setWordWrap(True)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.itemChanged.connect(self._edited)

    def show_block(self, draft: Draft, language: str, block_id: str | None,
                   number_of: Callable[[str], int | None],
                   marks: list[FootnotePairState] | None = None) -> None:
        """List the footnotes of `block_id` (none: the pane is empty); `marks`: those of
        them that need the translator."""
        flagged = {state.footnote_id: state for state in marks or []}
        self._draft, self._language, self._block_id = draft, language, block_id
        self._filling = True
        try:
            self.setHorizontalHeaderLabels([draft.language.upper(), language.upper()])
            ids: list[str] = []
            if block_id is not None:
                try:
                    ids = list(dict.fromkeys(draft.block(block_id).footnote_ids))
                except KeyError:
                    ids = []
            version = draft.translations.get(language)
            self.setRowCount(len(ids))
            for row, footnote_id in enumerate(ids):
                number = number_of(footnote_id)
                header = QTableWidgetItem(str(number or "?"))
                if footnote_id in flagged:
                    header.setText("● " + header.text())
                    header.setForeground(OUT_OF_STEP_COLOUR)
                    header.setToolTip(footnote_why(flagged[footnote_id], number,
                                                   draft.language, language))
                self.setVerticalHeaderItem(row, header)
                note = draft.footnotes.get(footnote_id)
                main = QTableWidgetItem(note.text if note else "")
                other_text = version.footnotes.get(footnote_id, "") if version else ""
                other = QTableWidgetItem(other_text)
                if not other_text:
                    other.setToolTip(_("No translation of this footnote yet"))
                for item in (main, other):
                    item.setData(ID_ROLE, footnote_id)
                self.setItem(row, 0, main)
                self.setItem(row, 1, other)
            self.resizeRowsToContents()
        finally:
            self._filling = False

    def selected_footnote_ids(self) -> list[str]:
        rows = sorted({index.row() for index in self.selectedIndexes()})
        ids = [self.item(row, 0).data(ID_ROLE) for row in rows if self.item(row, 0)]
        return list(dict.fromkeys(ids))

    def _edited(self, item: QTableWidgetItem) -> None:
        if self._filling or self._draft is None:
            return
        footnote_id = item.data(ID_ROLE)
        text = item.text()
        if item.column() == 0:
            note = self._draft.footnotes.get(footnote_id)
            if note is None or note.text == text:
                return
            self._apply(SetFootnoteText(footnote_id, text), _("Edit Footnote"))
            return
        version = self._draft.translations.get(self._language)
        if version is not None and version.footnotes.get(footnote_id, "") == text:
            return
        if version is None:
            return                       # a version comes with the first translated cell
        self._apply(SetTranslationFootnote(self._language, footnote_id, text),
                    _("Edit {language} footnote").format(language=self._language.upper()))
