"""Word-level diff with diff-match-patch.

Each word, run of spaces and punctuation mark becomes one token; tokens are encoded as single
characters so diff-match-patch works on words, not letters, and with no timeout the result is
exact. The output is a list of (op, text) with op -1 (deleted), 0 (same), 1 (inserted).
"""

from __future__ import annotations

import re

from diff_match_patch import diff_match_patch

DELETE, EQUAL, INSERT = -1, 0, 1
_TOKEN = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)


def tokenize(text: str) -> list[str]:
    return _TOKEN.findall(text)


def word_diff(old: str, new: str) -> list[tuple[int, str]]:
    """Diff two texts word by word; joined, EQUAL+DELETE parts give `old`, EQUAL+INSERT `new`."""
    vocabulary: dict[str, str] = {}

    def encode(tokens: list[str]) -> str:
        chars = []
        for token in tokens:
            code = vocabulary.get(token)
            if code is None:
                # Skip the surrogate range: those code points cannot stand alone in a str.
                index = len(vocabulary) + 1
                code = chr(index if index < 0xD800 else index + 0x800)
                vocabulary[token] = code
            chars.append(code)
        return "".join(chars)

    old_tokens, new_tokens = tokenize(old), tokenize(new)
    engine = diff_match_patch()
    engine.Diff_Timeout = 0
    diffs = engine.diff_main(encode(old_tokens), encode(new_tokens), False)
    engine.diff_cleanupSemantic(diffs)
    decode = {code: token for token, code in vocabulary.items()}
    result: list[tuple[int, str]] = []
    for op, chars in diffs:
        text = "".join(decode[ch] for ch in chars)
        if result and result[-1][0] == op:
            result[-1] = (op, result[-1][1] + text)
        else:
            result.append((op, text))
    return result


def similarity(old: str, new: str) -> float:
    """Share of words the two texts have in common, 0..1, from the word diff."""
    diffs = word_diff(old, new)
    same = sum(len(tokenize(text)) for op, text in diffs if op == EQUAL)
    total = max(len(tokenize(old)), len(tokenize(new)), 1)
    return same / total
