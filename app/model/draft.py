"""The draft: a Council note's cover metadata, its annexed text as blocks, and footnotes."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING

from .annotations import Comment, Reservation
from .brackets import Bracket
from .counterparts import Counterpart
from .inline import Inline, footnote_ids, inline_from_json, plain_text
from .note_meta import DocumentType, NoteMeta  # noqa: F401  (re-exported)
from .parties import Party
from .status import BlockStatus, Silence

if TYPE_CHECKING:  # a version holds a snapshot of a draft; only the type is needed here
    from .version import Version


def new_id() -> str:
    """A short random id; blocks and footnotes keep theirs for life."""
    return uuid.uuid4().hex[:12]


class BlockKind(str, Enum):
    TITLE = "title"
    HEADING = "heading"
    PREAMBLE = "preamble"          # "HAVING MET …": a recital
    OPERATIVE = "operative"        # "WE REAFFIRM …": an operative clause
    NUMBERED = "numbered"          # "7. Reiterate …"
    LIST_ITEM = "list_item"        # bullets; level 1, 2 …
    PARAGRAPH = "paragraph"


@dataclass(frozen=True)
class ClauseOrigin:
    """Where an inserted block's wording came from: a clause of the library, as it was inserted."""

    clause_id: str
    text: str                 # the agreed wording at insertion, to show departures word by word
    source: str = ""          # e.g. "6914/24, para. 3 (28 February 2024)"
    status: str = "adopted"   # "draft" when the clause came from working texts only: not agreed

    @property
    def agreed(self) -> bool:
        return self.status == "adopted"

    def to_json(self) -> dict:
        data = {"clause_id": self.clause_id, "text": self.text, "source": self.source}
        if not self.agreed:
            data["status"] = self.status
        return data

    @classmethod
    def from_json(cls, data: dict) -> ClauseOrigin:
        return cls(data["clause_id"], data["text"], data.get("source", ""),
                   data.get("status", "adopted"))


@dataclass
class Block:
    kind: BlockKind
    content: list[Inline]
    level: int = 0
    id: str = field(default_factory=new_id)
    origin: ClauseOrigin | None = None
    #: The paragraph number as the source printed it ("8", "5a") where it is not the one
    #: computed in reading order; None: computed (app.model.numbering).
    number: str | None = None

    @property
    def departs_from_origin(self) -> bool:
        return self.origin is not None and self.text != self.origin.text

    @property
    def text(self) -> str:
        return plain_text(self.content)

    @property
    def footnote_ids(self) -> list[str]:
        return footnote_ids(self.content)

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "kind": self.kind.value,
            "level": self.level,
            "content": [item.to_json() for item in self.content],
            "origin": self.origin.to_json() if self.origin else None,
            "number": self.number,
        }

    @classmethod
    def from_json(cls, data: dict) -> Block:
        return cls(
            id=data["id"],
            kind=BlockKind(data["kind"]),
            level=int(data.get("level", 0)),
            content=[inline_from_json(item) for item in data["content"]],
            origin=ClauseOrigin.from_json(data["origin"]) if data.get("origin") else None,
            number=data.get("number") or None,
        )


@dataclass
class Footnote:
    text: str
    id: str = field(default_factory=new_id)


#: Cover fields that are text in the draft's language and so have a translation.
TRANSLATED_META_FIELDS = ("sender", "recipient", "subject", "intro")


@dataclass
class UnplacedText:
    """A paragraph of a language version that pairs with no block of the draft: kept (never
    dropped) so the export can refuse and name it rather than lose it."""

    content: list[Inline]
    after: str | None = None      # id of the draft block it followed, None before the first
    line: int | None = None       # its line in the imported source

    def to_json(self) -> dict:
        return {"content": [i.to_json() for i in self.content], "after": self.after,
                "line": self.line}

    @classmethod
    def from_json(cls, data: dict) -> UnplacedText:
        return cls([inline_from_json(item) for item in data.get("content", [])],
                   data.get("after"), data.get("line"))


#: A language version's records of its footnote pairs' confirmations, by footnote id.
FOOTNOTE_RECORDS = ("footnotes_confirmed", "footnotes_confirmed_other", "footnotes_confirmed_at")


@dataclass
class LanguageVersion:
    """The same draft in another language, paired with the main text by block and footnote id.

    `confirmed` holds, per block id, the main-language plain text the pair was last confirmed
    against, so a pair is out of step when the main text changed since; `confirmed_other` the
    text of this language at that confirmation and `confirmed_at` its time (UTC, ISO 8601).
    A pair confirmed before those two existed only has `confirmed` (app.model.in_step).
    `brackets` holds the main text's square brackets as this language has them
    (app.model.counterparts); a draft saved before it reads as having none.
    Footnote pairs have the same three records, keyed by footnote id (`footnotes_confirmed`
    …): a draft saved before they existed reads as having none, so its footnote pairs are
    "never confirmed", as blocks without a record are (app.model.footnote_step).
    """

    language: str
    meta: dict[str, str] = field(default_factory=dict)           # TRANSLATED_META_FIELDS
    blocks: dict[str, list[Inline]] = field(default_factory=dict)
    footnotes: dict[str, str] = field(default_factory=dict)
    confirmed: dict[str, str] = field(default_factory=dict)
    confirmed_other: dict[str, str] = field(default_factory=dict)
    confirmed_at: dict[str, str] = field(default_factory=dict)
    footnotes_confirmed: dict[str, str] = field(default_factory=dict)
    footnotes_confirmed_other: dict[str, str] = field(default_factory=dict)
    footnotes_confirmed_at: dict[str, str] = field(default_factory=dict)
    #: per block id, the library clause this language's wording came from (agreed language)
    origins: dict[str, ClauseOrigin] = field(default_factory=dict)
    unplaced: list[UnplacedText] = field(default_factory=list)
    #: per main bracket id, its counterpart in this language (app.model.counterparts)
    brackets: dict[str, Counterpart] = field(default_factory=dict)

    def missing_blocks(self, draft: Draft) -> list[str]:
        return [block.id for block in draft.blocks if block.id not in self.blocks]

    def to_json(self) -> dict:
        return {
            "language": self.language,
            "meta": dict(self.meta),
            "blocks": {bid: [i.to_json() for i in content] for bid, content in self.blocks.items()},
            "footnotes": dict(self.footnotes),
            "confirmed": dict(self.confirmed),
            # only when there is some, so versions saved before they existed compare equal
            **({"confirmed_other": dict(self.confirmed_other)} if self.confirmed_other else {}),
            **({"confirmed_at": dict(self.confirmed_at)} if self.confirmed_at else {}),
            **{name: dict(getattr(self, name)) for name in FOOTNOTE_RECORDS
               if getattr(self, name)},
            **({"origins": {bid: o.to_json() for bid, o in self.origins.items()}}
               if self.origins else {}),
            # only when there is some, so versions saved before it compare equal
            **({"unplaced": [u.to_json() for u in self.unplaced]} if self.unplaced else {}),
            **({"brackets": {key: item.to_json() for key, item in self.brackets.items()}}
               if self.brackets else {}),
        }

    @classmethod
    def from_json(cls, data: dict) -> LanguageVersion:
        return cls(
            language=data["language"],
            meta=dict(data.get("meta", {})),
            blocks={
                bid: [inline_from_json(item) for item in content]
                for bid, content in data.get("blocks", {}).items()
            },
            footnotes=dict(data.get("footnotes", {})),
            confirmed=dict(data.get("confirmed", {})),
            confirmed_other=dict(data.get("confirmed_other", {})),
            confirmed_at=dict(data.get("confirmed_at", {})),
            **{name: dict(data.get(name, {})) for name in FOOTNOTE_RECORDS},
            origins={bid: ClauseOrigin.from_json(o) for bid, o in data.get("origins", {}).items()},
            unplaced=[UnplacedText.from_json(item) for item in data.get("unplaced", [])],
            brackets={key: Counterpart.from_json(item)
                      for key, item in (data.get("brackets") or {}).items()},
        )


@dataclass
class Draft:
    note: NoteMeta = field(default_factory=NoteMeta)
    blocks: list[Block] = field(default_factory=list)
    footnotes: dict[str, Footnote] = field(default_factory=dict)
    language: str = "en"                   # language of `blocks`
    translations: dict[str, LanguageVersion] = field(default_factory=dict)
    comments: dict[str, Comment] = field(default_factory=dict)          # delegations' comments
    reservations: dict[str, Reservation] = field(default_factory=dict)
    parties: dict[str, Party] = field(default_factory=dict)             # user-added parties
    versions: list[Version] = field(default_factory=list)   # saved snapshots, oldest first
    brackets: dict[str, Bracket] = field(default_factory=dict)      # app.model.brackets
    statuses: dict[str, BlockStatus] = field(default_factory=dict)  # by block id; none: pending
    silence: Silence | None = None          # a silence procedure on the text (app.model.status)

    # -- look-ups -------------------------------------------------------------------------
    def block(self, block_id: str) -> Block:
        return self.blocks[self.block_index(block_id)]

    def block_index(self, block_id: str) -> int:
        """Where the block is in `blocks` (ids are unique: app.model.integrity mends a draft
        that repeats one when it is opened).

        The places are remembered and each answer is checked against the list itself, so
        any change to `blocks` (an edit, a list replaced) costs one new look-up table, never
        a wrong answer; a 300-page draft's window otherwise scanned the list for each of its
        thousands of comments."""
        known = self.__dict__.get("_block_places")       # not a field: not saved or compared
        blocks = self.blocks
        if known is not None:
            index = known.get(block_id)
            if index is not None and index < len(blocks) and blocks[index].id == block_id:
                return index
        places: dict[str, int] = {}
        for index, block in enumerate(blocks):
            places.setdefault(block.id, index)
        self.__dict__["_block_places"] = places
        try:
            return places[block_id]
        except KeyError:
            raise KeyError(f"no block {block_id!r}") from None

    def footnote_order(self) -> list[str]:
        """Footnote ids in reading order: how they are numbered 1…n."""
        order: list[str] = []
        for block in self.blocks:
            order.extend(block.footnote_ids)
        return order

    def footnote_number(self, footnote_id: str) -> int:
        """The number of the footnote's first reference (app.model.footnote_numbers)."""
        return self.footnote_numbers(footnote_id)[0]

    def footnote_numbers(self, footnote_id: str) -> list[int]:
        """One number per reference of the footnote, as every view and writer prints them."""
        from .footnote_numbers import number_notes  # it needs reservation_text, which needs us

        numbers = number_notes(self).numbers_of(footnote_id)
        if not numbers:
            raise ValueError(f"footnote {footnote_id!r} is not referenced")
        return numbers

    def unreferenced_footnotes(self) -> list[str]:
        referenced = set(self.footnote_order())
        return [fid for fid in self.footnotes if fid not in referenced]

    # -- serialisation for scripts (`concordia show --json`); names are a stable interface --
    def to_public_json(self) -> dict:
        from .footnote_numbers import number_notes
        from .numbering import from_source, paragraph_numbers

        order = list(dict.fromkeys(self.footnote_order()))
        referenced = set(order)  # once: a set per footnote made `show --json` quadratic
        ordered = order + [fid for fid in self.footnotes if fid not in referenced]
        notes = number_notes(self)
        by_block: dict[str, list[int]] = {}
        for mark in notes.marks:
            if not mark.reservation:
                by_block.setdefault(mark.block_id, []).append(mark.number)
        numbers, printed = paragraph_numbers(self.blocks), from_source(self.blocks)
        from .brackets import bracket_public_json
        from .status import blocks_in_brackets, reserved_blocks, status_public_json

        bracketed, reserved = blocks_in_brackets(self), reserved_blocks(self)
        from .in_step import out_of_step_ids

        out_of_step = set(out_of_step_ids(self))
        from .footnote_step import footnote_states

        notes_out_of_step = {state.footnote_id for state in footnote_states(self)
                             if state.out_of_step} if self.translations else set()
        return {
            "note": self.note.to_json(),
            "language": self.language,
            "blocks": [
                {
                    "id": block.id,
                    "kind": block.kind.value,
                    "level": block.level,
                    # as printed; from_source: the source's own number, not the computed one
                    "number": numbers[index] or None,
                    "number_from_source": printed[index],
                    "text": block.text,
                    "footnotes": block.footnote_ids,
                    "footnote_numbers": by_block.get(block.id, []),  # one per reference
                    "status": status_public_json(self, block.id, bracketed, reserved),
                    # only on a block whose translation pair is out of step (app.model.in_step)
                    **({"out_of_step": True} if block.id in out_of_step else {}),
                }
                for index, block in enumerate(self.blocks)
            ],
            "footnotes": [
                {"id": fid, "text": self.footnotes[fid].text,
                 # only on a footnote whose translation pair is out of step (footnote_step)
                 **({"out_of_step": True} if fid in notes_out_of_step else {})}
                for fid in ordered
                if fid in self.footnotes
            ],
            # Every footnote mark as exported, reservation footnotes included, 1…n.
            "note_marks": [
                {"number": mark.number, "block": mark.block_id, "footnote": mark.footnote_id,
                 "reservation": mark.reservation, "text": mark.text}
                for mark in notes.marks
            ],
            "comments": [comment.to_json() for comment in self.comments.values()],
            "reservations": [item.to_json() for item in self.reservations.values()],
            "brackets": [bracket_public_json(self, item) for item in self.brackets.values()],
            "silence": self.silence.to_json() if self.silence else None,
        }
