"""Dates in the interface follow the UI language (Babel), and plurals read right in both."""

from __future__ import annotations

import datetime as dt

from app.i18n import set_ui_language, translator, ui_language
from app.i18n.ui_dates import ui_date, ui_datetime


def test_dates_in_the_ui_language():
    moment = dt.datetime(2026, 11, 23, 18, 40)
    assert ui_datetime(moment, "en") == "23 Nov 2026, 18:40"
    assert ui_datetime(moment, "es") == "23 nov 2026, 18:40"
    assert ui_date(dt.date(2024, 2, 28), "es") == "28 feb 2024"
    before = ui_language()
    set_ui_language("es")
    try:
        assert ui_datetime(moment) == "23 nov 2026, 18:40"
    finally:
        set_ui_language(before)


def test_english_plurals_have_no_parenthesised_s():
    english = translator("en")
    assert english.ngettext("{count} pair out of step", "{count} pairs out of step", 1) \
        == "{count} pair out of step"
    assert english.ngettext("{count} footnote is not referenced in the text and was left out.",
                            "{count} footnotes are not referenced in the text and were left "
                            "out.", 3).startswith("{count} footnotes are")
