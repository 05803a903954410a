"""Square brackets: words of a block not yet agreed, with the alternatives on the table.

A bracket is an anchored span of one block, like a comment (`app.model.annotations.Anchor`),
and moves with the text through the same mapping (`annotations._in_blocks` includes brackets),
so edits, splits, merges, undo and revisions carry it as they carry comments. The span holds
the words of the first alternative, the one the text reads today; the other alternatives are
kept here with the parties that proposed or support each. An alternative with no words means
"delete the passage". `current_alternatives` gives them with the first one's words read from
the text, so a bracket never disagrees with what the block says.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .annotations import Anchor, span_words

if TYPE_CHECKING:
    from .draft import Draft


@dataclass
class Alternative:
    text: str
    parties: list[str] = field(default_factory=list)

    @property
    def is_deletion(self) -> bool:
        return not self.text.strip()

    def to_json(self) -> dict:
        return {"text": self.text, "parties": list(self.parties)}

    @classmethod
    def from_json(cls, data: dict) -> Alternative:
        return cls(str(data.get("text", "")), [str(code) for code in data.get("parties", [])])


@dataclass
class Bracket:
    id: str
    anchor: Anchor                      # always a span of one block
    alternatives: list[Alternative] = field(default_factory=list)
    #: the words of its span when it was placed, as for Comment.quote
    quote: str = ""

    @property
    def block_id(self) -> str | None:
        return self.anchor.block_id

    @property
    def parties(self) -> list[str]:
        """Every party named on any alternative, in order of first mention."""
        return list(dict.fromkeys(code for alt in self.alternatives for code in alt.parties))

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "anchor": self.anchor.to_json(),
            "alternatives": [alt.to_json() for alt in self.alternatives],
            "quote": self.quote,
        }

    @classmethod
    def from_json(cls, data: dict) -> Bracket:
        return cls(
            id=data["id"],
            anchor=Anchor.from_json(data["anchor"]),
            alternatives=[Alternative.from_json(item) for item in data.get("alternatives", [])],
            quote=data.get("quote", ""),
        )


def current_alternatives(draft: Draft, bracket: Bracket,
                         blocks: dict | None = None) -> list[Alternative]:
    """The alternatives, the first one's words as the text now reads them (its span).
    `blocks` (id -> Block) spares a search of the draft when called for many brackets."""
    alternatives = [Alternative(alt.text, list(alt.parties)) for alt in bracket.alternatives]
    if not alternatives:
        alternatives = [Alternative("")]
    anchor = bracket.anchor
    if not anchor.orphaned and anchor.block_id is not None and anchor.start is not None:
        try:
            block = blocks[anchor.block_id] if blocks is not None else draft.block(anchor.block_id)
        except KeyError:
            block = None
        if block is not None:
            alternatives[0].text = span_words(block.content, anchor.start,
                                              anchor.end or anchor.start)
            return alternatives
    if not alternatives[0].text:
        # its words are gone from the text: they were those it quoted when placed (a bracket
        # entered with `bracket add` keeps no first wording of its own), not a deletion
        alternatives[0].text = bracket.quote
    return alternatives


def open_brackets(draft: Draft) -> Iterator[Bracket]:
    """Brackets still on a paragraph of the text (an orphaned one lost its words)."""
    present = {block.id for block in draft.blocks}
    for bracket in draft.brackets.values():
        if not bracket.anchor.orphaned and bracket.anchor.block_id in present:
            yield bracket


def lost_brackets(draft: Draft) -> list[Bracket]:
    """Brackets whose words were deleted (orphaned, or their paragraph gone): their
    alternatives are all that is left of them, so the pane and `bracket list` still show them."""
    present = {block.id for block in draft.blocks}
    return [bracket for bracket in draft.brackets.values()
            if bracket.anchor.orphaned or bracket.anchor.block_id not in present]


def brackets_in_block(draft: Draft, block_id: str) -> list[Bracket]:
    found = [b for b in draft.brackets.values()
             if b.anchor.block_id == block_id and not b.anchor.orphaned]
    return sorted(found, key=lambda b: (b.anchor.start or 0, -(b.anchor.end or 0)))


def bracket_public_json(draft: Draft, bracket: Bracket) -> dict:
    """The `show --json` form: keep these names stable."""
    from .counterparts import counterparts_public_json  # it builds on this module

    counterparts = counterparts_public_json(draft, bracket)
    return {
        "id": bracket.id,
        "block": bracket.anchor.block_id,
        "start": bracket.anchor.start,
        "end": bracket.anchor.end,
        "orphaned": bracket.anchor.orphaned,
        "alternatives": [alt.to_json() for alt in current_alternatives(draft, bracket)],
        # only when a language version has it: its span and wording there
        **({"counterparts": counterparts} if counterparts else {}),
    }


def crossing_bracket(draft: Draft, block_id: str, start: int, end: int) -> Bracket | None:
    """An open bracket of the paragraph that the span start–end would cross (overlap without
    one holding the other). Brackets nest or stand apart: crossing ones cannot be written as
    negotiating text, and the export would give one bracket's proponents to the other."""
    for bracket in brackets_in_block(draft, block_id):
        other_start, other_end = bracket.anchor.start or 0, bracket.anchor.end or 0
        if start < other_start < end < other_end or other_start < start < other_end < end:
            return bracket
    return None


def crossing_sentence(draft: Draft, bracket: Bracket) -> str:
    """One sentence refusing a span that crosses `bracket`."""
    from app.i18n import _

    words = current_alternatives(draft, bracket)[0].text or bracket.quote
    return _("These words cross the square bracket “{words}” of the same paragraph: a bracket "
             "lies inside another or apart from it, so that each alternative keeps its "
             "proponents.").format(words=words[:60])
