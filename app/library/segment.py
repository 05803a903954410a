"""Splitting a draft's blocks into clauses with their place in the source.

A clause is one reusable unit of agreed wording: a numbered paragraph, a recital ("HAVING
MET …"), an operative clause ("WE REAFFIRM …") or a list item. A list item is kept with its
lead-in ("WE ENCOURAGE") as context, since "The strengthening of …" means little alone. Titles,
headings and bare lead-ins are not clauses: they become the context of what follows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.model import Block, BlockKind, Draft
from app.model.numbering import paragraph_numbers

from .normalise import clean_clause_text, split_number

#: Shorter blocks are labels ("Article 3", "WE ENCOURAGE", "Preamble"), not clauses.
MIN_WORDS = 4

_OPERATIVE = re.compile(r"^(WE|NOSOTROS|NOS)\s+[A-ZÁÉÍÓÚÑ]{3,}|^[A-ZÁÉÍÓÚÑ]{4,}\s+[A-ZÁÉÍÓÚÑ]{2,}\b")
_PREAMBLE = re.compile(
    r"^(HAVING|RECALLING|RECOGNI[SZ]ING|NOTING|CONSIDERING|WHEREAS|AWARE|MINDFUL|"
    r"CONSIDERANDO|RECORDANDO|RECONOCIENDO|HABIENDO|CONSCIENTES|TENIENDO|Whereas|Considerando)\b"
)


@dataclass
class Segment:
    """One clause as found in a source, before dedup."""

    text: str
    kind: str
    position: int            # index of the block in the source
    paragraph: str = ""      # its own number ("7", "a") when it has one
    context: str = ""        # lead-in of a list item, or the heading above it
    footnotes: list[str] = field(default_factory=list)


def classify(text: str) -> BlockKind:
    """Kind of a paragraph from its wording, for sources that carry no structure."""
    stripped = text.strip()
    number, _rest = split_number(stripped)
    if number.isdigit():
        return BlockKind.NUMBERED
    if _PREAMBLE.match(stripped):
        return BlockKind.PREAMBLE
    if _OPERATIVE.match(stripped):
        return BlockKind.OPERATIVE
    return BlockKind.PARAGRAPH


def is_lead_in(text: str) -> bool:
    """"WE ENCOURAGE", "… the following topics:": a line that introduces a list."""
    stripped = text.strip()
    if stripped.endswith(":"):
        return True
    words = stripped.split()
    return 0 < len(words) <= 3 and stripped.upper() == stripped and any(c.isalpha() for c in stripped)


def segment(draft: Draft) -> list[Segment]:
    result: list[Segment] = []
    lead_in = ""        # the last lead-in, kept as context for the list items below it
    # The number each paragraph prints with, the source's own where it kept one ("para. 8").
    printed = paragraph_numbers(draft.blocks)
    for position, block in enumerate(draft.blocks):
        raw = block.text.strip()
        if not raw:
            continue
        kind = _kind_of(block)
        if kind in (BlockKind.TITLE, BlockKind.HEADING):
            lead_in = ""
            continue
        if kind != BlockKind.LIST_ITEM and is_lead_in(raw):
            lead_in = clean_clause_text(raw)
        if len(raw.split()) < MIN_WORDS:
            continue
        number, _rest = split_number(raw.lstrip("-•*❖ "))
        if block.kind == BlockKind.NUMBERED:
            number = printed[position]
        context = lead_in if kind == BlockKind.LIST_ITEM else ""
        if kind != BlockKind.LIST_ITEM and not is_lead_in(raw):
            lead_in = ""
        result.append(
            Segment(
                text=clean_clause_text(raw),
                kind=kind.value,
                position=position,
                paragraph=number,
                context=context,
                footnotes=[
                    draft.footnotes[fid].text.strip()
                    for fid in block.footnote_ids
                    if fid in draft.footnotes
                ],
            )
        )
    return result


def _kind_of(block: Block) -> BlockKind:
    if block.kind == BlockKind.PARAGRAPH:
        return classify(block.text)
    return block.kind


#: The part of a text each kind of clause belongs to, for citing an unnumbered one.
_PART = {
    BlockKind.PREAMBLE.value: "preamble",
    BlockKind.OPERATIVE.value: "operative",
    BlockKind.LIST_ITEM.value: "item",
}


def places(kinds: list[str], contexts: list[str] | None = None) -> list[str]:
    """Each clause's place as a reader counts it, from the kinds of a source's clauses in order
    (and the lead-ins of list items): "preamble:3" (its 3rd recital), "operative:5",
    "item:2" (2nd item of its list), or "paragraph:4" (4th plain paragraph). List items count
    from 1 in each list: after another kind of clause, or under a new lead-in."""
    contexts = contexts or [""] * len(kinds)
    counts: dict[str, int] = {}
    result = []
    previous = (None, None)
    for kind, context in zip(kinds, contexts, strict=True):
        part = _PART.get(kind, "paragraph")
        if part == "item" and previous != (part, context):
            counts["item"] = 0
        counts[part] = counts.get(part, 0) + 1
        result.append(f"{part}:{counts[part]}")
        previous = (part, context)
    return result
