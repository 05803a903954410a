"""Benchmark: a 300-page draft with 500 square brackets.

    python benchmarks/bench_brackets.py [--brackets 500] [--no-gui]

The 300-page note of benchmarks/generate.py gets negotiation brackets typed into its text (a
third with one alternative and a proponent, a third with two alternatives, a third proposing a
deletion); then prints: import time with and without the brackets (their recognition), save and
load of the draft file, the dashboard, `show --json`, the Word export in bracketed and clean
views, and in the window: showing the draft with the Negotiation pane, one pane refresh, and
the keystroke latency in a bracketed paragraph.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import make_large_markdown  # noqa: E402

PARTIES = ["FR", "ES", "HU", "PL", "DE", "CELAC", "BR", "MX", "PT", "IT"]
WORD = re.compile(r"(?<= )(cooperation|approach|principle|exchange|programmes|policies|"
                  r"prevention|systems|conventions|responsibility)(?= )")


def bracket_text(text: str, count: int, seed: int = 5) -> tuple[str, int]:
    rng = random.Random(seed)
    lines = text.split("\n")
    candidates = [i for i, line in enumerate(lines) if WORD.search(line) and "[" not in line]
    chosen = sorted(rng.sample(candidates, min(count, len(candidates))))
    for n, index in enumerate(chosen):
        a, b = rng.sample(PARTIES, 2)
        style = n % 3
        if style == 0:
            replacement = rf"[\1] ({a})"
        elif style == 1:
            replacement = rf"[\1 ({a}) / commitment ({b})]"
        else:
            replacement = rf"[\1 ({a}) / delete ({b})]"
        lines[index] = WORD.sub(replacement, lines[index], count=1)
    return "\n".join(lines), len(chosen)


def timed(what: str, action):
    started = time.perf_counter()
    result = action()
    print(f"{what:<46} {time.perf_counter() - started:7.2f} s")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--brackets", type=int, default=500)
    parser.add_argument("--no-gui", action="store_true")
    parser.add_argument("--no-pane", action="store_true",
                        help="the window without the Negotiation pane (the baseline)")
    args = parser.parse_args(argv)
    from app.docx import export_note
    from app.importer import import_text
    from app.model.dashboard import build_dashboard
    from app.store import load_draft, save_draft

    plain = make_large_markdown()
    text, placed = bracket_text(plain, args.brackets)
    timed("import, no brackets", lambda: import_text(plain))
    draft, _report = timed(f"import with {placed} brackets typed", lambda: import_text(text))
    print(f"  {len(draft.blocks)} blocks, {len(draft.brackets)} brackets recognised")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.concordia"
        timed("save draft file", lambda: save_draft(draft, path))
        draft = timed("load draft file", lambda: load_draft(path))
        board = timed("dashboard (build_dashboard)", lambda: build_dashboard(draft))
        print(f"  {board.summary[:90]}")
        timed("show --json (to_public_json)", draft.to_public_json)
        timed("export Word, bracketed view", lambda: export_note(draft, Path(folder) / "b.docx",
                                                                view="bracketed"))
        timed("export Word, clean view", lambda: export_note(draft, Path(folder) / "c.docx",
                                                            view="clean"))
    if not args.no_gui:
        gui(draft, pane=not args.no_pane)
    return 0


def gui(draft, pane: bool = True) -> None:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from app.ui.editor import DraftEditor
    from app.ui.negotiation_pane import NegotiationPane

    app = QApplication.instance() or QApplication([])
    editor = DraftEditor()
    editor.resize(1000, 800)
    editor.show()
    if pane:
        negotiation = timed("window: pane attached", lambda: NegotiationPane(editor))
    timed("window: show the draft (marks painted)", lambda: (editor.set_draft(draft),
                                                             app.processEvents()))
    if pane:
        timed("window: one dashboard pane refresh", negotiation.refresh)
    bracket = next(iter(draft.brackets.values()))
    block = editor.bridge.qt_block(bracket.anchor.block_id)
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + (bracket.anchor.start or 0) + 1)
    editor.text_edit.setTextCursor(cursor)
    editor.text_edit.ensureCursorVisible()
    latencies = []
    for _ in range(60):
        started = time.perf_counter()
        QTest.keyClick(editor.text_edit, Qt.Key.Key_X)
        app.processEvents()
        latencies.append((time.perf_counter() - started) * 1000)
    latencies.sort()
    print(f"{'window: keystroke in a bracket (ms) p50/p95/max':<46} "
          f"{statistics.median(latencies):.1f} / {latencies[int(len(latencies) * 0.95)]:.1f} / "
          f"{latencies[-1]:.1f}")
    assert not draft.brackets[bracket.id].anchor.orphaned


if __name__ == "__main__":
    sys.exit(main())
