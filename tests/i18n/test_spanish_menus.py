"""The window in Spanish: every menu reachable with Alt, each mnemonic used once per menu."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QMenu

from app.i18n import set_ui_language
from tests.ui.window_support import PathAnswers, close_without_prompt, isolated_settings


def mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def clashes(title: str, actions) -> list[str]:
    seen: dict[str, str] = {}
    found = []
    for action in actions:
        if action.isSeparator() or not action.text():
            continue
        letter = mnemonic(action.text())
        if letter is None:
            continue
        if letter in seen:
            found.append(f"{title}: “{seen[letter]}” and “{action.text()}” both use &{letter}")
        seen[letter] = action.text()
        if action.menu() is not None:
            found += clashes(action.text(), action.menu().actions())
    return found


@pytest.fixture
def spanish_window(qtbot, tmp_path):
    from app.ui.main_window import MainWindow

    set_ui_language("es")
    window = MainWindow(isolated_settings(tmp_path / "config"), PathAnswers(), autosave_ms=60_000)
    qtbot.addWidget(window)
    try:
        yield window
    finally:
        close_without_prompt(window)
        window.files.close_session()
        set_ui_language("en")


def test_spanish_menus_have_unique_mnemonics(spanish_window):
    bar = spanish_window.menuBar()
    titles = [action.text() for action in bar.actions()]
    assert "&Archivo" in titles and "&Edición" in titles   # the window really is in Spanish
    problems = clashes("menu bar", bar.actions())
    menus = [action.menu() for action in bar.actions() if isinstance(action.menu(), QMenu)]
    assert len(menus) >= 5
    assert not problems, "\n".join(problems)
