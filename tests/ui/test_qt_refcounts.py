"""The installed PySide6 must not leak references to None or True (6.12.0 on Python 3.11 did,
and the interpreter aborted after some hundred thousand Qt calls)."""

from __future__ import annotations

import sys


def test_qt_setters_and_signals_keep_none_and_true_references(qtbot):
    from PySide6.QtGui import QTextBlockFormat
    from PySide6.QtWidgets import QLabel

    fmt = QTextBlockFormat()
    label = QLabel()
    qtbot.addWidget(label)
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(5_000):
        fmt.setIndent(0)
        label.windowTitleChanged.emit("x")
    # A few references may come and go with Python's own bookkeeping; a leak loses thousands.
    assert abs(sys.getrefcount(None) - none_before) < 100
    assert abs(sys.getrefcount(True) - true_before) < 100
