"""Menu pieces of the main window that need no window internals: recent files, the
interface language, and File entries that call panels written elsewhere when they exist."""

from __future__ import annotations

import copy
import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMenu

from app.i18n import N_, _, ui_language

if TYPE_CHECKING:
    from .main_window import MainWindow

#: Lazily wired File menu entries: (action key, module, function, label).
OPTIONAL_FILE_ACTIONS = (
    ("export_word", "app.ui.export_dialog", "show_export_dialog", N_("Export to Word…")),
    ("import_spanish", "app.ui.language_import", "show_language_import", N_("Import Spanish Text…")),
    ("translation_cover", "app.ui.translation_cover", "show_translation_cover",
     N_("Cover of the Translation…")),
)

#: Each language named in itself, so a user lost in the wrong one still finds theirs.
LANGUAGE_NAMES = (("en", "English"), ("es", "Español"))
_RESTART_NOTICE = {
    "en": "Concordia will speak English the next time it starts.",
    "es": "Concordia estará en español la próxima vez que se inicie.",
}


# -- Open Recent ------------------------------------------------------------------------------
def fill_recent_menu(window: MainWindow, menu: QMenu) -> None:
    menu.clear()
    paths = window.settings.recent_files()
    for index, path in enumerate(paths, start=1):
        action = menu.addAction(f"&{index % 10}  {path.name}")
        action.setToolTip(str(path))
        action.setStatusTip(str(path))
        action.setData(str(path))
        action.triggered.connect(lambda _checked=False, p=path: window.files.open_recent(p))
    if not paths:
        empty = menu.addAction(_("No recent drafts"))
        empty.setEnabled(False)
        return
    menu.addSeparator()

    def clear() -> None:
        window.settings.set_recent_files([])
        fill_recent_menu(window, menu)

    menu.addAction(_("Clear List"), clear)


# -- Interface language -----------------------------------------------------------------------
def build_language_menu(window: MainWindow, parent: QMenu) -> QMenu:
    menu = parent.addMenu(_("Interface &Language"))
    menu.setObjectName("menu_ui_language")
    group = QActionGroup(menu)
    chosen = window.settings.ui_language() or ui_language()
    for code, name in LANGUAGE_NAMES:
        action = menu.addAction(name)
        action.setObjectName("action_ui_language_" + code)
        action.setCheckable(True)
        action.setChecked(code == chosen)
        action.setData(code)
        group.addAction(action)
        action.triggered.connect(lambda _checked=False, c=code: choose_ui_language(window, c))
    return menu


def choose_ui_language(window: MainWindow, code: str) -> None:
    """Remember the choice; it applies at the next start (every label would need rebuilding)."""
    if code == (window.settings.ui_language() or ui_language()):
        return
    window.settings.set_ui_language(code)
    window.statusBar().showMessage(_RESTART_NOTICE[code], 8000)


# -- File entries provided by other panels ----------------------------------------------------
def optional_function(module_name: str, function: str) -> Callable[..., Any] | None:
    try:
        module = importlib.import_module(module_name)
    except Exception:  # not written yet, or broken: the entry stays disabled
        return None
    found = getattr(module, function, None)
    return found if callable(found) else None


def refresh_optional_actions(window: MainWindow) -> None:
    for key, module, function, _label in OPTIONAL_FILE_ACTIONS:
        window.actions_by_name[key].setEnabled(optional_function(module, function) is not None)


def run_optional(window: MainWindow, module_name: str, function: str) -> None:
    found = optional_function(module_name, function)
    if found is None:
        return
    if function == "show_export_dialog":
        # A snapshot: the dialog is not modal to the app, and exports what was clicked.
        found(window, copy.deepcopy(window.current_draft()), window.files.session.path)
    else:
        window.cover_form.commit_pending()
        found(window, window.editor)
