"""Side-by-side view figures on a 300-page draft with a full Spanish version.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_bilingual.py [--pages 300] [--keys 60]

Builds the shared 300-page draft (`benchmarks/generate.py`), gives every block a Spanish text
(confirmed in step; 1 pair in 20 then edited in English, so out of step), shows it in a real
DraftEditor and opens the side-by-side window. Reports: open time (window built, shown and
its first screen laid out), a keystroke in a cell editor, committing a cell edit (the
operation, the main editor's document and the row refreshed), a keystroke in the main editor
with the side-by-side window open and without it, the "only out of step" filter and
Confirm all.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _bilingual_draft(pages: int):
    from app.model import LanguageVersion, TextRun
    from app.model.in_step import record_confirmation
    from benchmarks.generate import make_large_draft

    draft = make_large_draft(pages=pages, words=pages * 500, footnotes=pages * 5 // 3)
    version = LanguageVersion("es")
    for block in draft.blocks:
        version.blocks[block.id] = [TextRun("ES: ")] + list(block.content)
        record_confirmation(version, block.id, block.text)
    draft.translations["es"] = version
    for block in draft.blocks[::20]:
        block.content = [TextRun("Changed: ")] + list(block.content)
    return draft


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def _spread(samples: list[float]) -> str:
    samples = sorted(samples)
    p95 = samples[min(len(samples) - 1, int(len(samples) * 0.95))]
    return f"p50 {_ms(statistics.median(samples))}, p95 {_ms(p95)}, max {_ms(samples[-1])}"


def run(pages: int, keys: int) -> dict[str, str]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from app.ui.bilingual.rows import OTHER
    from app.ui.bilingual.window import BilingualWindow
    from app.ui.editor.widget import DraftEditor

    app = QApplication.instance() or QApplication([])
    draft = _bilingual_draft(pages)
    figures = {"blocks": str(len(draft.blocks)),
               "words": str(sum(len(b.text.split()) for b in draft.blocks))}
    editor = DraftEditor()
    editor.resize(800, 700)
    editor.show()
    editor.set_draft(draft)
    app.processEvents()

    def main_keys() -> list[float]:
        editor.go_to_block(draft.blocks[len(draft.blocks) // 2].id)
        editor.text_edit.setFocus()
        samples = []
        for _ in range(keys):
            started = time.perf_counter()
            QTest.keyClick(editor.text_edit, "x")
            app.processEvents()
            samples.append(time.perf_counter() - started)
        return samples

    figures["main editor keystroke, side by side closed"] = _spread(main_keys())

    started = time.perf_counter()
    view = BilingualWindow(editor)
    view.show()
    app.processEvents()
    app.processEvents()
    figures["open side by side"] = _ms(time.perf_counter() - started)

    figures["main editor keystroke, side by side open"] = _spread(main_keys())
    catch_up = []
    for _ in range(5):
        QTest.keyClick(editor.text_edit, "x")
        started = time.perf_counter()
        view.refresh()           # what the view does once typing pauses (150 ms)
        app.processEvents()
        catch_up.append(time.perf_counter() - started)
    figures["side by side catching up after a typing pause"] = _spread(catch_up)

    row = len(draft.blocks) // 3
    view.edit_cell(row, OTHER)
    app.processEvents()
    cell = QApplication.focusWidget()
    samples = []
    for _ in range(keys):
        started = time.perf_counter()
        QTest.keyClick(cell, "y")
        app.processEvents()
        samples.append(time.perf_counter() - started)
    figures["cell keystroke"] = _spread(samples)
    commits = []
    for offset in range(10):
        view.edit_cell(row + offset, offset % 2)
        app.processEvents()
        cell = QApplication.focusWidget()
        QTest.keyClick(cell, "z")
        started = time.perf_counter()
        QTest.keyClick(cell, Qt.Key.Key_Return)
        app.processEvents()
        commits.append(time.perf_counter() - started)
    figures["cell commit (one undo step)"] = _spread(commits)

    started = time.perf_counter()
    view.only_out_of_step.setChecked(True)
    app.processEvents()
    figures["filter only out of step"] = _ms(time.perf_counter() - started)
    figures["out of step before confirm"] = str(len(view.rows.out_of_step_rows()))
    started = time.perf_counter()
    view.confirm_all()
    app.processEvents()
    figures["confirm all"] = _ms(time.perf_counter() - started)
    view.close()
    editor.close()
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--keys", type=int, default=60)
    args = parser.parse_args(argv)
    for name, value in run(args.pages, args.keys).items():
        print(f"{name}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
