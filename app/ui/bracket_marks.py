"""Square brackets and paragraph status drawn over the text (never written into it).

The editor is buffer first (app.ui.annotation_marks): anything written into the QTextDocument
would be read back as the user's words. So the Council way of showing a bracket is painted:
the bracketed words in bold (an extra selection), a bold "[" and "]" drawn at the span's
edges; the alternatives and proponents are in the span's tooltip and the Negotiation pane
(drawn in the text they would cover the next words: lines have no room between them). A small coloured
marker in the left margin gives each paragraph's status (agreed, ad referendum, in brackets,
reserved). The clean view paints no bracket markup.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QTextCursor
from PySide6.QtWidgets import QTextEdit

from app.model.status import Effective, effective_statuses

from .editor.formats import block_id_of

STATUS_COLOURS = {
    Effective.AGREED: QColor("#2e7d32"),
    Effective.AD_REFERENDUM: QColor("#1565c0"),
    Effective.IN_BRACKETS: QColor("#ef6c00"),
    Effective.RESERVED: QColor("#c62828"),
}
STATUS_LETTERS = {Effective.AGREED: "A", Effective.AD_REFERENDUM: "R",
                  Effective.IN_BRACKETS: "[ ]", Effective.RESERVED: "!"}


class BracketPainter:
    def __init__(self, editor, pane) -> None:
        self.editor = editor
        self.pane = pane
        self._statuses: dict[str, Effective] = {}
        text_edit = editor.text_edit
        previous = text_edit.decorate

        def decorate(edit: QTextEdit, painter: QPainter) -> None:
            if previous is not None:
                previous(edit, painter)
            self.paint(edit, painter)

        text_edit.decorate = decorate

    def refresh(self) -> None:
        draft = self.editor.draft()
        self._statuses = effective_statuses(draft)
        self._by_block: dict[str, list] = {}
        for bracket in draft.brackets.values():
            if not bracket.anchor.orphaned and bracket.anchor.block_id is not None:
                self._by_block.setdefault(bracket.anchor.block_id, []).append(bracket)
        self.editor.text_edit.viewport().update()

    def status_of(self, block_id: str) -> Effective | None:
        return self._statuses.get(block_id)

    def paint(self, edit: QTextEdit, painter: QPainter) -> None:
        """One pass over the blocks on screen (a 300-page draft paints as fast as a page)."""
        # the clean view shows no bracket markup; the status markers stay
        by_block = {} if self.pane.clean_view else getattr(self, "_by_block", {})
        height = edit.viewport().height()
        base_font = edit.document().defaultFont()
        bold = QFont(base_font)
        bold.setBold(True)
        metrics = QFontMetricsF(bold)
        small = QFont(base_font)
        small.setPointSizeF(max(5.0, base_font.pointSizeF() * 0.7))
        layout = edit.document().documentLayout()
        dx, dy = -edit.horizontalScrollBar().value(), -edit.verticalScrollBar().value()
        block = edit.cursorForPosition(edit.viewport().rect().topLeft()).block()
        painter.save()
        while block.isValid():
            rect = layout.blockBoundingRect(block).translated(dx, dy)
            if rect.top() > height:
                break
            block_id = block_id_of(block) or ""
            state = self._statuses.get(block_id)
            if state in STATUS_COLOURS:
                box = QRectF(2, rect.top() + 2, 16, 12)
                painter.fillRect(box, STATUS_COLOURS[state])
                painter.setPen(QColor("white"))
                painter.setFont(small)
                painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), STATUS_LETTERS[state])
            painter.setPen(QColor(20, 20, 20))
            painter.setFont(bold)
            length = block.length() - 1
            for bracket in by_block.get(block_id, ()):
                anchor = bracket.anchor
                first = self._rect(edit, block.position() + min(anchor.start or 0, length))
                last = self._rect(edit, block.position() + min(anchor.end or 0, length))
                painter.drawText(QPointF(first.left() - metrics.horizontalAdvance("["),
                                         first.bottom() - metrics.descent()), "[")
                painter.drawText(QPointF(last.left(), last.bottom() - metrics.descent()), "]")
            block = block.next()
        painter.restore()

    def _rect(self, edit: QTextEdit, position: int) -> QRectF:
        cursor = QTextCursor(edit.document())
        cursor.setPosition(position)
        return QRectF(edit.cursorRect(cursor))
