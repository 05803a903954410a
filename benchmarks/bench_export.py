"""Benchmark: export a 300-page note (~150 000 words, 500 footnotes) to DOCX, against pandoc.

    python benchmarks/bench_export.py [--pages 300] [--words 150000] [--footnotes 500] [--runs 3]

The note comes from `benchmarks/generate.py` (markdown in the seeds' style, imported through
the text importer). pandoc converts the same content, written as pandoc markdown with real
footnotes (`[^n]`), lists, headings and marks, to DOCX in the same run. Both write a file;
the figures are the median of `--runs` runs, wall-clock, and the ratio pandoc / Concordia.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from app.docx import export_note  # noqa: E402
from app.model import BlockKind, Draft, FootnoteRef, TextRun  # noqa: E402


def build_draft(pages: int, words: int, footnotes: int) -> Draft:
    from generate import make_large_draft

    draft = make_large_draft(pages, words, footnotes)
    draft.note.initials, draft.note.directorate = "MR/mdc", "JAI.B"
    return draft


def pandoc_markdown(draft: Draft) -> str:
    """The draft as pandoc markdown: same cover lines, blocks, marks and footnotes."""
    note = draft.note
    lines = ["Council of the\\", "European Union", "", f"{note.place}, {note.date}\\", "(OR. en)", "",
             f"**{note.full_number}**", "", "\\\n".join(note.codes), "", f"**{note.doc_type}**", "",
             f"From: {note.sender}\\", f"To: {note.recipient}\\", f"Subject: **{note.subject}**", "",
             note.intro, "", "\\newpage", "", "**ANNEX**", ""]
    numbers = {fid: n for n, fid in enumerate(draft.footnote_order(), 1)}
    numbered = 0
    for block in draft.blocks:
        text = _inline(block.content, numbers)
        if block.kind is BlockKind.TITLE:
            lines += [f"**{text}**", ""]
        elif block.kind is BlockKind.HEADING:
            lines += [f"## {text}", ""]
        elif block.kind is BlockKind.NUMBERED:
            numbered += 1
            lines += [f"{numbered}. {text}", ""]
        elif block.kind is BlockKind.LIST_ITEM:
            lines += ["    " * (max(block.level, 1) - 1) + f"- {text}", ""]
        else:
            lines += [text, ""]
    for fid, number in numbers.items():
        lines += [f"[^{number}]: {_escape(draft.footnotes[fid].text)}", ""]
    return "\n".join(lines)


def _escape(text: str) -> str:
    return "".join("\\" + ch if ch in "\\*_[]^~`<>#$" else ch for ch in text)


def _inline(content, numbers: dict[str, int]) -> str:
    out = []
    for item in content:
        if isinstance(item, FootnoteRef):
            out.append(f"[^{numbers[item.footnote_id]}]")
            continue
        assert isinstance(item, TextRun)
        text = _escape(item.text)
        if not text.strip():
            out.append(text)
            continue
        if item.superscript:
            text = "^" + text.replace(" ", "\\ ") + "^"
        if item.underline:
            text = f"[{text}]{{.underline}}"
        if item.italic:
            text = f"*{text}*"
        if item.bold:
            text = f"**{text}**"
        out.append(text)
    return "".join(out)


def timed(work) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def count_footnotes(path: Path) -> int:
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("word/footnotes.xml").decode("utf-8")
    return xml.count("<w:footnote ") - 2   # minus the two separators


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--words", type=int, default=150_000)
    parser.add_argument("--footnotes", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)

    draft = build_draft(args.pages, args.words, args.footnotes)
    words = sum(len(block.text.split()) for block in draft.blocks)
    print(f"note: {len(draft.blocks)} blocks, {words} words, {len(draft.footnote_order())} footnotes")
    pandoc = shutil.which("pandoc")
    with tempfile.TemporaryDirectory() as folder:
        folder_path = Path(folder)
        ours = folder_path / "concordia.docx"
        theirs = folder_path / "pandoc.docx"
        source = folder_path / "note.md"
        source.write_text(pandoc_markdown(draft), encoding="utf-8")
        concordia_times, pandoc_times = [], []
        for _ in range(args.runs):
            concordia_times.append(timed(lambda: export_note(draft, ours, "en")))
            if pandoc:
                pandoc_times.append(timed(lambda: subprocess.run(
                    [pandoc, "-f", "markdown", "-t", "docx", "-o", str(theirs), str(source)],
                    check=True)))
        ours_time = statistics.median(concordia_times)
        print(f"Concordia export_note: {ours_time:.2f} s  (runs: "
              f"{', '.join(f'{t:.2f}' for t in concordia_times)}; {ours.stat().st_size // 1024} KiB, "
              f"{count_footnotes(ours)} footnotes)")
        if not pandoc:
            print("pandoc: not installed, no comparison")
            return 0
        theirs_time = statistics.median(pandoc_times)
        print(f"pandoc markdown→docx: {theirs_time:.2f} s  (runs: "
              f"{', '.join(f'{t:.2f}' for t in pandoc_times)}; {theirs.stat().st_size // 1024} KiB, "
              f"{count_footnotes(theirs)} footnotes)")
        print(f"ratio pandoc / Concordia: {theirs_time / ours_time:.1f}× "
              f"({'faster' if ours_time < theirs_time else 'slower'} than pandoc)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
