"""From alignment links to each draft block's text in the other language, keeping every word.

- 1–1: the block gets its counterpart's text.
- 1–2 (the translation split the paragraph): the block gets both parts, joined with a space,
  and a `JoinNote` says so. We join rather than keep a second paragraph because a language
  version holds one text per block id, and the export writes it under that block.
- 2–1 (the translation merged two paragraphs): the text is divided at the sentence end whose
  place best matches the two blocks' lengths (no word is changed, only the space at the cut
  goes), and a `DivideNote` says where. With no sentence end to cut at, the first block gets it
  all, the second stays without text and the note says that too.
- A paragraph of the other text in no link is kept as `UnplacedText` after the block it
  followed, so nothing is dropped: the export refuses and names it until it is placed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.model import Block, Inline, TextRun
from app.model.draft import UnplacedText
from app.model.inline import anchored_text, content_length, normalise, split_at

from .pair_align import Link
from .report import short_quote

#: Where a sentence (or a clause closed by ; or :) ends: the punctuation, closing quotes or
#: brackets, then the spaces the cut removes.
_SENTENCE_END = re.compile(r"[.!?;:][»”\"')\]]*(\s+)")


@dataclass(frozen=True)
class JoinNote:
    block_id: str
    quote: str                       # the block's first words
    lines: list[int | None]          # source lines of the parts that were joined


@dataclass(frozen=True)
class DivideNote:
    block_ids: list[str]             # the blocks that received a part, in order
    quotes: list[str]                # first words of the blocks the paragraph covered
    line: int | None
    cut_after: str = ""              # the last words before the cut ("" if not divided)


@dataclass
class Placement:
    contents: dict[int, list[Inline]] = field(default_factory=dict)   # draft index → text
    used: set[int] = field(default_factory=set)                        # other indices placed
    joined: list[JoinNote] = field(default_factory=list)
    divided: list[DivideNote] = field(default_factory=list)
    unplaced: list[tuple[int, UnplacedText]] = field(default_factory=list)   # (other index, …)


def place(links: list[Link], main: list[Block], other: list[Block],
          lines: dict[str, int]) -> Placement:
    result = Placement()
    for link in links:
        result.used.update(link.other)
        if len(link.other) == 2:
            first, second = (other[j] for j in link.other)
            result.contents[link.main[0]] = join(first.content, second.content)
            block = main[link.main[0]]
            result.joined.append(JoinNote(block.id, short_quote(block.text),
                                          [lines.get(first.id), lines.get(second.id)]))
        elif len(link.main) == 2:
            _divide(link, main, other[link.other[0]], lines, result)
        else:
            result.contents[link.main[0]] = list(other[link.other[0]].content)
    result.unplaced = _unplaced(links, main, other, result.used, lines)
    return result


def join(first: list[Inline], second: list[Inline]) -> list[Inline]:
    return normalise([*first, TextRun(" "), *second])


def _divide(link: Link, main: list[Block], merged: Block, lines: dict[str, int],
            result: Placement) -> None:
    one, two = (main[i] for i in link.main)
    line = lines.get(merged.id)
    quotes = [short_quote(one.text), short_quote(two.text)]
    parts = divide(merged.content, len(one.text) / max(len(one.text) + len(two.text), 1),
                   len(one.footnote_ids))
    if parts is None:
        result.contents[link.main[0]] = list(merged.content)
        result.divided.append(DivideNote([one.id], quotes, line))
        return
    left, right = parts
    result.contents[link.main[0]], result.contents[link.main[1]] = left, right
    words = "".join(item.text for item in left if isinstance(item, TextRun)).split()
    result.divided.append(DivideNote([one.id, two.id], quotes, line,
                                     " ".join(words[-4:])))


def divide(content: list[Inline], share: float, footnotes_first: int
           ) -> tuple[list[Inline], list[Inline]] | None:
    """`content` cut at the sentence end nearest to `share` of its length, preferring a cut
    that leaves `footnotes_first` footnote references in the first part; None if it has none."""
    text = anchored_text(content)
    total = content_length(content)
    best: tuple[float, int, int] | None = None
    for match in _SENTENCE_END.finditer(text):
        cut, resume = match.start(1), match.end(1)
        if resume >= total:
            continue                      # the paragraph's own end
        left, _right = split_at(content, cut)
        notes = sum(1 for item in left if not isinstance(item, TextRun))
        cost = abs(cut / total - share) + (0.0 if notes == footnotes_first else 1.0)
        if best is None or cost < best[0]:
            best = (cost, cut, resume)
    if best is None:
        return None
    _cost, cut, resume = best
    left, rest = split_at(content, cut)
    _space, right = split_at(rest, resume - cut)
    return left, right


def _unplaced(links: list[Link], main: list[Block], other: list[Block], used: set[int],
              lines: dict[str, int]) -> list[tuple[int, UnplacedText]]:
    """The other text's paragraphs in no link, each after the draft block it followed."""
    after_main: dict[int, int] = {}          # other index → last draft index linked before it
    last_main = -1
    links_by_other = {j: link for link in links for j in link.other}
    for j in range(len(other)):
        if j in links_by_other:
            last_main = links_by_other[j].main[-1]
        after_main[j] = last_main
    return [
        (j, UnplacedText(list(block.content),
                         main[after_main[j]].id if after_main[j] >= 0 else None,
                         lines.get(block.id)))
        for j, block in enumerate(other) if j not in used
    ]
