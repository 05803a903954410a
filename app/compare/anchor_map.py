"""Where a span of an old paragraph's text is in its new text, found through the word diff.

A comment or reservation is on words, not on offsets: when a revision rewords a paragraph, the
span follows its own words. `TextMap(old, new)` diffs the two texts once (app.compare.words:
each word, run of spaces and punctuation mark is a token) and then places any number of spans:

- **exact**: every token the span touches is unchanged and they are still side by side; the
  span moves onto those same characters (`new[start:end] == old[span]`, always);
- **narrowed**: only a stretch at the start and/or the end of the span was deleted or
  replaced, and what is left holds at least half of the span's words: the span shrinks to
  the surviving words (a part of its own words, never another word);
- **changed**: words were inserted inside the span, or its survivors are scattered: there is
  no stretch of the new text holding exactly its words, so it is not placed (orphaned). We
  do not let it grow over inserted words: a delegation commented on the wording it saw;
- **gone**: (almost) none of its words are left; not placed.

Offsets are those of `app.model.inline.anchored_text` (a footnote reference is one character),
which is how anchors count.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from enum import Enum

from .words import DELETE, EQUAL, INSERT, diff_tokens, tokenize


class Fit(str, Enum):
    EXACT = "exact"
    NARROWED = "narrowed"
    CHANGED = "changed"
    GONE = "gone"

    @property
    def placed(self) -> bool:
        return self in (Fit.EXACT, Fit.NARROWED)


@dataclass(frozen=True)
class Placement:
    fit: Fit
    start: int          # for a span not placed: where its first surviving word (or the
    end: int            # change that took it) now is, as a collapsed position


def _offsets(tokens: list[str]) -> list[int]:
    """Start offset of every token, plus the end of the text."""
    offsets = [0]
    for token in tokens:
        offsets.append(offsets[-1] + len(token))
    return offsets


def _is_word(token: str) -> bool:
    return token[:1].isalnum() or token[:1] == "_"


class TextMap:
    """The word diff of one old and one new text, to place spans of the old in the new."""

    def __init__(self, old: str, new: str) -> None:
        self.old, self.new = old, new
        self._old_tokens = tokenize(old)
        new_tokens = tokenize(new)
        self._old_at = _offsets(self._old_tokens)
        self._new_at = _offsets(new_tokens)
        #: per old token, the index of the same token in the new text, or None if it is gone
        self._to_new: list[int | None] = []
        if old == new:
            self._to_new = list(range(len(self._old_tokens)))
            return
        new_index = 0
        for op, tokens in diff_tokens(self._old_tokens, new_tokens):
            if op == EQUAL:
                self._to_new.extend(range(new_index, new_index + len(tokens)))
                new_index += len(tokens)
            elif op == DELETE:
                self._to_new.extend([None] * len(tokens))
            elif op == INSERT:
                new_index += len(tokens)

    # -- positions --------------------------------------------------------------------------

    def _token_at(self, offset: int) -> int:
        """Index of the old token holding the character at `offset`."""
        return bisect_right(self._old_at, offset) - 1

    def _new_offset(self, old_token: int, offset: int) -> int:
        """`offset` inside unchanged old token `old_token`, as an offset of the new text."""
        return self._new_at[self._to_new[old_token]] + offset - self._old_at[old_token]  # type: ignore[index]

    def point(self, offset: int) -> int:
        """Where a position of the old text is in the new: inside an unchanged token, the same
        character; otherwise just after the last unchanged token before it."""
        if not self._old_tokens:
            return 0
        index = min(self._token_at(offset), len(self._old_tokens) - 1)
        if offset < self._old_at[-1] and self._to_new[index] is not None:
            return self._new_offset(index, offset)
        for before in range(index if offset < self._old_at[-1] else index + 1, 0, -1):
            mapped = self._to_new[before - 1]
            if mapped is not None:
                return self._new_at[mapped + 1]
        return 0

    # -- spans ------------------------------------------------------------------------------

    def place(self, start: int, end: int) -> Placement:
        """Where the span [start, end) of the old text is in the new text (see module doc)."""
        if not 0 <= start < end <= len(self.old):
            spot = self.point(min(max(start, 0), len(self.old)))
            return Placement(Fit.EXACT if start == end else Fit.GONE, spot, spot)
        first, last = self._token_at(start), self._token_at(end - 1)
        mapped = self._to_new[first:last + 1]
        if _consecutive(mapped):
            return Placement(Fit.EXACT, self._new_offset(first, start), self._new_offset(last, end))
        kept = self._surviving_stretch(first, last)
        if kept is not None:
            low, high = kept
            new_start = self._new_offset(low, max(start, self._old_at[low]))
            new_end = self._new_offset(high, min(end, self._old_at[high + 1]))
            return Placement(Fit.NARROWED, new_start, new_end)
        survivors = [m for m in mapped if m is not None]
        spot = self._new_at[survivors[0]] if survivors else self.point(start)
        words = sum(1 for k in range(first, last + 1) if _is_word(self._old_tokens[k]))
        left = sum(1 for k in range(first, last + 1)
                   if self._to_new[k] is not None and _is_word(self._old_tokens[k]))
        fit = Fit.GONE if left * 2 < max(words, 1) else Fit.CHANGED
        return Placement(fit, spot, spot)

    def _surviving_stretch(self, first: int, last: int) -> tuple[int, int] | None:
        """Old token indexes (low, high) of the unchanged words left when only the span's start
        and/or end was changed, if they still hold at least half of its words; else None."""
        indexes = range(first, last + 1)
        alive = [k for k in indexes if self._to_new[k] is not None]
        if not alive or alive != list(range(alive[0], alive[-1] + 1)):
            return None                           # nothing left, or a hole in the middle
        if not _consecutive([self._to_new[k] for k in alive]):
            return None                           # words inserted between the survivors
        low, high = alive[0], alive[-1]
        while low <= high and not _is_word(self._old_tokens[low]):
            low += 1                              # no stray space or comma at the edges
        while high >= low and not _is_word(self._old_tokens[high]):
            high -= 1
        if low > high:
            return None
        words = sum(1 for k in indexes if _is_word(self._old_tokens[k]))
        kept = sum(1 for k in range(low, high + 1) if _is_word(self._old_tokens[k]))
        return (low, high) if kept * 2 >= words else None


def _consecutive(mapped: list[int | None]) -> bool:
    if not mapped or mapped[0] is None:
        return False
    return all(b is not None and b == a + 1 for a, b in zip(mapped, mapped[1:], strict=False))  # type: ignore[operator]
