"""Reading "Brussels, 28 February 2024" / "Bruselas, 28 de febrero de 2024" on a cover."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from functools import lru_cache

from babel.dates import get_month_names

#: Languages whose month names a cover date may use (the Council's working languages first).
DATE_LOCALES = ("en", "es", "fr", "de", "it", "pt", "nl")

_DAY_MONTH_YEAR = re.compile(
    r"^(?P<day>\d{1,2})(?:\.|º|er)?\s+(?:de\s+)?(?P<month>[^\W\d_]+)\.?,?\s+(?:de\s+)?(?P<year>\d{4})$",
    re.IGNORECASE,
)
_MONTH_DAY_YEAR = re.compile(
    r"^(?P<month>[^\W\d_]+)\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})$", re.IGNORECASE
)
_ISO = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})$")


def _fold(word: str) -> str:
    """Lower case without accents, so "Février" and "fevrier" are the same month."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char)).rstrip(".")


@lru_cache(maxsize=1)
def month_numbers() -> dict[str, int]:
    """Month name (wide and abbreviated, every DATE_LOCALES language) → 1..12, from Babel."""
    table: dict[str, int] = {}
    for locale in DATE_LOCALES:
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in get_month_names(width, context, locale=locale).items():
                    table.setdefault(_fold(name), number)
    return table


def parse_cover_date(text: str) -> date | None:
    text = " ".join(text.strip().rstrip(".").split())
    match = _ISO.match(text)
    if match:
        return _make(match["year"], match["month"], match["day"])
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        match = pattern.match(text)
        if match:
            month = month_numbers().get(_fold(match["month"]))
            if month:
                return _make(match["year"], month, match["day"])
    return None


def _make(year, month, day) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None
