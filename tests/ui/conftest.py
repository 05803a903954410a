"""Fixtures for driving real widgets like a user does.

`type_text` sends one QKeyEvent per character carrying its text, because qtbot.keyClicks
aborts on non-ASCII characters (é, ñ, ü, ¿) with the offscreen platform.
"""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def send_text(widget, text: str) -> None:
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for char in text:
        key = ord(char.upper()) if char.isascii() and char.isalnum() else Qt.Key.Key_unknown
        if char == " ":
            key = Qt.Key.Key_Space
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char))


@pytest.fixture
def type_text(qtbot):
    """type_text(widget, "¿Qué año?") types the text into the widget, character by character."""
    return send_text


@pytest.fixture
def press(qtbot):
    """press(widget, key, modifiers=NoModifier): one key click, e.g. Enter, Backspace, Ctrl+Z."""
    from PySide6.QtCore import Qt

    def _press(widget, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
        qtbot.keyClick(widget, key, modifiers)

    return _press


@pytest.fixture
def make_editor(qtbot):
    """make_editor(draft): a shown DraftEditor holding `draft`, its text area focused."""

    def _make(draft):
        from app.ui.editor import DraftEditor

        widget = DraftEditor()
        qtbot.addWidget(widget)
        widget.resize(700, 500)
        widget.show()
        widget.set_draft(draft)
        widget.text_edit.setFocus()
        return widget

    return _make


@pytest.fixture(scope="session", autouse=True)
def _empty_clipboard_before_exit(qapp):
    """Qt's clipboard outlives the interpreter; mime data left in it by a paste test is freed by
    Qt's exit handlers after Python has gone, which crashes the process (exit code 139)."""
    yield
    qapp.clipboard().clear()
    qapp.processEvents()
