"""Comments and reservations follow their words into a revision of the text.

A revision brought in as a version (app.compare.revision_import) has new text in blocks that
carry the ids of the paragraphs they continue. Every span anchor is then placed through the
word diff of its paragraph (app.compare.anchor_map): on exactly its words, or on the part of
them that is left, or not at all. When its words are not in the continuing paragraph (the
revision split the paragraph, merged it into its neighbour, or it has no continuation), the
paragraph and its neighbours are diffed together with theirs, so the span can follow its words
into the other half of a split or into the merged paragraph. An annotation that cannot be
placed is kept, marked orphaned, with the words it was on in `quote`; it is never moved onto
other words. One sentence per annotation that was not placed exactly tells the user.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass

from app.i18n import _, ui_language
from app.model import Block, Draft
from app.model.annotations import Annotation, Comment, anchored, span_words
from app.model.brackets import Bracket
from app.model.inline import anchored_text
from app.model.numbering import paragraph_labels
from app.model.reservation_text import kind_name

from .anchor_map import Fit, Placement, TextMap

Pair = tuple[int, int]
#: Joins paragraphs for a diff over several; a token of its own that no text contains.
_SEPARATOR = "\0"
#: How many unpaired revision paragraphs next to a paired one may hold a span's words.
_NEIGHBOURS = 3
#: Longest quote shown in a sentence, in characters.
_QUOTE_LENGTH = 60


@dataclass(frozen=True)
class _Spot:
    block_index: int        # in the revision
    placement: Placement


class _Window:
    """Some paragraphs of the current text and of the revision, diffed as one text each."""

    def __init__(self, old: list[Block], new_blocks: list[Block], new_indexes: list[int]) -> None:
        self.new_indexes = new_indexes
        old_text = _SEPARATOR.join(anchored_text(block.content) for block in old)
        new_texts = [anchored_text(new_blocks[j].content) for j in new_indexes]
        self.starts: list[int] = []
        position = 0
        for text in new_texts:
            self.starts.append(position)
            position += len(text) + len(_SEPARATOR)
        self.map = TextMap(old_text, _SEPARATOR.join(new_texts))

    def place(self, start: int, end: int) -> _Spot | None:
        placement = self.map.place(start, end)
        if not self.new_indexes:
            return None
        where = max(bisect_right(self.starts, placement.start) - 1, 0)
        if placement.fit.placed and bisect_right(self.starts, max(placement.end - 1, 0)) - 1 != where:
            return None                     # cannot happen (a span never holds a separator)
        offset = self.starts[where]
        return _Spot(self.new_indexes[where], Placement(
            placement.fit, placement.start - offset, placement.end - offset))


class _Carrier:
    def __init__(self, current: Draft, revised: Draft, pairs: list[Pair]) -> None:
        self.old, self.new = current.blocks, revised.blocks
        self.new_of_old = dict(pairs)
        self.old_of_new = {j: i for i, j in pairs}
        self.labels = paragraph_labels(current.blocks)
        self.index_of = {block.id: i for i, block in enumerate(current.blocks)}
        self.notes: list[str] = []

    def carry(self, revised: Draft) -> list[str]:
        by_block: dict[int, list[Annotation]] = defaultdict(list)
        for item in anchored(revised):      # square brackets follow their words too
            index = self.index_of.get(item.anchor.block_id or "")
            if index is not None:
                by_block[index].append(item)
        for index, items in by_block.items():
            self._carry_block(index, items)
        return self.notes

    def _carry_block(self, index: int, items: list[Annotation]) -> None:
        old_text = anchored_text(self.old[index].content)
        paired = self.new_of_old.get(index)
        direct = None if paired is None else TextMap(
            old_text, anchored_text(self.new[paired].content))
        window: _Window | None = None
        for item in items:
            anchor = item.anchor
            if anchor.start is None or anchor.end is None:
                if paired is None and not anchor.orphaned:
                    anchor.orphaned = True
                    self._note(item, index, _("{who} on {where} could not be placed: the "
                                              "paragraph is gone."))
                continue
            if anchor.orphaned:             # keep where it was, inside the new text
                if direct is not None:
                    anchor.start = anchor.end = direct.point(min(anchor.start, len(old_text)))
                continue
            item.quote = span_words(self.old[index].content, anchor.start, anchor.end)
            spot = None if direct is None else _Spot(paired, direct.place(anchor.start, anchor.end))
            if spot is None or spot.placement.fit != Fit.EXACT:
                window = window or self._window(index)
                wider = window.place(self._window_offset(index, anchor.start),
                                     self._window_offset(index, anchor.end))
                if wider is not None and (spot is None or _better(wider, spot)):
                    spot = wider
            self._apply(item, index, spot)

    def _apply(self, item: Annotation, index: int, spot: _Spot | None) -> None:
        anchor = item.anchor
        fit = Fit.GONE if spot is None else spot.placement.fit
        if spot is not None:
            anchor.block_id = self.new[spot.block_index].id
            anchor.start, anchor.end = spot.placement.start, spot.placement.end
        if fit == Fit.EXACT:
            return
        if fit == Fit.NARROWED:
            kept = span_words(self.new[spot.block_index].content, anchor.start, anchor.end)  # type: ignore[union-attr,arg-type]
            self._note(item, index, _("{who} on “{words}” in {where} now covers only "
                                      "“{kept}”: the rest of its words are gone."), kept)
            return
        anchor.orphaned = True
        if spot is None:
            anchor.end = anchor.start
        self._note(item, index, _("{who} on “{words}” in {where} could not be placed: its "
                                  "words are gone.") if fit == Fit.GONE else
                   _("{who} on “{words}” in {where} could not be placed: its words were "
                     "changed."))

    # -- the neighbourhood of a paragraph ------------------------------------------------------

    def _window_old(self, index: int) -> list[int]:
        return [i for i in (index - 1, index, index + 1) if 0 <= i < len(self.old)]

    def _window(self, index: int) -> _Window:
        """The paragraph and its neighbours, against the revision paragraphs continuing them
        and the new paragraphs right beside those (where a split or merge puts words)."""
        chosen: set[int] = set()
        for i in self._window_old(index):
            j = self.new_of_old.get(i)
            if j is None:
                continue
            chosen.add(j)
            for step in (-1, 1):
                k = j + step
                while 0 <= k < len(self.new) and k not in self.old_of_new and abs(k - j) <= _NEIGHBOURS:
                    chosen.add(k)
                    k += step
        old = [self.old[i] for i in self._window_old(index)]
        return _Window(old, self.new, sorted(chosen))

    def _window_offset(self, index: int, offset: int) -> int:
        before = [i for i in self._window_old(index) if i < index]
        return offset + sum(len(anchored_text(self.old[i].content)) + len(_SEPARATOR) for i in before)

    # -- telling the user -----------------------------------------------------------------------

    def _note(self, item: Annotation, index: int, sentence: str, kept: str = "") -> None:
        if isinstance(item, Comment):
            who = _("{party} comment").format(party=item.party)
        elif isinstance(item, Bracket):
            who = _("A square bracket")
        else:
            who = _("{parties} {kind}").format(parties=", ".join(item.parties),
                                               kind=kind_name(item.kind, ui_language()))
        text = sentence.format(who=who, words=_shorten(item.quote), where=self.labels[index],
                               kept=_shorten(kept))
        self.notes.append(text[:1].upper() + text[1:])


def _better(candidate: _Spot, than: _Spot) -> bool:
    order = [Fit.EXACT, Fit.NARROWED, Fit.CHANGED, Fit.GONE]
    return order.index(candidate.placement.fit) < order.index(than.placement.fit)


def _shorten(words: str) -> str:
    words = " ".join(words.split())
    return words if len(words) <= _QUOTE_LENGTH else words[:_QUOTE_LENGTH - 1].rstrip() + "…"


def carry_annotations(current: Draft, revised: Draft, pairs: list[Pair]) -> list[str]:
    """Move the comments and reservations of `revised` (copies of `current`'s, anchored in its
    text) onto their words in `revised`'s blocks; `pairs` are (current index, revised index)
    of continuing paragraphs. Returns one sentence per annotation not placed exactly."""
    return _Carrier(current, revised, pairs).carry(revised)
