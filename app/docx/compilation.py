"""The compilation of comments: the working-document table a Presidency circulates.

    report = export_compilation(draft, "comments.docx", language="es", comments="circulation")

One landscape table, its header repeated on every page: paragraph number, the paragraph's
text (in the export language), delegation, its comments and drafting suggestions (and its
outstanding reservations), and a column for the Presidency's response (filled with the
replies already entered). Rows follow the text; a paragraph's number and text are written
once, its cells merged down over its rows. Comments on the whole text come first; comments
whose text was deleted come last. The same comment modes as the note apply, so an internal
comment never reaches a compilation for circulation.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import docx
from lxml import etree

from app.i18n import _, translator
from app.model import Draft
from app.model.annotations import Comment, Reservation, ReservationKind, Visibility
from app.model.brackets import Bracket, current_alternatives
from app.model.inline import ANCHOR, anchored_text, plain_text
from app.model.numbering import paragraph_labels
from app.model.parties import PartyRegistry
from app.model.reservation_text import kind_name
from app.progress import Progress

from .comments import comments_for_export
from .localise import localise
from .ooxml import add_text, paragraph, run, sub, w
from .properties import internal_label, internal_warning, set_document_properties
from .writer import reference_document_path, save_atomically

#: Column widths in twips: landscape A4 (16 838) less margins of 1 134 each side.
WIDTHS = (1350, 4750, 1700, 4500, 2270)
GENERAL, DELETED = "general", "deleted"


@dataclass
class CompilationReport:
    path: Path
    language: str
    rows: int
    seconds: float
    warnings: list[str] = field(default_factory=list)


@dataclass
class Row:
    group: str                  # block id, GENERAL or DELETED
    delegation: str
    comment: list[str]          # paragraphs of the comments cell
    response: list[str]


def _labels(language: str) -> dict[str, str]:
    t = translator(language)
    return {
        # UNVERIFIED: title of a compilation of comments; not seen in a Council document.
        "title": t.pgettext("export", "Compilation of comments of delegations"),
        # UNVERIFIED: column heading of the compilation table.
        "paragraph": t.pgettext("export", "Paragraph"),
        # UNVERIFIED: column heading of the compilation table.
        "text": t.pgettext("export", "Text"),
        # UNVERIFIED: column heading of the compilation table.
        "delegation": t.pgettext("export", "Delegation"),
        # UNVERIFIED: column heading of the compilation table.
        "comments": t.pgettext("export", "Comments and drafting suggestions"),
        # UNVERIFIED: column heading of the compilation table.
        "response": t.pgettext("export", "Presidency response"),
        # UNVERIFIED: row label for comments on the whole text.
        "general": t.pgettext("export", "General"),
        # UNVERIFIED: row label for comments whose text was deleted since.
        "deleted": t.pgettext("export", "Text deleted"),
        # UNVERIFIED: label of a delegation's proposed wording inside a Word comment.
        "suggestion": t.pgettext("export", "Drafting suggestion: {text}"),
        # UNVERIFIED: an open square bracket listed in the compilation.
        "bracket": t.pgettext("export", "Square brackets: {text}"),
        # UNVERIFIED: the alternative that deletes a bracketed passage.
        "delete": t.pgettext("export", "delete"),
    }


def compilation_rows(draft: Draft, language: str, mode: str = "circulation",
                     registry: PartyRegistry | None = None) -> list[Row]:
    """The table's rows, in text order (see the module doc)."""
    registry = registry or PartyRegistry.for_draft(draft)
    labels = _labels(language)
    own_text = language == draft.language
    order = {block.id: index for index, block in enumerate(draft.blocks)}

    def group_of(anchor) -> str:
        if anchor.block_id is None:
            return GENERAL
        if anchor.orphaned or anchor.block_id not in order:
            return DELETED
        return anchor.block_id

    def sort_key(item) -> tuple:
        group = group_of(item.anchor)
        rank = -1 if group == GENERAL else len(order) if group == DELETED else order[group]
        return (rank, item.anchor.start or 0)

    items: list = list(comments_for_export(draft, mode))
    items += [r for r in draft.reservations.values() if r.outstanding]
    if own_text:     # square brackets live in the draft's own language
        items += [b for b in draft.brackets.values()
                  if not b.anchor.orphaned and b.anchor.block_id in order]
    rows = []
    for item in sorted(items, key=sort_key):
        if isinstance(item, Bracket):
            rows.append(_bracket_row(draft, item, registry, language, labels))
        elif isinstance(item, Comment):
            rows.append(_comment_row(draft, item, group_of(item.anchor), labels, registry,
                                     language, own_text))
        else:
            rows.append(_reservation_row(item, group_of(item.anchor), registry, language))
    return rows


def _comment_row(draft: Draft, comment: Comment, group: str, labels: dict, registry,
                 language: str, own_text: bool) -> Row:
    cell = []
    anchor = comment.anchor
    if own_text and anchor.scope == "span" and not anchor.orphaned:
        quoted = anchored_text(draft.block(anchor.block_id).content)[anchor.start:anchor.end]
        cell.append(f"«{quoted.replace(ANCHOR, '')}»")
    if comment.visibility == Visibility.INTERNAL:
        cell.append(f"{internal_label(language)} {comment.text}")
    else:
        cell.append(comment.text)
    if comment.suggestion:
        cell.append(labels["suggestion"].format(text=comment.suggestion))
    response = [reply.text if reply.party == "PRES"
                else f"{registry.name(reply.party, language)}: {reply.text}"
                for reply in comment.replies]
    return Row(group, _delegation(registry, comment.party, language), cell, response)


def _reservation_row(reservation: Reservation, group: str, registry, language: str) -> Row:
    codes = registry.protocol_order(reservation.parties, language)
    delegation = ", ".join(registry.label(code, language) for code in codes)
    if reservation.kind == ReservationKind.POSITION:
        text = reservation.wording(language)
    else:
        text = kind_name(reservation.kind, language)
        text = text[:1].upper() + text[1:]
    return Row(group, delegation, [text], [])


def _bracket_row(draft: Draft, bracket: Bracket, registry, language: str, labels: dict) -> Row:
    """An open square bracket: who proposed what, as the negotiators write it."""
    parts = []
    for alt in current_alternatives(draft, bracket):
        words = alt.text or labels["delete"]
        parts.append(f"{words} ({', '.join(alt.parties)})" if alt.parties else words)
    codes = registry.protocol_order(bracket.parties, language)
    delegation = ", ".join(registry.label(code, language) for code in codes)
    return Row(bracket.anchor.block_id or GENERAL, delegation,
               [labels["bracket"].format(text="[" + " / ".join(parts) + "]")], [])


def _delegation(registry: PartyRegistry, code: str, language: str) -> str:
    name = registry.name(code, language)
    return name if name == code else f"{name} ({code})"


# -- the document ---------------------------------------------------------------------------

def export_compilation(draft: Draft, path: Path | str, language: str = "en",
                       comments: str = "circulation",
                       progress: Progress | None = None) -> CompilationReport:
    started = time.perf_counter()
    progress = progress or Progress()
    local = localise(draft, language)
    texts = {block.id: plain_text(local_block.content)
             for block, local_block in zip(draft.blocks, local.blocks, strict=True)}
    numbers = dict(zip((block.id for block in draft.blocks), paragraph_labels(draft.blocks), strict=True))
    labels = _labels(language)
    rows = compilation_rows(draft, language, comments)
    internal = sum(c.visibility == Visibility.INTERNAL for c in comments_for_export(draft, comments))
    warnings = [internal_warning(internal)] if internal else []
    if internal:
        labels["title"] = f'{labels["title"]} {internal_label(language)}'
    progress.step(0, 2, _("Writing the compilation"))

    document = docx.Document(str(reference_document_path()))
    body = document.element.body
    sect_pr = body.find(w("sectPr"))
    _landscape(sect_pr)
    title = paragraph("Title")
    run(title, labels["title"])
    sect_pr.addprevious(title)
    heading = paragraph("Subtitle")
    run(heading, " – ".join(part for part in (draft.note.full_number, local.subject) if part))
    sect_pr.addprevious(heading)
    sect_pr.addprevious(_table(rows, texts, numbers, labels))
    sect_pr.addprevious(paragraph())
    set_document_properties(document, title=labels["title"], subject=local.subject,
                            language=language, internal=bool(internal))
    progress.step(1, 2, _("Saving"))
    target = Path(path)
    save_atomically(document, target, progress)
    progress.step(2, 2, _("Exported"))
    return CompilationReport(target, language, len(rows), time.perf_counter() - started, warnings)


def _landscape(sect_pr: etree._Element) -> None:
    size = sect_pr.find(w("pgSz"))
    if size is None:
        size = sub(sect_pr, "pgSz")
        sect_pr.insert(0, size)
    size.set(w("w"), "16838")
    size.set(w("h"), "11906")
    size.set(w("orient"), "landscape")
    margins = sect_pr.find(w("pgMar"))
    if margins is not None:
        for side in ("left", "right"):
            margins.set(w(side), "1134")


def _table(rows: list[Row], texts: dict[str, str], numbers: dict[str, str],
           labels: dict[str, str]) -> etree._Element:
    tbl = etree.Element(w("tbl"))
    props = sub(tbl, "tblPr")
    sub(props, "tblStyle", "TableGrid")
    sub(props, "tblW", w=str(sum(WIDTHS)), type="dxa")
    sub(props, "tblLayout", type="fixed")
    grid = sub(tbl, "tblGrid")
    for width in WIDTHS:
        sub(grid, "gridCol", w=str(width))
    header = sub(tbl, "tr")
    sub(sub(header, "trPr"), "tblHeader")
    for width, key in zip(WIDTHS, ("paragraph", "text", "delegation", "comments", "response"), strict=True):
        _cell(header, width, [labels[key]], bold=True, shade=True)
    previous = None
    for row in rows:
        first = row.group != previous
        previous = row.group
        if row.group == GENERAL:
            number, text = labels["general"], ""
        elif row.group == DELETED:
            number, text = labels["deleted"], ""
        else:
            number, text = numbers.get(row.group, ""), texts.get(row.group, "")
        tr = sub(tbl, "tr")
        sub(sub(tr, "trPr"), "cantSplit")
        merge = "restart" if first else "continue"
        _cell(tr, WIDTHS[0], [number] if first else [], merge=merge)
        _cell(tr, WIDTHS[1], [text] if first else [], merge=merge)
        _cell(tr, WIDTHS[2], [row.delegation], bold=True)
        _cell(tr, WIDTHS[3], row.comment)
        _cell(tr, WIDTHS[4], row.response)
    return tbl


def _cell(tr: etree._Element, width: int, lines: Iterable[str], *, bold: bool = False,
          shade: bool = False, merge: str | None = None) -> None:
    tc = sub(tr, "tc")
    props = sub(tc, "tcPr")
    sub(props, "tcW", w=str(width), type="dxa")
    if merge:
        sub(props, "vMerge", merge)
    if shade:
        sub(props, "shd", "clear", color="auto", fill="D9D9D9")
    lines = [line for line in lines if line] or [""]
    for line in lines:
        p = sub(tc, "p")
        r = run(p, bold=bold)
        if line:
            add_text(r, line)
