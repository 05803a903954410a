"""Benchmark: a 300-page draft with 2 000 comments and 300 reservations.

    python benchmarks/bench_annotations.py [--comments 2000] [--reservations 300] [--keys 200]
                                           [--no-gui]

Prints: save/load time of the draft file, export time of the note (no comments / comments
for circulation / all), of the compilation of comments, and the editor's keystroke latency
(QTest key events, p50/p95/max) with all annotations loaded, their marks in the document and
the comments and reservations panes attached; also the time of one pane refresh.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from app.model import Draft, new_id  # noqa: E402
from app.model.annotations import (  # noqa: E402
    Anchor,
    Comment,
    CommentStatus,
    Reply,
    Reservation,
    ReservationKind,
    ReservationStatus,
    Visibility,
)
from app.model.inline import content_length  # noqa: E402
from app.model.parties import CELAC_STATES, MEMBER_STATES  # noqa: E402

REMARKS = ["Too strong; prefer 'note'.", "Delete.", "Add a reference to human rights.",
           "Reserve our position.", "Align with the 2023 Summit wording.", "Why here?",
           "Support the Presidency text.", "Move to the preamble."]


def annotate(draft: Draft, comments: int, reservations: int, seed: int = 3) -> None:
    rng = random.Random(seed)
    parties = MEMBER_STATES + CELAC_STATES[:10] + ["CELAC", "COM"]
    blocks = [b for b in draft.blocks if content_length(b.content) > 10]
    start_day = date(2024, 1, 10)
    for index in range(comments):
        block = rng.choice(blocks)
        length = content_length(block.content)
        start = rng.randrange(0, length - 5)
        end = min(length, start + rng.randint(3, 60))
        comment = Comment(
            new_id(), Anchor(block.id, start, end) if index % 10 else Anchor(block.id),
            rng.choice(parties), rng.choice(REMARKS),
            suggestion="alternative wording" if index % 4 == 0 else "",
            status=rng.choice(list(CommentStatus)),
            visibility=Visibility.INTERNAL if index % 5 == 0 else Visibility.CIRCULATION,
            date=start_day + timedelta(days=index % 40),
            replies=[Reply("PRES", "Noted.", start_day, new_id())] if index % 3 == 0 else [],
        )
        draft.comments[comment.id] = comment
    kinds = list(ReservationKind)
    for index in range(reservations):
        block = rng.choice(blocks)
        length = content_length(block.content)
        kind = rng.choice(kinds)
        if index % 50 == 0:
            anchor = Anchor(None)
        elif index % 3 == 0:
            start = rng.randrange(0, length - 5)
            anchor = Anchor(block.id, start, min(length, start + 20))
        else:
            anchor = Anchor(block.id)
        reservation = Reservation(
            new_id(), anchor, rng.sample(parties, rng.randint(1, 4)), kind,
            status=ReservationStatus.LIFTED if index % 7 == 0 else ReservationStatus.ENTERED,
            text_en="CELAC recalls its position on this paragraph." if kind == ReservationKind.POSITION else "",
        )
        draft.reservations[reservation.id] = reservation


def timed(label: str, action) -> float:
    begin = time.perf_counter()
    action()
    seconds = time.perf_counter() - begin
    print(f"{label:48s} {seconds:7.2f} s")
    return seconds


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def headless(draft: Draft, folder: Path) -> None:
    from app.docx import export_note
    from app.docx.compilation import export_compilation
    from app.store import load_draft, save_draft

    path = folder / "big.concordia"
    timed("save draft file", lambda: save_draft(draft, path))
    timed("load draft file", lambda: load_draft(path))
    plain = Draft(note=draft.note, blocks=draft.blocks, footnotes=draft.footnotes)
    timed("export note, no annotations (baseline)", lambda: export_note(plain, folder / "a.docx"))
    timed("export note, reservations, comments: none",
          lambda: export_note(draft, folder / "b.docx", comments="none"))
    timed("export note, comments: circulation",
          lambda: export_note(draft, folder / "c.docx", comments="circulation"))
    timed("export note, comments: all", lambda: export_note(draft, folder / "d.docx", comments="all"))
    timed("export compilation (circulation)",
          lambda: export_compilation(draft, folder / "e.docx", comments="circulation"))
    timed("export compilation (all)", lambda: export_compilation(draft, folder / "f.docx", comments="all"))


def gui(draft: Draft, keys: int, annotated: bool = True) -> None:
    """Type in the editor; `annotated=False` is the baseline: same text, no marks, no panes."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from app.ui.annotation_marks import AnnotationMarks
    from app.ui.comments_pane import CommentsPane
    from app.ui.editor import DraftEditor
    from app.ui.reservations_pane import ReservationsPane

    app = QApplication.instance() or QApplication([])
    import copy

    draft = copy.deepcopy(draft)
    if not annotated:
        draft.comments.clear()
        draft.reservations.clear()
    print("-- editor " + ("with 2 000 comments, marks and both panes" if annotated else
                          "baseline: same text, no annotations, no panes"))
    editor = DraftEditor()
    editor.resize(900, 700)
    editor.show()
    begin = time.perf_counter()
    editor.set_draft(draft)
    loaded = time.perf_counter()
    print(f"{'set_draft':48s} {loaded - begin:7.2f} s")
    widgets = [editor]
    if annotated:
        marks = AnnotationMarks(editor)
        painted = time.perf_counter()
        comments_pane = CommentsPane(editor, marks)
        reservations_pane = ReservationsPane(editor, marks)
        comments_pane.show()
        reservations_pane.show()
        widgets = [comments_pane, reservations_pane, editor]
        print(f"{'paint comment/reservation marks':48s} {painted - loaded:7.2f} s")
        timed("comments pane refresh", comments_pane.refresh)
        timed("reservations pane refresh", reservations_pane.refresh)
    app.processEvents()

    text_edit = editor.text_edit
    text_edit.setFocus()
    places = {"start": (editor.bridge.document.firstBlock(), 5),
              "middle": (editor.bridge.document.findBlockByNumber(len(draft.blocks) // 2), 10)}
    if annotated:
        commented = next(c for c in draft.comments.values() if c.anchor.scope == "span")
        qt_block = editor.bridge.qt_block(commented.anchor.block_id)
        places["inside a comment"] = (qt_block, (commented.anchor.start + commented.anchor.end) // 2)
    for place, (block, offset) in places.items():
        cursor = QTextCursor(block)
        cursor.setPosition(block.position() + min(offset, block.length() - 1))
        text_edit.setTextCursor(cursor)
        text_edit.ensureCursorVisible()
        app.processEvents()
        timings = []
        for index in range(keys):
            key = Qt.Key.Key_Return if index % 50 == 49 else Qt.Key.Key_A
            start = time.perf_counter()
            QTest.keyClick(text_edit, key)
            app.processEvents()
            timings.append((time.perf_counter() - start) * 1000)
        print(f"keystroke latency at {place:18s} p50 {statistics.median(timings):6.2f} ms  "
              f"p95 {percentile(timings, 0.95):6.2f} ms  max {max(timings):6.2f} ms  (n={len(timings)})")
    if annotated:
        live = sum(1 for c in editor.draft().comments.values() if not c.anchor.orphaned)
        print(f"comments still anchored after typing: {live} of {len(editor.draft().comments)}")
    # Tear the widgets down in order while the application still exists.
    for widget in widgets:
        widget.close()
        widget.deleteLater()
    app.processEvents()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comments", type=int, default=2000)
    parser.add_argument("--reservations", type=int, default=300)
    parser.add_argument("--keys", type=int, default=200)
    parser.add_argument("--no-gui", action="store_true")
    args = parser.parse_args()
    from generate import make_large_draft

    started = time.perf_counter()
    draft = make_large_draft()
    annotate(draft, args.comments, args.reservations)
    words = sum(len(b.text.split()) for b in draft.blocks)
    print(f"draft: {len(draft.blocks)} blocks, {words} words, {len(draft.footnotes)} footnotes, "
          f"{len(draft.comments)} comments, {len(draft.reservations)} reservations "
          f"(built in {time.perf_counter() - started:.1f} s)")
    with tempfile.TemporaryDirectory() as folder:
        headless(draft, Path(folder))
    if not args.no_gui:
        gui(draft, args.keys, annotated=False)
        gui(draft, args.keys, annotated=True)


if __name__ == "__main__":
    main()
