"""Dates and times as the interface shows them, through Babel in the UI language:
"23 Nov 2026, 18:40" / "23 nov 2026, 18:40"."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date, format_datetime

from . import LOCALES, ui_language

_DATETIME_PATTERN = "d MMM y, HH:mm"


def _locale(language: str | None) -> str:
    return LOCALES.get(language or ui_language(), LOCALES["en"])


def ui_datetime(moment: dt.datetime, language: str | None = None) -> str:
    """A moment in the user's time zone (when it has one) in the UI language."""
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return format_datetime(moment, _DATETIME_PATTERN, locale=_locale(language))


def ui_date(value: dt.date, language: str | None = None) -> str:
    """"23 Nov 2026" / "23 nov 2026"."""
    return format_date(value, "medium", locale=_locale(language))
