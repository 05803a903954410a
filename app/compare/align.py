"""Pairing the blocks of two versions: by id first, then by similarity for what is left.

Versions of one draft share block ids, so most blocks pair by id. A revision imported from
text has no ids: its blocks pair with the old ones by identical text, then by word similarity
(candidates found through shared words, confirmed with the word diff, best pairs first).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from app.model import Block

from .words import similarity

#: Two blocks with at least this share of words in common are taken as the same paragraph.
SIMILARITY_THRESHOLD = 0.5
#: Candidates examined per block with the exact (word diff) similarity.
_CANDIDATES = 4
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
        pairs += align_by_similarity(old, new, rest_old, rest_new, threshold)
    return sorted(pairs)


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
    old_text = {i: comparable_text(old[i]) for i in old_indexes}
    new_text = {j: comparable_text(new[j]) for j in new_indexes}
    pairs: list[Pair] = []

    # 1. identical text, first come first served in reading order
    waiting: dict[str, list[int]] = defaultdict(list)
    for j in new_indexes:
        waiting[new_text[j]].append(j)
    left_old: list[int] = []
    for i in old_indexes:
        queue = waiting.get(old_text[i])
        if queue:
            pairs.append((i, queue.pop(0)))
        else:
            left_old.append(i)
    paired_new = {j for _, j in pairs}
    left_new = [j for j in new_indexes if j not in paired_new]
    if not left_old or not left_new:
        return pairs

    # 2. similar text: candidates through shared (not too common) words, then the word diff
    words_new = {j: set(_WORD.findall(new_text[j].lower())) for j in left_new}
    postings: dict[str, list[int]] = defaultdict(list)
    for j, words in words_new.items():
        for word in words:
            postings[word].append(j)
    too_common = max(20, len(left_new) // 10)
    scored: list[tuple[float, int, int]] = []
    for i in left_old:
        words = set(_WORD.findall(old_text[i].lower()))
        shared: Counter[int] = Counter()
        for word in words:
            found = postings.get(word, ())
            if len(found) <= too_common:
                shared.update(found)
        ranked = sorted(
            shared.items(),
            key=lambda item: -2 * item[1] / (len(words) + len(words_new[item[0]]) or 1),
        )
        for j, _ in ranked[:_CANDIDATES]:
            score = similarity(old_text[i], new_text[j])
            if score >= threshold:
                # Nearer positions win ties: a repeated paragraph pairs with its neighbour.
                scored.append((score - abs(i - j) * 1e-9, i, j))
    scored.sort(reverse=True)
    used_old: set[int] = set()
    used_new: set[int] = set()
    for _, i, j in scored:
        if i not in used_old and j not in used_new:
            pairs.append((i, j))
            used_old.add(i)
            used_new.add(j)
    return pairs
