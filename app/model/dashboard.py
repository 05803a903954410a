"""The state of the negotiation at a glance: what the dashboard pane and `concordia status`
show. Paragraph counts by status, open brackets with their alternatives and proponents,
outstanding reservations and open comments by party, the silence procedure, and one sentence
saying what is left before the text is clean. Every item names its block, so a view can go
there.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.i18n import _, format_long_date, ngettext, ui_language

from .annotations import CommentStatus
from .brackets import current_alternatives, open_brackets
from .draft import BlockKind, Draft
from .numbering import paragraph_labels
from .parties import PartyRegistry
from .reservation_text import kind_name
from .status import Effective, effective_statuses

ORDER = [Effective.AGREED, Effective.AD_REFERENDUM, Effective.PENDING, Effective.IN_BRACKETS,
         Effective.RESERVED]


@dataclass
class Item:
    """One line of the dashboard, on a block (None: the whole text)."""

    kind: str                    # "bracket", "reservation", "comment", "pending"
    block_id: str | None
    label: str                   # "¶ 5", "§ 3"
    text: str
    key: str = ""                # the bracket's, reservation's or comment's id
    parties: list[str] = field(default_factory=list)


@dataclass
class Dashboard:
    counts: dict[str, int]
    brackets: list[Item]
    reservations: dict[str, list[Item]]       # by party, protocol order
    comments: dict[str, int]                  # open comments by party
    pending: list[Item]                       # paragraphs pending or ad referendum
    silence: str = ""
    summary: str = ""

    def to_json(self) -> dict:
        def item(entry: Item) -> dict:
            return {"kind": entry.kind, "block": entry.block_id, "label": entry.label,
                    "text": entry.text, "id": entry.key, "parties": entry.parties}
        return {
            "paragraphs": self.counts,
            "brackets": [item(entry) for entry in self.brackets],
            "reservations": {party: [item(e) for e in items]
                             for party, items in self.reservations.items()},
            "comments_open": self.comments,
            "pending": [item(entry) for entry in self.pending],
            "silence": self.silence,
            "summary": self.summary,
        }


def _alternatives_text(draft: Draft, bracket, blocks: dict | None = None) -> str:
    parts = []
    for alt in current_alternatives(draft, bracket, blocks):
        words = alt.text or _("delete")
        parts.append(f"{words} ({', '.join(alt.parties)})" if alt.parties else words)
    return "[" + " / ".join(parts) + "]"


def build_dashboard(draft: Draft, language: str = "en") -> Dashboard:
    labels = dict(zip((b.id for b in draft.blocks), paragraph_labels(draft.blocks), strict=True))
    position = {block.id: index for index, block in enumerate(draft.blocks)}
    by_id = {block.id: block for block in draft.blocks}
    statuses = effective_statuses(draft)
    counts = {state.value: 0 for state in ORDER}
    headings = {b.id for b in draft.blocks if b.kind in (BlockKind.TITLE, BlockKind.HEADING)}
    for block_id, state in statuses.items():   # a title is not negotiated unless bracketed
        if block_id not in headings or state is Effective.IN_BRACKETS:
            counts[state.value] += 1
    brackets = sorted(open_brackets(draft), key=lambda b: (position[b.anchor.block_id or ""],
                                                           b.anchor.start or 0))
    bracket_items = [Item("bracket", b.anchor.block_id, labels[b.anchor.block_id or ""],
                          _alternatives_text(draft, b, by_id), b.id, b.parties) for b in brackets]
    registry = PartyRegistry.for_draft(draft)
    by_party: dict[str, list[Item]] = {}
    outstanding = [r for r in draft.reservations.values() if r.outstanding]
    for reservation in outstanding:
        label = labels.get(reservation.anchor.block_id or "", _("whole text"))
        for party in reservation.parties:
            by_party.setdefault(party, []).append(Item(
                "reservation", reservation.anchor.block_id, label,
                kind_name(reservation.kind, language), reservation.id, [party]))
    reservations = {party: by_party[party]
                    for party in registry.protocol_order(by_party, language)}
    comments: dict[str, int] = {}
    for comment in draft.comments.values():
        if comment.status == CommentStatus.OPEN:
            comments[comment.party] = comments.get(comment.party, 0) + 1
    comments = {party: comments[party] for party in registry.protocol_order(comments, language)}
    pending = []
    for block in draft.blocks:
        state = statuses[block.id]
        if state in (Effective.PENDING, Effective.AD_REFERENDUM) and block.id not in headings:
            parties = draft.statuses[block.id].parties if block.id in draft.statuses else []
            text = _("pending")
            if state is Effective.AD_REFERENDUM:
                text = _("agreed ad referendum") + (f" ({', '.join(parties)})" if parties else "")
            pending.append(Item("pending", block.id, labels[block.id], text,
                                parties=list(parties)))
    board = Dashboard(counts, bracket_items, reservations, comments, pending)
    board.silence = _silence_text(draft)
    board.summary = _summary(board, outstanding)
    return board


def _silence_text(draft: Draft) -> str:
    silence = draft.silence
    if silence is None:
        return ""
    when = _("{time} on {date}").format(
        time=silence.deadline.strftime("%H:%M"),
        date=format_long_date(silence.deadline.date(), ui_language()))
    if silence.broken:
        return _("Silence procedure until {when}: broken by {parties}.").format(
            when=when, parties=", ".join(silence.broken_by))
    return _("Silence procedure until {when}.").format(when=when)


def _summary(board: Dashboard, outstanding: list) -> str:
    """"4 paragraphs pending, 6 open brackets, 3 reservations (HU scrutiny ¶ 5, …)"."""
    parts = []
    pending = board.counts[Effective.PENDING.value] + board.counts[Effective.AD_REFERENDUM.value]
    if pending:
        parts.append(ngettext("{n} paragraph pending", "{n} paragraphs pending",
                              pending).format(n=pending))
    if board.brackets:
        parts.append(ngettext("{n} open bracket", "{n} open brackets",
                              len(board.brackets)).format(n=len(board.brackets)))
    if outstanding:
        details = [f"{party} {item.text} {item.label}"
                   for party, items in board.reservations.items() for item in items]
        shown = ", ".join(details[:3]) + (", …" if len(details) > 3 else "")
        parts.append(ngettext("{n} reservation ({details})", "{n} reservations ({details})",
                              len(outstanding)).format(n=len(outstanding), details=shown))
    if not parts:
        return _("The text is clean: every paragraph is agreed.")
    return ", ".join(parts) + "."
