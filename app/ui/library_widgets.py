"""The Library dock's parts: its hit list, its search field, and the look-up run in a thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QMimeData, QObject, QRunnable, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem

from .editor import clipboard

CLAUSE_MIME = clipboard.CLAUSE_MIME      # the editor accepts a dropped hit by its clause id
HIT_ROLE = Qt.UserRole + 1


class LookupRelay(QObject):
    done = Signal(int, object)      # generation, result (list or an exception)


class Lookup(QRunnable):
    """One search or precedent look-up in the pool thread."""

    def __init__(self, generation: int, work: Callable[[], Any], relay: LookupRelay) -> None:
        super().__init__()
        self.generation, self.work, self.relay = generation, work, relay

    def run(self) -> None:  # worker thread: no Qt widgets here
        try:
            result: Any = self.work()
        except Exception as error:  # delivered to the GUI thread as one sentence
            result = error
        self.relay.done.emit(self.generation, result)


class HitList(QListWidget):
    """The hits; dragging one carries its wording and clause id."""

    activatedByKey = Signal()

    def mimeData(self, items: list[QListWidgetItem]) -> QMimeData:  # noqa: N802 - Qt override
        data = QMimeData()
        hits = [item.data(HIT_ROLE) for item in items if item.data(HIT_ROLE) is not None]
        data.setText("\n".join(hit.text for hit in hits))
        data.setData(CLAUSE_MIME, "\n".join(hit.clause_id for hit in hits).encode())
        return data

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key_Return, Qt.Key_Enter) and self.currentItem() is not None:
            self.activatedByKey.emit()
            return
        super().keyPressEvent(event)


class SearchField(QLineEdit):
    """Down moves to the hits; Enter inserts the selected (or first) hit."""

    down = Signal()
    enter = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key_Down:
            self.down.emit()
            return
        if event.key() in (Qt.Key_Return, Qt.Key_Enter):
            self.enter.emit()
            return
        super().keyPressEvent(event)
