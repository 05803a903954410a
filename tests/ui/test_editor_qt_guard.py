"""The PySide6 build here drops a reference to None/True on many calls; app.ui guards it."""

from __future__ import annotations

import sys

import pytest


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None and True are immortal from Python 3.12")
def test_many_qt_calls_cannot_exhaust_none_or_true(qtbot):
    from PySide6.QtGui import QTextBlockFormat
    from PySide6.QtWidgets import QLabel

    import app.ui  # noqa: F401 - the guard runs on import

    fmt = QTextBlockFormat()
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(200_000):                 # more than None's usual count of references
        fmt.setIndent(0)
    label.windowTitleChanged.emit("x")
    assert sys.getrefcount(None) > 1 << 39   # still alive, with room for a lifetime of calls
    assert sys.getrefcount(True) > 1 << 39
    assert before - sys.getrefcount(None) <= 200_000
