"""Storage: draft files (SQLite through Python's sqlite3), locks, autosave, migrations."""

from .draft_file import DRAFT_SUFFIX, load_draft, read_draft, save_draft
from .errors import (
    CorruptDraftError,
    DamagedDraftError,
    DraftFileError,
    DraftLockedError,
    NewerFormatError,
    NotADraftError,
    SaveError,
)
from .lock import DraftLock, autosave_path_for
from .session import DraftSession

# Registers the rotating backup taken after each save (a DraftSession.save hook).
from . import backups  # noqa: E402, F401, I001  # isort: skip

__all__ = [
    "DRAFT_SUFFIX", "CorruptDraftError", "DamagedDraftError", "DraftFileError", "DraftLock", "DraftLockedError",
    "DraftSession", "NewerFormatError", "NotADraftError", "SaveError", "autosave_path_for",
    "load_draft", "read_draft", "save_draft",
]
