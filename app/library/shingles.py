"""Word shingles: the index that finds a passage two texts share, however long the rest is.

A clause's folded words are cut into overlapping runs of `K` words, each hashed to a signed
64-bit integer (a PostgreSQL bigint, a SQLite integer). Storing every run would cost one row per
word; winnowing keeps, from each window of `WINDOW` consecutive runs, the smallest hash, which
keeps about 2 / (WINDOW + 1) of them and still guarantees that any passage of
`GUARANTEED_WORDS` or more words shared by two texts shares at least one stored hash.

A paragraph looking for precedents hashes ALL its runs (it is one text, not a million), so a
clause is found when any of its stored hashes is among them.
"""

from __future__ import annotations

import hashlib

from .normalise import words

K = 4
WINDOW = 5
GUARANTEED_WORDS = K + WINDOW - 1   # 8


def run_hashes(text: str) -> list[int]:
    """The hash of every run of K folded words, in order (one run for a shorter text).

    Each word is hashed once (blake2b, cached: a library's vocabulary is small), and a run's
    hash combines its words' hashes, so a clause costs a few dictionary look-ups per word."""
    found = [_word_hash(word) for word in words(text)]
    if not found:
        return []
    if len(found) < K:
        return [_combine(found)]
    return [_combine(found[index:index + K]) for index in range(len(found) - K + 1)]


def fingerprints(text: str) -> set[int]:
    """The winnowed hashes stored for a clause."""
    hashes = run_hashes(text)
    if len(hashes) <= WINDOW:
        return {min(hashes)} if hashes else set()
    chosen: set[int] = set()
    for start in range(len(hashes) - WINDOW + 1):
        chosen.add(min(hashes[start:start + WINDOW]))
    return chosen


_MASK = (1 << 64) - 1
_PRIME = 0x100000001B3
_words: dict[str, int] = {}


def _word_hash(word: str) -> int:
    value = _words.get(word)
    if value is None:
        if len(_words) > 500_000:      # names and numbers: keep the cache bounded
            _words.clear()
        value = int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "big")
        _words[word] = value
    return value


def _combine(hashes: list[int]) -> int:
    """One signed 64-bit hash for a run, from its words' hashes in order."""
    value = len(hashes)
    for item in hashes:
        value = ((value * _PRIME) ^ item) & _MASK
    return value - (1 << 64) if value >= 1 << 63 else value
