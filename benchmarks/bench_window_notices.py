"""The whole window's typing cost with its panes listening, and the cost of opening a draft.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_window_notices.py [--comments 300]

Opens the La Paz seed (92 paragraphs) with N comments and N/3 reservations in a real
MainWindow (every panel installed), types `--keys` characters at a paragraph with comments,
and reports the CPU time per keystroke (p50/p95, event loop included) and how long File ▸
Open of a second draft takes until every pane shows it. Runs in well under a minute.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comments", type=int, default=300)
    parser.add_argument("--keys", type=int, default=300)
    args = parser.parse_args()

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    from app.importer.text import import_text_file
    from app.model.annotations import Anchor, Comment, Reservation, ReservationKind
    from app.store import save_draft
    from app.ui.main_window import MainWindow
    from tests.conftest import CLASI_SEED, LAPAZ_SEED
    from tests.ui.window_support import PathAnswers, close_without_prompt, isolated_settings

    folder = Path(tempfile.mkdtemp())
    paths = []
    for seed, name in ((LAPAZ_SEED, "a"), (CLASI_SEED, "b")):
        draft, _report = import_text_file(seed)
        for i in range(args.comments):
            block = draft.blocks[1 + i % (len(draft.blocks) - 1)]
            draft.comments[f"c{i}"] = Comment(f"c{i}", Anchor(block.id, 0, 3), "HU", f"comment {i}",
                                              date=date(2026, 1, 1))
            if i % 3 == 0:
                draft.reservations[f"r{i}"] = Reservation(f"r{i}", Anchor(block.id), ["FR"],
                                                          ReservationKind.SCRUTINY)
        paths.append(folder / f"{name}.concordia")
        save_draft(draft, paths[-1])

    window = MainWindow(isolated_settings(folder / "config"), PathAnswers(), autosave_ms=600_000)
    window.resize(1700, 950)
    window.show()
    window.files.open_path(paths[0], ask_first=False)
    app.processEvents()
    editor = window.editor
    editor.go_to_block(editor.draft().blocks[5].id)
    editor.text_edit.setFocus()
    costs = []
    for _key in range(args.keys):
        start = time.process_time()
        QTest.keyClick(editor.text_edit, Qt.Key.Key_A)
        app.processEvents()
        costs.append((time.process_time() - start) * 1000)
    QTest.qWait(400)                     # the panes' refresh after the burst
    costs.sort()
    print(f"typing, {args.comments} comments: p50 {statistics.median(costs):.2f} ms, "
          f"p95 {costs[int(len(costs) * 0.95)]:.2f} ms per keystroke (CPU)")
    window.mark_saved()
    start = time.perf_counter()
    window.files.open_path(paths[1], ask_first=False)
    app.processEvents()
    print(f"open a second draft until every pane shows it: {(time.perf_counter() - start) * 1000:.0f} ms")
    close_without_prompt(window)
    window.files.close_session()


if __name__ == "__main__":
    main()
