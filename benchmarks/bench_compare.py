"""Benchmark: comparing a 300-page draft with a revision (2 % of words edited, 20 paragraphs
moved), timed against `git diff --no-index --word-diff` and Python's difflib on words.

    python benchmarks/bench_compare.py [--words 150000] [--seed 7] [--difflib-budget 60]

The draft comes from `benchmarks/generate.py` (a 300-page note imported through the text
importer: footnotes, bold lead-ins, bullets) or, without it, from the seeds' vocabulary. difflib is run on the whole text when it fits the budget; otherwise on a
leading fraction, and the full time is extrapolated from two fractions (the exponent is
measured, not assumed) and reported as an estimate.
"""

from __future__ import annotations

import argparse
import copy
import math
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from difflib import SequenceMatcher
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from app.compare import compare_drafts, count  # noqa: E402
from app.model import Block, BlockKind, Draft, TextRun  # noqa: E402

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
WORDS_PER_PAGE = 500


def vocabulary() -> list[str]:
    words: list[str] = []
    for seed in sorted(SEEDS.glob("*.txt")):
        words += re.findall(r"[A-Za-zÀ-ÿ][\w'-]*", seed.read_text(encoding="utf-8"))
    return words or ["cooperation", "security", "drugs", "region", "partners"]


def make_draft(total_words: int, rng: random.Random) -> Draft:
    words = vocabulary()
    draft = Draft()
    written = 0
    while written < total_words:
        length = rng.randint(25, 120)
        sentence_words = [rng.choice(words) for _ in range(length)]
        text = " ".join(sentence_words)
        # Commas and a full stop, as in real clauses, so punctuation tokens exist.
        text = re.sub(r"(\w+) (\w+) (\w+) (\w+) (\w+) (\w+) (\w+)", r"\1 \2 \3 \4 \5, \6 \7",
                      text, count=2)
        draft.blocks.append(Block(BlockKind.NUMBERED, [TextRun(text[0].upper() + text[1:] + ";")]))
        written += length
    return draft


def make_revision(draft: Draft, rng: random.Random, share: float = 0.02,
                  moves: int = 20) -> tuple[Draft, int]:
    """Edit `share` of the words (replace, insert or delete one word each, inside the text runs
    so footnote references and formatting stay) and move `moves` paragraphs elsewhere."""
    revision = copy.deepcopy(draft)
    words = vocabulary()
    runs = [(b, r) for b, block in enumerate(revision.blocks)
            for r, item in enumerate(block.content)
            if isinstance(item, TextRun) and item.text.strip()]
    total = sum(len(revision.blocks[b].content[r].text.split()) for b, r in runs)
    edits = int(total * share)
    for _ in range(edits):
        b, r = rng.choice(runs)
        item = revision.blocks[b].content[r]
        tokens = item.text.split(" ")
        at = rng.randrange(len(tokens))
        action = rng.random()
        if action < 0.5:
            tokens[at] = rng.choice(words)
        elif action < 0.8:
            tokens.insert(at, rng.choice(words))
        elif len(tokens) > 3:
            del tokens[at]
        revision.blocks[b].content[r] = replace(item, text=" ".join(tokens))
    for _ in range(moves):
        block = revision.blocks.pop(rng.randrange(len(revision.blocks)))
        revision.blocks.insert(rng.randrange(len(revision.blocks) + 1), block)
    return revision, edits


def large_draft(total_words: int, rng: random.Random) -> tuple[Draft, str]:
    """The shared generator's 300-page note when it is there, else our own."""
    try:
        from generate import make_large_draft
    except ImportError:
        return make_draft(total_words, rng), "generated here from the seeds' vocabulary"
    pages = max(1, total_words // WORDS_PER_PAGE)
    return make_large_draft(pages=pages, words=total_words), "benchmarks/generate.py"


def time_concordia(old: Draft, new: Draft) -> tuple[float, object]:
    start = time.perf_counter()
    comparison = compare_drafts(old, new, "Rev 1", "Rev 2")
    return time.perf_counter() - start, comparison


def time_without_ids(old: Draft, new: Draft) -> tuple[float, int, int]:
    """Compare as if the revision came from a text file: same texts, no shared ids."""
    stripped = copy.deepcopy(new)
    truth = {}
    for index, block in enumerate(stripped.blocks):
        truth[index] = block.id
        block.id = f"new-{index}"
    start = time.perf_counter()
    comparison = compare_drafts(old, stripped, "Rev 1", "Rev 2")
    seconds = time.perf_counter() - start
    new_index = {block.id: i for i, block in enumerate(stripped.blocks)}
    right = sum(1 for row in comparison.rows
                if row.old is not None and row.new is not None
                and truth[new_index[row.new.id]] == row.old.id)
    return seconds, right, len(old.blocks)


def time_git(old_text: str, new_text: str) -> float | None:
    if not shutil.which("git"):
        return None
    with tempfile.TemporaryDirectory() as folder:
        a, b = Path(folder) / "rev1.txt", Path(folder) / "rev2.txt"
        a.write_text(old_text, encoding="utf-8")
        b.write_text(new_text, encoding="utf-8")
        start = time.perf_counter()
        subprocess.run(["git", "diff", "--no-index", "--word-diff", str(a), str(b)],
                       stdout=subprocess.DEVNULL, check=False)
        return time.perf_counter() - start


def _difflib(old_words: list[str], new_words: list[str]) -> float:
    start = time.perf_counter()
    SequenceMatcher(None, old_words, new_words, autojunk=False).get_opcodes()
    return time.perf_counter() - start


def time_difflib(old_text: str, new_text: str, budget: float) -> tuple[float, str]:
    old_words, new_words = old_text.split(), new_text.split()
    probe = 0.02
    samples = []
    while True:
        cut_old, cut_new = int(len(old_words) * probe), int(len(new_words) * probe)
        seconds = _difflib(old_words[:cut_old], new_words[:cut_new])
        samples.append((probe, seconds))
        if probe >= 1.0:
            return seconds, "measured on the whole text"
        if len(samples) >= 2:
            (f1, t1), (f2, t2) = samples[-2], samples[-1]
            exponent = math.log(max(t2, 1e-6) / max(t1, 1e-6)) / math.log(f2 / f1)
            spent = sum(t for _, t in samples)
            next_probe = min(1.0, probe * 2)
            if spent + t2 * (next_probe / f2) ** exponent > budget:
                estimate = t2 * (1.0 / f2) ** exponent
                return estimate, (f"ESTIMATED: measured {t1:.2f} s on {f1:.0%} and {t2:.2f} s "
                                  f"on {f2:.0%} of the words, growth exponent {exponent:.2f}; "
                                  f"at least {t2 / f2:.0f} s even if it grew only linearly")
        probe = min(1.0, probe * 2)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=300 * WORDS_PER_PAGE)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--difflib-budget", type=float, default=60.0)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    old, origin = large_draft(args.words, rng)
    new, edits = make_revision(old, rng)
    old_text = "\n".join(block.text for block in old.blocks) + "\n"
    new_text = "\n".join(block.text for block in new.blocks) + "\n"
    print(f"draft: {len(old.blocks)} paragraphs, {len(old_text.split())} words "
          f"(~{len(old_text.split()) // WORDS_PER_PAGE} pages); revision: {edits} word edits, "
          f"20 paragraphs moved; draft from {origin}")

    concordia_runs = [time_concordia(old, new) for _ in range(3)]
    concordia = min(seconds for seconds, _ in concordia_runs)
    figures = count(concordia_runs[0][1])
    git_runs = [time_git(old_text, new_text) for _ in range(3)]
    git = None if git_runs[0] is None else min(git_runs)
    difflib_seconds, difflib_note = time_difflib(old_text, new_text, args.difflib_budget)

    print(f"Concordia compare : {concordia:8.3f} s  (best of 3; {figures.changed} changed, "
          f"{figures.moved} moved detected)")
    if git is not None:
        print(f"git diff word-diff: {git:8.3f} s  (best of 3; moves not detected)")
    print(f"difflib on words  : {difflib_seconds:8.3f} s  ({difflib_note})")
    seconds, right, total = time_without_ids(old, new)
    print(f"Concordia, revision without ids (as imported from text): {seconds:.3f} s, "
          f"{right} of {total} paragraphs paired with the right one")
    if git:
        print(f"ratio Concordia / git    : {concordia / git:6.1f}x")
    print(f"ratio difflib / Concordia: {difflib_seconds / concordia:6.1f}x")
    if hasattr(os, "getloadavg"):
        print(f"load average during the run: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores "
              f"(the machine is shared: figures vary with it)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
