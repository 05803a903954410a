"""The window's menu bar, built from the window's actions and the editor's own."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMenu
from shiboken6 import isValid

from app.i18n import _

from . import window_menus

if TYPE_CHECKING:
    from .main_window import MainWindow

FORMAT_KEYS = ("bold", "italic", "underline")
KIND_KEYS = ("kind_title", "kind_heading", "kind_preamble", "kind_operative", "kind_numbered",
             "kind_list_item", "kind_paragraph")


def build(window: MainWindow) -> None:
    """The window's menu bar: File, Edit, Format, Insert, View, Library (shown once it has an
    action) and Help; the editor's own actions are put in its menus, not copied."""
    keys = QKeySequence
    files = window.files
    menu = window.make_menu("file", _("&File"))
    menu.addAction(window.make_action("new", _("&New"), files.new_draft, [keys(keys.New)]))
    menu.addAction(window.make_action("open", _("&Open…"), files.open_dialog, [keys(keys.Open)]))
    window.recent_menu = menu.addMenu(_("Open &Recent"))
    window.recent_menu.setObjectName("menu_recent")
    window.recent_menu.aboutToShow.connect(window.rebuild_recent_menu)
    menu.addAction(window.make_action("import_text", _("&Import Text…"), files.import_dialog))
    menu.addSeparator()
    menu.addAction(window.make_action("save", _("&Save"), files.save, [keys(keys.Save)]))
    menu.addAction(window.make_action("save_as", _("Save &As…"), files.save_as,
                                [keys(keys.SaveAs), keys("Ctrl+Shift+S")]))
    menu.addSeparator()
    for key, module, function, label in window_menus.OPTIONAL_FILE_ACTIONS:
        menu.addAction(window.make_action(
            key, _(label), lambda m=module, f=function: window_menus.run_optional(window, m, f)))
    menu.addSeparator()
    menu.addAction(window.make_action("close", _("&Close"), window.close, [keys(keys.Close), keys("Ctrl+W")]))
    menu.addAction(window.make_action("quit", _("&Quit"), window.quit_application,
                                [keys(keys.Quit), keys("Ctrl+Q")]))
    menu.aboutToShow.connect(lambda: window_menus.refresh_optional_actions(window))
    window_menus.refresh_optional_actions(window)
    window.rebuild_recent_menu()

    menu = window.make_menu("edit", _("&Edit"))
    stack = window.editor.undo_stack
    undo = window.make_action("undo", _("&Undo"), window.undo, [keys(keys.Undo)])
    redo = window.make_action("redo", _("&Redo"), window.redo,
                        [keys(keys.Redo), keys("Ctrl+Shift+Z"), keys("Ctrl+Y")])
    for signal in (stack.canUndoChanged, stack.canRedoChanged, stack.undoTextChanged,
                   stack.redoTextChanged):
        signal.connect(lambda *_args: sync_undo_actions(window))
    sync_undo_actions(window)
    menu.addAction(undo)
    menu.addAction(redo)
    menu.addSeparator()
    for key, label, sequence in (("cut", _("Cu&t"), keys.Cut), ("copy", _("&Copy"), keys.Copy),
                                 ("paste", _("&Paste"), keys.Paste),
                                 ("select_all", _("Select &All"), keys.SelectAll)):
        menu.addAction(window.make_action(key, label, lambda k=key: _edit_focused(k),
                                    [keys(sequence)]))
    menu.addSeparator()
    _add_editor_actions(window, menu, ("move_up", "move_down"))

    menu = window.make_menu("format", _("F&ormat"))
    _add_editor_actions(window, menu, FORMAT_KEYS)
    menu.addSeparator()
    kinds = menu.addMenu(_("&Paragraph Kind"))
    kinds.setObjectName("menu_block_kind")
    _add_editor_actions(window, kinds, KIND_KEYS)
    menu.addSeparator()
    _add_editor_actions(window, menu, ("indent", "outdent"))

    menu = window.make_menu("insert", _("&Insert"))
    _add_editor_actions(window, menu, ("insert_footnote",))

    view = window.make_menu("view", _("&View"))
    window_menus.build_language_menu(window, view)
    view.addSeparator()
    library = window.make_menu("library", _("&Library"))
    library.menuAction().setVisible(False)
    library.installEventFilter(window)  # shown once someone adds an action

    menu = window.make_menu("help", _("&Help"))
    menu.addAction(window.make_action("about", _("&About Concordia"), window._about))

def sync_undo_actions(window: MainWindow) -> None:
    """Undo/Redo name the step they would take ("Undo Edit Subject")."""
    undo, redo = window.actions_by_name.get("undo"), window.actions_by_name.get("redo")
    stack = window.editor.undo_stack
    if not all(isValid(item) for item in (undo, redo, stack)):
        return  # the window is being torn down
    text = stack.undoText()
    undo.setText(_("&Undo {what}").format(what=text) if text else _("&Undo"))
    undo.setEnabled(stack.canUndo())
    text = stack.redoText()
    redo.setText(_("&Redo {what}").format(what=text) if text else _("&Redo"))
    redo.setEnabled(stack.canRedo())

def _add_editor_actions(window: MainWindow, menu: QMenu, keys: tuple[str, ...]) -> None:
    for key in keys:
        action = window.editor.actions.get(key)
        if action is not None:
            menu.addAction(action)
            window.actions_by_name.setdefault(key, action)  # shortcuts stay the editor's


def _edit_focused(key: str) -> None:
    widget = QApplication.focusWidget()
    method = {"cut": "cut", "copy": "copy", "paste": "paste", "select_all": "selectAll"}[key]
    if widget is not None and hasattr(widget, method):
        getattr(widget, method)()
