"""The comparison as HTML for the compare view: an inline redline or two columns side by
side, filtered, with an anchor on every change so the view can step from one to the next.

Plain Python (the view only displays the result); additions are bold underlined, deletions
struck through, as in the Council marking.
"""

from __future__ import annotations

from html import escape

from app.i18n import _

from .redline import Comparison, Piece, Row, RowKind
from .to_text import row_heading
from .words import DELETE, EQUAL, FOOTNOTE_TOKEN, INSERT

FILTERS = ("all", "changes", "moves", "footnotes")
_INSERT = '<span style="font-weight:bold; text-decoration:underline; color:#0b5d1e">'
_DELETE = '<span style="text-decoration:line-through; color:#a40000">'
_NOTE = '<span style="font-style:italic; color:#555555">'


def shown_rows(comparison: Comparison, mode: str) -> list[int]:
    rows = comparison.rows
    if mode == "changes":
        return [i for i, r in enumerate(rows) if r.is_change or r.kind == RowKind.SPACING]
    if mode == "moves":
        return [i for i, r in enumerate(rows) if r.is_move]
    if mode == "footnotes":
        return []
    return list(range(len(rows)))


def change_anchors(comparison: Comparison, mode: str) -> list[str]:
    """Anchors of the changes a reader steps through (F7), in reading order."""
    anchors = [f"r{i}" for i in shown_rows(comparison, mode) if comparison.rows[i].is_change]
    if mode in ("all", "changes", "moves"):
        anchors += [f"s{i}" for i in range(len(comparison.sentence_moves))]
    if mode in ("all", "changes", "footnotes"):
        anchors += [f"f{i}" for i in range(len(comparison.footnotes))]
    if mode in ("all", "changes"):
        anchors += [f"c{i}" for i in range(len(comparison.fields))]
        anchors += [f"i{i}" for i in range(len(comparison.items))]
    return anchors


class _References:
    """The numbers of one row's footnote references, side by side (app.model.footnote_numbers):
    a reference in unchanged text is one in both versions, an added one only in the newer."""

    def __init__(self, comparison: Comparison, row: Row | None) -> None:
        self._marks = comparison.footnote_marks
        old = comparison.old_reference_numbers.get(row.old.id, []) if row and row.old else []
        new = comparison.new_reference_numbers.get(row.new.id, []) if row and row.new else []
        self._old, self._new = iter(old), iter(new)

    def mark(self, footnote_id: str, op: int) -> str:
        old = next(self._old, None) if op in (EQUAL, DELETE) else None
        new = next(self._new, None) if op in (EQUAL, INSERT) else None
        if new is not None:
            return str(new)
        if old is not None and op == DELETE:
            return f"({old})"
        return self._marks.get(footnote_id, "*")

    def skip(self, piece: Piece) -> None:
        for token in piece.tokens:
            if not isinstance(token, str) and token[0] == FOOTNOTE_TOKEN:
                self.mark(token[1], piece.op)


def _pieces_html(comparison: Comparison, pieces: list[Piece], keep: tuple[int, ...],
                 row: Row | None = None) -> str:
    parts = []
    references = _References(comparison, row)
    for piece in pieces:
        if piece.op not in keep:
            references.skip(piece)      # its references still take numbers on their side
            continue
        text = _tokens_html(comparison, piece.tokens, references, piece.op)
        if piece.op == INSERT:
            text = _INSERT + text + "</span>"
        elif piece.op == DELETE:
            text = _DELETE + text + "</span>"
        parts.append(text)
    return "".join(parts)


def _tokens_html(comparison: Comparison, tokens: list, references: _References | None = None,
                 op: int = EQUAL) -> str:
    """Tokens straight to HTML (a 300-page redline has some 300 000 of them)."""
    parts: list[str] = []
    words: list[str] = []
    for token in tokens:
        if isinstance(token, str):
            words.append(token)
        elif token[0] == FOOTNOTE_TOKEN:
            parts.append(escape("".join(words)))
            words.clear()
            mark = (references.mark(token[1], op) if references is not None
                    else comparison.footnote_marks.get(token[1], "*"))
            parts.append(f"<sup>{escape(mark)}</sup>")
        else:
            words.append(token[0])          # formatting is not shown in the redline view
    parts.append(escape("".join(words)))
    return "".join(parts)


def _label(row: Row) -> str:
    gone = row.kind in (RowKind.DELETED, RowKind.MOVED_AWAY)
    return escape(row.old_label if gone else row.new_label or row.old_label)


def _note(row: Row) -> str:
    if row.is_change or row.kind == RowKind.SPACING:
        return f" {_NOTE}[{escape(row_heading(row))}]</span>"
    return ""


def inline_html(comparison: Comparison, mode: str = "all") -> str:
    out = ["<html><body>"]
    for index in shown_rows(comparison, mode):
        row = comparison.rows[index]
        body = _pieces_html(comparison, row.pieces, (EQUAL, DELETE, INSERT), row)
        if row.kind == RowKind.MOVED_AWAY:
            body = _DELETE + escape(row.old.text if row.old else "") + "</span>"
        out.append(f'<p><a name="r{index}"></a><b>{_label(row)}</b>&nbsp; {body}{_note(row)}</p>')
    out += _extras(comparison, mode)
    out.append("</body></html>")
    return "\n".join(out)


def side_by_side_html(comparison: Comparison, mode: str = "all") -> str:
    out = ['<html><body><table width="100%" cellspacing="0" cellpadding="4" border="1" '
           'style="border-collapse:collapse">',
           f"<tr><th width='50%'>{escape(comparison.old_name)}</th>"
           f"<th width='50%'>{escape(comparison.new_name)}</th></tr>"]
    for index in shown_rows(comparison, mode):
        row = comparison.rows[index]
        left = right = ""
        if row.kind != RowKind.INSERTED and row.kind != RowKind.MOVED_HERE:
            left = f"<b>{escape(row.old_label)}</b> " + _pieces_html(
                comparison, row.pieces, (EQUAL, DELETE), row)
        if row.kind != RowKind.DELETED and row.kind != RowKind.MOVED_AWAY:
            right = f"<b>{escape(row.new_label)}</b> " + _pieces_html(
                comparison, row.pieces, (EQUAL, INSERT), row)
        if row.kind == RowKind.MOVED_AWAY:
            right = _NOTE + escape(row_heading(row)) + "</span>"
        if row.kind == RowKind.MOVED_HERE:
            left = _NOTE + escape(row_heading(row)) + "</span>"
        out.append(f'<tr><td valign="top"><a name="r{index}"></a>{left}</td>'
                   f'<td valign="top">{right}</td></tr>')
    out.append("</table>")
    out += _extras(comparison, mode)
    out.append("</body></html>")
    return "\n".join(out)


def _extras(comparison: Comparison, mode: str) -> list[str]:
    out: list[str] = []
    if mode in ("all", "changes", "moves") and comparison.sentence_moves:
        out.append(f"<h3>{escape(_('Moved sentences'))}</h3>")
        for index, move in enumerate(comparison.sentence_moves):
            where = _("from {old} to {new}").format(old=move.from_label, new=move.to_label)
            out.append(f'<p><a name="s{index}"></a><b>{escape(where)}</b>: '
                       f"{_NOTE}{escape(move.text)}</span></p>")
    if mode in ("all", "changes", "footnotes") and comparison.footnotes:
        out.append(f"<h3>{escape(_('Footnotes'))}</h3>")
        for index, change in enumerate(comparison.footnotes):
            number = change.new_number or change.old_number or "?"
            if change.pieces:
                body = _pieces_html(comparison, change.pieces, (EQUAL, DELETE, INSERT))
            elif change.kind == "added":
                body = _INSERT + escape(change.new_text) + "</span>"
            else:
                body = _DELETE + escape(change.old_text) + "</span>"
            out.append(f'<p><a name="f{index}"></a><b>{number}</b> {body} '
                       f"{_NOTE}[{escape(_(change.kind))}]</span></p>")
    if mode in ("all", "changes") and comparison.fields:
        out.append(f"<h3>{escape(_('Cover'))}</h3>")
        for index, change in enumerate(comparison.fields):
            out.append(f'<p><a name="c{index}"></a><b>{escape(change.field_name)}</b>: '
                       f"{_DELETE}{escape(str(change.old or ''))}</span> → "
                       f"{_INSERT}{escape(str(change.new or ''))}</span></p>")
    if mode in ("all", "changes") and comparison.items:
        out.append(f"<h3>{escape(_('Comments and reservations'))}</h3>")
        for index, item in enumerate(comparison.items):
            out.append(f'<p><a name="i{index}"></a>{escape(item.label)} '
                       f"{_NOTE}[{escape(item.kind)}]</span></p>")
    return out
