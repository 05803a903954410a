"""Editor figures on a 300-page draft: load time and per-keystroke latency.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_editor.py [--words 150000] [--keys 300]

Uses the shared 300-page generator (`benchmarks/generate.py`: the seeds' style, imported like
a real note) or, with `--own`, a simpler built-in draft (about 50 words a paragraph, a mix of
kinds, bold runs, 500 footnote references); shows it in a real DraftEditor, then types with QTest key events at several
places (start, middle, end) and reports p50/p95/max per keystroke, including Enter (split),
Backspace at a block start (merge) and the event-loop work (layout, paint) after each key.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.model import Block, BlockKind, Draft, Footnote, FootnoteRef, TextRun  # noqa: E402

_WORDS = (
    "the council reaffirms its commitment to cooperation on drugs between the european union and "
    "celac member states recalling the principle of common and shared responsibility integrated "
    "balanced evidence based approach human rights public health development security justice "
    "alternative development prevention treatment rehabilitation social reintegration"
).split()
_KINDS = [BlockKind.PREAMBLE] * 2 + [BlockKind.OPERATIVE] * 2 + [BlockKind.NUMBERED] * 4 + [
    BlockKind.LIST_ITEM, BlockKind.PARAGRAPH, BlockKind.HEADING,
]


def build_draft(words: int = 150_000, footnotes: int = 500, words_per_block: int = 50, seed: int = 7) -> Draft:
    rng = random.Random(seed)
    count = max(1, words // words_per_block)
    with_note = set(rng.sample(range(count), min(footnotes, count)))
    draft = Draft()
    draft.blocks.append(Block(BlockKind.TITLE, [TextRun("Joint declaration")]))
    for index in range(count):
        kind = rng.choice(_KINDS)
        text = " ".join(rng.choice(_WORDS) for _ in range(words_per_block))
        if kind in (BlockKind.PREAMBLE, BlockKind.OPERATIVE):
            text = "RECALLING " + text
        content: list = []
        cut = rng.randrange(5, len(text) - 5)
        content.append(TextRun(text[:cut]))
        if index % 7 == 0:
            content.append(TextRun("agreed language", bold=True))
        if index in with_note:
            footnote = Footnote(f"Footnote text {index}: " + " ".join(rng.choice(_WORDS) for _ in range(12)))
            draft.footnotes[footnote.id] = footnote
            content.append(FootnoteRef(footnote.id))
        content.append(TextRun(text[cut:]))
        draft.blocks.append(Block(kind, content, level=1 if kind is BlockKind.LIST_ITEM else 0))
    return draft


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=150_000)
    parser.add_argument("--footnotes", type=int, default=500)
    parser.add_argument("--keys", type=int, default=300, help="keystrokes per place")
    parser.add_argument("--own", action="store_true", help="use the built-in draft, not generate.py")
    args = parser.parse_args()

    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from app.ui.editor import DraftEditor

    app = QApplication.instance() or QApplication([])
    draft = None
    if not args.own:
        try:
            sys.path.insert(0, str(Path(__file__).resolve().parent))
            from generate import make_large_draft

            draft = make_large_draft(words=args.words, footnotes=args.footnotes)
            print("draft from benchmarks/generate.py (imported like a real note)")
        except ImportError as error:
            print(f"shared generator unavailable ({error}); using the built-in draft")
    if draft is None:
        draft = build_draft(args.words, args.footnotes)
    total_words = sum(len(b.text.split()) for b in draft.blocks)
    editor = DraftEditor()
    editor.resize(900, 700)
    editor.show()
    app.processEvents()

    started = time.perf_counter()
    editor.set_draft(draft)
    loaded = time.perf_counter()
    app.processEvents()
    shown = time.perf_counter()
    print(f"draft: {len(draft.blocks)} blocks, {total_words} words, {len(draft.footnotes)} footnotes")
    print("load average: " + " ".join(Path("/proc/loadavg").read_text().split()[:3]) if Path("/proc/loadavg").exists() else "")
    print(f"set_draft: {loaded - started:.2f} s; first show (layout/paint): {shown - loaded:.2f} s")

    text_edit = editor.text_edit
    text_edit.setFocus()
    results: dict[str, list[float]] = {}
    for place, fraction in (("start", 0.0), ("middle", 0.5), ("end", 0.999)):
        block = editor.bridge.document.findBlockByNumber(int(fraction * (len(draft.blocks) - 1)))
        cursor = QTextCursor(block)
        cursor.setPosition(block.position() + min(10, block.length() - 1))
        text_edit.setTextCursor(cursor)
        text_edit.ensureCursorVisible()
        app.processEvents()
        timings = []
        for index in range(args.keys):
            key = Qt.Key.Key_Return if index % 50 == 49 else Qt.Key.Key_A
            begin = time.perf_counter()
            QTest.keyClick(text_edit, key)
            app.processEvents()
            timings.append((time.perf_counter() - begin) * 1000)
        results[place] = timings
        backspace = []
        for _ in range(20):
            edit = text_edit.textCursor()
            edit.movePosition(QTextCursor.MoveOperation.StartOfBlock)
            text_edit.setTextCursor(edit)
            begin = time.perf_counter()
            QTest.keyClick(text_edit, Qt.Key.Key_Backspace)
            app.processEvents()
            backspace.append((time.perf_counter() - begin) * 1000)
        results[place + " merge"] = backspace

    for place, timings in results.items():
        print(
            f"keystroke latency at {place:13s}: p50 {statistics.median(timings):6.2f} ms  "
            f"p95 {percentile(timings, 0.95):6.2f} ms  max {max(timings):6.2f} ms  (n={len(timings)})"
        )
    fresh = editor.read_all_blocks()
    model = editor.draft().blocks
    in_sync = [(b.id, b.kind, b.level, b.content) for b in model] == [(b.id, b.kind, b.level, b.content) for b in fresh]
    print(f"model in step with the document after the run: {in_sync}")
    undo_start = time.perf_counter()
    while editor.undo_stack.canUndo():
        editor.undo_stack.undo()
    print(f"undo of all {editor.undo_stack.count()} steps: {time.perf_counter() - undo_start:.2f} s")

    # Baseline: a bare QTextEdit with the same text (no ids, kinds, footnotes or bridge).
    from PySide6.QtWidgets import QTextEdit

    bare = QTextEdit()
    bare.resize(900, 700)
    bare.show()
    bare.setPlainText("\n".join(block.text for block in draft.blocks))
    app.processEvents()
    for place, fraction in (("start", 0.0), ("middle", 0.5), ("end", 0.999)):
        block = bare.document().findBlockByNumber(int(fraction * (len(draft.blocks) - 1)))
        cursor = QTextCursor(block)
        cursor.setPosition(block.position() + min(10, block.length() - 1))
        bare.setTextCursor(cursor)
        app.processEvents()
        timings = []
        for _ in range(args.keys):
            begin = time.perf_counter()
            QTest.keyClick(bare, Qt.Key.Key_A)
            app.processEvents()
            timings.append((time.perf_counter() - begin) * 1000)
        print(
            f"bare QTextEdit baseline at {place:6s}: p50 {statistics.median(timings):6.2f} ms  "
            f"p95 {percentile(timings, 0.95):6.2f} ms  max {max(timings):6.2f} ms"
        )


if __name__ == "__main__":
    main()
