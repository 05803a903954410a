"""Spelling on the cover: the subject and the introduction print on the NOTE's first page, so a
typo there is the first thing a reader sees. They get the editor's red underline (the same
checker, dictionaries, personal words and View ▸ Check Spelling switch) and, on right-click,
the suggestions above the field's usual menu; choosing one is typing it (the cover's undo).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit

from app.i18n import _

from .cover_form import CoverForm
from .spell_highlight import PlainSpelling, SpellUnderline

#: The cover fields whose words print as prose (codes, numbers and names are not checked).
CHECKED_FIELDS = ("subject", "intro")


class CoverSpelling:
    def __init__(self, cover: CoverForm, underline: SpellUnderline) -> None:
        self.underline = underline
        self.fields: list[QPlainTextEdit] = []
        for name in CHECKED_FIELDS:
            edit = cover.field_widget(name)
            if not isinstance(edit, QPlainTextEdit):
                continue
            underline.watch_plain(PlainSpelling(underline, edit.document()))
            edit.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            edit.customContextMenuRequested.connect(
                lambda point, field=edit: self.show_menu(field, point))
            self.fields.append(edit)

    def menu_for(self, edit: QPlainTextEdit, point: QPoint) -> QMenu:
        """The field's own menu, with the spelling suggestions for the word at `point` first."""
        menu = edit.createStandardContextMenu(point)
        cursor = edit.cursorForPosition(point)
        hit = None if edit.isReadOnly() else self.underline.word_at(cursor)
        if hit is None:
            return menu
        block, item, language = hit
        first = menu.actions()[0] if menu.actions() else None
        suggestions = self.underline.checker.suggestions(item.word, language)
        for suggestion in suggestions:
            action = menu.addAction(suggestion)
            bold = QFont(action.font())
            bold.setBold(True)
            action.setFont(bold)
            action.setObjectName("spelling_suggestion")
            action.triggered.connect(
                lambda _checked=False, s=suggestion: self._replace(edit, block.position(), item, s))
            if first is not None:
                menu.removeAction(action)
                menu.insertAction(first, action)
        if not suggestions:
            none = menu.addAction(_("(No Spelling Suggestions)"))
            none.setEnabled(False)
            if first is not None:
                menu.removeAction(none)
                menu.insertAction(first, none)
        if first is not None:
            menu.insertSeparator(first)
        return menu

    def show_menu(self, edit: QPlainTextEdit, point: QPoint) -> None:
        menu = self.menu_for(edit, point)
        menu.exec(edit.viewport().mapToGlobal(point))
        menu.deleteLater()

    @staticmethod
    def _replace(edit: QPlainTextEdit, block_start: int, item, replacement: str) -> None:
        cursor = QTextCursor(edit.document())
        cursor.setPosition(block_start + item.start)
        cursor.setPosition(block_start + item.end, QTextCursor.MoveMode.KeepAnchor)
        if cursor.selectedText() != item.word:
            return                        # the text moved on since the menu opened
        cursor.insertText(replacement)   # as typing: the cover gathers it into one step
        edit.setTextCursor(cursor)
        edit.setFocus()
