"""How a cell of the side-by-side view is drawn and edited.

A cell shows its text wrapped to the column; an empty translation cell says so in grey; an
out-of-step cell has a red bar at its left edge and, under its text, the word diff of what
changed on the other side since the pair was confirmed. Editing opens a plain-text editor on
the cell; Enter or leaving the cell commits (one undo step), Escape gives up.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import (
    QPlainTextEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from app.i18n import _
from app.model import ANCHOR

from .rows import DIFF_ROLE, ORIGIN_ROLE, OTHER, OUT_OF_STEP_COLOUR, STATE_ROLE

ORIGIN_COLOUR = "#1565c0"

PAD = 6
BAR = 4
#: The footnote reference as the cell shows it (the model keeps one ANCHOR per reference).
REFERENCE_SHOWN = "†"


class CellEditor(QPlainTextEdit):
    commit = Signal()
    cancel = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bilingual_cell_editor")
        self.setTabChangesFocus(True)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.commit.emit()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.cancel.emit()
            return
        super().keyPressEvent(event)


class CellDelegate(QStyledItemDelegate):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._diff_document = QTextDocument()

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

    def _document_for(self, diff: str, width: int, option: QStyleOptionViewItem) -> QTextDocument:
        document = self._diff_document
        document.setDefaultFont(option.font)
        document.setHtml(
            f"<div style='color:#555'><i>{_('Changed on the other side since confirmed:')}</i>"
            f"<br>{diff}</div>")
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
        editor = CellEditor(parent)
        editor.commit.connect(lambda: self._finish(editor, True))
        editor.cancel.connect(lambda: self._finish(editor, False))
        return editor

    def _finish(self, editor: CellEditor, keep: bool) -> None:
        if keep:
            self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:  # noqa: N802
        editor.setPlainText(index.data(Qt.ItemDataRole.EditRole) or "")
        editor.moveCursor(editor.textCursor().MoveOperation.End)

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:  # noqa: N802
        model.setData(index, editor.toPlainText(), Qt.ItemDataRole.EditRole)

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
