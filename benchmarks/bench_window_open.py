"""The window on a draft that lived for a year: open it, add a comment, save (issue 17).

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_window_open.py [--pages 300]
        [--comments 5000] [--reservations 1000] [--versions 20]

Builds the draft of bench_store.py (300 pages, 5 000 comments, 1 000 reservations, 20
versions), then in a real main window: the time to open it until every pane shows it, and
the time of Save after one comment added (the window's save compares every row, since the
window can change a draft in ways its change notices do not list one by one).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    import bench_store
    from PySide6.QtWidgets import QApplication

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    bench_store.add_draft_arguments(parser)
    args = parser.parse_args()

    app = QApplication.instance() or QApplication(sys.argv)
    from app.model import new_id
    from app.model.annotation_ops import AddComment
    from app.model.annotations import Anchor, Comment
    from app.ui.main_window import MainWindow
    from tests.ui.window_support import PathAnswers, close_without_prompt, isolated_settings

    folder = Path(tempfile.mkdtemp())
    path = bench_store.build(folder, args)
    window = MainWindow(isolated_settings(folder / "config"), PathAnswers(), autosave_ms=600_000)
    window.resize(1280, 860)
    window.show()
    app.processEvents()
    start = time.perf_counter()
    window.files.open_path(path, ask_first=False)
    app.processEvents()
    print(f"{'open in the window, every pane showing it':46s} {time.perf_counter() - start:9.2f} s")
    saves = []
    for number in range(3):
        block = window.editor.draft().blocks[10 + number]
        comment = Comment(new_id(), Anchor(block.id), "HU", f"Window remark {number}.")
        window.editor.apply_operation(AddComment(comment.to_json()), "Comment")
        app.processEvents()
        start = time.perf_counter()
        window.files.save()
        saves.append(time.perf_counter() - start)
    print(f"{'save after one comment (best of 3)':46s} {min(saves) * 1000:9.0f} ms")
    close_without_prompt(window)
    window.files.close_session()


if __name__ == "__main__":
    main()
