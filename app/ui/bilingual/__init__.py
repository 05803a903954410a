"""View ▸ Languages side by side (see `window`): installed into the main window by `install`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

from app.i18n import _

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

ACTION_NAME = "view_side_by_side"


def show_side_by_side(window: MainWindow):
    """Open (or raise) the side-by-side window of the draft the main window shows."""
    from .window import BilingualWindow

    found = getattr(window, "_bilingual_window", None)
    if found is None:
        window.cover_form.commit_pending()
        found = window._bilingual_window = BilingualWindow(window.editor, window)
        files = getattr(window, "files", None)
        if files is not None:           # another draft opened: the view follows it
            files.session_replaced.connect(found.refresh)
    else:
        found.refresh()
    found.show()
    found.raise_()
    found.activateWindow()
    return found


def install(window: MainWindow) -> None:
    action = QAction(_("Languages Side &by Side"), window)
    action.setObjectName(ACTION_NAME)
    action.setShortcut(QKeySequence("Ctrl+Alt+L"))   # L for languages; Ctrl+Alt+B is Square Bracket
    action.triggered.connect(lambda _checked=False: show_side_by_side(window))
    window.menus["view"].addAction(action)
    window.actions_by_name[ACTION_NAME] = action
    _add_new_spanish_draft(window)


def _add_new_spanish_draft(window: MainWindow) -> None:
    """File ▸ New Draft in Spanish, after File ▸ New: the cover's defaults in Spanish."""
    action = QAction(_("New Draft in Spanis&h"), window)
    action.setObjectName("new_spanish_draft")
    action.triggered.connect(lambda _checked=False: window.files.new_draft("es"))
    menu = window.menus["file"]
    new = window.actions_by_name.get("new")
    actions = menu.actions()
    following = actions[actions.index(new) + 1] if new in actions and \
        actions.index(new) + 1 < len(actions) else None
    menu.insertAction(following, action) if following is not None else menu.addAction(action)
    window.actions_by_name["new_spanish_draft"] = action
