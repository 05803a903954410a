"""Every shortcut of the window does one thing, and every English menu mnemonic is used once per menu.

The window's features were built in parallel (find bar, spelling, brackets, move paragraph, help,
print, backups, side-by-side view): this walks every QAction the MainWindow owns, in English and in
Spanish, so two features can never claim the same key.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction, QKeySequence

from app.i18n import set_ui_language
from tests.i18n.test_spanish_menus import clashes
from tests.ui.window_support import PathAnswers, close_without_prompt, isolated_settings


def _window(qtbot, tmp_path, language: str):
    from app.ui.main_window import MainWindow

    set_ui_language(language)
    window = MainWindow(isolated_settings(tmp_path / "config"), PathAnswers(), autosave_ms=60_000)
    qtbot.addWidget(window)
    return window


def ambiguous_shortcuts(window) -> list[str]:
    owners: dict[str, list[str]] = {}
    for action in set(window.findChildren(QAction)):
        if action.isSeparator():
            continue
        for sequence in action.shortcuts():
            if sequence.isEmpty():
                continue
            key = sequence.toString(QKeySequence.SequenceFormat.PortableText)
            owners.setdefault(key, []).append(action.text().replace("&", "") or action.objectName())
    return [f"{key}: {' / '.join(sorted(names))}" for key, names in sorted(owners.items())
            if len(names) > 1]


@pytest.mark.parametrize("language", ["en", "es"])
def test_no_two_actions_share_a_shortcut(qtbot, tmp_path, language):
    window = _window(qtbot, tmp_path, language)
    try:
        keys = [s for a in window.findChildren(QAction) for s in a.shortcuts() if not s.isEmpty()]
        assert len(keys) >= 20        # the walk really sees the window's shortcuts
        problems = ambiguous_shortcuts(window)
        assert not problems, "\n".join(problems)
    finally:
        close_without_prompt(window)
        window.files.close_session()
        set_ui_language("en")


def test_english_menus_have_unique_mnemonics(qtbot, tmp_path):
    window = _window(qtbot, tmp_path, "en")
    try:
        bar = window.menuBar()
        assert "&File" in [action.text() for action in bar.actions()]
        problems = clashes("menu bar", bar.actions())
        assert not problems, "\n".join(problems)
    finally:
        close_without_prompt(window)
        window.files.close_session()
