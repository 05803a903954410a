"""The result of comparing two versions: what a redline, a summary, JSON and Word are made from.

Rows come in reading order. A paragraph that moved appears twice: where it was (`MOVED_AWAY`,
its old text) and where it is now (`MOVED_HERE`, with the word changes made on the way).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from app.model import Block
from app.model.inline import Inline

from .words import DELETE, EQUAL, INSERT, Token, token_text, tokens_to_inlines


class RowKind(str, Enum):
    UNCHANGED = "unchanged"
    CHANGED = "changed"            # words changed
    SPACING = "spacing"            # only spacing changed: shown, not counted as a change
    INSERTED = "inserted"
    DELETED = "deleted"
    MOVED_HERE = "moved_here"      # the moved paragraph at its new place (maybe also changed)
    MOVED_AWAY = "moved_away"      # the place it left


@dataclass
class Piece:
    """A stretch of a paragraph that is the same, deleted or inserted."""

    op: int                        # DELETE, EQUAL, INSERT
    tokens: list[Token]

    @property
    def text(self) -> str:
        return token_text(self.tokens)

    @property
    def content(self) -> list[Inline]:
        return tokens_to_inlines(self.tokens)

    @property
    def op_name(self) -> str:
        return {DELETE: "delete", EQUAL: "equal", INSERT: "insert"}[self.op]


@dataclass
class Row:
    kind: RowKind
    old: Block | None = None
    new: Block | None = None
    old_label: str = ""            # "§ 7" / "¶ 3" in the old version
    new_label: str = ""
    pieces: list[Piece] = field(default_factory=list)
    renumbered: bool = False       # same paragraph, another number: not a change
    format_changed: bool = False   # kind or level changed (e.g. plain → numbered)
    words_changed: bool = False    # for a moved paragraph: changed on the way too

    @property
    def is_change(self) -> bool:
        return self.kind not in (RowKind.UNCHANGED, RowKind.SPACING) or self.format_changed

    @property
    def is_move(self) -> bool:
        return self.kind in (RowKind.MOVED_HERE, RowKind.MOVED_AWAY)

    @property
    def block(self) -> Block:
        """The block as it reads in this row (the new one where there is one)."""
        block = self.new or self.old
        assert block is not None
        return block


@dataclass
class FootnoteChange:
    kind: str                      # "added", "removed", "reworded"
    footnote_id: str
    old_text: str = ""
    new_text: str = ""
    old_number: int | None = None
    new_number: int | None = None
    pieces: list[Piece] = field(default_factory=list)


@dataclass
class FieldChange:
    """A changed cover field ("subject", "date" …), old and new as JSON values."""

    field_name: str
    old: object
    new: object


@dataclass
class ItemChange:
    """A change of a non-text item a later feature keeps (a comment, a reservation …).

    `section` groups them ("reservations"), `kind` says what happened ("lifted", "added",
    "reworded"), `label` names the item for people ("BE, DE: scrutiny reservation on § 7").
    """

    section: str
    kind: str
    label: str
    old: str = ""
    new: str = ""


@dataclass
class Comparison:
    old_name: str
    new_name: str
    rows: list[Row]
    footnotes: list[FootnoteChange] = field(default_factory=list)
    fields: list[FieldChange] = field(default_factory=list)
    items: list[ItemChange] = field(default_factory=list)
    old_footnotes: dict[str, str] = field(default_factory=dict)   # id → text, for exports
    new_footnotes: dict[str, str] = field(default_factory=dict)
    #: How a footnote reference reads on screen: its number in the newer version, or its
    #: old number in brackets for a footnote that is gone.
    footnote_marks: dict[str, str] = field(default_factory=dict)
    #: The numbers of each block's footnote references, in order, per version (block id →
    #: numbers; app.model.footnote_numbers), so a footnote referenced twice shows two numbers.
    old_reference_numbers: dict[str, list[int]] = field(default_factory=dict)
    new_reference_numbers: dict[str, list[int]] = field(default_factory=dict)
    sentence_moves: list = field(default_factory=list)            # sentences.SentenceMove

    def changes(self) -> list[int]:
        """Indexes of the rows a reader steps through with next/previous change."""
        return [index for index, row in enumerate(self.rows) if row.is_change]
