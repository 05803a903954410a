"""The QTextEdit of the editor: routes keys that would bypass the bridge.

- Undo/redo keys go to the editor's one QUndoStack, never to Qt's private document history.
- Enter splits the block ourselves so the new half gets a fresh id (the first half keeps its
  id; at the very start of a block the text keeps it and the new empty block gets the new id).
  Shift+Enter is a line break inside the paragraph ("\n" in the model, w:br in Word).
- Backspace at a block start always merges with the block before (Qt treats list and
  indented blocks specially there).
- Typing next to a footnote reference never takes the reference's object format.
- Copy/paste goes through `clipboard` (our fragments, cleaned foreign HTML, plain text); a
  clause dragged from the Library dock is handed to the editor by id (`clauses_dropped`), at
  the drop position, so it keeps its provenance.
- Hovering the margin asks `tooltip_at(point)` (the agreed-language difference of a block).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, Qt, Signal
from PySide6.QtGui import QHelpEvent, QKeyEvent, QKeySequence, QPainter
from PySide6.QtWidgets import QTextEdit, QToolTip

from . import clipboard
from .context_menu import build_editor_context_menu
from .formats import is_footnote_format, text_format_from


class DraftTextEdit(QTextEdit):
    undo_requested = Signal()
    redo_requested = Signal()
    split_requested = Signal()
    indent_requested = Signal(int)            # +1 / -1 on Tab / Shift+Tab in a list item
    pasted = Signal(object)                   # a clipboard.Pasted: the editor inserts it
    about_to_type = Signal()                  # a printable key is about to insert text
    clauses_dropped = Signal(list, object)    # library clause ids, their QMimeData (for a fallback)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setAcceptRichText(True)
        self.setTabChangesFocus(False)
        self.list_item_at_cursor = lambda: False  # set by the editor
        self.footnote_text = lambda footnote_id: None   # set by the editor: for copied references
        self.fragment_source = lambda: ""         # set by the editor: names the draft shown
        self.decorate = None                      # (edit, painter) -> None: numbers and bullets
        self.tooltip_at = lambda point: ""        # set by the editor: rich text for a viewport point
        self.context_menu_hooks: list = []        # see `context_menu`: each adds to the right-click menu

    # -- keys -----------------------------------------------------------------------------
    @staticmethod
    def _is_undo(event: QKeyEvent) -> bool:
        return event.matches(QKeySequence.StandardKey.Undo)

    @staticmethod
    def _is_redo(event: QKeyEvent) -> bool:
        if event.matches(QKeySequence.StandardKey.Redo):
            return True
        combo = event.keyCombination()
        mods = combo.keyboardModifiers() & ~Qt.KeyboardModifier.KeypadModifier
        return combo.key() == Qt.Key.Key_Z and mods == (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier) or (
            combo.key() == Qt.Key.Key_Y and mods == Qt.KeyboardModifier.ControlModifier
        )

    def event(self, event: QEvent) -> bool:
        # Claim undo/redo keys before window shortcuts do, so focus here means this history.
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if self._is_undo(event) or self._is_redo(event):
                event.accept()
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if self._is_redo(event) or self._is_undo(event):
            if not self.isReadOnly():          # a read-only draft is not changed, not even back
                (self.redo_requested if self._is_redo(event) else self.undo_requested).emit()
            return
        if self.isReadOnly():
            super().keyPressEvent(event)
            return
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not mods & Qt.KeyboardModifier.ShiftModifier:
            self.split_requested.emit()      # Shift+Enter stays Qt's line break inside the block
            return
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and self.list_item_at_cursor():
            self.indent_requested.emit(-1 if key == Qt.Key.Key_Backtab or mods & Qt.KeyboardModifier.ShiftModifier else 1)
            return
        cursor = self.textCursor()
        if key == Qt.Key.Key_Backspace and not mods and not cursor.hasSelection() and cursor.atBlockStart():
            if cursor.blockNumber() > 0:
                cursor.deletePreviousChar()
                self.setTextCursor(cursor)
            return
        typing = not mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.MetaModifier)
        if typing and event.text() and event.text().isprintable():
            self.about_to_type.emit()
        if typing and event.text() and event.text().isprintable() and is_footnote_format(cursor.charFormat()):
            # Qt would give typed text the reference's object format (it would vanish).
            cursor.insertText(event.text(), text_format_from(cursor.charFormat()))
            self.setTextCursor(cursor)
            self.ensureCursorVisible()
            return
        super().keyPressEvent(event)

    def inputMethodEvent(self, event) -> None:  # noqa: N802 - Qt override
        cursor = self.textCursor()
        if not cursor.hasSelection() and is_footnote_format(cursor.charFormat()):
            cursor.setCharFormat(text_format_from(cursor.charFormat()))
            self.setTextCursor(cursor)
        super().inputMethodEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if self.decorate is not None:
            painter = QPainter(self.viewport())
            try:
                self.decorate(self, painter)
            finally:
                painter.end()

    # -- clipboard ------------------------------------------------------------------------
    def createMimeDataFromSelection(self) -> QMimeData:  # noqa: N802 - Qt override
        return clipboard.mime_for_selection(self.textCursor(), self.footnote_text, self.fragment_source())

    def canInsertFromMimeData(self, source: QMimeData) -> bool:  # noqa: N802 - Qt override
        return (source.hasFormat(clipboard.FRAGMENT_MIME) or source.hasFormat(clipboard.CLAUSE_MIME)
                or source.hasText() or source.hasHtml())

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 - Qt override
        # On a drop Qt has already put the text cursor at the drop position.
        ids = clipboard.clause_ids(source)
        if ids:
            self.clauses_dropped.emit(ids, source)
            return
        pasted = clipboard.read_mime(source)
        if pasted.blocks:
            self.pasted.emit(pasted)

    # -- context menu: built by `context_menu` (its Undo/Redo are ours; others add hooks) -----
    undo_action = None
    redo_action = None

    def contextMenuEvent(self, event) -> None:  # noqa: N802 - Qt override
        menu = build_editor_context_menu(self, event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()
