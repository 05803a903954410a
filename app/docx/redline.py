"""Word export of a comparison, through the note writer's annex hook.

Two styles:
- "council": Council marking. Additions bold underlined, deletions struck through, a moved
  paragraph struck where it was and marked "(moved from § 7)" where it is, and a sentence
  under the cover saying so (an export label of the catalog, flagged for a reviewer).
- "tracked": native tracked changes (`w:ins`/`w:del`, moves as `w:moveFrom`/`w:moveTo` with
  their range markers, author and date on each), which Word and LibreOffice accept or reject
  one by one.

The cover, numbering, footers and the footnotes part are the writer's own; this module only
renders the annex paragraphs and the footnote bodies from the comparison, so footnotes stay
real footnotes in both styles.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from pathlib import Path

from lxml import etree

from app.compare.redline import Comparison, FootnoteChange, Piece, Row, RowKind
from app.compare.words import DELETE, EQUAL, INSERT
from app.i18n import translator
from app.model import Draft, FootnoteRef, TextRun
from app.progress import Progress

from .annex import block_paragraph
from .footnotes import FootnoteCollector
from .labels import ExportLabels
from .localise import LocalBlock
from .ooxml import paragraph_properties, run, sub, text_paragraph, w

STYLES = ("council", "tracked")
# Children of w:rPr in the order the schema requires (Word rejects another order).
_RPR_ORDER = ["rStyle", "b", "i", "strike", "u", "vertAlign"]


def marking_sentence(language: str, previous: str) -> str:
    t = translator(language)
    # UNVERIFIED: the Council's own sentence was not seen (conventions §4, second-hand only).
    return t.pgettext(
        "export",
        "Changes to the previous version ({previous}) are marked: additions in bold "
        "underlined text, deletions in struck-through text.",
    ).format(previous=previous)


def moved_note(language: str, moved_from: bool, label: str) -> str:
    t = translator(language)
    if moved_from:
        # UNVERIFIED: Council wording for a moved paragraph not seen.
        return t.pgettext("export", "(moved from {label})").format(label=label)
    # UNVERIFIED: as above.
    return t.pgettext("export", "(moved to {label})").format(label=label)


class _Marks:
    """Makes runs deleted or inserted, in one of the two styles; numbers tracked changes."""

    def __init__(self, style: str, author: str, when: str) -> None:
        self.style, self.author, self.when = style, author, when
        self._next = 100

    def next_id(self) -> str:
        self._next += 1
        return str(self._next)

    def change(self, parent: etree._Element, name: str) -> etree._Element:
        return sub(parent, name, id=self.next_id(), author=self.author, date=self.when)

    def container(self, parent: etree._Element, op: int, moving: str | None = None):
        """Where runs of a piece go: the paragraph itself or a w:ins / w:del / w:move*."""
        if self.style != "tracked" or (op == EQUAL and moving is None):
            return parent
        if moving is not None:
            return self.change(parent, moving)
        return self.change(parent, "del" if op == DELETE else "ins")

    def mark_paragraph(self, p: etree._Element, name: str) -> None:
        """Track the paragraph mark itself (w:ins / w:del / w:moveFrom / w:moveTo)."""
        props = paragraph_properties(p)
        rpr = props.find(w("rPr"))
        if rpr is None:
            rpr = sub(props, "rPr")
        self.change(rpr, name)


def _set_run_props(r: etree._Element, **flags: bool) -> None:
    """Add formatting flags to a run, keeping w:rPr children in schema order."""
    rpr = r.find(w("rPr"))
    if rpr is None:
        rpr = etree.Element(w("rPr"))
        r.insert(0, rpr)
    for name, on in flags.items():
        if on and rpr.find(w(name)) is None:
            if name == "u":
                sub(rpr, "u", "single")
            else:
                sub(rpr, name)
    rpr[:] = sorted(rpr, key=lambda child: _RPR_ORDER.index(etree.QName(child).localname)
                    if etree.QName(child).localname in _RPR_ORDER else len(_RPR_ORDER))


def _deleted_text(r: etree._Element) -> None:
    for t in r.iter(w("t")):
        t.tag = w("delText")


class MarkedFootnotes(FootnoteCollector):
    """The writer's footnotes part, with reworded footnote texts marked like the annex."""

    def __init__(self, texts: dict[str, str], changes: dict[str, FootnoteChange],
                 marks: _Marks) -> None:
        super().__init__(texts)
        self._changes = changes
        self._marks = marks
        self._ids: list[str] = []

    def reference(self, parent: etree._Element, footnote_id: str) -> int:
        self._ids.append(footnote_id)
        return super().reference(parent, footnote_id)

    def element(self) -> etree._Element:
        root = super().element()
        by_number = {str(n): fid for n, fid in enumerate(self._ids, start=1)}
        for note in root.iter(w("footnote")):
            change = self._changes.get(by_number.get(note.get(w("id")), ""))
            if change is None:
                continue
            p = note.find(w("p"))
            body = p.findall(w("r"))[-1]        # the writer's text run (tab + text)
            if change.kind in ("added", "removed"):
                # A footnote new or gone as a whole (a reservation entered or lifted …).
                self._mark_whole(body, INSERT if change.kind == "added" else DELETE)
                continue
            if change.kind != "reworded":
                continue
            for t in body.findall(w("t")):
                body.remove(t)
            _write_pieces(p, change.pieces, self._marks, None)
        return root

    def _mark_whole(self, body: etree._Element, op: int) -> None:
        if self._marks.style == "council":
            _set_run_props(body, **({"b": True, "u": True} if op == INSERT else {"strike": True}))
            return
        container = self._marks.container(body.getparent(), op)   # appended after the run
        body.addprevious(container)
        container.append(body)
        if op == DELETE:
            _deleted_text(body)


def _write_pieces(p: etree._Element, pieces: list[Piece], marks: _Marks,
                  footnotes: FootnoteCollector | None) -> None:
    for index, piece in enumerate(pieces):
        if (marks.style == "council" and index and piece.op == INSERT
                and pieces[index - 1].op == DELETE
                and not pieces[index - 1].text[-1:].isspace() and not piece.text[:1].isspace()):
            run(p, " ")       # "aligning aiming", not "aligningaiming", when marks are printed
        _write_piece(p, piece, marks, footnotes)


def _write_piece(p: etree._Element, piece: Piece, marks: _Marks,
                 footnotes: FootnoteCollector | None, moving: str | None = None,
                 force_op: int | None = None) -> None:
    op = piece.op if force_op is None else force_op
    parent = marks.container(p, op, moving)
    for item in piece.content:
        if isinstance(item, FootnoteRef):
            if footnotes is None:
                continue
            footnotes.reference(parent, item.footnote_id)
            r = parent[-1]
        else:
            assert isinstance(item, TextRun)
            r = run(parent, item.text, bold=item.bold, italic=item.italic,
                    underline=item.underline, superscript=item.superscript)
        if op == DELETE or moving == "moveFrom":
            if marks.style != "tracked":
                _set_run_props(r, strike=True)
            elif moving != "moveFrom":        # moved text stays w:t, as Word writes it
                _deleted_text(r)
        elif op == INSERT and marks.style == "council":
            _set_run_props(r, b=True, u=True)


class RedlineAnnex:
    """The annex renderer the note writer calls instead of its plain one."""

    def __init__(self, comparison: Comparison, style: str, language: str, author: str,
                 when: str) -> None:
        if style not in STYLES:
            raise ValueError(f"unknown marking style {style!r}")
        self.comparison = comparison
        self.style = style
        self.language = language
        self.marks = _Marks(style, author, when)
        self.block_count = len(comparison.rows)

    # -- the writer's hook -------------------------------------------------------------
    def after_cover(self, labels: ExportLabels) -> list[etree._Element]:
        if self.style != "council":
            return []
        return [text_paragraph("IntroText", marking_sentence(self.language,
                                                             self.comparison.old_name))]

    def footnotes(self, texts: dict[str, str]) -> FootnoteCollector:
        merged = {**self.comparison.old_footnotes, **self.comparison.new_footnotes}
        changes = {change.footnote_id: change for change in self.comparison.footnotes}
        return MarkedFootnotes(merged, changes, self.marks)

    def paragraphs(self, footnotes: FootnoteCollector,
                   on_block: Callable[[int], None] | None = None) -> Iterator[etree._Element]:
        for index, row in enumerate(self.comparison.rows):
            if on_block is not None:
                on_block(index)
            yield self._paragraph(row, footnotes)

    # -- rows --------------------------------------------------------------------------
    def _paragraph(self, row: Row, footnotes: FootnoteCollector) -> etree._Element:
        block = row.block
        p = block_paragraph(LocalBlock(block.kind, block.level, []), footnotes)
        tracked = self.style == "tracked"
        if row.kind == RowKind.MOVED_AWAY:
            if tracked:
                self._move(p, row, "moveFrom", lambda: [
                    _write_piece(p, piece, self.marks, footnotes, "moveFrom")
                    for piece in row.pieces])
            else:
                self._struck_number(p, row)
                for piece in row.pieces:
                    _write_piece(p, piece, self.marks, footnotes, force_op=DELETE)
                self._note(p, moved_note(self.language, False, row.new_label))
            return p
        if row.kind == RowKind.MOVED_HERE:
            if tracked:
                # Deleted words are in the moveFrom text; here only what reads now.
                def write() -> None:
                    for piece in row.pieces:
                        if piece.op == EQUAL:
                            _write_piece(p, piece, self.marks, footnotes, "moveTo")
                        elif piece.op == INSERT:
                            _write_piece(p, piece, self.marks, footnotes)
                self._move(p, row, "moveTo", write)
            else:
                _write_pieces(p, row.pieces, self.marks, footnotes)
                self._note(p, moved_note(self.language, True, row.old_label))
            return p
        if not tracked and row.kind == RowKind.DELETED:
            self._struck_number(p, row)
        _write_pieces(p, row.pieces, self.marks, footnotes)
        if tracked and row.kind == RowKind.INSERTED:
            self.marks.mark_paragraph(p, "ins")
        elif tracked and row.kind == RowKind.DELETED:
            self.marks.mark_paragraph(p, "del")
        return p

    def _move(self, p: etree._Element, row: Row, name: str, write: Callable[[], object]) -> None:
        self.marks.mark_paragraph(p, name)
        range_id = self.marks.next_id()
        start = sub(p, f"{name}RangeStart", id=range_id, author=self.marks.author,
                    date=self.marks.when)
        start.set(w("name"), f"move{row.block.id}")     # pairs the two ends of one move
        write()
        sub(p, f"{name}RangeEnd", id=range_id)

    def _struck_number(self, p: etree._Element, row: Row) -> None:
        """A paragraph that is gone keeps its old number, struck, as text; it leaves the
        Word numbering so the paragraphs that remain carry the newer version's numbers."""
        num_pr = paragraph_properties(p).find(w("numPr"))
        if num_pr is None or not row.old_label.startswith("§"):
            return
        num_pr.find(w("numId")).set(w("val"), "0")       # numId 0: no numbering
        # The hanging indent the numbering gave (templates/make_reference.py), kept by hand.
        num_pr.addnext(etree.Element(w("ind"), {w("left"): "567", w("hanging"): "567"}))
        r = run(p, row.old_label.removeprefix("§ ") + ".\t")
        _set_run_props(r, strike=True)

    def _note(self, p: etree._Element, text: str) -> None:
        run(p, " " + text, italic=True)


def tracked_date(created: str | None) -> str:
    """w:date wants UTC as "2026-11-23T17:53:36Z"."""
    moment = datetime.fromisoformat(created) if created else datetime.now(timezone.utc)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def export_comparison(comparison: Comparison, newer: Draft, path: Path | str,
                      style: str = "council", language: str | None = None,
                      author: str = "Concordia", date: str | None = None,
                      progress: Progress | None = None):
    """Write the comparison as a note (the newer version's cover) to `path`; returns the
    writer's ExportReport."""
    from .writer import export_note

    language = language or newer.language
    annex = RedlineAnnex(comparison, style, language, author or "Concordia", tracked_date(date))
    return export_note(newer, path, language, progress, annex=annex)


def export_versions(older: Draft, newer: Draft, path: Path | str, old_name: str,
                    new_name: str, style: str = "council", language: str | None = None,
                    author: str = "Concordia", date: str | None = None,
                    progress: Progress | None = None):
    """Compare two versions as the Word file shows them and write it; returns
    (comparison, ExportReport).

    Both texts are taken in the export language (a Spanish redline has a Spanish annex;
    a version without its Spanish text is refused) with their outstanding reservations as
    footnotes, so a reservation entered or lifted between them is a footnote inserted or
    deleted, and those still standing are footnotes as in the note export.
    """
    from app.compare import compare_drafts
    from app.compare.texts import export_text
    from app.store.versions import CURRENT

    language = language or newer.language

    def shown(name: str) -> str:
        return "" if name.strip().lower() == CURRENT else name

    old_text = export_text(older, language, shown(old_name))
    new_text = export_text(newer, language, shown(new_name))
    comparison = compare_drafts(old_text, new_text, old_name, new_name, progress)
    report = export_comparison(comparison, newer, path, style=style, language=language,
                               author=author, date=date, progress=progress)
    return comparison, report
