"""Versions of a draft: saving, listing, opening and checking them out.

Versions live on the Draft (`draft.versions`); the file keeps them in its `versions` table,
sharing what they have in common (app.store.version_rows), and a version's text is read from
the file only when it is opened. A version is never changed once saved, and a name is used
once. Module order in the store: the file format (draft_file) ← versions ← session.
"""

from __future__ import annotations

from pathlib import Path

from app.i18n import _
from app.model import Draft
from app.model.version import NewerSnapshotError, Version, make_version

from .draft_file import save_draft
from .errors import DraftFileError
from .lock import holding_lock
from .version_rows import made_for_saving

#: How the current (unsaved-as-version) text is named where a version name is expected.
CURRENT = "current"


class VersionError(DraftFileError):
    """A version that does not exist, or a name already taken: one sentence for the user."""


# -- working with a draft's versions ---------------------------------------------------------

def default_author(draft: Draft) -> str:
    """The drafter's role from the cover ("Presidency"), never the login name: versions and
    tracked changes leave in circulated files."""
    return draft.note.author


def check_new_name(draft: Draft, name: str) -> str:
    """The name, stripped, if a new version may take it; else VersionError."""
    name = name.strip()
    if not name:
        raise VersionError(_("A version needs a name."))
    if name.lower() == CURRENT:
        raise VersionError(_("“{name}” is reserved for the current text; choose another name.")
                           .format(name=name))
    if any(v.name == name for v in draft.versions):
        raise VersionError(
            _("A version named “{name}” already exists; versions cannot be overwritten.")
            .format(name=name)
        )
    return name


def save_version(draft: Draft, name: str, author: str | None = None,
                 saved_now: bool = False) -> Version:
    """Snapshot `draft` as `name` and add it to `draft.versions`; the caller saves the file
    (`saved_now`: at once, with no change to the draft before: the save is faster)."""
    name = check_new_name(draft, name)
    author = default_author(draft) if author is None else author
    version = (made_for_saving if saved_now else make_version)(draft, name, author)
    draft.versions.append(version)
    return version


def find_version(draft: Draft, name: str) -> Version:
    name = name.strip()
    for version in draft.versions:
        if version.name == name:
            return version
    known = ", ".join(f"“{v.name}”" for v in draft.versions) or _("none")
    raise VersionError(
        _("This draft has no version named “{name}” (versions: {known}).").format(
            name=name, known=known)
    )


def text_of(draft: Draft, name: str | None) -> Draft:
    """The draft as it was at version `name`, or the current text for None / "current"."""
    if name is None or name.strip().lower() == CURRENT:
        return draft
    return open_version(draft, name)


def open_version(draft: Draft, name: str) -> Draft:
    """A fresh Draft of the version `name`; a damaged snapshot is one sentence, not a crash."""
    version = find_version(draft, name)
    try:
        return version.draft()
    except NewerSnapshotError as error:
        raise VersionError(
            _("The version “{name}” was saved by a newer Concordia (snapshot format {found}); "
              "update Concordia to open it.").format(name=version.name, found=error.found)
        ) from error
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise VersionError(
            _("The version “{name}” is damaged and cannot be opened ({detail}).").format(
                name=version.name, detail=type(error).__name__)
        ) from error


def checkout_version(draft: Draft, name: str, out: Path | str) -> Path:
    """Write version `name` of `draft` as a new draft file `out` (never over an existing file)."""
    out = Path(out)

    def refuse_an_existing_file() -> None:
        if out.exists():
            raise VersionError(
                _("“{name}” already exists; choose a new file name for the new draft.").format(
                    name=out.name))

    refuse_an_existing_file()
    with holding_lock(out):
        refuse_an_existing_file()      # again under the lock: another process may have made it
        save_draft(open_version(draft, name), out)
    return out
