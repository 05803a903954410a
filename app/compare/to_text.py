"""The comparison as plain text for a terminal, marked the way `git diff --word-diff` does:
[-deleted-]{+inserted+}."""

from __future__ import annotations

from app.i18n import N_, _

from .redline import Comparison, Piece, Row, RowKind
from .summary import summary_line
from .words import DELETE, INSERT

#: The words `_(change.kind)` looks up, marked for extraction (a footnote was …).
_FOOTNOTE_CHANGES = (N_("added"), N_("removed"), N_("reworded"))


def marked(pieces: list[Piece]) -> str:
    parts = []
    for piece in pieces:
        if piece.op == DELETE:
            parts.append(f"[-{piece.text}-]")
        elif piece.op == INSERT:
            parts.append(f"{{+{piece.text}+}}")
        else:
            parts.append(piece.text)
    return "".join(parts)


def row_heading(row: Row) -> str:
    headings = {
        RowKind.CHANGED: _("{label} changed"),
        RowKind.SPACING: _("{label} spacing only"),
        RowKind.INSERTED: _("{label} inserted"),
        RowKind.DELETED: _("{label} deleted"),
        RowKind.UNCHANGED: _("{label} format changed"),
    }
    if row.kind == RowKind.MOVED_HERE:
        text = _("moved from {old} to {new}").format(old=row.old_label, new=row.new_label)
        return text + (" " + _("and changed") if row.words_changed else "")
    if row.kind == RowKind.MOVED_AWAY:
        return _("{old} moved away (now {new})").format(old=row.old_label, new=row.new_label)
    label = row.new_label or row.old_label
    if row.kind == RowKind.CHANGED and row.renumbered:
        label = f"{row.old_label} → {row.new_label}"
    return headings[row.kind].format(label=label)


def comparison_to_text(comparison: Comparison) -> str:
    lines = [f"{comparison.old_name} → {comparison.new_name}: {summary_line(comparison)}", ""]
    for row in comparison.rows:
        if not (row.is_change or row.kind == RowKind.SPACING):
            continue
        lines.append(row_heading(row))
        body = row.old.text if row.kind == RowKind.MOVED_AWAY and row.old else marked(row.pieces)
        lines.append("    " + body)
        lines.append("")
    for move in comparison.sentence_moves:
        lines.append(_("sentence moved from {old} to {new}").format(old=move.from_label,
                                                                    new=move.to_label))
        lines.append("    " + move.text)
        lines.append("")
    for change in comparison.footnotes:
        number = change.new_number or change.old_number or "?"
        lines.append(_("footnote {number} {change}").format(number=number, change=_(change.kind)))
        lines.append("    " + (marked(change.pieces) if change.pieces
                               else change.new_text or change.old_text))
        lines.append("")
    for field_change in comparison.fields:
        lines.append(_("cover field {name}: {old!r} → {new!r}").format(
            name=field_change.field_name, old=field_change.old, new=field_change.new))
    for item in comparison.items:
        lines.append(f"{item.section}: {item.kind}: {item.label}")
    return "\n".join(lines).rstrip() + "\n"
