"""Run every benchmark in turn and print its figures (`make bench`).

Each script generates its own large input (a 300-page declaration, a 100 000-clause library …)
and prints what it measured. They run one after another, never in parallel, so that on a
2-core machine one does not disturb another's timings.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = [
    "bench_foundation.py",   # import, save, open, memory (issue 3)
    "bench_editor.py",       # load and keystroke latency in the editor
    "bench_export.py",       # DOCX export against pandoc (issue 4)
    "bench_annotations.py",  # export with 2 000 comments and 300 reservations (issue 6)
    "bench_compare.py",      # comparison against git and difflib (issue 7)
    "bench_library.py",      # 100 000 clauses: import, search, precedents, grep (issue 5)
    "bench_brackets.py",     # 500 square brackets: import, dashboard, export, window (issue 15)
]


def main() -> int:
    failures = 0
    for name in sys.argv[1:] or SCRIPTS:
        print(f"\n=== {name} ===", flush=True)
        started = time.perf_counter()
        result = subprocess.run([sys.executable, str(HERE / name)], cwd=HERE.parent)
        print(f"--- {name}: {time.perf_counter() - started:.1f} s, exit {result.returncode}")
        failures += result.returncode != 0
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
