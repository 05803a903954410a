"""Start the window: QApplication, translations, icon, settings, then the draft to open.

`run_application(argv)` is called by `app.cli` with the arguments after the program name.
A hidden aid for documentation: with `CONCORDIA_SCREENSHOT=out.png` the window is grabbed
to that file once it has been shown, and the program exits without touching any file.
An exception that escapes a slot is handled by app.ui.crash_hook (autosave, log, dialog).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from app.i18n import SUPPORTED_LANGUAGES, _, guess_ui_language, set_ui_language
from app.log import setup_logging

from .crash_hook import install_crash_hook
from .settings import APPLICATION, ORGANIZATION, AppSettings

#: `resources/` beside the package in a checkout (an installed build ships it too).
RESOURCES = Path(__file__).resolve().parents[2] / "resources"


def application_icon() -> QIcon:
    icon_file = RESOURCES / "concordia.svg"
    return QIcon(str(icon_file)) if icon_file.exists() else QIcon.fromTheme("concordia")


def install_qt_translations(app: QApplication, language: str) -> list[QTranslator]:
    """Qt's own dialogs (file dialog, message box buttons) in the UI language."""
    installed: list[QTranslator] = []
    if language == "en":
        return installed
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for catalog in ("qtbase", "qt"):
        translator = QTranslator(app)
        if translator.load(QLocale(language), catalog, "_", folder):
            app.installTranslator(translator)
            installed.append(translator)
            break  # qt_<lang> includes qtbase; one is enough
    from .qt_gaps import QtGapTranslator

    gaps = QtGapTranslator(app)       # installed last, so it is asked first
    app.installTranslator(gaps)
    installed.append(gaps)
    return installed


def choose_ui_language(settings: AppSettings) -> str:
    chosen = settings.ui_language()
    return chosen if chosen in SUPPORTED_LANGUAGES else guess_ui_language()


def run_application(argv: list[str]) -> int:
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Concordia")
    QGuiApplication.setDesktopFileName("concordia")
    app.setWindowIcon(application_icon())

    settings = AppSettings()
    language = choose_ui_language(settings)
    set_ui_language(language)
    QLocale.setDefault(QLocale(language))  # month names in date fields, number formats
    app._concordia_translators = install_qt_translations(app, language)  # keep them alive
    setup_logging()
    app._concordia_crash_hook = install_crash_hook()  # autosave, log and a dialog on a bug

    from .main_window import MainWindow  # after the language is set

    paths = [arg for arg in app.arguments()[1:] if not arg.startswith("-")]
    window = MainWindow(settings)
    window.show()
    for path in paths[:1]:
        QTimer.singleShot(0, lambda p=Path(path): _open_from_command_line(window, p))
    if not paths and not os.environ.get("CONCORDIA_SCREENSHOT"):
        QTimer.singleShot(0, window.files.offer_untitled_recovery)

    screenshot = os.environ.get("CONCORDIA_SCREENSHOT")
    if screenshot:
        width, _x, height = os.environ.get("CONCORDIA_SCREENSHOT_SIZE", "1440x900").partition("x")
        window.setGeometry(0, 0, int(width), int(height))
        _schedule_screenshot(app, window, Path(screenshot))
    return app.exec()


def _open_from_command_line(window, path: Path) -> None:
    from . import dialogs
    from .main_window import open_path_in

    if not path.exists():
        dialogs.show_error(window, _("The file “{name}” does not exist.").format(name=str(path)),
                           _("Cannot Open Draft"))
        return
    open_path_in(window, path)


def _schedule_screenshot(app: QApplication, window, target: Path) -> None:
    """Grab the window once the draft is shown (an import runs in the background)."""
    def grab() -> None:
        task = window.files.import_task
        if task is not None and task.running:
            QTimer.singleShot(200, grab)
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(target))
        window.files.close_session()
        app.exit(0)

    QTimer.singleShot(int(os.environ.get("CONCORDIA_SCREENSHOT_DELAY_MS", "1500")), grab)
