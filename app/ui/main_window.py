"""The main window: the note's cover form, the annex text, footnotes, menus and status bar.

Other parts of the UI extend the window rather than edit this file: `menus` holds the menus
by key ("file", "edit", "format", "insert", "view", "library", "help"), `add_dock` adds a
panel (and its View toggle), and each panel module's `install(window)` is called by
`_install_panels`, explicitly: a panel that fails to import or build stops the window with
its error instead of silently going missing.

What changed in the draft reaches every panel through ONE signal, `window.changed` (the
editor's `changed`, carrying an `app.model.changes.Changes`): edits, undo/redo, and a draft
opened, reverted or replaced (`show_session`: everything, initiator FILE). Something that
changes the draft outside the editor says so with `window.report_changes(...)`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QWidget,
)
from shiboken6 import isValid

from app.i18n import _
from app.model import Draft
from app.model.changes import Changes
from app.store import DraftSession

from . import (
    backup_dialog,
    bilingual,
    comments_pane,
    compare_view,
    dialogs,
    edit_tools,
    language_import,
    library_panel,
    menu_bar,
    negotiation_pane,
    outline,
    print_pdf,
    reservations_pane,
    spell_highlight,
    toolbar,
    versions_panel,
    window_layout,
    window_menus,
    window_placement,
)
from .cover_form import CoverForm
from .cover_spelling import CoverSpelling
from .editor.widget import DraftEditor
from .file_controller import FileController
from .new_drafts import droppable_files
from .settings import AppSettings

_DROP_EVENTS = (QEvent.DragEnter, QEvent.DragMove, QEvent.Drop)



class MainWindow(QMainWindow):
    def __init__(
        self,
        settings: AppSettings | None = None,
        prompter: Any = None,
        autosave_ms: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WA_DeleteOnClose, False)
        self.settings = settings or AppSettings()
        self.menus: dict[str, QMenu] = {}
        self.docks: dict[str, QDockWidget] = {}
        self.actions_by_name: dict[str, QAction] = {}
        self._forced_modified = False
        self.setObjectName("concordia_main_window")
        self.setDockOptions(QMainWindow.AnimatedDocks | QMainWindow.AllowTabbedDocks)
        # The cover runs full height on the left; footnotes sit under the text they belong to.
        self.setCorner(Qt.BottomLeftCorner, Qt.LeftDockWidgetArea)

        self.editor = DraftEditor(self)
        #: THE change notice of the draft shown (see the module doc).
        self.changed = self.editor.changed
        self.setCentralWidget(self.editor)
        self.setAcceptDrops(True)
        self.editor.text_edit.viewport().installEventFilter(self)
        self.cover_form = CoverForm(self.editor.apply_operation)
        self.files = FileController(
            self, self.settings, prompter or dialogs.FilePrompter(self.settings),
            autosave_ms if autosave_ms is not None else self.settings.autosave_interval_ms(),
        )

        menu_bar.build(self)
        self.add_dock(self.cover_form, _("Cover"), Qt.LeftDockWidgetArea, key="cover")
        self.add_dock(self.editor.footnote_pane, _("Footnotes"), Qt.BottomDockWidgetArea,
                      key="footnotes")
        self._build_status_bar()
        self._connect_editor()
        self._install_panels()
        self.show_session(self.files.session, modified=False)
        toolbar.install(self)      # after the panels: it shows their actions too
        window_placement.restore(self)
        self.layout_keeper = window_layout.LayoutKeeper(self)   # saved as it changes

    # -- building ---------------------------------------------------------------------------
    def make_action(self, key: str, text: str, slot: Callable[[], Any] | None = None,
                shortcuts: list[QKeySequence] | None = None) -> QAction:
        action = QAction(text, self)
        action.setObjectName("action_" + key)
        if shortcuts:
            unique: list[QKeySequence] = []
            for sequence in shortcuts:
                if not sequence.isEmpty() and sequence not in unique:
                    unique.append(sequence)
            action.setShortcuts(unique)
        if slot is not None:
            action.triggered.connect(lambda _checked=False: slot())
        self.actions_by_name[key] = action
        self.addAction(action)  # shortcuts work even when the menu bar is hidden
        return action

    def make_menu(self, key: str, title: str) -> QMenu:
        menu = self.menuBar().addMenu(title)
        menu.setObjectName("menu_" + key)
        self.menus[key] = menu
        return menu

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.menus.get("library") and event.type() in (QEvent.ActionAdded, QEvent.ActionRemoved):
            menu = self.menus["library"]
            menu.menuAction().setVisible(bool(menu.actions()))
        if event.type() in _DROP_EVENTS and droppable_files(event.mimeData()):
            # A draft dropped on the text opens it, rather than pasting its path as text.
            self._file_drop(event)
            return True
        return super().eventFilter(watched, event)

    # -- dropping files -----------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if droppable_files(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        self._file_drop(event)

    def _file_drop(self, event: QEvent) -> None:
        files = droppable_files(event.mimeData())
        if not files:
            return
        event.acceptProposedAction()
        if event.type() == QEvent.Drop:
            # After the drop returns: a question asked inside it would block the dragging app.
            QTimer.singleShot(0, lambda: self.files.open_path(files[0]))

    def add_dock(self, widget: QWidget, title: str, area: Qt.DockWidgetArea = Qt.RightDockWidgetArea,
                 key: str | None = None) -> QDockWidget:
        """Put `widget` in a dock with a View ▸ toggle; its state is remembered."""
        dock = QDockWidget(title, self)
        dock.setObjectName("dock_" + (key or title.lower().replace(" ", "_")))
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetClosable | QDockWidget.DockWidgetMovable
                         | QDockWidget.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        self.docks[key or dock.objectName()] = dock
        toggle = dock.toggleViewAction()
        toggle.setText(_("Show {panel}").format(panel=title))
        self.menus["view"].addAction(toggle)
        if hasattr(self, "layout_keeper"):      # a panel added later is remembered too
            self.layout_keeper.watch_dock(dock)
        return dock

    def _build_status_bar(self) -> None:
        self.block_label = QLabel()
        self.block_label.setObjectName("status_block")
        self.statusBar().addPermanentWidget(self.block_label)
        self.read_only_label = QLabel(_("Read-only"))
        self.read_only_label.setVisible(False)
        self.statusBar().addPermanentWidget(self.read_only_label)

    @Slot(str)
    def _show_block_position(self, block_id: str) -> None:
        """"Operative clause · ¶ 12 of 92": how negotiators point at a paragraph."""
        draft = self.editor.draft()
        try:
            index = draft.block_index(block_id)
        except KeyError:
            self.block_label.clear()
            return
        kind = draft.blocks[index].kind
        action = self.editor.actions.get("kind_" + kind.value)
        name = action.text().replace("&", "") if action is not None else kind.value
        self.block_label.setText(_("{kind} · ¶ {number} of {total}").format(
            kind=name, number=index + 1, total=len(draft.blocks)))

    def _connect_editor(self) -> None:
        stack = self.editor.undo_stack
        stack.cleanChanged.connect(self._update_modified)
        stack.indexChanged.connect(self._update_modified)
        self.changed.connect(self._on_changes)
        self.editor.modified.connect(self._update_modified)
        self.editor.current_block_changed.connect(self._show_block_position)
        self.cover_form.pending_changed.connect(self._update_modified)  # * appears as one types

    def _install_panels(self) -> None:
        """Build every panel, explicitly: a broken one fails loudly, never goes missing."""
        self.spell_underline = spell_highlight.install(self)
        self.cover_spelling = CoverSpelling(self.cover_form, self.spell_underline)
        backup_dialog.install(self)           # File ▸ Revert to Backup…
        self.outline = outline.install(self)
        self.library_dock = library_panel.install(self)
        self.comments_pane = comments_pane.install(self)
        self.reservations_pane = reservations_pane.install(self)
        self.negotiation_pane = negotiation_pane.install(self)   # brackets, status, dashboard
        self.language_status = language_import.install(self)
        compare_view.install(self)
        versions_panel.install(self)          # sets self.versions_panel
        edit_tools.install(self)              # Find/Replace, footnotes list, highlights, F1
        print_pdf.install(self)               # File ▸ Export to PDF…, Print…
        bilingual.install(self)               # View ▸ Languages Side by Side

    def report_changes(self, changes: Changes) -> None:
        """Tell every panel that the draft changed outside the editor (a version saved …)."""
        self.editor.report(changes)

    # -- the draft shown --------------------------------------------------------------------
    def show_session(self, session: DraftSession, modified: bool) -> None:
        """Show a freshly opened/created session (called by the file controller)."""
        self._forced_modified = modified
        self.editor.set_draft(session.draft)     # reports everything (initiator FILE)
        self.editor.undo_stack.clear()
        self.editor.undo_stack.setClean()
        self.show_read_only_state()

    def show_read_only_state(self) -> None:
        """Editing follows the session: Save As from a read-only draft makes it editable."""
        read_only = self.files.session.read_only
        self.editor.set_read_only(read_only)
        self.cover_form.set_read_only(read_only)
        self.read_only_label.setVisible(read_only)
        self._update_title()

    def current_draft(self, commit_form: bool = True) -> Draft:
        """The draft as the user sees it now (what Save writes)."""
        if commit_form:
            self.cover_form.commit_pending()
        return self.editor.draft()

    def is_modified(self) -> bool:
        return (self._forced_modified or not self.editor.undo_stack.isClean()
                or self.cover_form.has_pending)

    def mark_saved(self) -> None:
        self._forced_modified = False
        self.editor.undo_stack.setClean()
        self._update_title()

    @Slot(object)
    def _on_changes(self, changes: Changes) -> None:
        # An edit, undo or redo may have changed the cover: show it without emitting edits.
        if not isValid(self.editor):
            return  # the window is being torn down
        if changes.touches(cover=True):
            self.cover_form.show_note(self.editor.draft().note)
            self._update_modified()

    @Slot()
    def _update_modified(self) -> None:
        if isValid(self.editor) and isValid(self.editor.undo_stack):
            self.setWindowModified(self.is_modified())

    def _update_title(self) -> None:
        session = self.files.session
        title = self.files.display_name + "[*]"
        if session.read_only:
            title += " " + _("(read-only)")
        self.setWindowTitle(title + " — Concordia")
        self._update_modified()

    # -- actions ----------------------------------------------------------------------------
    def undo(self) -> None:
        self.cover_form.commit_pending()
        self.editor.undo_stack.undo()

    def redo(self) -> None:
        self.cover_form.commit_pending()
        self.editor.undo_stack.redo()

    def rebuild_recent_menu(self) -> None:
        window_menus.fill_recent_menu(self, self.recent_menu)

    def _about(self) -> None:
        dialogs.show_about(self)

    def quit_application(self) -> None:
        QApplication.closeAllWindows()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.files.import_task is not None and self.files.import_task.running:
            self.files.import_task.cancel()
            event.ignore()
            return
        if not self.files.may_discard_changes():
            event.ignore()
            return
        self.layout_keeper.closing()
        self.files.close_session()
        event.accept()


def open_path_in(window: MainWindow, path: Path) -> bool:
    """Open a file given on the command line (a draft, or a text note to import)."""
    return window.files.open_path(path, ask_first=False)
