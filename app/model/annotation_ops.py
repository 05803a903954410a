"""Operations on comments and reservations: invertible and serialisable like `ops.py`.

They are registered in the same registry (`operation_from_json` rebuilds them), so the
window's one undo history holds text edits and comment/reservation edits alike. Comments and
reservations travel inside an operation as their JSON form (`data`), which keeps every
operation a plain JSON object.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, TypeVar

from .annotations import (
    Anchor,
    AnchorSnapshot,
    Comment,
    CommentStatus,
    Reply,
    Reservation,
    ReservationStatus,
    Visibility,
    find_anchored,
    restore,
    span_words,
)
from .changes import Changes
from .draft import Draft
from .inline import content_length
from .ops import Operation

# Every operation here changes comments, replies, reservations, their anchors or the parties
# they name: `Changes.of_annotations(ids…)` names the comments and reservations each touches,
# so that a save rewrites only their rows (see app.model.changes, app.store.row_scope).

A = TypeVar("A", Comment, Reservation)


def check_anchor(draft: Draft, anchor: Anchor) -> None:
    """Raise ValueError (one sentence) when an anchor does not fit the draft."""
    if anchor.block_id is None:
        return
    block = draft.block(anchor.block_id)
    if anchor.start is None and anchor.end is None:
        return
    length = content_length(block.content)
    start, end = anchor.start, anchor.end
    if start is None or end is None or not 0 <= start <= end <= length:
        raise ValueError(
            f"span {start}-{end} does not fit paragraph {anchor.block_id}, "
            f"which is {length} characters long"
        )


def _comment(draft: Draft, comment_id: str) -> Comment:
    try:
        return draft.comments[comment_id]
    except KeyError:
        raise KeyError(f"no comment {comment_id!r}") from None


def _reservation(draft: Draft, reservation_id: str) -> Reservation:
    try:
        return draft.reservations[reservation_id]
    except KeyError:
        raise KeyError(f"no reservation {reservation_id!r}") from None


def _put(draft: Draft, items: dict[str, A], item: A, position: int | None, what: str) -> None:
    """Add a comment or reservation at `position` in its dict's order (the end when None, as
    undo of a removal needs it back where it was), after checking its id and anchor."""
    if item.id in items:
        raise ValueError(f"{what} {item.id} already exists")
    if not item.anchor.orphaned:
        check_anchor(draft, item.anchor)
        anchor = item.anchor
        if not item.quote and anchor.block_id is not None and anchor.start is not None:
            # remember the words it is on, to show them if a revision takes them away
            item.quote = span_words(draft.block(anchor.block_id).content,
                                    anchor.start, anchor.end or anchor.start)
    if position is None or position >= len(items):
        items[item.id] = item             # the usual case: no need to rebuild the order
        return
    pairs = list(items.items())
    pairs.insert(position, (item.id, item))
    items.clear()
    items.update(pairs)


def _take(items: dict[str, A], key: str, what: str) -> tuple[A, int]:
    """Remove a comment or reservation; returns it and the position it had."""
    if key not in items:
        raise KeyError(f"no {what} {key!r}")
    position = list(items).index(key)
    return items.pop(key), position


# -- comments -----------------------------------------------------------------------------

@dataclass
class AddComment(Operation):
    name: ClassVar[str] = "add_comment"
    data: dict                      # Comment.to_json()
    position: int | None = None  # where it goes back in the list on undo of a removal

    def apply(self, draft: Draft) -> Operation:
        comment = Comment.from_json(self.data)
        _put(draft, draft.comments, comment, self.position, "comment")
        return RemoveComment(comment.id)

    def changes(self) -> Changes:
        return Changes.of_annotations(self.data["id"])


@dataclass
class RemoveComment(Operation):
    name: ClassVar[str] = "remove_comment"
    comment_id: str

    def apply(self, draft: Draft) -> Operation:
        comment, position = _take(draft.comments, self.comment_id, "comment")
        return AddComment(comment.to_json(), position)

    def changes(self) -> Changes:
        return Changes.of_annotations(self.comment_id)


@dataclass
class EditComment(Operation):
    """Change a comment's text, drafting suggestion, delegation or visibility (None: unchanged)."""

    name: ClassVar[str] = "edit_comment"
    comment_id: str
    text: str | None = None
    suggestion: str | None = None
    party: str | None = None
    visibility: str | None = None

    def apply(self, draft: Draft) -> Operation:
        comment = _comment(draft, self.comment_id)
        inverse = EditComment(
            self.comment_id,
            comment.text if self.text is not None else None,
            comment.suggestion if self.suggestion is not None else None,
            comment.party if self.party is not None else None,
            comment.visibility.value if self.visibility is not None else None,
        )
        visibility = Visibility(self.visibility) if self.visibility is not None else None
        if self.text is not None:
            comment.text = self.text
        if self.suggestion is not None:
            comment.suggestion = self.suggestion
        if self.party is not None:
            comment.party = self.party
        if visibility is not None:
            comment.visibility = visibility
        return inverse

    def changes(self) -> Changes:
        return Changes.of_annotations(self.comment_id)


@dataclass
class SetCommentStatus(Operation):
    name: ClassVar[str] = "set_comment_status"
    comment_id: str
    status: str                     # a CommentStatus value

    def apply(self, draft: Draft) -> Operation:
        comment = _comment(draft, self.comment_id)
        status = CommentStatus(self.status)
        inverse = SetCommentStatus(self.comment_id, comment.status.value)
        comment.status = status
        return inverse

    def changes(self) -> Changes:
        return Changes.of_annotations(self.comment_id)


@dataclass
class AddReply(Operation):
    name: ClassVar[str] = "add_reply"
    comment_id: str
    data: dict                      # Reply.to_json()
    position: int | None = None

    def apply(self, draft: Draft) -> Operation:
        comment = _comment(draft, self.comment_id)
        reply = Reply.from_json(self.data)
        if any(existing.id == reply.id for existing in comment.replies):
            raise ValueError(f"reply {reply.id} already exists")
        index = len(comment.replies) if self.position is None else self.position
        comment.replies.insert(index, reply)
        return RemoveReply(self.comment_id, reply.id)

    def changes(self) -> Changes:
        return Changes.of_annotations(self.comment_id)


@dataclass
class RemoveReply(Operation):
    name: ClassVar[str] = "remove_reply"
    comment_id: str
    reply_id: str

    def apply(self, draft: Draft) -> Operation:
        comment = _comment(draft, self.comment_id)
        for index, reply in enumerate(comment.replies):
            if reply.id == self.reply_id:
                del comment.replies[index]
                return AddReply(self.comment_id, reply.to_json(), index)
        raise KeyError(f"no reply {self.reply_id!r}")

    def changes(self) -> Changes:
        return Changes.of_annotations(self.comment_id)


# -- reservations -------------------------------------------------------------------------

@dataclass
class AddReservation(Operation):
    name: ClassVar[str] = "add_reservation"
    data: dict                      # Reservation.to_json()
    position: int | None = None

    def apply(self, draft: Draft) -> Operation:
        reservation = Reservation.from_json(self.data)
        if not reservation.parties:
            raise ValueError("a reservation needs at least one party")
        _put(draft, draft.reservations, reservation, self.position, "reservation")
        return RemoveReservation(reservation.id)

    def changes(self) -> Changes:
        return Changes.of_annotations(self.data["id"])


@dataclass
class RemoveReservation(Operation):
    name: ClassVar[str] = "remove_reservation"
    reservation_id: str

    def apply(self, draft: Draft) -> Operation:
        reservation, position = _take(draft.reservations, self.reservation_id, "reservation")
        return AddReservation(reservation.to_json(), position)

    def changes(self) -> Changes:
        return Changes.of_annotations(self.reservation_id)


@dataclass
class SetReservationStatus(Operation):
    """Enter, maintain or lift a reservation."""

    name: ClassVar[str] = "set_reservation_status"
    reservation_id: str
    status: str                     # a ReservationStatus value

    def apply(self, draft: Draft) -> Operation:
        reservation = _reservation(draft, self.reservation_id)
        status = ReservationStatus(self.status)
        inverse = SetReservationStatus(self.reservation_id, reservation.status.value)
        reservation.status = status
        return inverse

    def changes(self) -> Changes:
        return Changes.of_annotations(self.reservation_id)


def lift_reservation(reservation_id: str) -> SetReservationStatus:
    return SetReservationStatus(reservation_id, ReservationStatus.LIFTED.value)


def maintain_reservation(reservation_id: str) -> SetReservationStatus:
    return SetReservationStatus(reservation_id, ReservationStatus.MAINTAINED.value)


# -- anchors ------------------------------------------------------------------------------

@dataclass
class SetAnchors(Operation):
    """Set several annotations' anchors at once (e.g. from `rederive_block_anchors`)."""

    name: ClassVar[str] = "set_anchors"
    anchors: AnchorSnapshot

    def apply(self, draft: Draft) -> Operation:
        previous: AnchorSnapshot = {}
        for key in self.anchors:  # all checked before any is set
            item = find_anchored(draft, key)
            if item is None:
                raise KeyError(f"no comment or reservation {key!r}")
            previous[key] = item.anchor.to_json()
        restore(draft, self.anchors)
        return SetAnchors(previous)

    def changes(self) -> Changes:
        return Changes.of_annotations(*self.anchors)


# -- parties added by the user ------------------------------------------------------------

@dataclass
class AddParty(Operation):
    name: ClassVar[str] = "add_party"
    data: dict                      # Party.to_json()

    def apply(self, draft: Draft) -> Operation:
        from .parties import Party, PartyRegistry

        party = PartyRegistry.for_draft(draft).add(Party.from_json(self.data))
        draft.parties[party.code] = party
        return RemoveParty(party.code)

    def changes(self) -> Changes:
        return Changes.of_annotations()  # a party: no comment or reservation


@dataclass
class RemoveParty(Operation):
    name: ClassVar[str] = "remove_party"
    code: str

    def apply(self, draft: Draft) -> Operation:
        party = draft.parties.pop(self.code)
        return AddParty(party.to_json())

    def changes(self) -> Changes:
        return Changes.of_annotations()  # a party: no comment or reservation
