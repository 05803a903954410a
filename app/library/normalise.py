"""Folding text for comparison: the same clause typed twice must give the same key.

Agreed language is reused with small typographic drift (curly vs straight quotes, a
non-breaking space, "co‐operation" with U+2010, a renumbered paragraph, a trailing ";" turned
into "."). The key ignores all of that, plus case and accents, so those count as one clause.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")
_QUOTES = {
    **dict.fromkeys(map(ord, "\u2018\u2019\u201a\u201b\u2032"), "'"),
    **dict.fromkeys(map(ord, "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033"), '"'),
}
_SPACES = re.compile(r"\s+")
#: "7. ", "7) ", "(a) ", "a) ", "iv. " — a paragraph's own number, which changes between texts.
LEADING_NUMBER = re.compile(r"^\s*(\(?(\d{1,3}|[a-z]|[ivxlc]{1,6})[.)]\s+)", re.IGNORECASE)
_BULLETS = re.compile(r"^[\s\-\u2022\u25aa\u25cf\u2756\u27a2\u2013\u00b7*]+")
_TRAILING = re.compile(r"[\s;,.:]+$")


#: Combining marks left by NFKD decomposition (accents, cedillas, tildes …).
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text: str) -> str:
    """Lower case, no accents, plain quotes and dashes, single spaces."""
    if not text.isascii():   # most agreed language is plain ASCII: skip the Unicode work
        text = unicodedata.normalize("NFKD", text.translate(_DASHES).translate(_QUOTES))
        text = _COMBINING.sub("", text)
    return _SPACES.sub(" ", text).strip().casefold()


def split_number(text: str) -> tuple[str, str]:
    """("7", "Reiterate …") for "7. Reiterate …"; ("", text) when there is no number."""
    match = LEADING_NUMBER.match(text)
    if not match or len(text) - match.end() < 3:
        return "", text.strip()
    label = match.group(2)
    # A lone "I." or "a." might be a sentence; only take letters when a bracket or dot follows.
    return label, text[match.end():].strip()


def clean_clause_text(text: str) -> str:
    """The clause as stored: bullet marks and the paragraph's own number removed."""
    text = _BULLETS.sub("", text.replace("\u00a0", " ")).strip()
    return _SPACES.sub(" ", split_number(text)[1]).strip()


def clause_key(text: str) -> str:
    """The dedup key of a clause: its folded text without number and final punctuation."""
    # Quote marks are dropped: 'x', "x" and “x” are the same wording.
    return _TRAILING.sub("", fold(clean_clause_text(text)).replace('"', "").replace("'", ""))


def key_hash(text: str) -> str:
    return hashlib.sha256(clause_key(text).encode("utf-8")).hexdigest()


_WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


_EN = set("the of and to in that for with on by is are as be this which all our we its".split())
_ES = set("el la los las de del y que en por para con una un se su sus al es lo como nuestra".split())


def guess_language(text: str) -> str:
    """"en" or "es" from function words; good enough for declarations (no other language here)."""
    sample = words(text[:20000])
    english = sum(1 for word in sample if word in _EN)
    spanish = sum(1 for word in sample if word in _ES)
    return "es" if spanish > english else "en"
