"""The PySide6 user interface (the only package that imports Qt).

PySide6 is pinned below 6.12 in pyproject.toml: the 6.12.0 wheels drop a reference to `None`
on every Qt call that returns nothing (and to `True` on every signal emit) under Python 3.11,
so a long editing session aborts with "deallocating None". `tests/ui/test_qt_refcounts.py`
fails if an installed PySide6 does this again, so the pin can be lifted safely once fixed.
"""
