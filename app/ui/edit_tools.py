"""The editing tools a Word user expects, installed into the main window together:
Find/Replace (`find_bar`), the Footnotes list (`footnotes_list`), highlighted comment and
reservation spans (`annotation_highlight`), Comment/Reservation/Footnote in the editor's
right-click menu (a hook of `editor.context_menu`) and the F1 help page (`help_page`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMenu

from .editor.context_menu import MenuContext

if TYPE_CHECKING:
    from .main_window import MainWindow

#: Window actions offered on a right-click in the text, in this order (those installed).
CONTEXT_ACTIONS = ("add_comment", "add_reservation", "insert_footnote")


def annotation_menu_hook(window: MainWindow):
    """A context-menu hook adding the window's Comment…, Reservation… and Footnote actions."""

    def hook(menu: QMenu, _context: MenuContext) -> None:
        actions = [window.actions_by_name[key] for key in CONTEXT_ACTIONS if key in window.actions_by_name]
        if actions:
            menu.addSeparator()
            for action in actions:
                menu.addAction(action)

    return hook


def install(window: MainWindow) -> None:
    from . import annotation_highlight, find_bar, footnotes_list, help_page

    find_bar.install(window)
    footnotes_list.install(window)
    annotation_highlight.install(window)
    window.editor.text_edit.context_menu_hooks.append(annotation_menu_hook(window))
    help_page.install(window)
