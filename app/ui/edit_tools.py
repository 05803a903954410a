"""The editing tools a Word user expects, installed into the main window together:
Find/Replace (`find_bar`), the Footnotes list (`footnotes_list`), highlighted comment and
reservation spans (`annotation_highlight`), the editor's right-click menu
(`editor.context_menu`) and the F1 help page (`help_page`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .main_window import MainWindow


def install(window: MainWindow) -> None:
    from . import find_bar

    find_bar.install(window)
