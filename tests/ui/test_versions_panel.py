"""The Versions dock, driven in the real main window: list, save, open read-only, new draft
from a version, compare with the current text."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from app.importer.text import import_text_file
from app.store import load_draft, save_draft
from app.store.versions import CURRENT, save_version
from app.ui.compare_view import CompareView
from tests.conftest import LAPAZ_SEED
from tests.ui.conftest import send_text
from tests.ui.window_support import (
    Answers,
    ModalWatcher,
    PathAnswers,
    dispose,
    isolated_settings,
    seed_file,
    window_maker,
)


class NameAnswer(ModalWatcher):
    """Types a name into the next QInputDialog (the real one Save Version… shows) and accepts."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.asked: list[str] = []
        super().__init__()

    def answer(self, box) -> None:
        if isinstance(box, QInputDialog):
            self.stop()
            self.asked.append(box.labelText())
            box.setTextValue(self.name)
            box.accept()


@pytest.fixture
def paths():
    return PathAnswers()


@pytest.fixture
def draft_file(tmp_path) -> Path:
    """La Paz with one version, "Rev 1", by "ES Presidency"; then its subject edited."""
    def revise(draft) -> None:
        save_version(draft, "Rev 1", author="ES Presidency")
        draft.note.subject = draft.note.subject + " (revised)"

    return seed_file(LAPAZ_SEED, tmp_path / "drafts" / "lapaz.concordia", revise)


@pytest.fixture
def window(qtbot, tmp_path, paths, draft_file):
    with window_maker(qtbot, isolated_settings(tmp_path / "config")) as make:
        made = make(paths, draft_file)
        yield made
        for other in made.versions_panel.opened:      # the windows it opened, then itself
            dispose(other)


def test_lists_versions_and_saves_through_the_file_menu_action(qtbot, window, draft_file):
    panel = window.versions_panel
    assert window.docks["versions"].widget() is panel
    assert panel.names() == ["Rev 1"]
    row = panel.tree.topLevelItem(0)
    assert row.text(1) == "ES Presidency"
    # the time in the UI language, through Babel ("2 Dec 2026, 18:40")
    from datetime import datetime

    from app.i18n.ui_dates import ui_datetime
    created = window.current_draft().versions[0].created
    assert row.text(2) == ui_datetime(datetime.fromisoformat(created))
    assert row.text(2)[:1].isdigit() and ", " in row.text(2)
    # Save Version… exists once, in the File menu, and the dock's button triggers it.
    file_actions = [a for a in window.menus["file"].actions()
                    if a.objectName() == "action_save_version"]
    assert len(file_actions) == 1
    triggered = []
    file_actions[0].triggered.connect(lambda *_: triggered.append(True))
    answer = NameAnswer("Rev 2")
    qtbot.mouseClick(panel.save_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: panel.names() == ["Rev 2", "Rev 1"], timeout=5000)
    assert triggered and answer.asked
    on_disk = load_draft(draft_file)
    assert [v.name for v in on_disk.versions] == ["Rev 1", "Rev 2"]


def test_list_follows_the_draft_opened(qtbot, window, tmp_path):
    other, _report = import_text_file(LAPAZ_SEED)
    for name in ("A", "B", "C"):
        save_version(other, name)
    path = tmp_path / "drafts" / "other.concordia"
    save_draft(other, path)
    assert window.files.open_path(path, ask_first=False)
    assert window.versions_panel.names() == ["C", "B", "A"]
    assert window.files.new_draft()
    assert window.versions_panel.names() == []
    assert not window.versions_panel.open_button.isEnabled()


def test_open_read_only_shows_the_version_not_the_current_text(qtbot, window):
    panel = window.versions_panel
    current_subject = window.current_draft().note.subject
    assert current_subject.endswith("(revised)")
    panel.select("Rev 1")
    qtbot.mouseClick(panel.open_button, Qt.LeftButton)
    assert len(panel.opened) == 1
    shown = panel.opened[0]
    qtbot.waitUntil(shown.isVisible, timeout=2000)
    assert shown.files.session.read_only
    assert shown.read_only_label.isVisibleTo(shown)
    assert shown.editor.text_edit.isReadOnly()
    assert shown.current_draft().note.subject == current_subject.removesuffix(" (revised)")
    assert "Rev 1" in shown.windowTitle()
    before = [block.text for block in shown.current_draft().blocks]
    shown.editor.text_edit.setFocus()
    send_text(shown.editor.text_edit, "typed")
    assert [block.text for block in shown.current_draft().blocks] == before
    assert not shown.is_modified()
    # The original window is untouched and still editable.
    assert window.current_draft().note.subject == current_subject
    assert not window.files.session.read_only


def test_new_draft_from_version_writes_and_opens_it(qtbot, window, paths, tmp_path, draft_file):
    panel = window.versions_panel
    target = tmp_path / "drafts" / "from-rev1.concordia"
    paths.save_paths.append(target)
    panel.select("Rev 1")
    qtbot.mouseClick(panel.checkout_button, Qt.LeftButton)
    assert paths.suggested[-1].parent == draft_file.parent
    written = load_draft(target)
    assert written.note.subject == load_draft(draft_file).note.subject.removesuffix(" (revised)")
    assert written.versions == []
    opened = panel.opened[-1]
    assert opened.files.session.path == target.resolve()
    assert not opened.files.session.read_only
    assert window.files.session.path == draft_file.resolve()     # the first window stays
    # The same name again is refused in one sentence, and the file is left as it was.
    before = target.read_bytes()
    paths.save_paths.append(target)
    answers = Answers(QMessageBox.Ok)
    qtbot.mouseClick(panel.checkout_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: answers.done, timeout=3000)
    answers.stop()
    assert "already exists" in answers.seen[0]
    assert target.read_bytes() == before
    assert len(panel.opened) == 1


def test_compare_with_current_preselects_the_version(qtbot, window):
    panel = window.versions_panel
    panel.select("Rev 1")
    qtbot.mouseClick(panel.compare_button, Qt.LeftButton)
    view = window.findChild(CompareView)
    assert view is not None and view.isVisible()
    assert view.from_box.currentData() == "Rev 1"
    assert view.to_box.currentData() == CURRENT
    assert view.comparison is not None
    assert any(change.field_name == "subject" for change in view.comparison.fields)
    view.close()
