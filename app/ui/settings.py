"""What the window remembers between runs: recent files, geometry, UI language, autosave.

A thin typed layer over QSettings so the rest of the UI never spells keys or converts
QVariants. Tests point QSettings at a temporary folder (see `tests/ui/conftest.py`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "Concordia"
APPLICATION = "Concordia"
MAX_RECENT = 10
#: Two minutes, as the brief for "nothing lost" asks; tests shorten it.
DEFAULT_AUTOSAVE_MS = 2 * 60 * 1000


class AppSettings:
    def __init__(self, qsettings: QSettings | None = None) -> None:
        self._q = qsettings or QSettings(ORGANIZATION, APPLICATION)

    # -- recent files --------------------------------------------------------------------
    def recent_files(self) -> list[Path]:
        raw = self._q.value("files/recent", [])
        if isinstance(raw, str):  # QSettings gives a bare string for a one-item list
            raw = [raw]
        return [Path(item) for item in (raw or []) if item]

    def set_recent_files(self, paths: list[Path]) -> None:
        self._q.setValue("files/recent", [str(path) for path in paths[:MAX_RECENT]])

    def add_recent_file(self, path: Path) -> None:
        path = Path(path).resolve()
        others = [item for item in self.recent_files() if item != path]
        self.set_recent_files([path] + others)

    def prune_recent_files(self) -> list[Path]:
        """Forget recent files that no longer exist; return the ones removed."""
        kept, gone = [], []
        for path in self.recent_files():
            (kept if path.exists() else gone).append(path)
        if gone:
            self.set_recent_files(kept)
        return gone

    def last_folder(self) -> str:
        value = self._q.value("files/last_folder", "")
        return str(value or "")

    def set_last_folder(self, folder: Path) -> None:
        self._q.setValue("files/last_folder", str(folder))

    # -- window ----------------------------------------------------------------------------
    def window_geometry(self) -> QByteArray | None:
        value = self._q.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def window_state(self) -> QByteArray | None:
        value = self._q.value("window/state")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self._q.setValue("window/geometry", geometry)
        self._q.setValue("window/state", state)

    # -- preferences -----------------------------------------------------------------------
    def ui_language(self) -> str | None:
        value = self._q.value("ui/language", "")
        return str(value) if value else None

    def set_ui_language(self, language: str) -> None:
        self._q.setValue("ui/language", language)

    def autosave_interval_ms(self) -> int:
        value = self._q.value("files/autosave_ms", DEFAULT_AUTOSAVE_MS)
        try:
            return max(1, int(value))
        except (TypeError, ValueError):
            return DEFAULT_AUTOSAVE_MS

    def check_spelling(self) -> bool:
        """View ▸ Check Spelling: on unless the user turned it off."""
        value = self._q.value("editor/check_spelling", True)
        return value if isinstance(value, bool) else str(value).lower() not in ("false", "0")

    def set_check_spelling(self, flag: bool) -> None:
        self._q.setValue("editor/check_spelling", bool(flag))

    def recovery_folder(self) -> Path:
        """Where crash copies of never-saved drafts go (tests point it at a temporary folder)."""
        value = self._q.value("files/recovery_folder", "")
        if value:
            return Path(str(value))
        from .untitled_copies import recovery_folder

        return recovery_folder()

    def set_recovery_folder(self, folder: Path) -> None:
        self._q.setValue("files/recovery_folder", str(folder))

    def highlight_annotations(self) -> bool:
        """View ▸ Highlight Comments and Reservations (on unless switched off)."""
        return str(self._q.value("view/highlight_annotations", "true")).lower() not in ("false", "0")

    def set_highlight_annotations(self, flag: bool) -> None:
        self._q.setValue("view/highlight_annotations", bool(flag))

    def sync(self) -> None:
        self._q.sync()
