"""Open, save, autosave and recover the draft of one window, asking the user where needed.

The controller owns the window's `DraftSession` (file, lock, autosave copy). It talks to the
window through four methods — `current_draft()`, `show_session(session, modified)`,
`is_modified()`, `mark_saved()` — and to the user through `dialogs` (paths through the
injectable `FilePrompter`). Every failure ends in one sentence and leaves the open draft as
it was.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from app.docx.open_word import looks_like_word, open_word_file
from app.i18n import _, ngettext
from app.model.integrity import repair
from app.store import (
    DRAFT_SUFFIX,
    DamagedDraftError,
    DraftFileError,
    DraftLockedError,
    DraftSession,
    SaveError,
    load_draft,
)
from app.store.session import WINDOW_LOCK_WAIT

from . import dialogs
from .new_drafts import IMPORTED_SUFFIXES, blank_draft
from .recovery_note import describe_recovery_copy
from .save_places import draft_stem
from .settings import AppSettings
from .untitled_copies import UntitledCopy, orphaned_copies
from .worker import BackgroundTask, describe_error, run_in_background

if TYPE_CHECKING:
    from .main_window import MainWindow

#: Autosave this long after the last keystroke (besides the regular interval).
IDLE_AUTOSAVE_MS = 3000


class FileController(QObject):
    session_replaced = Signal()
    saved = Signal(str)
    autosaved = Signal(str)

    def __init__(self, window: MainWindow, settings: AppSettings,
                 prompter: Any, autosave_ms: int) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.prompter = prompter
        self.session: DraftSession = DraftSession.new(blank_draft())
        self.untitled = UntitledCopy(settings.recovery_folder())
        self.import_task: BackgroundTask | None = None
        #: The Word or text file the unsaved draft was imported from (Save As starts beside it).
        self.imported_from: Path | None = None
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(autosave_ms)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()
        # Also a few seconds after typing stops, so a crash mid-session loses little.
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.setInterval(min(IDLE_AUTOSAVE_MS, autosave_ms))
        self.idle_timer.timeout.connect(self.autosave)
        self._restart_idle_timer_on_edits()

    # -- names ------------------------------------------------------------------------------
    @property
    def display_name(self) -> str:
        return self.session.path.name if self.session.path else _("Untitled")

    # -- replacing the draft ----------------------------------------------------------------
    def may_discard_changes(self) -> bool:
        """Ask Save / Discard / Cancel if there are unsaved changes; True to go on."""
        self.window.cover_form.commit_pending()
        if not self.window.is_modified():
            return True
        answer = dialogs.ask_unsaved_changes(self.window, self.display_name)
        if answer == "save":
            return self.save()
        if answer == "discard":
            if not self.session.read_only:
                self.session.discard_recovery()
            return True
        return False

    def new_draft(self, language: str = "en") -> bool:
        if not self.may_discard_changes():
            return False
        self._replace(DraftSession.new(blank_draft(language)), modified=False)
        self.window.statusBar().showMessage(_("New draft"), 4000)
        return True

    def open_dialog(self) -> bool:
        if not self.may_discard_changes():
            return False
        path = self.prompter.open_draft(self.window)
        return self.open_path(path, ask_first=False) if path else False

    def open_path(self, path: Path | str, ask_first: bool = True) -> bool:
        """Open a draft file; on any problem say why and keep the current draft."""
        path = Path(path).resolve()
        if self.session.path == path:
            self.window.statusBar().showMessage(_("“{name}” is already open.").format(name=path.name), 4000)
            return True
        if path.suffix.lower() in IMPORTED_SUFFIXES or (
                path.suffix.lower() != DRAFT_SUFFIX and looks_like_word(path)):
            return self.import_path(path, ask_first=ask_first)
        if ask_first and not self.may_discard_changes():
            return False
        session, repaired = self._open_session(path), False
        if isinstance(session, DamagedDraftError):
            session, repaired = self._open_damaged(path, session), True
        if session is None:
            return False
        modified = self._offer_recovery(session) or (repaired and not session.read_only)
        self._replace(session, modified=modified)
        self.settings.add_recent_file(path)
        message = _("Opened “{name}”").format(name=path.name)
        if session.read_only:
            message += " " + _("(read-only)")
        self.window.statusBar().showMessage(message, 5000)
        return True

    def _open_session(self, path: Path) -> DraftSession | DamagedDraftError | None:
        try:
            with dialogs.busy():
                return DraftSession.open(path, wait=WINDOW_LOCK_WAIT)
        except DamagedDraftError as error:
            return error
        except DraftLockedError as error:
            if not dialogs.ask_open_read_only(self.window, str(error)):
                return None
            try:
                with dialogs.busy():
                    return DraftSession.open(path, read_only=True)
            except (DraftFileError, OSError) as again:
                dialogs.show_error(self.window, describe_error(again), _("Cannot Open Draft"))
                return None
        except (DraftFileError, OSError) as error:
            dialogs.show_error(self.window, describe_error(error), _("Cannot Open Draft"))
            return None

    def _open_damaged(self, path: Path, error: DamagedDraftError) -> DraftSession | None:
        """Repair / Open read-only / Cancel. Either way the window shows the repaired draft;
        read-only, nothing can be written over the file, and a repair is saved only when the
        user saves (the draft opens modified)."""
        answer = dialogs.ask_damaged_draft(self.window, path.name,
                                           [problem.sentence for problem in error.problems])
        if answer == "cancel":
            return None
        if answer == "read_only":
            repair(error.draft, error.problems)
            return DraftSession(draft=error.draft, path=path, read_only=True)
        try:   # read again under the lock: the file may have changed since the question
            return DraftSession.open(path, repair=True)
        except (DraftFileError, OSError) as failure:
            dialogs.show_error(self.window, describe_error(failure), _("Cannot Open Draft"))
            return None

    def _offer_recovery(self, session: DraftSession) -> bool:
        """If a crash left a newer autosave copy, offer it; True when it was restored."""
        if session.read_only:
            return False  # the copy belongs to whoever holds the lock
        candidate = session.recovery_available()
        if candidate is None:
            return False
        written = dt.datetime.fromtimestamp(candidate.stat().st_mtime)
        if dialogs.ask_recover(self.window, session.path.name, describe_recovery_copy(written)):
            try:
                session.recover()
                return True
            except (DraftFileError, OSError) as error:
                dialogs.show_error(self.window, describe_error(error), _("Cannot Recover"))
                return False
        session.discard_recovery()
        return False

    def open_recent(self, path: Path) -> bool:
        if not path.exists():
            self.settings.prune_recent_files()
            dialogs.show_error(
                self.window,
                _("“{name}” no longer exists; it was removed from the recent files.").format(name=path.name),
                _("Open Recent"),
            )
            return False
        return self.open_path(path)

    def _replace(self, session: DraftSession, modified: bool,
                 imported_from: Path | None = None) -> None:
        old, self.session = self.session, session
        self.imported_from = imported_from
        if old is not session:
            self._close_quietly(old)
        self.untitled.discard()  # the user saved or dropped the draft it protected
        with dialogs.busy():
            self.window.show_session(session, modified)
        self.session_replaced.emit()

    @staticmethod
    def _close_quietly(session: DraftSession) -> None:
        try:
            session.close()
        except OSError:
            pass  # the lock file stays behind; its OS lock is gone with the handle anyway

    def close_session(self) -> None:
        self.autosave_timer.stop()
        self.idle_timer.stop()
        self._close_quietly(self.session)
        self.untitled.discard()

    def offer_untitled_recovery(self) -> bool:
        """At start-up: restore a never-saved draft that a crash left behind (newest first)."""
        orphans = orphaned_copies(self.untitled.folder)
        if not orphans or self.window.is_modified():
            return False
        newest = orphans[0]
        written = dt.datetime.fromtimestamp(newest.stat().st_mtime)
        from app.i18n.ui_dates import ui_datetime

        when = ui_datetime(written)
        if not dialogs.ask_recover_untitled(self.window, when, describe_recovery_copy(written)):
            newest.unlink(missing_ok=True)
            return False
        try:
            draft = load_draft(newest)
        except DraftFileError as error:
            dialogs.show_error(self.window, str(error), _("Cannot Recover"))
            return False
        self._replace(DraftSession.new(draft), modified=True)
        if self.untitled.write(draft) is not None:  # protected again before the old copy goes
            newest.unlink(missing_ok=True)
        return True

    # -- import -----------------------------------------------------------------------------
    def import_dialog(self) -> bool:
        if not self.may_discard_changes():
            return False
        path = self.prompter.import_text(self.window)
        return self.import_path(path, ask_first=False) if path else False

    def import_path(self, path: Path, ask_first: bool = True) -> bool:
        """Import a Word or text/markdown note in the background; it opens as a new, unsaved
        draft."""
        from app.importer.text import import_text_file

        read = open_word_file if looks_like_word(path) else import_text_file
        if ask_first and not self.may_discard_changes():
            return False

        def done(result: Any) -> None:
            self.import_task = None
            draft, report = result
            self._replace(DraftSession.new(draft), modified=True, imported_from=path)
            self.window.statusBar().showMessage(_("Imported “{name}”").format(name=path.name), 5000)
            warnings = [str(item) for item in getattr(report, "warnings", []) or []]
            brackets = list(getattr(report, "brackets", []) or [])   # negotiation brackets
            if brackets:
                self.window.statusBar().showMessage(ngettext(
                    "Imported “{name}”: {n} square bracket", "Imported “{name}”: {n} square "
                    "brackets", len(brackets)).format(name=path.name, n=len(brackets)), 8000)
            if warnings:
                dialogs.show_info(
                    self.window,
                    ngettext("“{name}” was imported with {count} warning; check the draft.",
                             "“{name}” was imported with {count} warnings; check the draft.",
                             len(warnings)).format(name=path.name, count=len(warnings)),
                    _("Import Text"),
                    details="\n".join(warnings + brackets),
                )

        def failed(error: BaseException) -> None:
            self.import_task = None
            dialogs.show_error(self.window, describe_error(error), _("Cannot Import"))

        def cancelled() -> None:
            self.import_task = None
            self.window.statusBar().showMessage(_("Import cancelled"), 4000)

        self.import_task = run_in_background(
            self.window, lambda progress: read(path, progress),
            title=_("Importing “{name}”").format(name=path.name),
            on_done=done, on_error=failed, on_cancelled=cancelled,
        )
        return True

    # -- saving -----------------------------------------------------------------------------
    def save(self) -> bool:
        self.window.cover_form.commit_pending()
        if self.session.path is None:
            return self.save_as()
        try:
            self.session.check_writable()      # the sentence a command would give, too
        except SaveError as error:
            return self._offer_save_as(str(error))
        return self._write(None)

    def save_as(self) -> bool:
        self.window.cover_form.commit_pending()
        path = self.prompter.save_draft_as(self.window, self.session.path or self._suggested_name())
        if path is None:
            return False
        return self._write(Path(path))

    def _suggested_name(self) -> Path:
        """A new draft is offered its document number as a name ("6914-24.concordia"); one
        imported from a Word or text file starts in that file's folder."""
        draft = self.window.current_draft(commit_form=False)
        source = self.imported_from
        name = draft_stem(draft, None, source.stem if source else _("Untitled")) + DRAFT_SUFFIX
        return source.parent / name if source is not None else Path(name)

    def _write(self, path: Path | None) -> bool:
        self.session.draft = self.window.current_draft()
        try:
            with dialogs.busy():
                written = self.session.save(path)
        except DraftLockedError as error:
            dialogs.show_error(self.window, str(error), _("Cannot Save"))
            return False
        except (DraftFileError, OSError) as error:
            return self._offer_save_as(describe_error(error))
        self.window.mark_saved()
        self.window.show_read_only_state()
        self.untitled.discard()
        self.settings.add_recent_file(written)
        self.window.statusBar().showMessage(_("Saved “{name}”").format(name=written.name), 5000)
        self.saved.emit(str(written))
        return True

    def _offer_save_as(self, message: str) -> bool:
        if dialogs.ask_save_as_instead(self.window, message):
            return self.save_as()
        return False

    # -- autosave ---------------------------------------------------------------------------
    def set_autosave_interval(self, milliseconds: int) -> None:
        self.autosave_timer.setInterval(milliseconds)
        self.autosave_timer.start()
        self.idle_timer.setInterval(min(IDLE_AUTOSAVE_MS, milliseconds))

    def _restart_idle_timer_on_edits(self) -> None:
        """Every edit (a keystroke in the text, a step on the undo stack, typing in the cover)
        starts the idle countdown again."""
        editor = self.window.editor
        editor.text_edit.textChanged.connect(self._edited)
        editor.modified.connect(self._edited)
        editor.undo_stack.indexChanged.connect(self._edited)  # not QTimer.start(int): an index
        self.window.cover_form.pending_changed.connect(self._edited)

    def _edited(self, *_ignored: object) -> None:
        self.idle_timer.start()

    def autosave(self) -> Path | None:
        """Write the recovery copy beside the draft while there are unsaved changes."""
        session = self.session
        if not self.window.is_modified() or session.read_only:
            return None
        session.draft = self.window.current_draft(commit_form=False)
        if session.path is None:
            written = self.untitled.write(session.draft)
        else:
            written = session.autosave()
        if written is not None:
            stamp = dt.datetime.now().strftime("%H:%M")
            self.window.statusBar().showMessage(_("Changes kept automatically at {time}").format(time=stamp), 4000)
            self.autosaved.emit(str(written))
        return written
