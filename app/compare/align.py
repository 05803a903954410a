"""Pairing the blocks of two versions: by id first, then by similarity for what is left.

Versions of one draft share block ids, so most blocks pair by id. A revision imported from
text has no ids: its blocks pair with the old ones by identical text, then by word similarity
(candidates found through shared words, confirmed with the word diff, best pairs first).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict

from app.model import Block

from .moves import in_place
from .words import similar_enough

#: Two blocks with at least this share of words in common are taken as the same paragraph.
SIMILARITY_THRESHOLD = 0.5
#: Candidates examined per block with the exact (word diff) similarity.
_CANDIDATES = 4
#: Word-set overlap (Dice) below which two blocks are not worth a word diff.
_DICE_FLOOR = 0.3
#: A stretch between anchors larger than this (old × new blocks) is left to the global pass.
_LOCAL_LIMIT = 2500
#: A word in more blocks than this says little about which paragraph is which.
_RARE = 20
_WORD = re.compile(r"\w{3,}", re.UNICODE)
_LEADING_NUMBER = re.compile(r"^\s*(\(?\d+(\.\d+)*[.)]|\([a-z]\)|[a-z]\))\s+")

Pair = tuple[int, int]


def align_blocks(
    old: list[Block], new: list[Block], use_ids: bool = True,
    threshold: float = SIMILARITY_THRESHOLD,
) -> list[Pair]:
    """Pairs (old index, new index) of blocks that are the same paragraph, sorted by old index."""
    pairs = align_by_id(old, new) if use_ids else []
    taken_old = {i for i, _ in pairs}
    taken_new = {j for _, j in pairs}
    rest_old = [i for i in range(len(old)) if i not in taken_old]
    rest_new = [j for j in range(len(new)) if j not in taken_new]
    if rest_old and rest_new:
        weak = _weak_id_pairs(old, new, pairs, threshold)
        pool_old = sorted(rest_old + [i for i, _ in weak])
        pool_new = sorted(rest_new + [j for _, j in weak])
        found = align_by_similarity(old, new, pool_old, pool_new, threshold)
        used_old = {i for i, _ in found}
        used_new = {j for _, j in found}
        # An id pair whose paragraphs read nothing alike gives way to better pairs by text
        # (a paragraph pasted into another took its id); with none, it stands.
        kept = [(i, j) for i, j in weak if i not in used_old and j not in used_new]
        released = set(weak) - set(kept)
        pairs = [pair for pair in pairs if pair not in released] + found
    return sorted(pairs)


def _weak_id_pairs(old: list[Block], new: list[Block], pairs: list[Pair],
                   threshold: float) -> list[Pair]:
    """Id pairs whose texts share less than `threshold` of their words."""
    weak = []
    for i, j in pairs:
        if old[i].content == new[j].content:
            continue
        before, after = comparable_text(old[i]), comparable_text(new[j])
        if before != after and similar_enough(before, after, threshold) < threshold:
            weak.append((i, j))
    return weak


def align_by_id(old: list[Block], new: list[Block]) -> list[Pair]:
    where = {block.id: j for j, block in enumerate(new)}
    return [(i, where[block.id]) for i, block in enumerate(old) if block.id in where]


def comparable_text(block: Block) -> str:
    """Text for matching: spacing collapsed and a typed leading number ("7. ") left out."""
    return _LEADING_NUMBER.sub("", " ".join(block.text.split()))


def align_by_similarity(
    old: list[Block], new: list[Block], old_indexes: list[int], new_indexes: list[int],
    threshold: float = SIMILARITY_THRESHOLD,
) -> list[Pair]:
    """Pair blocks without shared ids, the way a reader would: paragraphs whose text occurs
    once on each side and in the same order are anchors; between two anchors, the blocks
    pair with the most similar ones in the same stretch; what is left (a paragraph moved
    and reworded) is looked for everywhere through its rarer words."""
    old_text = {i: comparable_text(old[i]) for i in old_indexes}
    new_text = {j: comparable_text(new[j]) for j in new_indexes}
    words = {("o", i): _words(t) for i, t in old_text.items()}
    words.update({("n", j): _words(t) for j, t in new_text.items()})

    # 1. anchors: text found once on each side, kept where they stay in order
    old_count = Counter(old_text.values())
    new_at: dict[str, list[int]] = defaultdict(list)
    for j in new_indexes:
        new_at[new_text[j]].append(j)
    unique = [(i, new_at[old_text[i]][0]) for i in old_indexes
              if old_count[old_text[i]] == 1 and len(new_at.get(old_text[i], ())) == 1]
    anchors = sorted(in_place(unique)) if unique else []
    pairs: list[Pair] = list(anchors)
    taken_old = {i for i, _ in pairs}
    taken_new = {j for _, j in pairs}

    # 2. between consecutive anchors: the blocks of the same stretch, best pairs first
    bounds = [(-1, -1), *anchors, (len(old), len(new))]
    old_sorted, new_sorted = sorted(old_indexes), sorted(new_indexes)
    for (i0, j0), (i1, j1) in zip(bounds, bounds[1:], strict=False):
        gap_old = [i for i in old_sorted[bisect_right(old_sorted, i0):bisect_left(old_sorted, i1)]
                   if i not in taken_old]
        gap_new = [j for j in new_sorted[bisect_right(new_sorted, j0):bisect_left(new_sorted, j1)]
                   if j not in taken_new]
        if not gap_old or not gap_new or len(gap_old) * len(gap_new) > _LOCAL_LIMIT:
            continue
        candidates = [
            (i, j) for i in gap_old for j in gap_new
            if _dice(words[("o", i)], words[("n", j)]) >= _DICE_FLOOR
        ]
        _pick(candidates, old_text, new_text, threshold, pairs, taken_old, taken_new)

    # 3. the rest, anywhere: candidates through shared words that are not too common
    left_old = [i for i in old_indexes if i not in taken_old]
    left_new = [j for j in new_indexes if j not in taken_new]
    if left_old and left_new:
        postings: dict[str, list[int]] = defaultdict(list)
        for j in left_new:
            for word in words[("n", j)]:
                postings[word].append(j)
        candidates = []
        for i in left_old:
            shared: Counter[int] = Counter()
            for word in words[("o", i)]:
                found = postings.get(word, ())
                if len(found) <= _RARE:
                    shared.update(found)
            ranked = sorted(shared, key=lambda j: -_dice(words[("o", i)], words[("n", j)]))
            candidates += [(i, j) for j in ranked[:_CANDIDATES]]
        _pick(candidates, old_text, new_text, threshold, pairs, taken_old, taken_new)
    return pairs


def _words(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(text.lower()))


def _dice(a: frozenset[str], b: frozenset[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a or b else 1.0


def _pick(candidates: list[Pair], old_text: dict[int, str], new_text: dict[int, str],
          threshold: float, pairs: list[Pair], taken_old: set[int], taken_new: set[int]) -> None:
    """Confirm candidates with the word diff and keep the best pairs first (in place)."""
    scored = []
    for i, j in candidates:
        score = (1.0 if old_text[i] == new_text[j]
                 else similar_enough(old_text[i], new_text[j], threshold))
        if score >= threshold:
            # Nearer positions win ties: a repeated paragraph pairs with its neighbour.
            scored.append((score - abs(i - j) * 1e-9, i, j))
    for _, i, j in sorted(scored, reverse=True):
        if i not in taken_old and j not in taken_new:
            pairs.append((i, j))
            taken_old.add(i)
            taken_new.add(j)
