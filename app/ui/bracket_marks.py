"""Square brackets and paragraph status drawn over the text (never written into it).

The editor is buffer first (app.ui.annotation_marks): anything written into the QTextDocument
would be read back as the user's words. So the Council way of showing a bracket is painted:
the bracketed words in bold (an extra selection), a bold "[" and "]" drawn at the span's
edges, and each bracket's proponents in a smaller font in a strip right of the text, on the
line where the bracket closes (`ProponentStrip`: drawn in the text they would cover the next
words, lines have no room between them); the alternatives are in the span's tooltip. A small coloured
marker in the left margin gives each paragraph's status (agreed, ad referendum, in brackets,
reserved). The clean view paints no bracket markup.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit, QWidget

from app.importer.brackets import describe
from app.model.brackets import current_alternatives
from app.model.status import Effective, effective_statuses

from .editor.extra_selections import set_layer
from .editor.formats import block_id_of

STATUS_COLOURS = {
    Effective.AGREED: QColor("#2e7d32"),
    Effective.AD_REFERENDUM: QColor("#1565c0"),
    Effective.IN_BRACKETS: QColor("#ef6c00"),
    Effective.RESERVED: QColor("#c62828"),
}
STATUS_LETTERS = {Effective.AGREED: "A", Effective.AD_REFERENDUM: "R",
                  Effective.IN_BRACKETS: "[ ]", Effective.RESERVED: "!"}
#: Paragraphs above and below the screen whose brackets are marked bold ahead of a scroll.
NEARBY_BLOCKS = 40


def bold_brackets(text_edit: QTextEdit, draft, clean_view: bool) -> None:
    """Bracketed words bold on a light ground (not in the text: an extra selection), for
    the paragraphs on screen and some around them (again after a scroll): placing 500
    selections over 300 pages would lay out the whole document. None in the clean view."""
    selections = []
    if not clean_view:
        document = text_edit.document()
        rect = text_edit.viewport().rect()
        first = text_edit.cursorForPosition(rect.topLeft()).block().blockNumber()
        last = text_edit.cursorForPosition(rect.bottomRight()).block().blockNumber()
        low, high = first - NEARBY_BLOCKS, last + NEARBY_BLOCKS
        index = {block.id: number for number, block in enumerate(draft.blocks)}
        by_id = {block.id: block for block in draft.blocks}
        for bracket in draft.brackets.values():
            anchor = bracket.anchor
            if anchor.orphaned or anchor.block_id not in index:
                continue
            if not low <= index[anchor.block_id or ""] <= high:
                continue
            qt_block = document.findBlockByNumber(index[anchor.block_id or ""])
            if not qt_block.isValid():
                continue
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(qt_block)
            base = qt_block.position()
            cursor.setPosition(base + (anchor.start or 0))
            cursor.setPosition(base + (anchor.end or 0), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            fmt = QTextCharFormat()
            fmt.setFontWeight(QFont.Weight.Bold)
            fmt.setBackground(QColor("#fff3c4"))
            fmt.setToolTip(describe(current_alternatives(draft, bracket, by_id)))
            selection.format = fmt
            selections.append(selection)
    set_layer(text_edit, "brackets", selections)   # beside the other features' marks


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


class ProponentStrip(QWidget):
    """A strip right of the text: each bracket's proponents in a smaller font, on the line of
    its closing bracket ("FR, ES / CELAC"), the way a negotiating text names them."""

    WIDTH = 110

    def __init__(self, editor, painter: BracketPainter) -> None:
        text_edit = editor.text_edit
        super().__init__(text_edit)
        self.editor = editor
        self.marks = painter
        self.setObjectName("proponent_strip")
        text_edit.verticalScrollBar().valueChanged.connect(lambda _v: self.update())
        text_edit.document().contentsChanged.connect(self.update)
        text_edit.installEventFilter(self)
        text_edit.viewport().installEventFilter(self)   # it resizes when the margins change
        self.hide()

    def set_needed(self, needed: bool) -> None:
        """Only a draft with brackets gives up text width to the strip."""
        if needed == self.isVisible():
            return
        self.editor.text_edit.setViewportMargins(0, 0, self.WIDTH if needed else 0, 0)
        self.setVisible(needed)
        self._place()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Move):
            self._place()
        return False

    def _place(self) -> None:
        viewport = self.editor.text_edit.viewport().geometry()
        self.setGeometry(viewport.right() + 1, viewport.top(), self.WIDTH, viewport.height())

    def lines(self) -> list[tuple[float, str]]:
        """(y in the strip, proponents) of the brackets closing on screen."""
        if self.marks.pane.clean_view:
            return []
        edit = self.editor.text_edit
        by_block = getattr(self.marks, "_by_block", {})
        if not by_block:
            return []
        layout = edit.document().documentLayout()
        dx, dy = -edit.horizontalScrollBar().value(), -edit.verticalScrollBar().value()
        height = edit.viewport().height()
        found: dict[float, list[str]] = {}
        block = edit.cursorForPosition(edit.viewport().rect().topLeft()).block()
        while block.isValid():
            if layout.blockBoundingRect(block).translated(dx, dy).top() > height:
                break
            length = block.length() - 1
            for bracket in by_block.get(block_id_of(block) or "", ()):
                parties = " / ".join(", ".join(a.parties) for a in bracket.alternatives
                                     if a.parties)
                if parties:
                    rect = self.marks._rect(edit, block.position()
                                            + min(bracket.anchor.end or 0, length))
                    found.setdefault(rect.top(), []).append(parties)
            block = block.next()
        return [(top, "; ".join(texts)) for top, texts in sorted(found.items())]

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        try:
            font = QFont(self.editor.text_edit.document().defaultFont())
            font.setPointSizeF(max(5.0, font.pointSizeF() * 0.75))
            painter.setFont(font)
            painter.setPen(QColor(90, 90, 90))
            metrics = QFontMetricsF(font)
            for top, text in self.lines():
                shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, self.WIDTH - 6)
                painter.drawText(QPointF(4, top + metrics.ascent() + 2), shown)
        finally:
            painter.end()
