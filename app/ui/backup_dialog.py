"""File ▸ Revert to Backup…: pick one of the draft's rotating backups and bring it back.

The list shows when each backup was taken (local time, in the UI language) and its size.
Restoring asks first, then backs up the draft as it is now (unsaved changes included), so
the restore itself can be reverted; the restored draft is saved and shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.store.backups import Backup, describe_size, describe_time, list_backups, restore_in_session
from app.store.errors import DraftFileError

from . import dialogs

if TYPE_CHECKING:
    from .main_window import MainWindow


class BackupDialog(QDialog):
    """The backups of one draft, newest first; `chosen()` after accept."""

    def __init__(self, backups: list[Backup], name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backup_dialog")
        self.setWindowTitle(_("Revert to Backup"))
        self._backups = backups
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Backups of “{name}”, newest first:").format(name=name)))
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("backup_list")
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([_("Taken"), _("Size")])
        for backup in backups:
            item = QTreeWidgetItem([describe_time(backup.taken), describe_size(backup.size)])
            item.setData(0, Qt.ItemDataRole.UserRole, backup.name)
            item.setToolTip(0, backup.name)
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.tree.addTopLevelItem(item)
        self.tree.resizeColumnToContents(0)
        self.tree.itemDoubleClicked.connect(lambda *_args: self.accept())
        layout.addWidget(self.tree)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.restore_button = buttons.addButton(_("&Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setObjectName("restore_backup")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.tree.currentItemChanged.connect(
            lambda current, _previous: self.restore_button.setEnabled(current is not None))
        if backups:
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self.resize(460, 360)

    def chosen(self) -> Backup | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        name = item.data(0, Qt.ItemDataRole.UserRole)
        return next((b for b in self._backups if b.name == name), None)


def revert_to_backup(window: MainWindow) -> bool:
    """The menu entry: choose, confirm, restore; True if a backup was restored."""
    session = window.files.session
    if session.path is None:
        dialogs.show_info(window, _("This draft has not been saved yet, so it has no backups."),
                          _("Revert to Backup"))
        return False
    if session.read_only:
        dialogs.show_info(window, _("This draft is open read-only, so it cannot be reverted."),
                          _("Revert to Backup"))
        return False
    backups = list_backups(session.path)
    if not backups:
        dialogs.show_info(window, _("“{name}” has no backups yet: one is taken each time it is "
                                    "saved.").format(name=session.path.name), _("Revert to Backup"))
        return False
    dialog = BackupDialog(backups, session.path.name, window)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen() is None:
            return False
        backup = dialog.chosen()
    finally:
        dialog.deleteLater()
    assert backup is not None
    when = describe_time(backup.taken)
    box = QMessageBox(QMessageBox.Icon.Question, _("Revert to Backup"),
                      _("Replace “{name}” with its backup of {when}?").format(
                          name=session.path.name, when=when),
                      QMessageBox.StandardButton.Cancel, window)
    box.setInformativeText(_("The draft as it is now, unsaved changes included, is kept as a "
                             "backup first, so this can be reverted too."))
    confirm = box.addButton(_("&Restore"), QMessageBox.ButtonRole.AcceptRole)
    confirm.setObjectName("restore")
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    if box.clickedButton() is not confirm:
        return False
    unsaved = window.is_modified()
    session.draft = window.current_draft()
    try:
        before = restore_in_session(session, backup.name, unsaved=unsaved)
    except (DraftFileError, OSError) as error:
        dialogs.show_error(window, str(error), _("Cannot Revert"))
        return False
    window.show_session(session, modified=False)
    window.files.session_replaced.emit()
    window.statusBar().showMessage(
        _("Restored the backup of {when}; the draft as it was is backup {before}.").format(
            when=when, before=before.name), 10000)
    return True


def install(window: MainWindow) -> None:
    action = QAction(_("Revert to &Backup…"), window)
    action.setObjectName("action_revert_to_backup")
    action.triggered.connect(lambda _checked=False: revert_to_backup(window))
    window.actions_by_name["revert_to_backup"] = action
    menu = window.menus["file"]
    close = window.actions_by_name.get("close")
    if close in menu.actions():
        menu.insertAction(close, action)
        menu.insertSeparator(close)
    else:
        menu.addAction(action)
