"""Where Find shows a match: selected in the text, in its footnote, or in its cover field."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit

from app.model import FootnoteRef
from app.model.find import Match

if TYPE_CHECKING:
    from .editor.widget import DraftEditor
    from .main_window import MainWindow


def select_in_text(editor: DraftEditor, block_id: str, start: int, end: int) -> None:
    """Select [start, end) of a block in the text and scroll there."""
    qt_block = editor.bridge.qt_block(block_id)
    if qt_block is None:
        return
    cursor = QTextCursor(qt_block)
    cursor.setPosition(qt_block.position() + start)
    cursor.setPosition(qt_block.position() + end, QTextCursor.MoveMode.KeepAnchor)
    editor.text_edit.setTextCursor(cursor)
    editor.text_edit.ensureCursorVisible()


def show_in_footnote(window: MainWindow, match: Match) -> None:
    """The cursor just after the footnote's first reference (so the Footnote pane shows it),
    and the words selected there."""
    editor = window.editor
    for block in editor.draft().blocks:
        offset = 0
        for item in block.content:
            if isinstance(item, FootnoteRef) and item.footnote_id == match.key:
                select_in_text(editor, block.id, offset + 1, offset + 1)
                break
            offset += 1 if isinstance(item, FootnoteRef) else len(item.text)
        else:
            continue
        break
    dock = window.docks.get("footnotes")
    if dock is not None:
        dock.show()
        dock.raise_()
    pane = editor.footnote_pane
    if pane.footnote_id == match.key:
        select_plain(pane.editor, match.start, match.end)


def show_on_cover(window: MainWindow, match: Match) -> None:
    """The words selected in their cover field; the text keeps no stale selection."""
    dock = window.docks.get("cover")
    if dock is not None:
        dock.show()
        dock.raise_()
    cursor = window.editor.text_edit.textCursor()
    if cursor.hasSelection():       # the text's last match is no longer the current one
        cursor.clearSelection()
        window.editor.text_edit.setTextCursor(cursor)
    form = window.cover_form
    widget = form.field_widget(match.key)
    form.ensureWidgetVisible(widget)
    if isinstance(widget, QLineEdit):
        widget.setSelection(match.start, match.end - match.start)
    elif isinstance(widget, QPlainTextEdit):
        select_plain(widget, match.start, match.end)


def selection(edit: QTextEdit | QPlainTextEdit, start: int, end: int, colour: QColor) -> QTextEdit.ExtraSelection:
    """An extra selection painting [start, end) of an edit's document in `colour`."""
    found = QTextEdit.ExtraSelection()      # QPlainTextEdit takes the same kind
    cursor = QTextCursor(edit.document())
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    fmt = QTextCharFormat()
    fmt.setBackground(colour)
    found.cursor = cursor
    found.format = fmt
    return found


def select_plain(edit: QPlainTextEdit, start: int, end: int) -> None:
    cursor = edit.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)
    edit.ensureCursorVisible()
