"""View ▸ Show Versions: the named versions of the open draft, and what one does with them.

The dock lists each version (name, author, time) and offers Save Version… (the File menu's
own action, not a second one), Open Read-Only (the version in a read-only window of its
own), New Draft from Version… (the same core function as `concordia version checkout`,
then opened in a window of its own) and Compare with Current (the compare view with the
version preselected). Versions live on the draft, so the list is read from the window's
draft whenever the window's change notice says the versions (or everything: a draft opened,
reverted or replaced) changed, and after each save.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.model import Draft
from app.model.version import Version
from app.store import DRAFT_SUFFIX, DraftSession
from app.store.errors import DraftFileError
from app.store.versions import CURRENT, checkout_version, open_version

from . import dialogs

if TYPE_CHECKING:
    from .main_window import MainWindow


def local_time(created: str) -> str:
    """"23 Nov 2026, 18:40" in the user's time zone and the UI language (Babel); the stored
    text if it is not a time."""
    try:
        moment = datetime.fromisoformat(created)
    except ValueError:
        return created
    from app.i18n.ui_dates import ui_datetime

    return ui_datetime(moment)


class VersionsPanel(QWidget):
    """The dock's content; `window` is the MainWindow whose draft it lists."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("versions_panel")
        self.window_ = window
        #: Windows opened from here (read-only versions, new drafts): kept alive while shown.
        self.opened: list[MainWindow] = []

        self.tree = QTreeWidget()
        self.tree.setObjectName("versions_list")
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([_("Version"), _("Author"), _("Saved")])
        self.tree.setSelectionMode(QTreeWidget.SingleSelection)
        self.tree.itemSelectionChanged.connect(self._sync_buttons)
        self.tree.itemDoubleClicked.connect(lambda _item, _column: self.open_read_only())

        self.save_button = QPushButton(_("Save Version…"))
        self.save_button.setObjectName("versions_save")
        self.save_button.clicked.connect(self.save_version)
        self.open_button = QPushButton(_("Open Read-Only"))
        self.open_button.setObjectName("versions_open")
        self.open_button.clicked.connect(self.open_read_only)
        self.checkout_button = QPushButton(_("New Draft from Version…"))
        self.checkout_button.setObjectName("versions_checkout")
        self.checkout_button.clicked.connect(self.new_draft_from_version)
        self.compare_button = QPushButton(_("Compare with Current"))
        self.compare_button.setObjectName("versions_compare")
        self.compare_button.clicked.connect(self.compare_with_current)

        top = QHBoxLayout()
        top.addWidget(self.save_button)
        top.addWidget(self.compare_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.open_button)
        bottom.addWidget(self.checkout_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tree, 1)
        layout.addLayout(top)
        layout.addLayout(bottom)

        files = window.files
        window.changed.connect(self._on_changes)
        files.saved.connect(lambda _path: self.refresh())
        self.refresh()

    # -- the list ------------------------------------------------------------------------
    def _on_changes(self, changes) -> None:
        if changes.touches(versions=True):
            self.refresh()

    def draft(self) -> Draft:
        return self.window_.editor.draft()

    def refresh(self) -> None:
        """Show the draft's versions, newest first, keeping the selected one selected."""
        chosen = self.selected_name()
        self.tree.clear()
        for version in reversed(self.draft().versions):
            item = QTreeWidgetItem([version.name, version.author, local_time(version.created)])
            item.setData(0, Qt.UserRole, version.name)
            item.setToolTip(2, version.created)
            self.tree.addTopLevelItem(item)
            if version.name == chosen:
                item.setSelected(True)
        if self.tree.currentItem() is None and self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        for column in range(3):
            self.tree.resizeColumnToContents(column)
        self._sync_buttons()

    def names(self) -> list[str]:
        return [self.tree.topLevelItem(i).data(0, Qt.UserRole)
                for i in range(self.tree.topLevelItemCount())]

    def select(self, name: str) -> None:
        for index in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(index)
            if item.data(0, Qt.UserRole) == name:
                self.tree.setCurrentItem(item)
                return

    def selected_name(self) -> str | None:
        items = self.tree.selectedItems()
        return items[0].data(0, Qt.UserRole) if items else None

    def selected_version(self) -> Version | None:
        name = self.selected_name()
        return next((v for v in self.draft().versions if v.name == name), None)

    def _save_action(self):
        return self.window_.actions_by_name.get("save_version")

    def _sync_buttons(self) -> None:
        chosen = self.selected_name() is not None
        for button in (self.open_button, self.checkout_button, self.compare_button):
            button.setEnabled(chosen)
        action = self._save_action()
        self.save_button.setEnabled(action is not None and action.isEnabled()
                                    and not self.window_.files.session.read_only)

    # -- actions -------------------------------------------------------------------------
    def save_version(self) -> None:
        """File ▸ Save Version… itself; the list follows through the save it makes."""
        action = self._save_action()
        if action is not None:
            action.trigger()
            self.refresh()              # also when the save was refused: the list stays true

    def _version_draft(self, name: str) -> Draft | None:
        try:
            return open_version(self.draft(), name)
        except DraftFileError as error:
            dialogs.show_error(self.window_, str(error))
            return None

    def _new_window(self) -> MainWindow:
        from .main_window import MainWindow

        files = self.window_.files
        other = MainWindow(self.window_.settings, files.prompter,
                           autosave_ms=files.autosave_timer.interval())
        self.opened = [w for w in self.opened if w.isVisible()]
        self.opened.append(other)
        return other

    def open_read_only(self) -> MainWindow | None:
        """The version in a window of its own, read-only (Save As makes an editable copy)."""
        version = self.selected_version()
        if version is None:
            return None
        draft = self._version_draft(version.name)
        if draft is None:
            return None
        other = self._new_window()
        # No file and read-only: nothing can overwrite the version; Save As makes a copy.
        session = DraftSession(draft=draft, read_only=True)
        other.files.session = session
        other.show_session(session, modified=False)
        source = self.window_.files.display_name
        other.setWindowTitle(_("{draft} — version “{name}” (read-only) — Concordia").format(
            draft=source, name=version.name))
        other.show()
        return other

    def new_draft_from_version(self) -> MainWindow | None:
        """Ask a file name, write the version there as a new draft, open it in a new window."""
        name = self.selected_name()
        if name is None:
            return None
        files = self.window_.files
        stem = files.session.path.stem if files.session.path else _("Untitled")
        suggested = Path(f"{stem} - {name}{DRAFT_SUFFIX}".replace("/", "-"))
        if files.session.path is not None:
            suggested = files.session.path.with_name(suggested.name)
        chosen = files.prompter.save_draft_as(self.window_, suggested)
        if chosen is None:
            return None
        try:
            written = checkout_version(self.draft(), name, chosen)
        except (DraftFileError, OSError) as error:
            dialogs.show_error(self.window_, str(error), _("New Draft from Version"))
            return None
        other = self._new_window()
        other.show()
        if not other.files.open_path(written, ask_first=False):
            other.close()
            return None
        return other

    def compare_with_current(self):
        name = self.selected_name()
        if name is None:
            return None
        from .compare_view import CompareView

        view = CompareView(self.window_.current_draft(), self.window_, old_name=name,
                           new_name=CURRENT)
        view.open()
        return view


def install(window: MainWindow) -> None:
    panel = VersionsPanel(window)
    window.versions_panel = panel
    window.add_dock(panel, _("Versions"), Qt.RightDockWidgetArea, key="versions")
