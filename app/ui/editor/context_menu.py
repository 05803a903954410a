"""The editor's right-click menu, built in one place that other features extend.

`build_editor_context_menu(text_edit, position)` makes Qt's usual menu (Undo, Redo, Cut,
Copy, Paste, Delete, Select All; its Undo/Redo replaced by the editor's one history), then
calls each hook in `text_edit.context_menu_hooks` in order. A hook is
`hook(menu, context) -> None` and may add, insert (e.g. spelling suggestions before
`menu.actions()[0]`) or disable entries. A right-click outside the selection first moves the
cursor to the clicked word, as in Word, so what the menu does applies there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from .text_edit import DraftTextEdit


@dataclass
class MenuContext:
    text_edit: DraftTextEdit
    position: QPoint            # the click, in viewport coordinates
    cursor: QTextCursor         # at the clicked character (the selection is the edit's own)


ContextMenuHook = Callable[[QMenu, MenuContext], None]


def build_editor_context_menu(text_edit: DraftTextEdit, position: QPoint) -> QMenu:
    clicked = text_edit.cursorForPosition(position)
    selection = text_edit.textCursor()
    inside = selection.hasSelection() and selection.selectionStart() <= clicked.position() <= selection.selectionEnd()
    if not inside:
        text_edit.setTextCursor(clicked)
    menu: QMenu = text_edit.createStandardContextMenu(position)
    menu.setObjectName("editor_context_menu")
    for action in menu.actions():
        if action.objectName() in ("edit-undo", "edit-redo"):
            ours = text_edit.undo_action if action.objectName() == "edit-undo" else text_edit.redo_action
            if ours is not None:
                menu.insertAction(action, ours)
            menu.removeAction(action)
    context = MenuContext(text_edit, position, clicked)
    for hook in list(text_edit.context_menu_hooks):
        hook(menu, context)
    return menu
