"""Where the window and its panels go: the layout the user left, or a first-start layout that
fits the screen (cover left, text centre, footnotes below, delegations' panels right)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QDockWidget

if TYPE_CHECKING:
    from .main_window import MainWindow

#: The window's size at first start, when the screen has room for it.
PREFERRED_SIZE = (1280, 860)
#: Screens at least this wide show the right-hand panels at first start beside the text.
WIDE_SCREEN = 1600


def restore(window: MainWindow) -> None:
    """The size, place and panels of the last session, else the first-start layout."""
    geometry = window.settings.window_geometry()
    if geometry is None or not window.restoreGeometry(geometry):
        fit_to_screen(window)
    state = window.settings.window_state()
    if state is not None:
        window.restoreState(state)
    else:
        default_layout(window)


def available_area(window: MainWindow) -> QRect:
    screen = window.screen() or QApplication.primaryScreen()
    if screen is None:
        return QRect(0, 0, *PREFERRED_SIZE)
    return screen.availableGeometry()


def fit_to_screen(window: MainWindow) -> None:
    """First start: the preferred size, but never larger than the screen (a 1366×768 laptop
    would otherwise get a window whose bottom and status bar are off screen)."""
    area = available_area(window)
    window.resize(min(PREFERRED_SIZE[0], area.width()), min(PREFERRED_SIZE[1], area.height()))
    if area.width() < PREFERRED_SIZE[0] or area.height() < PREFERRED_SIZE[1]:
        window.move(area.topLeft())


def default_layout(window: MainWindow) -> None:
    """First start: cover left, text centre, footnotes below it, panels right in tabs.

    Panels on the right share tab groups, so each gets the full height and a usable width
    instead of three cramped slices. On a laptop screen the text needs that width: the
    groups start hidden there (View ▸ Show …, or adding a comment, brings them back)."""
    window.setCorner(Qt.BottomRightCorner, Qt.RightDockWidgetArea)
    width = available_area(window).width()
    right = [dock for dock in window.findChildren(QDockWidget)
             if window.dockWidgetArea(dock) == Qt.RightDockWidgetArea and not dock.isFloating()]
    if right:
        host = _group_right_docks(window, right)
        if width < WIDE_SCREEN:
            for dock in right:
                dock.hide()
        else:
            window.resizeDocks([host], [360], Qt.Horizontal)
    # The form needs ~440 px before its fields are cut off; narrower screens scroll it.
    cover = 440 if width >= 1200 else max(320, width * 35 // 100)
    window.resizeDocks([window.docks["cover"]], [cover], Qt.Horizontal)
    window.resizeDocks([window.docks["footnotes"]], [110], Qt.Vertical)


def _group_right_docks(window: MainWindow, right: list[QDockWidget]) -> QDockWidget:
    """Two tab groups, one above the other: what delegations said (comments, reservations,
    negotiation) and what the drafter looks up (library, versions, footnotes list). Six tabs
    in one group were cut to "C…", "Res…", "N…" at 1440 px. Returns the upper group."""
    docks = window.docks
    looked_up_names = ("library", "versions", "footnotes_list")
    said = [docks[name] for name in ("comments", "reservations", "negotiation")
            if docks.get(name) in right]
    said += [dock for dock in right if dock not in said
             and all(dock is not docks.get(name) for name in looked_up_names)]
    looked_up = [dock for dock in right if dock not in said]
    groups = [group for group in (said, looked_up) if group]
    for dock in right:
        window.removeDockWidget(dock)
    window.addDockWidget(Qt.RightDockWidgetArea, groups[0][0])
    if len(groups) > 1:
        window.splitDockWidget(groups[0][0], groups[1][0], Qt.Vertical)
    for group in groups:
        for dock in group[1:]:
            window.tabifyDockWidget(group[0], dock)
        for dock in group:
            dock.show()
        group[0].raise_()
    return groups[0][0]
