"""The draft editor: a QTextEdit kept in step with `app.model` (design: see `bridge`).

Modules: `widget` (DraftEditor, the contract the window uses), `bridge` (document ↔ model,
read back on contentsChange), `formats` (ids, kinds and marks in Qt formats; COMMENT_IDS is
reserved for comment spans), `undo` (one QUndoStack for Qt text steps and model operations),
`editing` (Enter, paste, kinds, levels, marks, actions), `text_edit` (key and clipboard
routing), `clipboard`, `presentation` (kind look, footnote numbers), `decorations`
(paragraph numbers, bullets and the agreed-language margin bars), `footnote_pane`,
`footnote_edits` (the footnote at the cursor, its text edits, Insert ▸ Footnote),
`operations` (which operations are written into the document),
`agreed` (is a library clause still as agreed? its word diff), `clauses` (where an inserted or
dropped clause goes; the hover and Ctrl+Alt+A difference).
"""

from .widget import DraftEditor

__all__ = ["DraftEditor"]
