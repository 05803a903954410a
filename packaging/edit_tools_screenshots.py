"""Take the editing-tools screenshots in docs/ from the La Paz seed, with a few delegations'
comments and reservations on its words (tests/ui/edit_tools_support.py):

  docs/screenshot-find-replace.png        Replace bar on "CELAC", one match current
  docs/screenshot-footnotes-list.png      the Footnotes list beside the text
  docs/screenshot-highlighted-comments.png commented words in their delegation's colour,
                                           reservations underlined, a comment's tooltip

Run from the repository root:  QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/edit_tools_screenshots.py
Settings go to a temporary folder, so your own window layout is neither used nor changed.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from PySide6.QtCore import QPoint, Qt  # noqa: E402
from PySide6.QtGui import QPainter, QTextCursor  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel  # noqa: E402

from app.store import save_draft  # noqa: E402
from app.ui.main_window import MainWindow  # noqa: E402
from tests.ui.edit_tools_support import annotated_lapaz  # noqa: E402
from tests.ui.window_support import PathAnswers, isolated_settings  # noqa: E402

DOCS = REPO / "docs"


def settle(app: QApplication, rounds: int = 20) -> None:
    for _ in range(rounds):
        app.processEvents()


def scroll_to(window: MainWindow, block_id: str) -> None:
    edit = window.editor.text_edit
    block = window.editor.bridge.qt_block(block_id)
    edit.verticalScrollBar().setValue(int(edit.document().documentLayout().blockBoundingRect(block).top()) - 40)


def window_for(folder: Path, app: QApplication) -> MainWindow:
    path = folder / "lapaz.concordia"
    save_draft(annotated_lapaz(), path)
    window = MainWindow(isolated_settings(folder / "config"), PathAnswers(), autosave_ms=600_000)
    window.setGeometry(0, 0, 1440, 900)
    window.show()
    window.files.open_path(path, ask_first=False)
    window.docks["cover"].hide()           # more room for the text in the pictures
    settle(app)
    window.annotation_highlight.refresh()  # its timer would fire after the first picture
    window.footnotes_list.refresh()
    return window


def find_replace(window: MainWindow, app: QApplication) -> None:
    bar = window.find_bar
    bar.open_find(replace=True)
    bar.find_field.setText("CELAC")
    bar.whole_word.setChecked(True)
    bar.replace_field.setText("CELAC countries")
    for _ in range(3):
        bar.go(1)
    settle(app)
    window.grab().save(str(DOCS / "screenshot-find-replace.png"))
    bar.close_bar()


def footnotes_list(window: MainWindow, app: QApplication) -> None:
    dock = window.docks["footnotes_list"]
    dock.show()
    dock.raise_()
    window.resizeDocks([dock], [520], Qt.Orientation.Horizontal)
    settle(app)
    pane = window.footnotes_list
    pane.refresh()
    item = pane.tree.topLevelItem(2)          # note 3, a delegation's position
    pane.tree.setCurrentItem(item)
    pane.go_to(item)
    settle(app)
    window.grab().save(str(DOCS / "screenshot-footnotes-list.png"))
    dock.hide()


def highlighted_comments(window: MainWindow, app: QApplication) -> None:
    window.annotation_highlight.refresh()
    draft = window.editor.draft()
    comment = draft.comments["c_es"]
    edit = window.editor.text_edit
    block = window.editor.bridge.qt_block(comment.anchor.block_id)
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + comment.anchor.start + 5)
    edit.setTextCursor(cursor)
    scroll_to(window, comment.anchor.block_id)
    settle(app)
    point = edit.cursorRect(cursor).center()
    tip = window.editor.text_edit.tooltip_at(point)
    picture = window.grab()
    # A tooltip is its own top-level window, which grab() does not see: draw the same text there.
    label = QLabel()
    label.setWindowFlags(Qt.WindowType.ToolTip)
    label.setText(tip)
    label.setWordWrap(True)
    label.setFixedWidth(360)
    label.setStyleSheet("QLabel { background: #ffffe1; border: 1px solid #767676; padding: 5px; }")
    label.adjustSize()
    painter = QPainter(picture)
    where = edit.viewport().mapTo(window, point + QPoint(12, 18))
    painter.drawPixmap(where, label.grab())
    painter.end()
    picture.save(str(DOCS / "screenshot-highlighted-comments.png"))


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as folder:
        window = window_for(Path(folder), app)
        find_replace(window, app)
        footnotes_list(window, app)
        highlighted_comments(window, app)
        window.mark_saved()
        window.files.close_session()
        window.close()
    for name in ("find-replace", "footnotes-list", "highlighted-comments"):
        print(DOCS / f"screenshot-{name}.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
