"""How a cell of the side-by-side view is drawn and edited.

A cell shows its text wrapped to the column; an empty translation cell says so in grey; an
out-of-step cell has a red bar at its left edge and, under its text, the word diff of what
changed on the other side since the pair was confirmed. Editing opens a plain-text editor on
the cell; Enter or leaving the cell commits (one undo step), Escape gives up. A translation
cell marks its square-bracket counterparts, and its editor's right-click menu offers to pair
the selected words with one of the paragraph's brackets (app.ui.bilingual.bracket_cells).
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import (
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTextEdit,
    QWidget,
)

from app.i18n import _
from app.model import ANCHOR, TextRun
from app.model.inline import normalise

from ..editor.formats import (
    LINE_SEPARATOR,
    document_text,
    insert_inlines,
    read_inlines,
    with_new_id,
)
from ..editor.presentation import FootnoteMarker, register_marker
from .bracket_cells import counterpart_spans, paint_marked
from .rows import CONTENT_ROLE, DIFF_ROLE, ORIGIN_ROLE, OTHER, OUT_OF_STEP_COLOUR, STATE_ROLE

ORIGIN_COLOUR = "#1565c0"

PAD = 6
BAR = 4
#: The footnote reference as the cell shows it (the model keeps one ANCHOR per reference).
REFERENCE_SHOWN = "†"


class CellEditor(QTextEdit):
    """A cell's text with its marks and footnote references, as in the main editor: Ctrl+B,
    Ctrl+I, Ctrl+U, Shift+Enter for a line break; Enter commits, Escape gives up."""

    commit = Signal()
    cancel = Signal()

    def __init__(self, parent: QWidget | None = None,
                 number_at: Callable[[QTextDocument, int, str], int | None] | None = None
                 ) -> None:
        super().__init__(parent)
        self.setObjectName("bilingual_cell_editor")
        self.setTabChangesFocus(True)
        self.setAcceptRichText(False)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self._marker = FootnoteMarker(number_at or (lambda _d, _p, _f: None), self)
        register_marker(self.document(), self._marker)
        #: set on a translation cell: pair the selection (start, end) with a bracket
        self.offer_bracket: Callable[[int, int], None] | None = None
        self.bracket_label = ""

    def context_menu(self) -> QMenu:
        """The standard menu, and on a translation cell "Square Bracket (Spanish)…"."""
        menu = self.createStandardContextMenu()
        if self.offer_bracket is not None:
            menu.addSeparator()
            action = menu.addAction(self.bracket_label)
            action.setObjectName("cell_square_bracket")
            cursor = self.textCursor()
            action.setEnabled(cursor.hasSelection())
            offer = self.offer_bracket
            action.triggered.connect(
                lambda: offer(cursor.selectionStart(), cursor.selectionEnd()))
        return menu

    def contextMenuEvent(self, event) -> None:  # noqa: N802 - Qt override
        menu = self.context_menu()
        menu.exec(event.globalPos())
        menu.deleteLater()

    def set_content(self, block_id: str, content: list | None) -> None:
        self.document().clear()
        cursor = QTextCursor(self.document())
        cursor.setBlockFormat(with_new_id(cursor.blockFormat(), block_id))
        insert_inlines(cursor, list(content or []))
        self.setTextCursor(cursor)

    def content(self) -> list:
        items: list = []
        block = self.document().firstBlock()
        while block.isValid():
            if items:
                items.append(TextRun("\n"))      # a pasted paragraph break: a line break
            items.extend(read_inlines(block))
            block = block.next()
        return normalise(items)

    def toggle(self, mark: str) -> None:
        cursor = self.textCursor()
        current = cursor.charFormat()
        fmt = QTextCharFormat()
        if mark == "bold":
            fmt.setFontWeight(int(QFont.Weight.Normal.value) if current.fontWeight()
                              >= int(QFont.Weight.Bold.value) else int(QFont.Weight.Bold.value))
        elif mark == "italic":
            fmt.setFontItalic(not current.fontItalic())
        else:
            fmt.setFontUnderline(not current.fontUnderline())
        if cursor.hasSelection():
            cursor.mergeCharFormat(fmt)
        self.mergeCurrentCharFormat(fmt)

    def insertFromMimeData(self, source) -> None:  # noqa: N802 - Qt override
        self.textCursor().insertText(document_text(source.text()))    # words, not styles

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key, mods = event.key(), event.modifiers()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if mods & Qt.KeyboardModifier.ShiftModifier:
                self.textCursor().insertText(LINE_SEPARATOR)
                return
            self.commit.emit()
            return
        if key == Qt.Key.Key_Escape:
            self.cancel.emit()
            return
        if mods & Qt.KeyboardModifier.ControlModifier and key in _MARK_KEYS:
            self.toggle(_MARK_KEYS[key])
            return
        super().keyPressEvent(event)


_MARK_KEYS = {Qt.Key.Key_B: "bold", Qt.Key.Key_I: "italic", Qt.Key.Key_U: "underline"}


class CellDelegate(QStyledItemDelegate):
    #: (row, start, end): the words of a translation cell to pair with a bracket
    counterpart_requested = Signal(int, int, int)

    def __init__(self, parent: QObject | None = None,
                 number_at: Callable[[QTextDocument, int, str], int | None] | None = None
                 ) -> None:
        super().__init__(parent)
        self._diff_document = QTextDocument()
        #: the main editor's footnote numbering, so a cell shows the reference numbers
        self.number_at = number_at

    # -- drawing ----------------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        painter.save()
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter,
                                option.widget)
        state = index.data(STATE_ROLE)
        rect = option.rect.adjusted(PAD + BAR, PAD, -PAD, -PAD)
        text = (index.data() or "").replace(ANCHOR, REFERENCE_SHOWN)
        empty = not text and index.column() == OTHER
        if state is not None and state.out_of_step:
            painter.fillRect(QRect(option.rect.left(), option.rect.top(), BAR,
                                   option.rect.height()), OUT_OF_STEP_COLOUR)
        metrics = QFontMetrics(option.font)
        flags = int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft
                    | Qt.AlignmentFlag.AlignTop)
        if empty:
            painter.setPen(option.palette.placeholderText().color())
            painter.drawText(rect, flags, _("(no translation yet: double-click to write it)"))
            used = metrics.height()
        else:
            if option.state & QStyle.StateFlag.State_Selected:
                painter.setPen(option.palette.highlightedText().color())
            spans = self._counterparts(index)
            if spans:
                used = paint_marked(painter, rect, text, spans, option.font,
                                    painter.pen().color())
            else:
                painter.drawText(rect, flags, text)
                used = metrics.boundingRect(rect, flags, text).height()
        origin = index.data(ORIGIN_ROLE)
        if origin:
            painter.setPen(QColor(ORIGIN_COLOUR))
            line = QRect(rect.left(), rect.top() + used + PAD // 2, rect.width(), metrics.height())
            painter.drawText(line, int(Qt.AlignmentFlag.AlignLeft),
                             metrics.elidedText("⧉ " + origin, Qt.TextElideMode.ElideRight,
                                                rect.width()))
            used += PAD // 2 + metrics.height()
        diff = index.data(DIFF_ROLE)
        if diff:
            document = self._document_for(diff, rect.width(), option)
            painter.translate(rect.left(), rect.top() + used + PAD)
            document.drawContents(painter)
        painter.restore()

    @staticmethod
    def _counterparts(index: QModelIndex) -> list[tuple[int, int]]:
        model = index.model()
        state = index.data(STATE_ROLE)
        if index.column() != OTHER or state is None or not hasattr(model, "draft"):
            return []
        draft = model.draft()
        if not draft.brackets:
            return []
        return counterpart_spans(draft, model.language, state.block_id)

    def _document_for(self, diff: str, width: int, option: QStyleOptionViewItem) -> QTextDocument:
        document = self._diff_document
        document.setDefaultFont(option.font)
        heading = html.escape(_("Changed on the other side since confirmed:"))
        document.setHtml(f"<div style='color:#555'><i>{heading}</i><br>{diff}</div>")
        document.setTextWidth(max(width, 50))
        return document

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        width = self._column_width(option, index)
        metrics = QFontMetrics(option.font)
        text = (index.data() or "").replace(ANCHOR, REFERENCE_SHOWN) or "M"
        flags = int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft)
        height = metrics.boundingRect(QRect(0, 0, width, 100000), flags, text).height()
        if index.data(ORIGIN_ROLE):
            height += PAD // 2 + metrics.height()
        diff = index.data(DIFF_ROLE)
        if diff:
            height += PAD + int(self._document_for(diff, width, option).size().height())
        return QSize(width, height + 2 * PAD)

    def _column_width(self, option: QStyleOptionViewItem, index: QModelIndex) -> int:
        view = self.parent()
        width = view.columnWidth(index.column()) if hasattr(view, "columnWidth") else 300
        return max(width - 2 * PAD - BAR, 50)

    # -- editing ----------------------------------------------------------------------------
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: QModelIndex) -> QWidget:
        editor = CellEditor(parent, self.number_at)
        if index.column() == OTHER and hasattr(index.model(), "language"):
            from app.importer.language import language_name

            row = index.row()
            editor.bracket_label = _("Square Bracket ({language})…").format(
                language=_(language_name(index.model().language)))
            editor.offer_bracket = lambda start, end: self._offer(editor, row, start, end)
        editor.commit.connect(lambda: self._finish(editor, True))
        editor.cancel.connect(lambda: self._finish(editor, False))
        return editor

    def _offer(self, editor: CellEditor, row: int, start: int, end: int) -> None:
        """The cell's words go into the draft first, so the offsets are the model's."""
        self._finish(editor, True)
        self.counterpart_requested.emit(row, start, end)

    def _finish(self, editor: CellEditor, keep: bool) -> None:
        if keep:
            self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:  # noqa: N802
        state = index.data(STATE_ROLE)
        editor.set_content(state.block_id if state else "", index.data(CONTENT_ROLE))

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:  # noqa: N802
        model.setData(index, editor.content(), CONTENT_ROLE)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                             index: QModelIndex) -> None:
        rect = option.rect
        editor.setGeometry(rect.adjusted(BAR, 0, 0, 0) if rect.height() > 60
                           else QRect(rect.left() + BAR, rect.top(), rect.width() - BAR, 80))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # Enter and Escape are the cell editor's own (commit / give up), not the view's.
        if isinstance(watched, CellEditor) and event.type() == QEvent.Type.KeyPress:
            return False
        return super().eventFilter(watched, event)
