"""How a recovery copy is described when a crash left one: when it was written, how old it is,
and that edits after it are not in it, in the UI language (times by Babel, plurals by
ngettext). No Qt here: the file controller puts the sentence in its question."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_datetime, format_time

from app.i18n import LOCALES, _, ngettext, ui_language


def describe_recovery_copy(written: dt.datetime, now: dt.datetime | None = None,
                           language: str | None = None) -> str:
    """"Recovery copy from 14:32, 3 minutes old; edits after that are not in it.\""""
    now = now or dt.datetime.now()
    locale = LOCALES.get(language or ui_language(), LOCALES["en"])
    if written.date() == now.date():
        when = format_time(written, format="short", locale=locale)
    else:
        when = format_datetime(written, format="short", locale=locale)
    return _("Recovery copy from {time}, {age}; edits after that are not in it.").format(
        time=when, age=describe_age(now - written))


def describe_age(age: dt.timedelta) -> str:
    """"less than a minute old", "3 minutes old", "2 hours old", "5 days old"."""
    minutes = max(0, int(age.total_seconds() // 60))
    if minutes < 1:
        return _("less than a minute old")
    if minutes < 60:
        return ngettext("{count} minute old", "{count} minutes old", minutes).format(
            count=minutes)
    hours = minutes // 60
    if hours < 48:
        return ngettext("{count} hour old", "{count} hours old", hours).format(count=hours)
    days = hours // 24
    return ngettext("{count} day old", "{count} days old", days).format(count=days)
