"""Puts the Library dock in the main window (an extension listed in EXTENSION_MODULES).

The library opens on first use, at `CONCORDIA_LIBRARY` (a file or SQLAlchemy URL) or the
user's data folder. A chosen clause goes in after the paragraph at the cursor, with its
Spanish (or English) pair in the draft's other language version, as one undoable step; the
Precedents panel follows the paragraph under the cursor once the library is open.
"""

from __future__ import annotations

import os

from PySide6.QtCore import Qt

from app.i18n import _
from app.library import ClauseInsertion, Library

from .library_dock import LibraryDock


def open_user_library() -> Library:
    return Library(os.environ.get("CONCORDIA_LIBRARY") or None)


def install(window, opener=open_user_library) -> LibraryDock:
    editor = window.editor
    dock = LibraryDock(None, window, opener=opener)
    dock.setObjectName("dock_library")
    window.addDockWidget(Qt.RightDockWidgetArea, dock)
    window.docks["library"] = dock
    toggle = dock.toggleViewAction()
    toggle.setText(_("Show {panel}").format(panel=_("Library")))
    if "view" in window.menus:
        window.menus["view"].addAction(toggle)
    if "library" in window.menus:
        menu = window.menus["library"]
        menu.addAction(dock.add_documents_action)
        menu.addAction(dock.add_folder_action)
        menu.addSeparator()
        menu.addAction(toggle)

    def insert(insertion: ClauseInsertion) -> None:
        draft = editor.draft()
        current = editor.current_block_id()
        try:
            index = draft.block_index(current) + 1 if current else len(draft.blocks)
        except KeyError:
            index = len(draft.blocks)
        editor.apply_operation(insertion.operation(index, draft), _("Insert agreed language"))
        editor.go_to_block(insertion.block.id)

    def follow_cursor(block_id: str) -> None:
        draft = editor.draft()
        dock.set_language(draft.language)
        if dock.library is None or not dock.isVisible() or not block_id:
            return
        try:
            dock.show_precedents(draft.block(block_id).text)
        except KeyError:
            pass

    dock.insertRequested.connect(insert)
    editor.current_block_changed.connect(follow_cursor)
    return dock
