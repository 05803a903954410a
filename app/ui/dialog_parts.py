"""The pieces every "choose a file, then work in the background" dialog is built of.

Export to Word, Export Compilation of Comments and Import Language Version all ask for a
file in a line with a Browse… button, say what happens in a wrapping status line, and end
with Cancel and one action button that Enter presses.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
)

from app.i18n import _


def file_row(edit: QLineEdit, browse: Callable[[], None], prefix: str = "") -> QHBoxLayout:
    """The file name, and a Browse… button beside it that calls `browse`."""
    button = QPushButton(_("Browse…"))
    if prefix:
        edit.setObjectName(edit.objectName() or prefix + "_path")
        button.setObjectName(prefix + "_browse")
    button.setAutoDefault(False)        # Enter runs the dialog's action, not Browse
    button.clicked.connect(browse)
    row = QHBoxLayout()
    row.addWidget(edit, 1)
    row.addWidget(button)
    return row


def status_line(object_name: str = "") -> QLabel:
    label = QLabel()
    if object_name:
        label.setObjectName(object_name)
    label.setWordWrap(True)
    return label


def action_buttons(dialog: QDialog, label: str, action: Callable[[], None],
                   object_name: str = "") -> tuple[QDialogButtonBox, QPushButton]:
    """Cancel and the action button (the default one, so Enter starts the work)."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    button = buttons.addButton(label, QDialogButtonBox.ButtonRole.AcceptRole)
    if object_name:
        button.setObjectName(object_name)
    button.setDefault(True)
    button.clicked.connect(action)
    buttons.rejected.connect(dialog.reject)
    return buttons, button


def with_docx_suffix(chosen: str) -> str:
    return chosen if chosen.lower().endswith(".docx") else chosen + ".docx"
