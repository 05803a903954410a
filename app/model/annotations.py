"""Delegations' comments and reservations, and how their anchors follow the text.

An anchor is a span of one block (`start`/`end` offsets counted like `app.model.inline`: a
footnote reference counts one), a whole block (`start is None`) or the whole text
(`block_id is None`). The text operations in `ops.py` call the `map_*` functions below so an
anchor moves with every edit; each such operation records the previous anchors of the blocks
it touched (`snapshot`) and its inverse puts them back (`restore`), so undo is exact. An anchor
whose text was deleted is kept and marked `orphaned`, never dropped, and comes back on undo.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING

from .inline import ANCHOR, Inline, anchored_text

if TYPE_CHECKING:
    from .draft import Draft


class CommentStatus(str, Enum):
    OPEN = "open"
    TAKEN = "taken"            # taken on board
    NOT_TAKEN = "not_taken"
    WITHDRAWN = "withdrawn"


class Visibility(str, Enum):
    INTERNAL = "internal"          # our side only: never leaves in a circulated document
    CIRCULATION = "circulation"


class ReservationKind(str, Enum):
    SCRUTINY = "scrutiny"
    PARLIAMENTARY_SCRUTINY = "parliamentary_scrutiny"
    LINGUISTIC = "linguistic"
    GENERAL = "general"
    SUBSTANTIVE = "substantive"
    POSITION = "position"          # a position statement with its own wording


class ReservationStatus(str, Enum):
    ENTERED = "entered"
    MAINTAINED = "maintained"
    LIFTED = "lifted"


@dataclass
class Anchor:
    block_id: str | None = None     # None: the whole text
    start: int | None = None        # None: the whole block
    end: int | None = None
    orphaned: bool = False             # its text (or block) was deleted

    @property
    def scope(self) -> str:
        if self.block_id is None:
            return "text"
        return "block" if self.start is None else "span"

    def copy(self) -> Anchor:
        return Anchor(self.block_id, self.start, self.end, self.orphaned)

    def to_json(self) -> dict:
        return {
            "block_id": self.block_id,
            "start": self.start,
            "end": self.end,
            "orphaned": self.orphaned,
        }

    @classmethod
    def from_json(cls, data: dict) -> Anchor:
        return cls(data.get("block_id"), data.get("start"), data.get("end"),
                   bool(data.get("orphaned", False)))


def _date_json(value: date) -> str:
    return value.isoformat()


@dataclass
class Reply:
    party: str
    text: str
    date: date = field(default_factory=date.today)
    id: str = ""

    def to_json(self) -> dict:
        return {"id": self.id, "party": self.party, "text": self.text,
                "date": _date_json(self.date)}

    @classmethod
    def from_json(cls, data: dict) -> Reply:
        return cls(data["party"], data["text"], date.fromisoformat(data["date"]), data["id"])


@dataclass
class Comment:
    id: str
    anchor: Anchor
    party: str                          # the delegation's code
    text: str
    suggestion: str = ""                # a drafting suggestion (proposed wording), if any
    status: CommentStatus = CommentStatus.OPEN
    visibility: Visibility = Visibility.CIRCULATION
    date: date = field(default_factory=date.today)
    replies: list[Reply] = field(default_factory=list)
    #: the words of its span when it was placed (refreshed when a revision carries it over),
    #: so one whose words are gone can still be shown with what it was on
    quote: str = ""
    #: A suggestion taken from a tracked change: {"old": words replaced, "new": proposed}.
    change: dict[str, str] | None = None
    source: str = ""                    # the file it was imported from, if any

    @property
    def is_suggestion(self) -> bool:
        return self.change is not None

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "anchor": self.anchor.to_json(),
            "party": self.party,
            "text": self.text,
            "suggestion": self.suggestion,
            "status": self.status.value,
            "visibility": self.visibility.value,
            "date": _date_json(self.date),
            "replies": [reply.to_json() for reply in self.replies],
            "quote": self.quote,
            "change": dict(self.change) if self.change is not None else None,
            "source": self.source,
        }

    @classmethod
    def from_json(cls, data: dict) -> Comment:
        change = data.get("change")
        return cls(
            id=data["id"],
            anchor=Anchor.from_json(data["anchor"]),
            party=data["party"],
            text=data["text"],
            suggestion=data.get("suggestion", ""),
            status=CommentStatus(data.get("status", "open")),
            visibility=Visibility(data.get("visibility", "circulation")),
            date=date.fromisoformat(data["date"]),
            replies=[Reply.from_json(item) for item in data.get("replies", [])],
            quote=data.get("quote", ""),
            change={"old": change["old"], "new": change["new"]} if change else None,
            source=data.get("source", ""),
        )


@dataclass
class Reservation:
    id: str
    anchor: Anchor
    parties: list[str]
    kind: ReservationKind
    status: ReservationStatus = ReservationStatus.ENTERED
    text_en: str = ""                   # wording of a position statement
    text_es: str = ""
    date: date = field(default_factory=date.today)
    quote: str = ""                     # the words of its span, as for Comment.quote

    @property
    def outstanding(self) -> bool:
        return self.status != ReservationStatus.LIFTED

    def wording(self, language: str) -> str:
        """The position statement's own wording; English when no Spanish was entered."""
        return (self.text_es if language == "es" else "") or self.text_en

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "anchor": self.anchor.to_json(),
            "parties": list(self.parties),
            "kind": self.kind.value,
            "status": self.status.value,
            "text_en": self.text_en,
            "text_es": self.text_es,
            "date": _date_json(self.date),
            "quote": self.quote,
        }

    @classmethod
    def from_json(cls, data: dict) -> Reservation:
        return cls(
            id=data["id"],
            anchor=Anchor.from_json(data["anchor"]),
            parties=list(data["parties"]),
            kind=ReservationKind(data["kind"]),
            status=ReservationStatus(data.get("status", "entered")),
            text_en=data.get("text_en", ""),
            text_es=data.get("text_es", ""),
            date=date.fromisoformat(data["date"]),
            quote=data.get("quote", ""),
        )


Annotation = Comment | Reservation
#: What an operation records to put anchors back: annotation id -> Anchor.to_json().
AnchorSnapshot = dict[str, dict]


def annotations(draft: Draft) -> Iterator[Annotation]:
    yield from draft.comments.values()
    yield from draft.reservations.values()


def find_annotation(draft: Draft, key: str) -> Annotation | None:
    """The comment or reservation with this id (ids are unique across both), or None."""
    return draft.comments.get(key) or draft.reservations.get(key)


def find_anchored(draft: Draft, key: str):
    """The comment, reservation or square bracket with this id, or None."""
    return find_annotation(draft, key) or draft.brackets.get(key)


def anchored(draft: Draft) -> Iterator:
    """Everything anchored to the text that the editor marks: annotations and brackets."""
    yield from annotations(draft)
    yield from draft.brackets.values()


def _in_blocks(draft: Draft, block_ids: Iterable[str]) -> list[Annotation]:
    # Flat comprehensions: this runs on every keystroke over thousands of annotations.
    wanted = set(block_ids)
    found: list[Annotation] = [c for c in draft.comments.values() if c.anchor.block_id in wanted]
    found += [r for r in draft.reservations.values() if r.anchor.block_id in wanted]
    # square brackets are anchored spans too (app.model.brackets): they move the same way
    found += [b for b in draft.brackets.values() if b.anchor.block_id in wanted]
    return found


def span_words(content: list[Inline], start: int, end: int) -> str:
    """The words a span of a block's content covers (a footnote reference leaves no text)."""
    return anchored_text(content)[start:end].replace(ANCHOR, "")


def snapshot(draft: Draft, block_ids: Iterable[str]) -> AnchorSnapshot:
    """The anchors of every annotation on these blocks, to restore them exactly later."""
    return {item.id: item.anchor.to_json() for item in _in_blocks(draft, block_ids)}


def restore(draft: Draft, saved: AnchorSnapshot | None) -> None:
    """Put back anchors recorded by `snapshot` (annotations removed since are skipped)."""
    if not saved:
        return
    for key, data in saved.items():
        item = find_anchored(draft, key)
        if item is not None:
            item.anchor = Anchor.from_json(data)


# -- mapping through text operations ------------------------------------------------------

def _map_start(position: int, start: int, end: int, inserted: int) -> int:
    if position < start or (position == start and start != end):
        return position
    if start == end == position:        # typing just before a span leaves it outside
        return position + inserted
    if position >= end:
        return position + inserted - (end - start)
    return start


def _map_end(position: int, start: int, end: int, inserted: int) -> int:
    if position <= start:               # typing just after a span leaves it outside
        return position
    if position >= end:
        return position + inserted - (end - start)
    return start + inserted


def map_replace(draft: Draft, block_id: str, start: int, end: int, inserted: int) -> None:
    """Move span anchors of `block_id` after [start, end) was replaced by `inserted` positions."""
    for item in _in_blocks(draft, [block_id]):
        anchor = item.anchor
        if anchor.start is None or anchor.end is None:
            continue
        wholly_removed = (
            end > start and start <= anchor.start and anchor.end <= end
            and anchor.start < anchor.end
        )
        if wholly_removed:
            anchor.orphaned = True
            anchor.start = anchor.end = start
            continue
        new_start = _map_start(anchor.start, start, end, inserted)
        new_end = _map_end(anchor.end, start, end, inserted)
        anchor.start, anchor.end = new_start, max(new_start, new_end)


def map_split(draft: Draft, block_id: str, offset: int, new_id: str) -> None:
    """The block was cut at `offset`; spans after it move to `new_id` (the second half).

    A span across the cut keeps the part before it (anchors live in one block).
    """
    for item in _in_blocks(draft, [block_id]):
        anchor = item.anchor
        if anchor.start is None or anchor.end is None:
            continue                    # a whole-block anchor stays with the id
        if anchor.start >= offset and (anchor.start > offset or anchor.end > offset):
            anchor.block_id = new_id
            anchor.start -= offset
            anchor.end -= offset
        elif anchor.end > offset:
            anchor.end = offset


def map_merge(draft: Draft, block_id: str, second_id: str, offset: int, second_length: int) -> None:
    """`second_id` was appended to `block_id` at `offset`; its anchors follow it."""
    for item in _in_blocks(draft, [second_id]):
        anchor = item.anchor
        anchor.block_id = block_id
        if anchor.start is None or anchor.end is None:
            anchor.start, anchor.end = offset, offset + second_length
        else:
            anchor.start += offset
            anchor.end += offset


def orphan_block(draft: Draft, block_id: str) -> None:
    """The block was removed: its annotations stay, marked orphaned."""
    for item in _in_blocks(draft, [block_id]):
        item.anchor.orphaned = True


# -- for the editor bridge ----------------------------------------------------------------

def rederive_block_anchors(
    draft: Draft, block_id: str, spans: Iterable[tuple[str, int, int]]
) -> AnchorSnapshot:
    """New span anchors of one block from what the editor holds, without changing the draft.

    `spans` lists (annotation id, start, end) for every run of text carrying an annotation's
    char-format property in that block, as read back from the widget (several runs of one id
    are joined). A span annotation of this block missing from `spans` lost all its text and is
    returned orphaned; one that reappears is no longer orphaned. Whole-block and whole-text
    anchors are left out. Apply the result with `restore(draft, result)` when the editor's own
    undo brings the marks back (app.ui.annotation_marks does so after every change), or with
    `annotation_ops.SetAnchors` for an undoable model step.
    """
    joined: dict[str, tuple[int, int]] = {}
    for key, start, end in spans:
        if key in joined:
            low, high = joined[key]
            joined[key] = (min(low, start), max(high, end))
        else:
            joined[key] = (start, end)
    result: AnchorSnapshot = {}
    for key, (start, end) in joined.items():
        item = find_anchored(draft, key)
        if item is not None and item.anchor.scope != "text":
            result[key] = Anchor(block_id, start, end, False).to_json()
    for item in _in_blocks(draft, [block_id]):
        if item.id not in joined and item.anchor.scope == "span" and not item.anchor.orphaned:
            lost = item.anchor.copy()
            lost.orphaned = True
            result[item.id] = lost.to_json()
    return result


def block_spans(draft: Draft, block_id: str) -> list[tuple[str, int, int]]:
    """(annotation id, start, end) of the live span anchors of a block: what the bridge marks."""
    return [
        (item.id, item.anchor.start, item.anchor.end)  # type: ignore[misc]
        for item in _in_blocks(draft, [block_id])
        if item.anchor.scope == "span" and not item.anchor.orphaned
    ]
