"""Commented and reserved words shown in the text, with the comment on hover.

A comment's span gets a background in its delegation's colour (the same colour for a party
in every draft and every session: it follows from the party code); an outstanding
reservation's span is underlined in the colour of its first party, so the two never look
alike. Hovering a span shows who said what. View ▸ Highlight Comments and Reservations
switches the colours off and on (remembered); the tooltips stay.

Spans come from the model anchors (`app.model.annotations`), which `AnnotationMarks` keeps in
step with the text; the painting is an extra-selection layer ("annotations") under Find's.
"""

from __future__ import annotations

import html
import zlib
from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from app.i18n import _
from app.model.annotations import Comment, Reservation, annotations
from app.model.inline import content_length
from app.model.parties import PartyRegistry

from .annotation_dialogs import KIND_NAMES, RESERVATION_STATUS_NAMES, status_label
from .annotation_marks import AnnotationMarks
from .editor.extra_selections import set_layer

if TYPE_CHECKING:
    from .editor.widget import DraftEditor
    from .main_window import MainWindow

#: Light backgrounds told apart at a glance; black text stays readable on each.
PALETTE = (
    (255, 224, 120),   # amber
    (160, 210, 255),   # sky
    (185, 235, 160),   # green
    (255, 185, 195),   # pink
    (215, 195, 255),   # lavender
    (255, 200, 150),   # apricot
    (150, 230, 220),   # teal
    (225, 225, 140),   # olive
    (245, 175, 245),   # orchid
    (200, 208, 222),   # slate
)
PALETTE_SIZE = len(PALETTE)
_TOOLTIP_CHARACTERS = 400


def _palette_colour(slot: int) -> QColor:
    return QColor(*PALETTE[slot % PALETTE_SIZE])


def preferred_slot(code: str) -> int:
    """The colour a party always asks for: it follows from its code alone."""
    return zlib.crc32(code.strip().upper().encode("utf-8")) % PALETTE_SIZE


def party_colours(codes: Iterable[str]) -> dict[str, QColor]:
    """The colour of each party of a draft: its preferred one, unless a party earlier in
    alphabetical order has it already; then the next free one (so, up to ten parties, two
    delegations never share a colour in one draft)."""
    taken: set[int] = set()
    colours: dict[str, QColor] = {}
    for code in sorted({code.strip().upper() for code in codes if code.strip()}):
        slot = preferred_slot(code)
        for step in range(PALETTE_SIZE):
            if (slot + step) % PALETTE_SIZE not in taken:
                slot = (slot + step) % PALETTE_SIZE
                break
        taken.add(slot)
        colours[code] = _palette_colour(slot)
    return colours


def party_colour(code: str) -> QColor:
    """A party's preferred colour (what it gets when no other party of the draft has it)."""
    return _palette_colour(preferred_slot(code))


class AnnotationHighlight(QObject):
    def __init__(self, editor: DraftEditor, enabled: bool = True) -> None:
        super().__init__(editor)
        self.editor = editor
        self.enabled = enabled
        self.marks = AnnotationMarks.for_editor(editor)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(60)
        self._timer.timeout.connect(self.refresh)
        # The editor's change notice (annotations moved with their words are reported as one):
        # annotations or the text of the blocks they are on; another draft at once.
        editor.changed.connect(self._on_changes)
        previous = editor.text_edit.tooltip_at
        editor.text_edit.tooltip_at = lambda point: previous(point) or self.tooltip_at(point)
        self.refresh()

    def set_enabled(self, flag: bool) -> None:
        self.enabled = flag
        self.refresh()

    def _on_changes(self, changes) -> None:
        if changes.everything:
            self.refresh()
        elif changes.touches(annotations=True, blocks=True):
            self.on_draft_changed()

    def on_draft_changed(self) -> None:
        """Something changed: paint again soon (one method, so change notices can call it)."""
        self._timer.start()

    # -- painting ------------------------------------------------------------------------------
    def spans(self) -> list[tuple[Comment | Reservation, str, int, int]]:
        """(annotation, block id, start, end) of every live span shown; an annotation on a
        whole paragraph covers all its words (as Word shows a comment on a paragraph)."""
        found = []
        draft = self.editor.draft()
        lengths: dict[str, int] | None = None
        for item in annotations(draft):
            anchor = item.anchor
            if anchor.orphaned or anchor.scope == "text":
                continue
            if isinstance(item, Reservation) and not item.outstanding:
                continue
            start, end = anchor.start, anchor.end
            if anchor.scope == "block":
                if lengths is None:
                    lengths = {block.id: content_length(block.content) for block in draft.blocks}
                start, end = 0, lengths.get(anchor.block_id, 0)
            if start is None or end is None or start >= end:
                continue
            found.append((item, anchor.block_id, start, end))
        return found

    def refresh(self) -> None:
        self._timer.stop()
        edit = self.editor.text_edit
        selections = []
        if self.enabled:
            document = edit.document()
            colours = self.colours()
            for item, block_id, start, end in self.spans():
                qt_block = self.editor.bridge.qt_block(block_id)
                if qt_block is None:
                    continue
                length = qt_block.length() - 1
                start, end = max(0, min(start, length)), max(0, min(end, length))
                if start >= end:
                    continue
                cursor = QTextCursor(document)
                cursor.setPosition(qt_block.position() + start)
                cursor.setPosition(qt_block.position() + end, QTextCursor.MoveMode.KeepAnchor)
                selection = QTextEdit.ExtraSelection()
                selection.cursor = cursor
                selection.format = self._format(item, colours)
                selections.append(selection)
            # Reservations after comments, so their underline shows over a comment's colour.
            selections.sort(key=lambda s: s.format.hasProperty(QTextCharFormat.Property.TextUnderlineStyle))
        set_layer(edit, "annotations", selections)

    def colours(self) -> dict[str, QColor]:
        """The colour of every party with a comment or reservation in the draft."""
        draft = self.editor.draft()
        codes = [c.party for c in draft.comments.values()]
        codes += [code for r in draft.reservations.values() for code in r.parties]
        return party_colours(codes)

    @staticmethod
    def _format(item: Comment | Reservation, colours: dict[str, QColor]) -> QTextCharFormat:
        fmt = QTextCharFormat()
        if isinstance(item, Comment):
            fmt.setBackground(colours.get(item.party.strip().upper(), party_colour(item.party)))
        else:
            first = (item.parties[0] if item.parties else "").strip().upper()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(colours.get(first, party_colour(first)).darker(300))
            fmt.setFontUnderline(True)
        return fmt

    # -- hovering ------------------------------------------------------------------------------
    def at(self, point: QPoint) -> list[Comment | Reservation]:
        """The annotations whose span holds the character under a viewport point."""
        edit = self.editor.text_edit
        layout = edit.document().documentLayout()
        offset = QPointF(edit.horizontalScrollBar().value(), edit.verticalScrollBar().value())
        position = layout.hitTest(QPointF(point) + offset, Qt.HitTestAccuracy.ExactHit)
        if position < 0:
            return []
        qt_block = edit.document().findBlock(position)
        from .editor.formats import block_id_of

        block_id = block_id_of(qt_block)
        inside = position - qt_block.position()
        return [item for item, key, start, end in self.spans()
                if key == block_id and start <= inside < end]

    def tooltip_at(self, point: QPoint) -> str:
        found = self.at(point)
        if not found:
            return ""
        draft = self.editor.draft()
        registry = PartyRegistry.for_draft(draft)
        language = draft.language
        parts = []
        for item in found:
            if isinstance(item, Comment):
                who = html.escape(registry.label(item.party, language))
                text = html.escape(_short(item.text)) or html.escape(_short(item.suggestion))
                parts.append(f"<b>{who}</b> · {html.escape(status_label(item.status))}<br>{text}")
            else:
                who = html.escape(", ".join(registry.label(code, language) for code in item.parties))
                kind = html.escape(_(KIND_NAMES[item.kind]).capitalize())
                status = html.escape(_(RESERVATION_STATUS_NAMES[item.status]))
                wording = html.escape(_short(item.wording(language)))
                parts.append(f"<b>{kind}</b>: {who} · {status}" + (f"<br>{wording}" if wording else ""))
        return "<hr>".join(parts)


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _TOOLTIP_CHARACTERS else flat[: _TOOLTIP_CHARACTERS - 1] + "…"


def install(window: MainWindow) -> AnnotationHighlight:
    """The highlight, and its View ▸ toggle (remembered in the settings)."""
    enabled = window.settings.highlight_annotations()
    highlight = AnnotationHighlight(window.editor, enabled)
    action = QAction(_("Highlight Co&mments and Reservations"), window)
    action.setObjectName("action_highlight_annotations")
    action.setCheckable(True)
    action.setChecked(enabled)

    def toggled(flag: bool) -> None:
        window.settings.set_highlight_annotations(flag)
        highlight.set_enabled(flag)

    action.toggled.connect(toggled)
    window.actions_by_name["highlight_annotations"] = action
    window.menus["view"].addAction(action)
    window.annotation_highlight = highlight
    return highlight
