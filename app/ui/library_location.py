"""Library ▸ Library Location…: which clause library the window uses.

A file (the user's own SQLite library, or one on a shared drive) or a PostgreSQL URL for a
team's library on a server, "postgresql://user@server/database". The choice is tried before it
is kept: a library that cannot be opened says why, in one sentence, and the current one stays.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _


class LibraryLocationDialog(QDialog):
    def __init__(self, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Library Location"))
        layout = QVBoxLayout(self)
        explanation = QLabel(_(
            "A library file, or a team library on a PostgreSQL server: "
            "postgresql://user@server/database. Leave empty for your own library."))
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        row = QHBoxLayout()
        self.field = QLineEdit(current, self)
        self.field.setObjectName("library_location_field")
        self.field.setAccessibleName(_("Library file or PostgreSQL URL"))
        self.field.setPlaceholderText(_("Your own library (the default)"))
        self.field.setMinimumWidth(420)
        browse = QPushButton(_("Browse…"), self)
        browse.clicked.connect(self._browse)
        row.addWidget(self.field, 1)
        row.addWidget(browse)
        layout.addLayout(row)
        self.error = QLabel(self)
        self.error.setObjectName("library_location_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color:#b00020")
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def location(self) -> str:
        return self.field.text().strip()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def _browse(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Library file"), self.location(), _("Concordia library (*.sqlite);;All files (*)"),
            options=QFileDialog.DontConfirmOverwrite)
        if path:
            self.field.setText(path)
