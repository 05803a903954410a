"""Automatic paragraph numbers and list bullets, drawn in the margin from the model.

Why not `QTextList`: a QTextList is a document object, so every block joining or leaving one
makes Qt mark all the list's blocks changed; one Backspace between two numbered paragraphs
then reports a change down to the end of a 300-page draft (measured: 3 000 blocks re-read,
0.3–0.4 s). Qt also gives list blocks their own Enter/Backspace/Tab behaviour that changes
formats behind the model's back. Here the number of a NUMBERED block is the model's
(app.model.numbering, recomputed only when a numbered block may have moved), and only the
visible blocks are decorated when the viewport paints. A number the source printed ("8", "5a")
is drawn in its own colour, and hovering it says where it comes from.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter
from PySide6.QtWidgets import QTextEdit

from app.i18n import _
from app.model import Block, BlockKind
from app.model.numbering import paragraph_numbers

from .agreed import MARKER_GAP, MARKER_WIDTH, AgreedMarks, colour_for
from .formats import block_id_of, kind_of, level_of

MAX_LEVEL = 4
_BULLETS = ("•", "◦", "▪", "‣")
_GAP = 6.0                                  # between a number or bullet and the text
#: A number kept from the source (not computed) is drawn in this colour, in italics.
SOURCE_NUMBER_COLOUR = QColor(150, 75, 0)


def numbers_of(blocks: list[Block]) -> dict[str, str]:
    """The numbers the NUMBERED blocks print with ("7", "7.1", a source's "5a"), by block id:
    app.model.numbering, as the export and `show` print them."""
    return {block.id: number for block, number in zip(blocks, paragraph_numbers(blocks), strict=True)
            if number}


def bullet_for(level: int) -> str:
    return _BULLETS[(max(1, level) - 1) % len(_BULLETS)]


class Decorations:
    """The numbers and bullets one DraftTextEdit shows; `invalidate()` when kinds may have moved.

    With `marks`, a block inserted from the clause library also gets its agreed-language bar
    (see `agreed`) in the page margin, left of the text.
    """

    def __init__(self, blocks_source, marks: AgreedMarks | None = None) -> None:
        self._blocks_source = blocks_source          # () -> list[Block]: the live model
        self._numbers: dict[str, str] | None = None
        self._from_source: set[str] = set()
        self.marks = marks

    def invalidate(self) -> None:
        self._numbers = None

    def number(self, block_id: str) -> str | None:
        if self._numbers is None:
            blocks = self._blocks_source()
            self._numbers = numbers_of(blocks)
            self._from_source = {block.id for block in blocks
                                 if block.number and block.kind is BlockKind.NUMBERED}
        return self._numbers.get(block_id)

    def from_source(self, block_id: str | None) -> bool:
        """Whether the block's number is the one its source printed, not a computed one."""
        self.number(block_id or "")
        return block_id in self._from_source

    def number_tooltip(self, block) -> str:
        """What hovering a paragraph number says: only a source's own number needs a word."""
        block_id = block_id_of(block)
        number = self.number(block_id) if block_id else None
        if number is None or not self.from_source(block_id):
            return ""
        return _("Paragraph number {number} as printed in the source, not the one computed in "
                 "order; the paragraphs after it are numbered on from it.").format(number=number)

    def number_tooltip_at(self, edit: QTextEdit, point: QPoint) -> str:
        """The number's tooltip when `point` (viewport) is over a block's number in the margin."""
        qt_block = edit.cursorForPosition(point).block()
        if not qt_block.isValid():
            return ""
        rect = edit.document().documentLayout().blockBoundingRect(qt_block).translated(
            -edit.horizontalScrollBar().value(), -edit.verticalScrollBar().value())
        inside = rect.top() <= point.y() <= rect.bottom()
        if not inside or not rect.left() <= point.x() <= rect.left() + qt_block.blockFormat().leftMargin():
            return ""
        return self.number_tooltip(qt_block)

    def label(self, block) -> str | None:
        """What the margin shows before a QTextBlock: "7." or a bullet, or nothing."""
        kind = kind_of(block)
        if kind is BlockKind.NUMBERED:
            block_id = block_id_of(block)
            number = self.number(block_id) if block_id else None
            return f"{number}." if number is not None else None
        if kind is BlockKind.LIST_ITEM:
            return bullet_for(level_of(block))
        return None

    def paint(self, edit: QTextEdit, painter: QPainter) -> None:
        document = edit.document()
        layout = document.documentLayout()
        dx = -edit.horizontalScrollBar().value()
        dy = -edit.verticalScrollBar().value()
        height = edit.viewport().height()
        metrics = QFontMetricsF(document.defaultFont())
        painter.setFont(document.defaultFont())
        painter.setPen(QColor(60, 60, 60))
        blocks = self._blocks_source() if self.marks is not None else []
        block = edit.cursorForPosition(QPoint(0, 0)).block()
        while block.isValid():
            rect = layout.blockBoundingRect(block).translated(dx, dy)
            if rect.top() > height:
                break
            if blocks:
                self._paint_mark(painter, block, rect, blocks)
            label = self.label(block)
            if label is not None and block.layout().lineCount():
                line = block.layout().lineAt(0)
                fmt = block.blockFormat()
                right = rect.left() + fmt.leftMargin() - _GAP
                top = rect.top() + line.y()
                box = QRectF(rect.left(), top, max(0.0, right - rect.left()), line.height())
                source = kind_of(block) is BlockKind.NUMBERED and self.from_source(block_id_of(block))
                if source:
                    painter.save()
                    painter.setPen(SOURCE_NUMBER_COLOUR)
                    font = painter.font()
                    font.setItalic(True)
                    painter.setFont(font)
                painter.drawText(box, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop), label)
                if source:
                    painter.restore()
            block = block.next()
        del metrics

    def model_block(self, block, blocks: list[Block] | None = None) -> Block | None:
        """The model block shown by a QTextBlock (they line up by index; the id confirms it)."""
        blocks = self._blocks_source() if blocks is None else blocks
        number = block.blockNumber()
        if 0 <= number < len(blocks) and blocks[number].id == block_id_of(block):
            return blocks[number]
        return None

    def _paint_mark(self, painter: QPainter, block, rect: QRectF, blocks: list[Block]) -> None:
        model = self.model_block(block, blocks)
        state = self.marks.state(model) if model is not None and self.marks is not None else None
        if state is None:
            return
        fmt = block.blockFormat()
        bar = QRectF(rect.left() - MARKER_GAP - MARKER_WIDTH, rect.top() + fmt.topMargin(),
                     MARKER_WIDTH, max(1.0, rect.height() - fmt.topMargin() - fmt.bottomMargin()))
        painter.fillRect(bar, colour_for(state))
