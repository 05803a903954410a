"""Agreed language in the editor: which blocks came from the library, and whether they still read so.

A block inserted from the clause library carries `origin` (the clause id, its wording at
insertion and where it was agreed). The margin shows a thin bar beside such a block: green
while it reads exactly as agreed, amber once the drafter departs from it. Hovering the bar
(or View ▸ Show Agreed Language Difference) shows the source and the word-by-word
difference: agreed words dropped struck out in red, new words underlined in green.

Keystroke cost: a block's state is cached against the identity of its content list (the
bridge gives an edited block a new list), so a repaint re-compares only blocks that changed,
and only blocks with an origin are compared at all. The word diff is computed on demand
(tooltip, status text), never while painting.
"""

from __future__ import annotations

import html
import re
from enum import Enum

from PySide6.QtGui import QColor

from app.compare.words import word_diff
from app.i18n import _
from app.model import Block

_WORD = re.compile(r"\w+", re.UNICODE)

AGREED_COLOUR = QColor(46, 125, 50)          # green: reads as agreed
DEPARTS_COLOUR = QColor(224, 150, 0)         # amber: the drafter changed agreed wording
MARKER_WIDTH = 3.0
MARKER_GAP = 9.0                             # from the marker to the text's left edge


class AgreedState(str, Enum):
    AGREED = "agreed"
    DEPARTS = "departs"


class AgreedMarks:
    """The agreed-language state of the blocks one editor shows, cached per block."""

    def __init__(self) -> None:
        # block id → (the content list compared, the origin compared, departs?)
        self._cache: dict[str, tuple[object, object, bool]] = {}
        self.comparisons = 0                 # how many blocks were actually compared (tests)

    def state(self, block: Block | None) -> AgreedState | None:
        """Agreed or departing, for a block inserted from an adopted text; None otherwise (a
        clause taken from drafts only is not agreed language: no mark)."""
        if block is None or block.origin is None or not block.origin.agreed:
            return None
        cached = self._cache.get(block.id)
        if cached is not None and cached[0] is block.content and cached[1] is block.origin:
            departs = cached[2]
        else:
            self.comparisons += 1
            departs = block.text != block.origin.text
            # Holding the list itself (not its id()) keeps its identity from being reused.
            self._cache[block.id] = (block.content, block.origin, departs)
        return AgreedState.DEPARTS if departs else AgreedState.AGREED

    def clear(self) -> None:
        self._cache.clear()


def colour_for(state: AgreedState) -> QColor:
    return DEPARTS_COLOUR if state is AgreedState.DEPARTS else AGREED_COLOUR


def difference(block: Block) -> list[tuple[int, str]]:
    """Agreed wording → current wording, word by word (empty without an origin)."""
    if block.origin is None:
        return []
    return word_diff(block.origin.text, block.text)


def words_changed(diff: list[tuple[int, str]]) -> int:
    """How many words a drafter changed: a replacement of two words by three counts three,
    a change of punctuation alone counts one."""
    total = 0
    deleted = inserted = 0
    changed = False
    for op, text in [*diff, (0, "")]:
        if op == 0:
            if changed:
                total += max(deleted, inserted, 1)
            deleted = inserted = 0
            changed = False
            continue
        changed = True
        count = len(_WORD.findall(text))
        if op < 0:
            deleted += count
        else:
            inserted += count
    return total


def diff_html(diff: list[tuple[int, str]]) -> str:
    """A word diff as HTML: agreed words dropped struck out in red, new words underlined green."""
    parts = []
    for op, text in diff:
        escaped = html.escape(text)
        if op < 0:
            parts.append(f"<span style='color:#b00020; text-decoration:line-through'>{escaped}</span>")
        elif op > 0:
            parts.append(f"<span style='color:#1b7f2a; text-decoration:underline'>{escaped}</span>")
        else:
            parts.append(escaped)
    return "".join(parts)


def source_label(block: Block) -> str:
    if block.origin is None:
        return ""
    return block.origin.source or block.origin.clause_id


def summary(block: Block | None) -> str:
    """One line for the status bar: "Agreed language from 6914/24 — 3 words changed"."""
    if block is None or block.origin is None:
        return ""
    source = source_label(block)
    if not block.origin.agreed:
        return _("Wording from a draft, not agreed language: {source}").format(source=source)
    if not block.departs_from_origin:
        return _("Agreed language from {source}").format(source=source)
    count = words_changed(difference(block))
    if count == 1:
        return _("Agreed language from {source} — 1 word changed").format(source=source)
    return _("Agreed language from {source} — {count} words changed").format(source=source, count=count)


def difference_html(block: Block | None) -> str:
    """The source and the word-by-word difference, for a tooltip or a panel ("" without origin)."""
    if block is None or block.origin is None:
        return ""
    if not block.origin.agreed:
        heading = html.escape(_("Wording from a draft ({source}), not agreed language.").format(
            source=source_label(block)))
        return f"<p><b>{heading}</b></p>"
    if not block.departs_from_origin:
        heading = html.escape(_("Agreed language ({source}), unchanged.").format(source=source_label(block)))
        return f"<p><b>{heading}</b></p>"
    heading = html.escape(_("Departs from agreed language ({source}):").format(source=source_label(block)))
    return f"<p><b>{heading}</b><br>{diff_html(difference(block))}</p>"

