"""Rotating backups of each draft, taken when it is saved (like Anki's backups).

Where: `<user data folder>/backups/<draft name>-<hash of its full path>/`, one folder per
draft file, so two drafts both called "note.concordia" never mix. Each backup is a complete
draft file named by the moment it was taken (UTC): `note-20240228-153000.concordia`.

When: on every save (`backup_after_save`, a DraftSession.save hook registered below), at most one backup
every 5 minutes: a draft saved each minute keeps its history without a copy per keystroke.
The copy is made with SQLite's online backup API, so it is a consistent snapshot even if a
save changes the file in place, and written atomically (app.atomic): a backup is either whole
or absent. A backup that cannot be written never fails the save (it is logged).

What is kept (`to_keep`, a pure function of the timestamps and "now"):
- the 10 most recent backups;
- the newest backup of each of the last 7 days;
- the newest of each of the 4 weeks before those;
- the newest of every month before that, for as long as the draft lives.
So a draft edited daily for a year keeps about 10 + 7 + 4 + 11 = 32 copies.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from babel.dates import format_datetime
from babel.units import format_unit

from app.atomic import replace_file
from app.i18n import LOCALES, _, ui_language
from app.log import log, user_data_folder

from .draft_file import load_draft, save_draft
from .errors import DraftFileError
from .lock import COMMAND_LOCK_WAIT, holding_lock
from .session import DraftSession, after_save

if TYPE_CHECKING:
    from app.model import Draft

RECENT = 10
DAYS = 7
WEEKS = 4
MIN_INTERVAL = timedelta(minutes=5)
FOLDER = "backups"
_STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(r"^(?P<stem>.*)-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?\.concordia$")


@dataclass(frozen=True)
class Backup:
    path: Path
    taken: datetime          # UTC, aware
    size: int

    @property
    def name(self) -> str:
        return self.path.name


# -- the policy (pure) ------------------------------------------------------------------------
def to_keep(times: Iterable[datetime], now: datetime) -> set[datetime]:
    """Which of the backup times the policy keeps at `now` (see the module's docstring)."""
    ordered = sorted(set(times), reverse=True)        # newest first
    keep = set(ordered[:RECENT])
    today = now.date()
    daily: dict[date, datetime] = {}
    weekly: dict[tuple[int, int], datetime] = {}
    monthly: dict[tuple[int, int], datetime] = {}
    for moment in ordered:
        age = (today - moment.date()).days
        if age < DAYS:
            daily.setdefault(moment.date(), moment)
        elif age < DAYS + 7 * WEEKS:
            year, week, _day = moment.isocalendar()
            weekly.setdefault((year, week), moment)
        else:
            monthly.setdefault((moment.year, moment.month), moment)
    return keep | set(daily.values()) | set(weekly.values()) | set(monthly.values())


def due(last: datetime | None, now: datetime) -> bool:
    """Whether a save at `now` takes a backup, the last one having been taken at `last`."""
    return last is None or now - last >= MIN_INTERVAL or now < last


# -- where ------------------------------------------------------------------------------------
def backup_folder(draft_path: Path | str) -> Path:
    path = Path(draft_path).resolve()
    digest = hashlib.sha1(os.fsencode(str(path))).hexdigest()[:10]
    stem = re.sub(r"[^\w.\- ]", "_", path.stem)[:60] or "draft"
    return user_data_folder() / FOLDER / f"{stem}-{digest}"


def list_backups(draft_path: Path | str) -> list[Backup]:
    """The backups of a draft, newest first."""
    folder = backup_folder(draft_path)
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    found: list[tuple[datetime, int, Backup]] = []
    for name in names:
        match = _NAME.match(name)
        if not match:
            continue
        try:
            taken = datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=UTC)
            size = (folder / name).stat().st_size
        except (ValueError, OSError):
            continue
        found.append((taken, int(match["n"] or 1), Backup(folder / name, taken, size)))
    return [backup for _t, _n, backup in sorted(found, key=lambda item: item[:2], reverse=True)]


def find_backup(draft_path: Path | str, name: str) -> Backup | None:
    for backup in list_backups(draft_path):
        if backup.name == name or backup.path.stem == name:
            return backup
    return None


def describe_time(moment: datetime, language: str | None = None) -> str:
    """A backup's time in local time, as the UI language writes it."""
    locale = LOCALES.get(language or ui_language(), "en_GB")
    return format_datetime(moment.astimezone(), "medium", locale=locale)


def describe_size(size: int, language: str | None = None) -> str:
    locale = LOCALES.get(language or ui_language(), "en_GB")
    if size < 1024 * 1024:
        return format_unit(max(1, round(size / 1024)), "digital-kilobyte", "short", locale=locale)
    return format_unit(round(size / 1024 / 1024, 1), "digital-megabyte", "short", locale=locale)


# -- taking and pruning -----------------------------------------------------------------------
def take_backup(draft_path: Path | str, now: datetime | None = None,
                draft: Draft | None = None) -> Backup:
    """Copy the draft file into its backup folder now, or write `draft` there (the window's
    unsaved state before a restore); raises OSError, sqlite3.Error or SaveError."""
    source = Path(draft_path).resolve()
    now = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    folder = backup_folder(source)
    folder.mkdir(parents=True, exist_ok=True)
    stem = folder.name.rsplit("-", 1)[0]
    target = folder / f"{stem}-{now.strftime(_STAMP)}.concordia"
    count = 1
    while target.exists():
        count += 1
        target = folder / f"{stem}-{now.strftime(_STAMP)}-{count}.concordia"
    if draft is not None:
        save_draft(draft, target)
    else:
        replace_file(target, lambda temp: sqlite_copy(source, temp))
    return Backup(target, now, target.stat().st_size)


def sqlite_copy(source: Path, target: Path) -> None:
    """A consistent copy of an SQLite file through the online backup API."""
    reader = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        writer = sqlite3.connect(str(target))
        try:
            reader.backup(writer)
        finally:
            writer.close()
    finally:
        reader.close()


def prune(draft_path: Path | str, now: datetime | None = None) -> list[Path]:
    """Delete the backups the policy no longer keeps; the files removed."""
    now = now or datetime.now(UTC)
    backups = list_backups(draft_path)
    kept = to_keep((b.taken for b in backups), now)
    removed: list[Path] = []
    seen: set[datetime] = set()
    for backup in backups:                  # newest first: of two in one second, keep the newer
        if backup.taken in kept and backup.taken not in seen:
            seen.add(backup.taken)
            continue
        try:
            backup.path.unlink()
            removed.append(backup.path)
        except OSError:
            pass
    return removed


def backup_after_save(path: Path | str, now: datetime | None = None,
                      force: bool = False) -> Backup | None:
    """The one hook DraftSession.save calls: a backup if one is due, then prune. Never
    raises: a save must not fail because its backup could not be written (it is logged)."""
    now = now or datetime.now(UTC)
    try:
        existing = list_backups(path)
        if not force and not due(existing[0].taken if existing else None, now):
            return None
        backup = take_backup(path, now)
        prune(path, now)
        return backup
    except Exception as error:  # the draft is saved already: a backup problem is only logged
        log.warning("backup of %s not taken: %s", path, error, exc_info=True)
        return None


after_save(backup_after_save)     # every DraftSession.save, from the moment the store is used


# -- restoring --------------------------------------------------------------------------------
class BackupError(DraftFileError):
    """A backup that cannot be found or restored: one sentence."""


def require_backup(draft_path: Path | str, name: str) -> Backup:
    backup = find_backup(draft_path, name)
    if backup is None:
        raise BackupError(_("“{draft}” has no backup called “{name}” (concordia backup list "
                            "shows them).").format(draft=Path(draft_path).name, name=name),
                          draft_path)
    return backup


def restore_to(draft_path: Path | str, name: str, out: Path | str) -> Path:
    """Write a backup as a new draft file `out` (which must not exist yet)."""
    backup = require_backup(draft_path, name)
    load_draft(backup.path)                    # a damaged backup is refused before writing
    with holding_lock(out) as target:
        if target.exists():
            raise BackupError(_("“{name}” already exists: choose another --out file.").format(
                name=target.name), target)
        replace_file(target, lambda temp: sqlite_copy(backup.path, temp))
    return target


def restore_in_session(session: DraftSession, name: str, unsaved: bool = False) -> Backup:
    """Make a backup the session's draft and save it over the file. The state being replaced
    (the session's draft when `unsaved`, else the file) is backed up first, so the restore
    itself can be undone from the backups. Returns the backup of that replaced state."""
    if session.path is None:
        raise BackupError(_("An unsaved draft has no backups."))
    backup = require_backup(session.path, name)
    restored = load_draft(backup.path)
    try:
        before: Backup | None = take_backup(session.path, draft=session.draft if unsaved else None)
    except (OSError, sqlite3.Error, DraftFileError) as error:
        log.warning("backup of %s before a restore not taken: %s", session.path, error)
        before = None
    if before is None:
        raise BackupError(_("The draft as it is now could not be backed up, so “{name}” was not "
                            "restored (see the log).").format(name=name), session.path)
    session.draft = restored
    session.save()
    return before


def restore_in_place(draft_path: Path | str, name: str) -> Backup:
    """`concordia backup restore DRAFT --backup NAME`: under the draft's lock, as any change."""
    session = DraftSession.open(draft_path, wait=COMMAND_LOCK_WAIT)
    try:
        session.check_writable()
        return restore_in_session(session, name)
    finally:
        session.close()
