"""A QTextBrowser whose placeholder wraps.

Qt's QTextEdit (and so QTextBrowser) draws its placeholder on one line and cuts it at the
edge, where QPlainTextEdit wraps it: in the library panel the Spanish "Aquí aparecen los
precedentes del párrafo en el que está el cursor." lost its last word. This one draws the
placeholder itself, wrapped, while the document is empty.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QTextBrowser, QWidget


class WrappedPlaceholderBrowser(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._placeholder = ""

    def setPlaceholderText(self, text: str) -> None:  # noqa: N802 - Qt's name
        self._placeholder = text
        super().setPlaceholderText("")         # Qt's own would be drawn, cut, underneath
        self.setAccessibleDescription(text)
        self.viewport().update()

    def placeholderText(self) -> str:  # noqa: N802 - Qt's name
        return self._placeholder

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        if not self._placeholder or not self.document().isEmpty():
            return
        margin = int(self.document().documentMargin())
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().placeholderText().color())
        painter.drawText(self.viewport().rect().adjusted(margin, margin, -margin, -margin),
                         int(Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap),
                         self._placeholder)
        painter.end()
