"""Which language a text is written in, by its most common short words.

A stop-word count is enough to tell the Council's working languages apart on a paragraph or
more of text, needs no model and runs in linear time. It answers None when the text is too
short or too mixed to say.
"""

from __future__ import annotations

import re
from collections import Counter

from app.i18n import N_, _

from .reading import TextImportError

#: Short words frequent in running text of each language and rare in the others.
#: Words shared by several languages ("a", "de", "en", "la") are left out on purpose.
STOP_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "the and of to in is that for with as on by this are be which from at it its has have "
        "shall their our we will not been were would should".split()),
    "es": frozenset(
        "el los las del y que por con para una como sus nuestro nuestra nuestros es se su "
        "al lo más este esta estos sobre entre también".split()),
    "fr": frozenset(
        "le les des et du que pour dans une est qui au aux sur nous ses par ces leur avec "
        "sont été cette".split()),
    "de": frozenset(
        "der die das und den dem des zu mit ist für auf ein eine nicht von im sich wir auch "
        "werden wird sind".split()),
    "it": frozenset(
        "il gli della delle dei che per con una sono nella nel alla degli questo ed è".split()),
    "pt": frozenset(
        "os das dos não uma para com que nas nos pela pelo são também seu sua ao".split()),
}

#: Fewer matched stop words than this and the text is too short to judge.
MIN_EVIDENCE = 8
#: The winner must have at least this share of all matched stop words.
MIN_SHARE = 0.5

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_SCRIPT_NON_LATIN = re.compile(r"[\u0400-\u04FF\u0590-\u05FF\u0600-\u06FF\u0370-\u03FF\u4E00-\u9FFF]")

LANGUAGE_NAMES = {"en": N_("English"), "es": N_("Spanish"), "fr": N_("French"),
                  "de": N_("German"), "it": N_("Italian"), "pt": N_("Portuguese"),
                  "other": N_("another language")}


def language_name(code: str) -> str:
    """The untranslated name of a language code (pass it through `_` to show it)."""
    return LANGUAGE_NAMES.get(code, code)


def language_scores(text: str, limit: int = 200_000) -> Counter[str]:
    """Stop-word hits per language in the first `limit` characters of `text`."""
    scores: Counter[str] = Counter()
    for match in _WORD.finditer(text[:limit]):
        word = match.group().lower()
        for language, words in STOP_WORDS.items():
            if word in words:
                scores[language] += 1
    return scores


def detect_language(text: str) -> str | None:
    """'en', 'es', 'fr', 'de', 'it', 'pt', 'other' (mostly a non-Latin script) or None."""
    sample = text[:200_000]
    letters = sum(1 for ch in sample if ch.isalpha())
    if letters and len(_SCRIPT_NON_LATIN.findall(sample)) > letters / 2:
        return "other"
    scores = language_scores(sample)
    total = sum(scores.values())
    if total < MIN_EVIDENCE:
        return None
    language, hits = scores.most_common(1)[0]
    if hits / total < MIN_SHARE:
        return None
    return language


class WrongLanguageError(TextImportError):
    """A text given as one language that reads as another; `force` imports it anyway."""

    def __init__(self, detected: str, expected: str, path=None) -> None:
        super().__init__(_("This text reads as {detected}, not {expected}.").format(
            detected=_(language_name(detected)), expected=_(language_name(expected))), path)
        self.detected, self.expected = detected, expected


def check_language(text: str, expected: str, path=None) -> None:
    """WrongLanguageError when `text` plainly reads as another language than `expected`.
    Too short or mixed a text, or a language we have no stop words for, is let through."""
    detected = detect_language(text)
    if detected is None or detected == expected:
        return
    if expected in STOP_WORDS or detected == "other":
        raise WrongLanguageError(detected, expected, path)
