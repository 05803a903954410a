"""Word-level diff with diff-match-patch.

Each word, run of spaces and punctuation mark becomes one token; tokens are encoded as single
characters so diff-match-patch works on words, not letters, and with no timeout the result is
exact. The output is a list of (op, text) with op -1 (deleted), 0 (same), 1 (inserted).

`inline_diff` does the same on a block's inline content: a token there also carries its
formatting, and a footnote reference is a token of its own, so the redline keeps real
footnotes and formatting.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Hashable, Sequence

from diff_match_patch import diff_match_patch

from app.model.inline import FootnoteRef, Inline, TextRun

DELETE, EQUAL, INSERT = -1, 0, 1
_TOKEN = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)
_FORMATS = ("bold", "italic", "underline", "superscript")
#: First item of a footnote reference's token, (FOOTNOTE_TOKEN, id); no word starts with NUL.
FOOTNOTE_TOKEN = "\0fn"

Token = Hashable
TokenDiff = list[tuple[int, list[Token]]]


def tokenize(text: str) -> list[str]:
    return _TOKEN.findall(text)


def diff_tokens(old: Sequence[Token], new: Sequence[Token]) -> TokenDiff:
    """Exact diff of two token sequences, tidied so that it reads like an editor's change."""
    # One character per distinct token (skipping the surrogate range, which cannot stand
    # alone in a str); encoding is then one dict look-up per token, done in C by map().
    vocabulary: dict[Token, str] = {}
    for index, token in enumerate(dict.fromkeys([*old, *new]), start=1):
        vocabulary[token] = chr(index if index < 0xD800 else index + 0x800)
    decode = {code: token for token, code in vocabulary.items()}
    engine = diff_match_patch()
    engine.Diff_Timeout = 0
    diffs = engine.diff_main("".join(map(vocabulary.__getitem__, old)),
                             "".join(map(vocabulary.__getitem__, new)), False)
    engine.diff_cleanupSemantic(diffs)
    return _tidy([(op, list(map(decode.__getitem__, chars))) for op, chars in diffs])


def _is_blank(tokens: list[Token]) -> bool:
    return all(isinstance(t, str) and t.isspace() for t in tokens)


def _tidy(diffs: TokenDiff) -> TokenDiff:
    """Fold lone spaces between two changes into the change, then give each change as one
    deletion followed by one insertion: "growing threat" → "serious danger" reads as one
    replacement, not as two words struck and two inserted in alternation."""
    result: TokenDiff = []
    deleted: list[Token] = []
    inserted: list[Token] = []

    def flush() -> None:
        if deleted:
            result.append((DELETE, list(deleted)))
        if inserted:
            result.append((INSERT, list(inserted)))
        deleted.clear()
        inserted.clear()

    for index, (op, tokens) in enumerate(diffs):
        if not tokens:
            continue
        if op == DELETE:
            deleted.extend(tokens)
        elif op == INSERT:
            inserted.extend(tokens)
        else:
            between_changes = (deleted or inserted) and index + 1 < len(diffs) and _is_blank(tokens)
            if between_changes:
                deleted.extend(tokens)
                inserted.extend(tokens)
                continue
            flush()
            if result and result[-1][0] == EQUAL:
                result[-1][1].extend(tokens)
            else:
                result.append((EQUAL, list(tokens)))
    flush()
    return result


def word_diff(old: str, new: str) -> list[tuple[int, str]]:
    """Diff two texts word by word; joined, EQUAL+DELETE parts give `old`, EQUAL+INSERT `new`."""
    return [(op, "".join(tokens)) for op, tokens in diff_tokens(tokenize(old), tokenize(new))]


def similarity(old: str, new: str) -> float:
    """Share of words the two texts have in common, 0..1, from the word diff."""
    old_tokens, new_tokens = tokenize(old), tokenize(new)
    diffs = diff_tokens(old_tokens, new_tokens)
    same = sum(len(tokens) for op, tokens in diffs if op == EQUAL)
    total = max(len(old_tokens), len(new_tokens), 1)
    return same / total


def similar_enough(old: str, new: str, threshold: float) -> float:
    """`similarity`, or 0.0 when fewer than `threshold` of the words are shared at all
    (counted, in any order): unrelated paragraphs then cost a count, not a diff. Spaces and
    punctuation are left out of that count, since any two paragraphs share them."""
    old_tokens, new_tokens = tokenize(old), tokenize(new)
    total = max(len(old_tokens), len(new_tokens), 1)
    old_words = Counter(t for t in old_tokens if t[0].isalnum())
    new_words = Counter(t for t in new_tokens if t[0].isalnum())
    most = max(sum(old_words.values()), sum(new_words.values()), 1)
    if sum((old_words & new_words).values()) / most < threshold:
        return 0.0
    diffs = diff_tokens(old_tokens, new_tokens)
    return sum(len(tokens) for op, tokens in diffs if op == EQUAL) / total


# -- inline content --------------------------------------------------------------------------

def inline_tokens(content: Sequence[Inline]) -> list[Token]:
    """Tokens of a block's content: plain words as str, formatted words as (word, flags),
    footnote references as (FOOTNOTE_TOKEN, id)."""
    return _content_tokens(content, tokenize)


def tokens_to_inlines(tokens: Sequence[Token]) -> list[Inline]:
    """Tokens back to inline content: one run per stretch of one format (joined once)."""
    items: list[Inline] = []
    words: list[str] = []
    flags: tuple = ()

    def flush() -> None:
        if words:
            items.append(TextRun("".join(words), **{name: True for name in flags}))
            words.clear()

    for token in tokens:
        if isinstance(token, str):
            token_flags, word = (), token
        elif token[0] == FOOTNOTE_TOKEN:
            flush()
            items.append(FootnoteRef(token[1]))
            continue
        else:
            word, token_flags = token
        if token_flags != flags:
            flush()
            flags = token_flags
        words.append(word)
    flush()
    return items


def token_text(tokens: Sequence[Token]) -> str:
    """The plain text of tokens (footnote references leave no text)."""
    return "".join(t if isinstance(t, str) else ("" if t[0] == FOOTNOTE_TOKEN else t[0]) for t in tokens)


def coarse_tokens(content: Sequence[Inline]) -> list[Token]:
    """Tokens for content shown as it is (no diff): one per run, which renders the same and
    spares tokenising text that is not compared word by word."""
    return _content_tokens(content, lambda text: [text])


def _content_tokens(content: Sequence[Inline], split: Callable[[str], list[str]]) -> list[Token]:
    tokens: list[Token] = []
    for item in content:
        if isinstance(item, FootnoteRef):
            tokens.append((FOOTNOTE_TOKEN, item.footnote_id))
            continue
        flags = _flags(item)
        words = split(item.text)
        tokens.extend([(word, flags) for word in words] if flags else words)
    return tokens


def inline_diff(old: Sequence[Inline], new: Sequence[Inline]) -> TokenDiff:
    if (len(old) == 1 == len(new) and type(old[0]) is TextRun is type(new[0])
            and old[0].same_format(new[0]) and not _flags(old[0])):
        return _plain_diff(old[0].text, new[0].text)
    return diff_tokens(inline_tokens(old), inline_tokens(new))


def _flags(run: TextRun) -> tuple:
    return tuple(name for name in _FORMATS if getattr(run, name))


def _plain_diff(old: str, new: str) -> TokenDiff:
    """Word diff of two plain texts, tokenising only the stretch between their common start
    and end (cut at spaces, so words stay whole): most of a changed paragraph is unchanged."""
    prefix = _common_length(old, new, lambda n: old[:n] == new[:n], min(len(old), len(new)))
    start = old.rfind(" ", 0, prefix) + 1           # after a space: whole words only
    suffix = _common_length(old, new, lambda n: old[len(old) - n:] == new[len(new) - n:],
                            min(len(old), len(new)) - start)
    end_old, end_new = len(old), len(new)
    space = old.find(" ", len(old) - suffix) if suffix else -1
    if space != -1:                                 # the common end starts at a space
        end_old, end_new = space, len(new) - (len(old) - space)
    diffs = diff_tokens(tokenize(old[start:end_old]), tokenize(new[start:end_new]))
    if start:
        diffs = _with_equal(diffs, old[:start], at_start=True)
    if end_old < len(old):
        diffs = _with_equal(diffs, old[end_old:], at_start=False)
    return diffs


def _common_length(old: str, new: str, same, limit: int) -> int:
    """The largest n <= limit with same(n), by halving: slices compare at C speed."""
    low, high = 0, max(limit, 0)
    while low < high:
        middle = (low + high + 1) // 2
        if same(middle):
            low = middle
        else:
            high = middle - 1
    return low


def _with_equal(diffs: TokenDiff, text: str, at_start: bool) -> TokenDiff:
    if at_start:
        if diffs and diffs[0][0] == EQUAL:
            return [(EQUAL, [text, *diffs[0][1]])] + diffs[1:]
        return [(EQUAL, [text])] + diffs
    if diffs and diffs[-1][0] == EQUAL:
        return diffs[:-1] + [(EQUAL, [*diffs[-1][1], text])]
    return diffs + [(EQUAL, [text])]
