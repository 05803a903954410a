"""The draft editor: a QTextEdit kept in step with `app.model` (see `bridge` for the design)."""

from .widget import DraftEditor

__all__ = ["DraftEditor"]
