"""Which of a paragraph's words the word index is asked for, when the shared runs of words
found no close precedent, and how many of them a candidate must hold.

The rarest words tell a clause apart; common ones only cost time. A candidate must hold all
but two of the words chosen (a paraphrase may have changed any two of them), and more while so
many clauses would match that scoring them all costs more than it tells: asking for "any of
the words" made a million-clause library score a third of its clauses, and capping each word's
postings instead decided by table order which clauses were seen.
"""

from __future__ import annotations

import math
from itertools import combinations

#: At most this many of the paragraph's rarest words go into the candidate query, and at
#: least MIN_QUERY_WORDS; beyond those, only while their clauses add up to POSTINGS_BUDGET.
QUERY_WORDS = 8
MIN_QUERY_WORDS = 4
POSTINGS_BUDGET = 8000
#: The query is made stricter until it should match no more than this many clauses.
MATCH_CAP = 20000


def choose_rarest(counts: dict[str, int], candidates: list[str]) -> list[str]:
    """The rarest words (word → clauses holding it), rarest first, as many as keep the query
    cheap; a paragraph none of whose words the library holds keeps its first words."""
    known = sorted((word for word in candidates if counts.get(word)), key=lambda w: counts[w])
    chosen: list[str] = []
    budget = POSTINGS_BUDGET
    for word in known[:QUERY_WORDS]:
        if len(chosen) >= MIN_QUERY_WORDS and counts[word] > budget:
            break
        chosen.append(word)
        budget -= counts[word]
    return chosen or candidates[:MIN_QUERY_WORDS]


def words_needed(held_by: list[int], total: float) -> int:
    """How many of the words (each held by `held_by` clauses of `total`) a candidate must
    hold: all but two, at least two, more while the clauses expected to match (the words
    taken as independent) exceed MATCH_CAP."""
    count = len(held_by)
    shares = [min(1.0, max(n, 1) / max(total, 1.0)) for n in held_by]
    need = max(min(2, count), count - 2)
    while need < count:
        expected = total * sum(math.prod(combo) for combo in combinations(shares, need))
        if expected <= MATCH_CAP:
            break
        need += 1
    return need


def groups_to_match(chosen: list[str], counts: dict[str, int], total: float) -> list[tuple[str, ...]]:
    """Every combination of the words a candidate must hold: it matches when it holds one."""
    need = words_needed([counts.get(word, 1) for word in chosen], total)
    return list(combinations(chosen, need))
