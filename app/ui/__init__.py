"""The PySide6 user interface (the only package that imports Qt).

Importing it first guards against a reference-count bug measured in the PySide6 6.12.0 build
used here on Python 3.11: every call of a Qt method that returns nothing (setters,
insertText, setPosition …) drops one reference to `None` it never took, and every
`signal.emit()` drops one to `True`; after some hundred thousand calls (loading or typing in
a long draft) the interpreter aborts with "deallocating None" / "deallocating True or
False". Python 3.12+ makes these singletons immortal, which is exactly the cure; on older
CPython we give them a reference count no session can exhaust. Remove once PySide6 is fixed.
"""

from __future__ import annotations

import sys


def _make_singletons_immortal() -> None:
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython" or hasattr(sys, "gettotalrefcount"):
        return                                   # immortal already, or an unusual object layout
    import ctypes

    for singleton in (None, True, False):
        refcount = ctypes.c_ssize_t.from_address(id(singleton))   # ob_refcnt: PyObject's first field
        if refcount.value < 1 << 40:
            refcount.value += 1 << 40


_make_singletons_immortal()
