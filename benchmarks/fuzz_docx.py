"""Fuzzing the DOCX reader with mutated corpus files: cases run, escapes, slowest case.

    python benchmarks/fuzz_docx.py [--cases 30000] [--seed 1] [--limit-seconds 10]

Every case must end in a Draft or a `DocxReadError` (one line) within the time limit; any
other exception is an escape, printed with its seed so it can be replayed.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import traceback
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from app.docx.reader import DocxReadError, read_docx  # noqa: E402
from tests.fuzz.mutate import mutate  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus" / "docx"


def corpus_files() -> list[bytes]:
    return [path.read_bytes() for path in sorted(CORPUS.glob("*.docx"))]


def run_case(sources: list[bytes], seed: int, folder: Path) -> tuple[str, float, str]:
    """("draft" | "refused" | "escape" | "slow", seconds, detail)."""
    rng = random.Random(seed)
    path = folder / f"case-{seed}.docx"
    path.write_bytes(mutate(rng.choice(sources), rng))
    start = time.perf_counter()
    try:
        read_docx(path)
        outcome, detail = "draft", ""
    except DocxReadError as error:
        outcome, detail = "refused", str(error)
        if "\n" in detail or not detail:
            outcome = "escape"
    except Exception as error:   # what the fuzz is looking for
        outcome = "escape"
        detail = f"{type(error).__name__}: {error} | " + traceback.format_exc().splitlines()[-3]
    finally:
        path.unlink()
    return outcome, time.perf_counter() - start, detail


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=30_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--limit-seconds", type=float, default=10.0)
    args = parser.parse_args(argv)
    sources = corpus_files()
    counts = {"draft": 0, "refused": 0, "escape": 0, "slow": 0}
    slowest = (0.0, -1)
    begun = time.perf_counter()
    with tempfile.TemporaryDirectory() as name:
        for seed in range(args.seed, args.seed + args.cases):
            outcome, seconds, detail = run_case(sources, seed, Path(name))
            if seconds > args.limit_seconds:
                outcome = "slow"
            counts[outcome] += 1
            slowest = max(slowest, (seconds, seed))
            if outcome in ("escape", "slow"):
                print(f"seed {seed}: {outcome} after {seconds:.2f} s: {detail}", flush=True)
    print(f"{args.cases} cases in {time.perf_counter() - begun:.0f} s: {counts['draft']} drafts, "
          f"{counts['refused']} refused, {counts['escape']} escapes, {counts['slow']} slow; "
          f"slowest {slowest[0]:.3f} s (seed {slowest[1]})")
    return 1 if counts["escape"] or counts["slow"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
