"""Errors a user can meet when opening or saving a draft: each carries one clear sentence."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from app.errors import ConcordiaError
from app.i18n import _, ngettext

if TYPE_CHECKING:
    from app.model import Draft
    from app.model.integrity import Problem


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


    @classmethod
    def unreadable(cls, path: Path, what: str, why: str) -> CorruptDraftError:
        return cls(
            _("“{name}” cannot be opened: {what} cannot be read ({why}). Nothing in the file "
              "was changed.").format(name=path.name, what=what, why=why),
            path,
        )


class DamagedDraftError(CorruptDraftError):
    """A draft whose text breaks invariants; `problems` and the `draft` as read, for repair."""

    def __init__(self, message: str, path: Path, problems: list[Problem], draft: Draft) -> None:
        super().__init__(message, path)
        self.problems = problems
        self.draft = draft

    @classmethod
    def for_path(cls, path: Path, problems: list[Problem], draft: Draft) -> DamagedDraftError:
        lines = [ngettext("“{name}” has a problem and must be repaired before use:",
                          "“{name}” has {count} problems and must be repaired before use:",
                          len(problems)).format(name=path.name, count=len(problems))]
        lines += ["  " + problem.sentence for problem in problems]
        lines.append(_("Run “concordia check --repair {path}” to repair it, or open it in the "
                       "window.").format(path=path))
        return cls("\n".join(lines), path, problems, draft)


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
