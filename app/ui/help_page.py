"""Help ▸ Help (F1): a short page on how the editor works and every shortcut it has.

The shortcut table is read from the window's actual QActions when the page opens (menu by
menu, then actions that live outside the menus), so it always says what the keys do now, in
the interface language. Keys handled by the text itself (Enter, Tab …) are listed after it.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMenu, QTextBrowser, QVBoxLayout

from app.i18n import N_, _

if TYPE_CHECKING:
    from .main_window import MainWindow

#: Keys the text area handles itself (no QAction carries them).
TEXT_KEYS = (
    ("Enter", N_("New paragraph (the paragraph keeps its identity; the new one gets its own)")),
    ("Shift+Enter", N_("Line break inside the paragraph")),
    ("Tab / Shift+Tab", N_("In a list item: one level deeper / shallower")),
    ("Backspace", N_("At the start of a paragraph: join it to the one before")),
    ("Enter / Shift+Enter", N_("In the Find bar: next / previous match")),
    ("Esc", N_("In the Find bar: close it and go back to the text")),
)

INTRODUCTION = N_(
    "Concordia edits a Council note: its cover (left), the annexed text (centre) and its "
    "footnotes (below the text). Every change, in the text, a footnote or the cover, is one "
    "history: Undo takes back the last one wherever it was made. Comments and reservations "
    "are added on the selected words (right-click, or the Insert menu) and shown in the text "
    "in the delegation's colour; hover over them to read them."
)


def _label(action: QAction) -> str:
    return action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def _keys(action: QAction) -> str:
    return ", ".join(sequence.toString(QKeySequence.SequenceFormat.NativeText)
                     for sequence in action.shortcuts() if not sequence.isEmpty())


def shortcut_rows(window: MainWindow) -> list[tuple[str, str, str]]:
    """(menu, action, keys) for every action of the window that has a shortcut."""
    rows: list[tuple[str, str, str]] = []
    seen: set[int] = set()

    def walk(menu: QMenu, title: str) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu(), title)
                continue
            if action.isSeparator() or id(action) in seen:
                continue
            keys = _keys(action)
            if keys:
                seen.add(id(action))
                rows.append((title, _label(action), keys))

    for bar_action in window.menuBar().actions():
        if bar_action.menu() is not None:
            walk(bar_action.menu(), bar_action.text().replace("&", ""))
    others = [a for a in window.findChildren(QAction) if id(a) not in seen and _keys(a) and _label(a)]
    for action in others:
        if any(r[2] == _keys(action) for r in rows):
            continue                     # the same keys under another object (an alias)
        seen.add(id(action))
        rows.append((_("Other"), _label(action), _keys(action)))
    return rows


def help_html(window: MainWindow) -> str:
    title, shortcuts, in_text = _("Concordia: help"), _("Keyboard shortcuts"), _("In the text")
    parts = [f"<h2>{html.escape(title)}</h2>",
             f"<p>{html.escape(_(INTRODUCTION))}</p>",
             f"<h3>{html.escape(shortcuts)}</h3>",
             "<table cellspacing='0' cellpadding='3'>"]
    menu = None
    for title, label, keys in shortcut_rows(window):
        if title != menu:
            menu = title
            parts.append(f"<tr><td colspan='2'><b>{html.escape(title)}</b></td></tr>")
        parts.append(f"<tr><td>{html.escape(label)}</td><td><code>{html.escape(keys)}</code></td></tr>")
    parts.append(f"<tr><td colspan='2'><b>{html.escape(in_text)}</b></td></tr>")
    for keys, label in TEXT_KEYS:
        parts.append(f"<tr><td>{html.escape(_(label))}</td><td><code>{html.escape(keys)}</code></td></tr>")
    parts.append("</table>")
    return "\n".join(parts)


def show_help(window: MainWindow) -> QDialog:
    dialog = QDialog(window)
    dialog.setObjectName("help_dialog")
    dialog.setWindowTitle(_("Concordia Help"))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    browser = QTextBrowser(dialog)
    browser.setObjectName("help_browser")
    browser.setHtml(help_html(window))
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(browser)
    layout.addWidget(buttons)
    dialog.resize(640, 620)
    dialog.show()
    return dialog


def install(window: MainWindow) -> QAction:
    action = QAction(_("Concordia &Help"), window)
    action.setObjectName("action_help")
    standard = QKeySequence(QKeySequence.StandardKey.HelpContents)
    action.setShortcuts([QKeySequence("F1")] + ([standard] if not standard.isEmpty() and standard != QKeySequence("F1") else []))
    action.triggered.connect(lambda _checked=False: show_help(window))
    window.addAction(action)
    window.actions_by_name["help"] = action
    menu = window.menus["help"]
    first = menu.actions()[0] if menu.actions() else None
    menu.insertAction(first, action)
    return action
