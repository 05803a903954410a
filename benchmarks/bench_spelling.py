"""Spelling and backup figures on a 300-page draft (benchmarks/generate.py).

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_spelling.py [--keys 200]

Reports: words checked per second by the core checker (cold: every word looked up; warm:
cached), suggestion latency, the editor's load time and per-keystroke latency with spelling
on and off, and the time DraftSession.save takes with and without its backup.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.generate import make_large_draft  # noqa: E402


def checker_figures(draft) -> None:
    from app.model.inline import plain_text
    from app.spelling import PersonalDictionary, SpellChecker

    texts = [plain_text(block.content) for block in draft.blocks]
    words = sum(len(text.split()) for text in texts)
    checker = SpellChecker(personal=PersonalDictionary(Path(tempfile.mkdtemp()) / "w.txt"))
    checker.dictionary("en")
    for label in ("cold", "warm"):
        start = time.perf_counter()
        flagged = sum(len(checker.misspellings(text, "en")) for text in texts)
        elapsed = time.perf_counter() - start
        print(f"checker {label}: {words} words in {elapsed:.2f} s = {words / elapsed:,.0f} words/s "
              f"({flagged} flagged)")
    seeds = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    if seeds.is_dir():                       # real text: many distinct words, each looked up once
        text = "\n".join(path.read_text(encoding="utf-8") for path in sorted(seeds.glob("*.txt")))
        fresh = SpellChecker(personal=checker.personal)
        fresh.dictionary("en")
        start = time.perf_counter()
        flagged = len(fresh.misspellings(text, "en"))
        elapsed = time.perf_counter() - start
        print(f"checker on the seeds, cold: {len(text.split())} words in {elapsed:.3f} s = "
              f"{len(text.split()) / elapsed:,.0f} words/s")
    for word, language in (("negociacion", "es"), ("goverment", "en"), ("cooperatoin", "en")):
        start = time.perf_counter()
        found = checker.suggestions(word, language)
        print(f"suggest {word!r}: {1000 * (time.perf_counter() - start):.1f} ms -> {found[:3]}")


def editor_figures(draft, keys: int) -> None:
    import copy

    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from app.ui.editor import DraftEditor
    from app.ui.spell_highlight import SpellUnderline

    app = QApplication.instance() or QApplication([])
    for spelling in (False, True, False, True):   # alternated: the machine is shared
        editor = DraftEditor()
        editor.resize(900, 700)
        editor.show()
        underline = SpellUnderline(editor)
        underline.set_enabled(spelling)
        start = time.perf_counter()
        editor.set_draft(copy.deepcopy(draft))
        app.processEvents()
        underline.check_visible()
        app.processEvents()
        load = time.perf_counter() - start
        edit = editor.text_edit
        edit.setFocus()
        cursor = edit.textCursor()
        cursor.setPosition(edit.document().characterCount() // 2)
        edit.setTextCursor(cursor)
        edit.ensureCursorVisible()
        app.processEvents()
        times = []
        for index in range(keys):
            char = "goverment "[index % 10]
            begin = time.perf_counter()
            QTest.keyClicks(edit, char)
            app.processEvents()
            times.append(time.perf_counter() - begin)
        underline.check_visible()
        if spelling:
            bar = edit.verticalScrollBar()
            slices = []
            for fraction in (0.1, 0.3, 0.7, 0.9):
                bar.setValue(int(bar.maximum() * fraction))
                app.processEvents()
                begin = time.perf_counter()
                checked = underline.check_visible(budget=10)
                slices.append((checked, time.perf_counter() - begin))
            print("scroll to a new page, blocks on screen checked: " + ", ".join(
                f"{n} in {1000 * t:.0f} ms" for n, t in slices))
        times.sort()
        print(f"editor spelling {'on ' if spelling else 'off'}: load {load:.2f} s; keystroke p50 "
              f"{1000 * statistics.median(times):.1f} ms, p95 {1000 * times[int(len(times) * 0.95)]:.1f} ms, "
              f"max {1000 * times[-1]:.1f} ms")
        editor.deleteLater()
        app.processEvents()


def backup_figures(draft) -> None:
    import app.store.session as session_module
    from app.store import backups
    from app.store.session import DraftSession

    folder = Path(tempfile.mkdtemp())
    os.environ["XDG_DATA_HOME"] = str(folder / "data")
    path = folder / "large.concordia"
    session = DraftSession.new(draft)
    session.save(path)
    hook = session_module.backup_after_save
    for label, replacement in (("without backup", lambda target: None), ("with backup", hook)):
        session_module.backup_after_save = replacement
        times = []
        for _ in range(3):
            for item in backups.list_backups(path):
                item.path.unlink()              # so that a backup is due at each save
            start = time.perf_counter()
            session.save()
            times.append(time.perf_counter() - start)
        print(f"save {label}: {min(times):.3f} s (best of 3; file {path.stat().st_size / 1e6:.1f} MB)")
    session_module.backup_after_save = hook
    start = time.perf_counter()
    backups.take_backup(path)
    print(f"backup copy alone (SQLite backup API): {1000 * (time.perf_counter() - start):.0f} ms")
    session.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--keys", type=int, default=200)
    args = parser.parse_args(argv)
    draft = make_large_draft()
    print(f"draft: {len(draft.blocks)} blocks")
    checker_figures(draft)
    editor_figures(draft, args.keys)
    backup_figures(draft)
    return 0


if __name__ == "__main__":
    sys.exit(main())
