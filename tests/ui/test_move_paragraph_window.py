"""Issue 14's move check, in the real window: seed 003, paragraph 7 moved down twice with
Alt+Shift+Down, a version saved, compared: one move, exported as w:moveFrom / w:moveTo."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from lxml import etree
from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import QDropEvent, QTextCursor
from PySide6.QtWidgets import QLabel

from app.compare import compare_drafts
from app.compare.redline import RowKind
from app.compare.summary import count, summary_line
from app.model.numbering import paragraph_labels
from app.store import load_draft
from app.store.versions import open_version, save_version
from tests.conftest import CLASI_SEED, REPO
from tests.ui.test_versions_panel import NameAnswer
from tests.ui.window_support import PathAnswers, isolated_settings, seed_file, window_maker

ALT_SHIFT = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture
def draft_file(tmp_path):
    return seed_file(CLASI_SEED, tmp_path / "clasi.concordia",
                     lambda draft: save_version(draft, "Rev 0", author="Presidency"))


@pytest.fixture
def window(qtbot, tmp_path, draft_file):
    with window_maker(qtbot, isolated_settings(tmp_path / "config")) as make:
        yield make(PathAnswers(), draft_file)


def paragraph_7(window) -> int:
    return paragraph_labels(window.editor.draft().blocks).index("§ 7")


def test_move_paragraph_7_down_twice_compares_and_exports_as_one_move(qtbot, window,
                                                                       draft_file, tmp_path):
    editor = window.editor
    index = paragraph_7(window)
    moved = editor.draft().blocks[index]
    moved_id, moved_text = moved.id, moved.text
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)     # shortcuts need it
    editor.go_to_block(moved_id)
    editor.text_edit.setFocus()
    qtbot.keyClick(editor.text_edit, Qt.Key.Key_Down, ALT_SHIFT)
    qtbot.keyClick(editor.text_edit, Qt.Key.Key_Down, ALT_SHIFT)
    blocks = editor.draft().blocks
    assert blocks[index + 2].id == moved_id and blocks[index + 2].text == moved_text
    assert editor.current_block_id() == moved_id
    status = window.findChild(QLabel, "status_block").text()
    assert f"¶ {index + 3} of {len(blocks)}" in status           # where it is now
    outline = window.docks["outline"].widget()
    qtbot.waitUntil(lambda: outline.currentRow() == index + 2, timeout=3000)
    # The Edit menu names the step; File ▸ Save Version… saves the file and the version.
    assert window.actions_by_name["undo"].text().replace("&", "").endswith("Move Paragraph")
    answer = NameAnswer("Rev 1")
    window.actions_by_name["save_version"].trigger()
    qtbot.waitUntil(lambda: bool(answer.asked), timeout=5000)
    qtbot.waitUntil(lambda: not window.is_modified(), timeout=5000)

    on_disk = load_draft(draft_file)
    assert [v.name for v in on_disk.versions] == ["Rev 0", "Rev 1"]
    comparison = compare_drafts(open_version(on_disk, "Rev 0"), open_version(on_disk, "Rev 1"),
                                "Rev 0", "Rev 1")
    changes = [row for row in comparison.rows if row.is_change]
    assert [row.kind for row in changes] == [RowKind.MOVED_AWAY, RowKind.MOVED_HERE]
    assert all(row.block.id == moved_id and not row.words_changed for row in changes)
    counts = count(comparison)
    assert (counts.moved, counts.changed, counts.inserted, counts.deleted) == (1, 0, 0, 0)
    assert summary_line(comparison) == "1 paragraph moved"

    out = tmp_path / "moved.docx"
    done = subprocess.run(
        [sys.executable, "-m", "app", "compare", str(draft_file), "--from", "Rev 0",
         "--to", "Rev 1", "--style", "tracked", "--out", str(out)],
        cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "1 paragraph moved" in done.stdout
    assert_word_move(out, moved_text)


def assert_word_move(path, moved_text: str) -> None:
    import zipfile

    with zipfile.ZipFile(path) as package:
        body = etree.fromstring(package.read("word/document.xml"))
    for tag in ("ins", "del"):
        assert not list(body.iter(W + tag)), f"a move must not read as w:{tag}"
    for side in ("moveFrom", "moveTo"):
        wrappers = list(body.iter(W + side))
        text = "".join(t.text or "" for wrapper in wrappers for t in wrapper.iter(W + "t"))
        assert text.startswith(moved_text[:60]), side
        starts = list(body.iter(W + side + "RangeStart"))
        ends = list(body.iter(W + side + "RangeEnd"))
        assert len(starts) == len(ends) == 1 and starts[0].get(W + "id") == ends[0].get(W + "id")
        assert starts[0].get(W + "author") == "Presidency"
    names = {e.get(W + "name") for e in body.iter(W + "moveFromRangeStart")}
    assert names == {e.get(W + "name") for e in body.iter(W + "moveToRangeStart")}
    # As Word writes it: the moved-away text stays w:t, and the range opens before the text.
    assert not [t for wrapper in body.iter(W + "moveFrom") for t in wrapper.iter(W + "delText")]
    if shutil.which("pandoc"):
        accepted = subprocess.run(["pandoc", "--track-changes=accept", "-t", "plain",
                                   str(path)], capture_output=True, text=True, timeout=120)
        assert accepted.returncode == 0, accepted.stderr
        flat = " ".join(accepted.stdout.split())
        assert flat.count(" ".join(moved_text.split())[:50]) == 1


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice not installed")
def test_libreoffice_takes_the_export_as_one_move(tmp_path, draft_file):
    """The same move made by the operation: LibreOffice opens the tracked redline and sees
    exactly two change regions, the move's two ends."""
    from app.docx.redline import export_versions
    from app.model.move_ops import MoveBlock

    draft = load_draft(draft_file)
    index = paragraph_labels(draft.blocks).index("§ 7")
    moved = draft.blocks[index]
    MoveBlock(moved.id, index + 2).apply(draft)
    out = tmp_path / "moved.docx"
    export_versions(open_version(draft, "Rev 0"), draft, out, "Rev 0", "current",
                    style="tracked", author="Presidency")
    profile = tmp_path / "lo-profile"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", "fodt", "--outdir", str(tmp_path), str(out)],
                   capture_output=True, text=True, timeout=240, check=True)
    flat = (tmp_path / "moved.fodt").read_text(encoding="utf-8")
    assert flat.count("<text:changed-region") == 2
    assert " ".join(moved.text.split())[:50] in " ".join(flat.split())


def test_dragging_lines_in_the_outline_moves_the_paragraphs(qtbot, window):
    editor = window.editor
    outline = window.docks["outline"].widget()
    blocks = editor.draft().blocks
    before = [block.id for block in blocks]
    outline.setCurrentRow(2)
    rows = outline.selectedIndexes()
    mime: QMimeData = outline.model().mimeData(rows)
    target = outline.visualItemRect(outline.item(5))
    point = QPoint(target.center().x(), target.bottom() - 1)        # the lower half: after 5

    class OutlineDrop(QDropEvent):
        """A drop whose drag started in the outline (what QDrag would report)."""

        def source(self):
            return outline

    drop = OutlineDrop(point.toPointF(), Qt.DropAction.MoveAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    # QApplication delivers drops only during a real QDrag (which would block the test in
    # its own event loop): hand the drop to the view as Qt would at the mouse release.
    outline.dropEvent(drop)
    after = [block.id for block in editor.draft().blocks]
    assert not drop.isAccepted()           # so Qt's drag does not also remove the lines
    assert after == before[:2] + before[3:6] + [before[2]] + before[6:]
    assert outline.item(5).text() == outline_line_of(editor.draft().blocks[5])
    assert editor.undo_stack.undoText() == "Move Paragraph"
    editor.undo_stack.undo()
    assert [block.id for block in editor.draft().blocks] == before
    cursor = editor.text_edit.textCursor()
    assert isinstance(cursor, QTextCursor)


def outline_line_of(block) -> str:
    from app.ui.outline import outline_line

    return outline_line(block)
