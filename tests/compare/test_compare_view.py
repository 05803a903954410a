"""The compare view, driven with the keyboard: versions picked, F7 through the changes."""

from PySide6.QtCore import Qt

from app.compare import compare_drafts, summary_line
from app.store.versions import save_version
from app.ui.compare_view import CompareView

from .seed_draft import draft_from_seed, make_revision


def _draft_with_versions(clasi_seed):
    rev1 = draft_from_seed(clasi_seed)
    rev2, done = make_revision(rev1)
    save_version(rev1, "Rev 1")
    rev2.versions = list(rev1.versions)
    save_version(rev2, "Rev 2")
    return rev2, done


def test_step_through_changes_with_f7(qtbot, tmp_path, clasi_seed):
    draft, done = _draft_with_versions(clasi_seed)
    view = CompareView(draft, old_name="Rev 1", new_name="Rev 2")
    qtbot.addWidget(view)
    view.show()
    view.activateWindow()
    qtbot.waitActive(view)
    view.inline.setFocus()
    assert view.summary.text() == (
        "1 paragraph changed, 1 inserted, 1 deleted, 1 moved; 1 footnote reworded")
    # changed, inserted, moved away, deleted, moved here, footnote
    assert len(view.anchors) == 6
    seen = []
    for _ in view.anchors:
        qtbot.keyClick(view.inline, Qt.Key_F7)
        seen.append(view.current_anchor)
    assert seen == view.anchors
    assert "6" in view.position.text()
    qtbot.keyClick(view.inline, Qt.Key_F7, Qt.ShiftModifier)
    assert view.current_anchor == view.anchors[-2]
    target = tmp_path / "rev1-rev2.docx"
    view.export(target, "council")
    qtbot.waitUntil(lambda: view.export_status.text() != "", timeout=20_000)
    assert view.export_status.text() == "Exported to rev1-rev2.docx."
    assert target.stat().st_size > 0
    rows = [view.comparison.rows[int(a[1:])] for a in seen if a.startswith("r")]
    assert rows[0].block.id == done["reworded"]
    assert "serious and growing" in view.inline.toPlainText()


def test_filters_and_current_text(qtbot, clasi_seed):
    draft, _ = _draft_with_versions(clasi_seed)
    view = CompareView(draft, old_name="Rev 1")       # to: the current text
    qtbot.addWidget(view)
    expected = summary_line(compare_drafts(draft.versions[0].draft(), draft))
    assert view.summary.text() == expected
    view.filter_box.setCurrentIndex(view.filter_box.findData("moves"))
    assert len(view.anchors) == 2
    view.tabs.setCurrentWidget(view.side)
    assert "Undertake to work towards" in view.side.toPlainText()
    assert "Ameripol" not in view.inline.toPlainText()
    view.filter_box.setCurrentIndex(view.filter_box.findData("footnotes"))
    assert view.anchors == ["f0"]
    view.to_box.setCurrentIndex(view.to_box.findData("Rev 1"))
    assert view.summary.text() == "No changes."
    assert view.position.text() == "No changes"


def test_view_menu_opens_the_compare_view_on_the_open_draft(qtbot, tmp_path, clasi_seed):
    from app.store import save_draft
    from app.ui.main_window import MainWindow
    from tests.ui.window_support import PathAnswers, close_without_prompt, isolated_settings

    draft, _ = _draft_with_versions(clasi_seed)
    path = tmp_path / "clasi.concordia"
    save_draft(draft, path)
    window = MainWindow(isolated_settings(tmp_path / "config"), PathAnswers(), autosave_ms=60_000)
    qtbot.addWidget(window)
    window.show()
    try:
        assert window.files.open_path(path, ask_first=False)
        menu_actions = window.menus["view"].actions()
        compare = window.actions_by_name["compare_versions"]
        assert compare in menu_actions
        assert window.actions_by_name["save_version"] in window.menus["file"].actions()
        compare.trigger()
        view = window.findChild(CompareView)
        assert view is not None and view.isVisible()
        assert view.from_box.currentText() == "Rev 2" and view.to_box.currentData() == "current"
        assert view.summary.text() == "No changes."
        view.from_box.setCurrentIndex(0)
        assert view.summary.text().startswith("1 paragraph changed")
        view.close()
    finally:
        close_without_prompt(window)


def test_large_drafts_compare_in_the_background(qtbot):
    from app.model import Block, BlockKind, Draft, TextRun

    draft = Draft(blocks=[Block(BlockKind.NUMBERED, [TextRun(f"Paragraph number {i} of many.")])
                          for i in range(1100)])
    save_version(draft, "Rev 1")
    draft.blocks[500].content = [TextRun("Paragraph number 500, now reworded.")]
    view = CompareView(draft, old_name="Rev 1")
    qtbot.addWidget(view)
    assert view.comparison is None                      # not computed on the GUI thread
    qtbot.waitUntil(lambda: view.comparison is not None, timeout=10_000)
    assert view.summary.text() == "1 paragraph changed"
    view.next_change()
    assert view.comparison.rows[int(view.current_anchor[1:])].block is draft.blocks[500]


def test_file_save_version_writes_it_into_the_draft_file(qtbot, tmp_path, clasi_seed):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QInputDialog

    from app.store import load_draft, save_draft
    from app.ui.main_window import MainWindow
    from tests.ui.window_support import PathAnswers, close_without_prompt, isolated_settings

    path = tmp_path / "clasi.concordia"
    save_draft(draft_from_seed(clasi_seed), path)
    window = MainWindow(isolated_settings(tmp_path / "config"), PathAnswers(), autosave_ms=60_000)
    qtbot.addWidget(window)
    window.show()
    try:
        assert window.files.open_path(path, ask_first=False)

        def answer() -> None:
            dialog = next((w for w in QApplication.topLevelWidgets()
                           if isinstance(w, QInputDialog) and w.isVisible()), None)
            if dialog is None:
                QTimer.singleShot(20, answer)
                return
            dialog.setTextValue("Presidency draft")
            dialog.accept()

        QTimer.singleShot(0, answer)
        window.actions_by_name["save_version"].trigger()
        saved = load_draft(path)
        assert [v.name for v in saved.versions] == ["Presidency draft"]
        assert saved.versions[0].draft().to_public_json()["blocks"] == \
            saved.to_public_json()["blocks"]
    finally:
        close_without_prompt(window)
