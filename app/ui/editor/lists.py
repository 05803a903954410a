"""Automatic numbers and bullets: one `QTextList` per list kind and level.

NUMBERED paragraphs all join ONE decimal list, so Qt numbers them 1…n in document order and
renumbers live; LIST_ITEM blocks join a bullet list per level (a different bullet on level 2).
Membership is presentation only: a block's kind and level are read from its own format
properties, never from the list it sits in.
"""

from __future__ import annotations

from PySide6.QtGui import QTextCursor, QTextDocument, QTextList, QTextListFormat

from app.model import BlockKind

from .formats import kind_of, level_of

ListKey = tuple[str, int]

_BULLETS = (QTextListFormat.Style.ListDisc, QTextListFormat.Style.ListCircle, QTextListFormat.Style.ListSquare)
MAX_LEVEL = 4


def list_key(kind: BlockKind, level: int) -> ListKey | None:
    if kind is BlockKind.NUMBERED:
        return ("numbered", 1)
    if kind is BlockKind.LIST_ITEM:
        return ("bullet", max(1, min(level, MAX_LEVEL)))
    return None


def list_format(key: ListKey) -> QTextListFormat:
    fmt = QTextListFormat()
    name, level = key
    if name == "numbered":
        fmt.setStyle(QTextListFormat.Style.ListDecimal)
        fmt.setNumberSuffix(".")
        fmt.setIndent(1)
    else:
        fmt.setStyle(_BULLETS[min(level, len(_BULLETS)) - 1])
        fmt.setIndent(level)
    return fmt


class ListRegistry:
    """Finds (or creates) the document's list for a kind and level."""

    def __init__(self, document: QTextDocument) -> None:
        self._document = document
        self._indices: dict[ListKey, int] = {}

    def reset(self) -> None:
        self._indices.clear()

    def existing(self, key: ListKey) -> QTextList | None:
        index = self._indices.get(key)
        if index is None:
            return None
        found = self._document.object(index)
        return found if isinstance(found, QTextList) else None

    def sync(self, cursor: QTextCursor) -> None:
        """Put the cursor's block in the list its kind and level call for (or in none)."""
        block = cursor.block()
        key = list_key(kind_of(block), level_of(block))
        current = block.textList()
        wanted = self.existing(key) if key else None
        if key is None:
            if current is not None:
                current.remove(block)
                self._clear_indent(cursor)
            return
        if wanted is None:
            if current is not None:
                current.remove(block)
            created = cursor.createList(list_format(key))
            self._indices[key] = created.objectIndex()
            return
        if current is not None and current.objectIndex() == wanted.objectIndex():
            return
        if current is not None:
            current.remove(block)
        wanted.add(block)

    def _clear_indent(self, cursor: QTextCursor) -> None:
        fmt = cursor.blockFormat()
        if fmt.indent():
            fmt.setIndent(0)
            cursor.setBlockFormat(fmt)

    def object_index_for(self, key: ListKey | None) -> int | None:
        if key is None:
            return None
        found = self.existing(key)
        return found.objectIndex() if found is not None else None

    def remember(self, key: ListKey, created: QTextList) -> None:
        self._indices[key] = created.objectIndex()
