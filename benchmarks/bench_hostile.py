"""Benchmark: hostile inputs through the CLI routes — time, resident peak, and the outcome.

    python benchmarks/bench_hostile.py [--timeout 20] [--memory-mb 3000] [--only NAME …]

Each case runs `python -m app …` in a subprocess with a wall-clock timeout and an address-space
limit (so a runaway case cannot take the shared machine down); the child's ru_maxrss comes from
wait4. The outcome is "draft" (exit 0), "sentence" (exit 1, one line on stderr, no traceback),
"TRACEBACK", "TIMEOUT" or "MEMORY" (MemoryError under the limit). The sizes are the issue's.
"""

from __future__ import annotations

import argparse
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.fuzz import hostile  # noqa: E402

SEED = REPO.parent / "shared" / "seeds" / "000_b2393918b01108c9.txt"
CORPUS_DOCX = REPO.parent / "shared" / "corpus" / "docx" / "pandoc__notes.docx"


def cases(folder: Path) -> list[tuple[str, str, Path]]:
    """(name, route, file): route is out, version, language or library."""
    make = [
        ("png-renamed", "version", lambda: hostile.png_renamed(folder)),
        ("encrypted", "version", lambda: hostile.encrypted(folder)),
        ("truncated", "version", lambda: hostile.truncated(folder, CORPUS_DOCX)),
        ("zip-bomb-120MB", "version", lambda: hostile.zip_bomb(folder, 120)),
        ("bad-list-level", "version", lambda: hostile.bad_list_level(folder)),
        ("deep-nesting", "version", lambda: hostile.deep_nesting(folder)),
        ("large-part-60MB", "version", lambda: hostile.large_part(folder, 60)),
        ("lying-sizes-400MB", "version", lambda: hostile.lying_sizes(folder, 400)),
        ("deleted-marks-50k", "version", lambda: hostile.deleted_marks(folder, 50_000)),
        ("deleted-marks-100k", "version", lambda: hostile.deleted_marks(folder, 100_000)),
        ("docx-100k-paragraphs", "version", lambda: hostile.many_paragraphs_docx(folder)),
        ("md-tags-line-0.5MB", "out", lambda: hostile.markup_line(folder, 500)),
        ("md-stars-line-0.5MB", "out", lambda: hostile.markup_line(folder, 500, "*a ")),
        ("md-brackets-line-0.5MB", "out", lambda: hostile.markup_line(folder, 500, "[a ")),
        ("md-angles-line-0.5MB", "out", lambda: hostile.markup_line(folder, 500, "<a ")),
        ("md-nested-5000", "out", lambda: hostile.nested_markup(folder)),
        ("md-continued-100k", "out", lambda: hostile.continued_lines(folder)),
        ("md-tags-line-50MB", "out", lambda: hostile.markup_line(folder, 50 * 1024)),
        ("es-100k-paragraphs", "language", lambda: hostile.many_paragraphs(folder)),
        ("library-large-part-60MB", "library", lambda: hostile.large_part(folder, 60, seed=2)),
    ]
    return [(name, route, build) for name, route, build in make]


def command(route: str, source: Path, folder: Path, version: str = "V") -> list[str]:
    draft = folder / "draft.concordia"
    base = [sys.executable, "-m", "app"]
    if route == "out":
        return base + ["import", str(source), "--out", str(folder / "out.concordia"), "--force"]
    if route == "version":
        return base + ["import", str(source), "--into", str(draft), "--as-version", version]
    if route == "language":
        return base + ["import", str(source), "--into", str(draft), "--language", "es"]
    return base + ["library", "add", "--library", str(folder / "library.db"), str(source)]


def run_case(argv: list[str], timeout: float, memory_mb: int) -> tuple[str, float, int, str]:
    def limit() -> None:
        cap = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with tempfile.TemporaryFile() as err, tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        child = subprocess.Popen(argv, cwd=REPO, stdout=out, stderr=err, preexec_fn=limit, env=env)
        status = rusage = None
        while True:
            pid, status, rusage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - start > timeout:
                child.send_signal(signal.SIGKILL)
                _pid, status, rusage = os.wait4(child.pid, 0)
                child.returncode = -9
                break
            time.sleep(0.02)
        elapsed = time.perf_counter() - start
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    peak_mb = rusage.ru_maxrss // 1024
    code = os.waitstatus_to_exitcode(status) if child.returncode != -9 else -9
    lines = [line for line in stderr.splitlines() if line.strip()]
    if code == -9:
        outcome = "TIMEOUT"
    elif "MemoryError" in stderr:
        outcome = "MEMORY"
    elif "Traceback" in stderr:
        outcome = "TRACEBACK"
    elif code == 0:
        outcome = "draft"
    else:
        outcome = "sentence" if code == 1 else f"exit {code}"
    last = lines[-1] if lines else ""
    return outcome, elapsed, peak_mb, last[:150]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=20.0)
    parser.add_argument("--memory-mb", type=int, default=3000)
    parser.add_argument("--only", nargs="*", default=[])
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        draft = folder / "draft.concordia"
        subprocess.run([sys.executable, "-m", "app", "import", str(SEED), "--out", str(draft)],
                       cwd=REPO, check=True, capture_output=True)
        print(f"{'case':28} {'route':9} {'outcome':10} {'seconds':>8} {'peak MB':>8}  last stderr line")
        for name, route, build in cases(folder):
            if args.only and name not in args.only:
                continue
            source = build()
            outcome, seconds, peak, last = run_case(command(route, source, folder, name),
                                                    args.timeout, args.memory_mb)
            print(f"{name:28} {route:9} {outcome:10} {seconds:8.2f} {peak:8d}  {last}", flush=True)
            source.unlink()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
