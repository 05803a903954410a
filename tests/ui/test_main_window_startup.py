"""Starting Concordia: the command opens a draft in the window; Qt's dialogs speak Spanish."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from app.importer.text import import_text_file
from app.store import DraftLock, load_draft, save_draft
from app.ui.application import application_icon, install_qt_translations
from tests.conftest import LAPAZ_SEED, REPO


def test_command_line_opens_the_draft_and_the_window_is_drawn(tmp_path):
    draft, _report = import_text_file(LAPAZ_SEED)
    path = tmp_path / "lapaz.concordia"
    save_draft(draft, path)
    shot = tmp_path / "shot.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"),
               CONCORDIA_SCREENSHOT=str(shot), CONCORDIA_SCREENSHOT_DELAY_MS="300",
               CONCORDIA_SCREENSHOT_SIZE="1200x800", CONCORDIA_LANG="en")
    result = subprocess.run([sys.executable, "-m", "app", str(path)], env=env, cwd=REPO,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    image = QImage(str(shot))
    assert not image.isNull()
    assert (image.width(), image.height()) == (1200, 800)
    # Not a blank grab: a drawn window has many distinct colours (text, fields, icons).
    colours = {image.pixel(x, y) for x in range(0, 1200, 7) for y in range(0, 800, 7)}
    assert len(colours) > 20
    assert load_draft(path) == draft                 # opening changed nothing on disk
    with DraftLock(path):                            # and the lock went with the process
        pass


def test_qt_dialogs_are_translated_for_spanish(qapp):
    installed = install_qt_translations(qapp, "es")
    try:
        assert installed, "qtbase_es.qm should ship with Qt"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancelar"
    finally:
        for translator in installed:
            QApplication.removeTranslator(translator)
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    assert install_qt_translations(qapp, "en") == []


def test_icon_is_found(qapp):
    assert not application_icon().isNull()
