"""The main tool bar: the window's own actions, one click away.

    install(window)     # after the panels are installed, before the window state is restored

Nothing here creates a second Save or Bold: the buttons are the very QActions of the menus
(looked up in `window.actions_by_name`), so shortcuts, enabled and checked state stay in one
place. An action a panel did not provide (no comments module, say) is simply left out. The
paragraph-kind box shows the kind of the paragraph at the cursor and sets it through the
editor's own "kind_…" actions, i.e. one undoable step like Format ▸ Paragraph Kind.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QAction, QFont, QIcon, QKeySequence
from PySide6.QtWidgets import QComboBox, QStyle, QToolBar, QToolButton
from shiboken6 import isValid

from app.i18n import N_, _
from app.model import BlockKind

if TYPE_CHECKING:
    from .main_window import MainWindow

TOOLBAR_NAME = "main_toolbar"

#: (action key, freedesktop icon name, standard-icon fallback or None, short text or None).
#: The short text is only what the button shows; the menu keeps the action's full name.
_GROUPS: tuple[tuple[tuple[str, str, str | None, str | None], ...], ...] = (
    (("save", "document-save", "SP_DialogSaveButton", None),),
    (("undo", "edit-undo", None, N_("Undo")), ("redo", "edit-redo", None, N_("Redo"))),
    (("bold", "format-text-bold", None, N_("B")),
     ("italic", "format-text-italic", None, N_("I")),
     ("underline", "format-text-underline", None, N_("U"))),
    ("kind",),
    (("insert_footnote", "", None, N_("Footnote")),
     ("add_comment", "", None, N_("Comment")),
     ("add_reservation", "", None, N_("Reservation"))),
    (("compare_versions", "", None, N_("Compare")),
     ("export_word", "", None, N_("Export to Word"))),
)


def _icon(toolbar: QToolBar, theme_name: str, standard: str | None) -> QIcon:
    icon = QIcon.fromTheme(theme_name) if theme_name else QIcon()
    if icon.isNull() and standard:
        icon = toolbar.style().standardIcon(getattr(QStyle.StandardPixmap, standard))
    return icon


class KindBox(QComboBox):
    """The kind of the paragraph at the cursor; choosing one sets it."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.setObjectName("toolbar_block_kind")
        self.setToolTip(_("Paragraph kind"))
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)   # a click must not take the caret away
        self.editor = window.editor
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for kind in BlockKind:
            action = self.editor.actions.get("kind_" + kind.value)
            if action is not None:
                self.addItem(action.text().replace("&", ""), kind.value)
        self.activated.connect(self._chosen)
        text_edit = self.editor.text_edit
        text_edit.cursorPositionChanged.connect(self.follow_cursor)
        # Format ▸ kind, its undo and redo, a new draft: all changes of structure
        self.editor.changed.connect(
            lambda changes: self.follow_cursor() if changes.touches(structure=True) else None)
        self.follow_cursor()

    def current_kind(self) -> BlockKind | None:
        value = self.currentData()
        return BlockKind(value) if value else None

    def follow_cursor(self, *_args) -> None:
        draft = self.editor.draft()
        block_id = self.editor.current_block_id()
        try:
            kind = draft.block(block_id).kind if block_id else None
        except KeyError:
            kind = None
        index = self.findData(kind.value) if kind is not None else -1
        self.blockSignals(True)
        self.setCurrentIndex(index)
        self.blockSignals(False)
        self.setEnabled(not self.editor.read_only)

    def _chosen(self, index: int) -> None:
        value = self.itemData(index)
        action = self.editor.actions.get("kind_" + str(value))
        if action is not None and action.isEnabled():
            action.trigger()
        self.follow_cursor()
        self.editor.text_edit.setFocus()   # go on typing where one was


def install(window: MainWindow) -> QToolBar:
    toolbar = QToolBar(_("Main Toolbar"), window)
    toolbar.setObjectName(TOOLBAR_NAME)         # saveState/restoreState find it by name
    toolbar.setIconSize(QSize(18, 18))
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonFollowStyle)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
    window.kind_box = None
    for group in _GROUPS:
        added = False
        for entry in group:
            if entry == "kind":
                window.kind_box = KindBox(window)
                toolbar.addWidget(window.kind_box)
                added = True
                continue
            key, theme_name, standard, short = entry
            action = window.actions_by_name.get(key)
            if action is None:
                continue                       # the panel providing it is not installed
            _add(toolbar, action, _icon(toolbar, theme_name, standard), short)
            added = True
        if added and group is not _GROUPS[-1]:
            toolbar.addSeparator()
    _style_marks(toolbar, window)
    toggle = toolbar.toggleViewAction()
    toggle.setText(_("Show &Toolbar"))
    toggle.setObjectName("action_show_toolbar")
    view = window.menus.get("view")
    if view is not None:
        view.addAction(toggle)
    window.main_toolbar = toolbar
    return toolbar


def _add(toolbar: QToolBar, action: QAction, icon: QIcon, short: str | None) -> None:
    toolbar.addAction(action)
    button = toolbar.widgetForAction(action)
    if not isinstance(button, QToolButton):
        return
    # The button shows an icon when there is one, else a short word; the action itself is
    # untouched (setting its icon or iconText would change the menus too).
    if not icon.isNull():
        button.setIcon(icon)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    else:
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

    def dress() -> None:
        if not isValid(button):
            return  # the window is being torn down
        # Qt copies the action's text and tip onto the button at each change ("Undo Typing"):
        # put the short word and the tip with its shortcut ("Bold (Ctrl+B)") back.
        if short and icon.isNull():
            button.setText(_(short))
        tip = action.text().replace("&", "").rstrip("…").rstrip(".")
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        button.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)

    dress()
    action.changed.connect(dress)
    # The editor sets B's checked state with the action's signals blocked (so `changed`
    # does not come), yet the button still copies the action's text ("Bold") from the
    # ActionChanged event: dress it again after each such event.
    button.installEventFilter(_Redress(button, dress))


class _Redress(QObject):
    def __init__(self, button: QToolButton, dress) -> None:
        super().__init__(button)
        self._dress = dress

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.ActionChanged and isinstance(watched, QToolButton):
            watched.event(event)             # the button copies the action's text …
            self._dress()                    # … and gets its own short word back at once
            return True
        return False


def _style_marks(toolbar: QToolBar, window: MainWindow) -> None:
    """B, I and U look like what they do when no icon theme draws them."""
    for key, attribute in (("bold", "setBold"), ("italic", "setItalic"), ("underline", "setUnderline")):
        action = window.actions_by_name.get(key)
        button = toolbar.widgetForAction(action) if action is not None else None
        if isinstance(button, QToolButton) and button.icon().isNull():
            font = QFont(button.font())
            getattr(font, attribute)(True)
            button.setFont(font)
            button.setMinimumWidth(button.sizeHint().height())
