"""Puts the Library dock in the main window (built by MainWindow._install_panels).

The library opens on first use, at `CONCORDIA_LIBRARY` (a file or SQLAlchemy URL) or the
user's data folder. A chosen clause (Enter, double-click, or dragged onto the text) goes in
at the cursor as the editor places clauses (see `app.ui.editor.clauses`), with its Spanish
(or English) pair in the draft's other language version, as one undoable step.

Following the cursor: the status bar says whether the paragraph at the cursor is agreed
language ("Agreed language from 6914/24 — 3 words changed"), and the dock's Precedents panel
shows that paragraph's difference from its agreed wording and its closest precedents. Both
wait for a pause (`FOLLOW_MS`) after the cursor moves or the text changes, so typing never
pays for a word diff or a library look-up.
"""

from __future__ import annotations

import os

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel

from app.i18n import _
from app.library import ClauseInsertion, Library, LibraryError

from .editor.agreed import difference_html, summary
from .library_dock import LibraryDock

#: The pause (ms) after a cursor move or keystroke before the status and precedents follow.
FOLLOW_MS = 250


def open_user_library() -> Library:
    return Library(os.environ.get("CONCORDIA_LIBRARY") or None)


def install(window, opener=open_user_library) -> LibraryDock:
    editor = window.editor
    dock = LibraryDock(None, window, opener=opener, debounce_ms=FOLLOW_MS)
    dock.setObjectName("dock_library")
    window.addDockWidget(Qt.RightDockWidgetArea, dock)
    window.docks["library"] = dock
    toggle = dock.toggleViewAction()
    toggle.setText(_("Show {panel}").format(panel=_("Library")))
    show_difference = editor.actions.get("agreed_difference")
    if "view" in window.menus:
        window.menus["view"].addAction(toggle)
        if show_difference is not None:
            window.menus["view"].addAction(show_difference)
    if "library" in window.menus:
        menu = window.menus["library"]
        menu.addAction(dock.add_documents_action)
        menu.addAction(dock.add_folder_action)
        menu.addSeparator()
        menu.addAction(toggle)

    agreed_label = QLabel()
    agreed_label.setObjectName("status_agreed_language")
    window.statusBar().addPermanentWidget(agreed_label)
    dock.agreed_label = agreed_label

    def insert(insertion: ClauseInsertion) -> None:
        editor.insert_clause(insertion)

    def resolve(clause_id: str) -> ClauseInsertion | None:
        """A clause dragged from the dock, in the draft's language, with its pair."""
        library = dock.ensure_library()
        if library is None:
            return None
        try:
            return library.insertion(clause_id, editor.draft().language)
        except LibraryError as error:
            window.statusBar().showMessage(str(error), 5000)
            return None

    def follow_cursor() -> None:
        """After a pause: the status line and the dock's panel for the paragraph at the cursor."""
        block = editor.current_block()
        agreed_label.setText(summary(block))
        agreed_label.setToolTip(difference_html(block))
        dock.set_language(editor.draft().language)
        if dock.library is None or not dock.isVisible() or block is None:
            return
        dock.show_precedents(block.text, difference_html(block), immediately=True)

    pause = QTimer(dock, singleShot=True, interval=FOLLOW_MS)
    pause.timeout.connect(follow_cursor)
    dock.follow_timer = pause
    dock.follow_now = follow_cursor
    dock.insertRequested.connect(insert)
    editor.resolve_clause = resolve
    # Restarting a timer is all a keystroke costs here.
    editor.current_block_changed.connect(lambda _block_id: pause.start())
    editor.changed.connect(lambda changes: pause.start()
                           if changes.touches(blocks=True, translations=True) else None)
    return dock
