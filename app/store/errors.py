"""Errors a user can meet when opening or saving a draft: each carries one clear sentence."""

from __future__ import annotations

from pathlib import Path

from app.errors import ConcordiaError
from app.i18n import _


class DraftFileError(ConcordiaError):
    """Base class: `str(error)` is the sentence shown to the user."""

    def __init__(self, message: str, path: Path | str | None = None) -> None:
        super().__init__(message)
        self.path = Path(path) if path is not None else None


class NotADraftError(DraftFileError):
    @classmethod
    def for_path(cls, path: Path) -> NotADraftError:
        return cls(_("“{name}” is not a Concordia draft.").format(name=path.name), path)


class CorruptDraftError(DraftFileError):
    @classmethod
    def for_path(cls, path: Path, detail: str = "") -> CorruptDraftError:
        message = _("“{name}” is damaged and cannot be opened.").format(name=path.name)
        if detail:
            message += " (" + detail + ")"
        return cls(message, path)


class NewerFormatError(DraftFileError):
    @classmethod
    def for_path(cls, path: Path, found: int, supported: int) -> NewerFormatError:
        return cls(
            _(
                "“{name}” was saved by a newer Concordia (format {found}; this one reads up to "
                "{supported}). Update Concordia to open it."
            ).format(name=path.name, found=found, supported=supported),
            path,
        )


class DraftLockedError(DraftFileError):
    def __init__(self, message: str, path: Path, holder: str) -> None:
        super().__init__(message, path)
        self.holder = holder

    @classmethod
    def for_path(cls, path: Path, holder: str) -> DraftLockedError:
        return cls(
            _("“{name}” is already open in another Concordia window ({holder}).").format(
                name=path.name, holder=holder or _("unknown")
            ),
            path,
            holder,
        )


class SaveError(DraftFileError):
    @classmethod
    def not_writable(cls, path: Path) -> SaveError:
        return cls(
            _(
                "Cannot save “{name}”: the file or its folder “{folder}” is read-only, "
                "or you lack permission. Use Save As to keep your changes elsewhere."
            ).format(name=path.name, folder=path.parent),
            path,
        )

    @classmethod
    def file_read_only(cls, path: Path) -> SaveError:
        """The file on disk is read-only (its folder may be writable)."""
        return cls(
            _("“{name}” is read-only on disk. Use Save As to keep your changes.").format(name=path.name),
            path,
        )

    @classmethod
    def read_only(cls, path: Path) -> SaveError:
        """The draft was opened read-only (locked elsewhere, or in a read-only folder)."""
        return cls(
            _("“{name}” is open read-only. Use Save As to keep your changes.").format(name=path.name),
            path,
        )
