"""How kinds and footnote references look, without touching the document's content.

`KindHighlighter` lays extra formats over a block (title size and weight, heading weight,
the capitalised lead-in of a recital or operative clause, bold by the one rule the Word
export uses too: app.model.lead_in); these live in the layout only, so reading the block
back never mistakes them for a user's bold. `FootnoteMarker` draws a
reference character as its live superscript number.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPointF, QSizeF
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPyTextObject,
    QSyntaxHighlighter,
    QTextBlock,
    QTextCharFormat,
    QTextDocument,
    QTextFormat,
)

from app.model import BlockKind
from app.model.lead_in import lead_in_length

from .formats import FOOTNOTE_OBJECT, footnote_id_of, kind_of


class KindHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._title = QTextCharFormat()
        self._title.setFontWeight(int(QFont.Weight.Bold.value))
        self._title.setFontPointSize(max(document.defaultFont().pointSizeF(), 9.0) * 1.35)
        self._heading = QTextCharFormat()
        self._heading.setFontWeight(int(QFont.Weight.Bold.value))
        self._lead_in = QTextCharFormat()
        self._lead_in.setFontWeight(int(QFont.Weight.Bold.value))   # as the export prints it
        #: Each (block, text) -> [(start, length, format)], merged over the kind's formats
        #: (the spelling underline): layout only, like the kind's own formats.
        self.overlays: list[Callable[[QTextBlock, str], list[tuple[int, int, QTextCharFormat]]]] = []

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt override
        kind = kind_of(self.currentBlock())
        if kind is BlockKind.TITLE:
            self.setFormat(0, len(text), self._title)
        elif kind is BlockKind.HEADING:
            self.setFormat(0, len(text), self._heading)
        else:
            length = lead_in_length(kind, text)
            if length:
                self.setFormat(0, length, self._lead_in)
        for overlay in self.overlays:
            for start, length, extra in overlay(self.currentBlock(), text):
                merged = QTextCharFormat(self.format(start))
                merged.merge(extra)
                self.setFormat(start, length, merged)


class FootnoteMarker(QPyTextObject):
    """Draws a footnote reference character as its number, superscript, numbered live.

    (QPyTextObject, not QObject + QTextObjectInterface: Qt's registerHandler only accepts a
    Python handler through PySide's own QObject/interface class.)
    """

    def __init__(self, number_at: Callable[[QTextDocument, int, str], int | None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._number_at = number_at       # (document, position, footnote id) -> its number

    def label(self, document: QTextDocument, position: int, fmt: QTextFormat) -> str:
        footnote_id = footnote_id_of(fmt.toCharFormat())
        number = self._number_at(document, position, footnote_id) if footnote_id else None
        return str(number) if number is not None else "?"

    @staticmethod
    def _font(document: QTextDocument) -> QFont:
        font = QFont(document.defaultFont())
        font.setPointSizeF(max(font.pointSizeF(), 9.0) * 0.7)
        font.setBold(True)
        return font

    def intrinsicSize(self, document, position, fmt) -> QSizeF:  # noqa: N802 - Qt override
        metrics = QFontMetricsF(self._font(document))
        # Blocks whose numbers change length (9 → 10) are laid out again by the editor.
        width = metrics.horizontalAdvance(self.label(document, position, fmt)) + 2
        base = QFontMetricsF(document.defaultFont())
        return QSizeF(width, base.ascent())

    def drawObject(self, painter: QPainter, rect, document, position, fmt) -> None:  # noqa: N802
        painter.save()
        painter.setFont(self._font(document))
        painter.setPen(QColor(20, 60, 150))
        metrics = QFontMetricsF(painter.font())
        painter.drawText(QPointF(rect.left() + 1, rect.top() + metrics.ascent()), self.label(document, position, fmt))
        painter.restore()


def register_marker(document: QTextDocument, marker: FootnoteMarker) -> None:
    layout = document.documentLayout()
    layout.registerHandler(FOOTNOTE_OBJECT, marker)
    if layout.handlerForObject(FOOTNOTE_OBJECT) is None:      # would draw references as nothing
        raise RuntimeError("the footnote marker could not be registered with the text layout")


