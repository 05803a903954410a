"""The passages a paragraph shares with a library clause, word for word.

Both texts are compared as sequences of folded words (case, accents, quotes and punctuation
do not matter); every common run of at least `MIN_RUN` words is a passage, kept with its place
in both texts so a window can mark it. `SequenceMatcher` finds the longest run first and then
the longest on either side of it, so a quote split by "(...)" gives one passage per piece.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from .normalise import fold

#: A run shorter than this is ordinary phrasing ("in the field of"), not a shared passage.
MIN_RUN = 5
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass
class Passage:
    words: int                      # how many words long
    clause_span: tuple[int, int]    # characters of the clause's text
    paragraph_span: tuple[int, int]  # characters of the paragraph
    text: str                       # the clause's wording of it

    def to_json(self) -> dict:
        return {"words": self.words, "text": self.text,
                "clause_span": list(self.clause_span), "paragraph_span": list(self.paragraph_span)}


def _tokens(text: str) -> list[re.Match]:
    return list(_WORD.finditer(text))


def shared_passages(clause: str, paragraph: str, min_run: int = MIN_RUN) -> list[Passage]:
    """The common runs of at least `min_run` words, in the clause's order."""
    mine, theirs = _tokens(clause), _tokens(paragraph)
    matcher = SequenceMatcher(None, [fold(t.group()) for t in mine], [fold(t.group()) for t in theirs],
                              autojunk=False)
    found = []
    for start_a, start_b, size in matcher.get_matching_blocks():
        if size < min_run:
            continue
        span_a = (mine[start_a].start(), mine[start_a + size - 1].end())
        span_b = (theirs[start_b].start(), theirs[start_b + size - 1].end())
        found.append(Passage(size, span_a, span_b, clause[span_a[0]:span_a[1]]))
    return found


def word_count(text: str) -> int:
    return len(_TOKEN_COUNT.findall(text))


_TOKEN_COUNT = _WORD
