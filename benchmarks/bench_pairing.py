"""Pairing a 5 000-block draft with its Spanish text: the UDHR pair repeated, with one Spanish
paragraph in fifty removed, split or merged, so the band and the 1–2 / 2–1 links all work.

    python benchmarks/bench_pairing.py [BLOCKS]
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

from app.importer import import_text
from app.importer.pairing import pair_blocks

PARALLEL = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "parallel"


def _paragraphs(name: str) -> list[str]:
    return [p for p in (PARALLEL / name).read_text(encoding="utf-8").split("\n") if p.strip()]


def main(blocks: int = 5000) -> None:
    english, spanish = _paragraphs("parallel__udhr.en.txt"), _paragraphs("parallel__udhr.es.txt")
    repeat = blocks // len(english) + 1
    english, spanish = (english * repeat)[:blocks], (spanish * repeat)[:blocks]
    edited: list[str] = []
    for index, paragraph in enumerate(spanish):
        if index % 150 == 20:
            continue                                   # removed
        halves = re.split(r"(?<=\.) (?=[A-Z])", paragraph, maxsplit=1)
        if index % 150 == 70 and len(halves) == 2:
            edited.extend(halves)                      # split
        elif index % 150 == 120 and edited and len(edited[-1]) > 60:
            edited[-1] += " " + paragraph              # merged with the one before
        else:
            edited.append(paragraph)
    draft, _ = import_text("\n\n".join(english) + "\n")
    other, report = import_text("\n\n".join(edited) + "\n")
    start = time.perf_counter()
    links = pair_blocks(draft.blocks, other.blocks, report.block_numbers)
    elapsed = time.perf_counter() - start
    print(f"pairing {len(draft.blocks)} blocks with {len(other.blocks)}: {elapsed:.2f} s, "
          f"{len(links)} links")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5000)
