"""The footnote pane: shows and edits the footnote at (or just before) the editor's cursor."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from app.i18n import _


class _FootnoteText(QPlainTextEdit):
    """Plain text; its undo keys go to the editor's one history."""

    undo_requested = Signal()
    redo_requested = Signal()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if self._kind(event):
                event.accept()
                return True
        return super().event(event)

    @staticmethod
    def _kind(event: QKeyEvent) -> str | None:
        combo = event.keyCombination()
        mods = combo.keyboardModifiers()
        ctrl, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
        if event.matches(QKeySequence.StandardKey.Redo) or (combo.key() == Qt.Key.Key_Z and mods == ctrl | shift) or (
            combo.key() == Qt.Key.Key_Y and mods == ctrl
        ):
            return "redo"
        if event.matches(QKeySequence.StandardKey.Undo):
            return "undo"
        return None

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        kind = self._kind(event)
        if kind == "undo":
            self.undo_requested.emit()
        elif kind == "redo":
            self.redo_requested.emit()
        else:
            super().keyPressEvent(event)


class FootnotePane(QWidget):
    #: The user changed the shown footnote's text: (footnote id, new text).
    text_edited = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("footnote_pane")
        self.setWindowTitle(_("Footnote"))
        self.title = QLabel(self)
        self.editor = _FootnoteText(self)
        self.editor.setUndoRedoEnabled(False)
        self.editor.setTabChangesFocus(True)
        self.editor.setPlaceholderText(_("Footnote text"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.editor)
        self._footnote_id: str | None = None
        self._updating = False
        self.editor.textChanged.connect(self._on_text_changed)
        self.show_footnote(None, None, "")

    @property
    def footnote_id(self) -> str | None:
        return self._footnote_id

    def show_footnote(self, footnote_id: str | None, number: int | None, text: str) -> None:
        self._footnote_id = footnote_id
        if footnote_id is None:
            self.title.setText(_("No footnote at the cursor"))
        else:
            self.title.setText(_("Footnote {number}").format(number=number if number is not None else "?"))
        self.editor.setEnabled(footnote_id is not None)
        if self.editor.toPlainText() != text:
            self._updating = True
            try:
                self.editor.setPlainText(text)
                self.editor.moveCursor(self.editor.textCursor().MoveOperation.End)
            finally:
                self._updating = False

    def set_read_only(self, flag: bool) -> None:
        self.editor.setReadOnly(flag)

    def _on_text_changed(self) -> None:
        if not self._updating and self._footnote_id is not None:
            self.text_edited.emit(self._footnote_id, self.editor.toPlainText())
