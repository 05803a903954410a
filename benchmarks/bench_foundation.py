"""Benchmark: the foundation on a 300-page note — import, save, open, file size, memory.

    python benchmarks/bench_foundation.py [--pages 300] [--words 150000] [--footnotes 500]

Times are measured without tracing; a second pass under tracemalloc gives the Python heap
peak of import + save + open. ru_maxrss is the process's resident peak (KiB on Linux).
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.importer import import_text  # noqa: E402
from app.store import load_draft, save_draft  # noqa: E402
from benchmarks.generate import make_large_markdown  # noqa: E402


def timed(function, *args):
    start = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - start


def run(pages: int, words: int, footnotes: int, seed: int) -> dict:
    text, generate_s = timed(make_large_markdown, pages, words, footnotes, seed)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "large.concordia"
        (draft, report), import_s = timed(import_text, text)
        _, save_s = timed(save_draft, draft, path)
        loaded, load_s = timed(load_draft, path)
        size = path.stat().st_size
        assert len(loaded.blocks) == len(draft.blocks)
        assert len(loaded.footnotes) == len(draft.footnotes) == footnotes
        tracemalloc.start()
        again, _ = import_text(text)
        save_draft(again, path)
        load_draft(path)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return {
        "source": f"{len(text) / 1e6:.1f} MB markdown, {text.count(chr(10)) + 1} lines",
        "draft": f"{len(draft.blocks)} blocks, {sum(len(b.text.split()) for b in draft.blocks)} "
                 f"words, {len(draft.footnotes)} footnotes, {len(report.warnings)} warnings",
        "generate": f"{generate_s:.2f} s",
        "import": f"{import_s:.2f} s",
        "save": f"{save_s:.2f} s",
        "open (load)": f"{load_s:.2f} s",
        "file size": f"{size / 1e6:.2f} MB",
        "tracemalloc peak (import+save+open)": f"{peak / 1e6:.1f} MB",
        "ru_maxrss (process)": f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB",
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--words", type=int, default=150_000)
    parser.add_argument("--footnotes", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    for name, value in run(args.pages, args.words, args.footnotes, args.seed).items():
        print(f"{name:38} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
