"""Translations, dates and names in English and Spanish.

UI strings go through `_()`, which follows the UI language set with `set_ui_language`. Export
labels never do: a writer asks `translator(lang)` for the catalog of the export language. The
catalogs are read from `translations/<lang>/LC_MESSAGES/messages.po` (or a compiled `.mo` next
to it) with Babel, so a fresh checkout needs no compile step.
"""

from __future__ import annotations

import gettext
import os
from datetime import date
from functools import lru_cache
from pathlib import Path

from babel.dates import format_date

SUPPORTED_LANGUAGES = ("en", "es")
#: Babel locale used for dates and names per language; en_GB gives "28 February 2024".
LOCALES = {"en": "en_GB", "es": "es_ES"}


def translations_dir() -> Path:
    override = os.environ.get("CONCORDIA_TRANSLATIONS")
    if override:
        return Path(override)
    packaged = Path(__file__).resolve().parent / "translations"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "translations"


class Translator:
    """A message catalog for one language: gettext, pgettext and ngettext."""

    def __init__(self, language: str, messages: dict[tuple[str | None, str], str]) -> None:
        self.language = language
        self._messages = messages

    def gettext(self, message: str) -> str:
        return self._messages.get((None, message)) or message

    def pgettext(self, context: str, message: str) -> str:
        return self._messages.get((context, message)) or message

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        found = self._messages.get((None, singular))
        if isinstance(found, tuple):
            return found[0] if count == 1 else found[-1]
        return singular if count == 1 else plural

    def knows(self, message: str, context: str | None = None) -> bool:
        return bool(self._messages.get((context, message)))


@lru_cache(maxsize=None)
def translator(language: str) -> Translator:
    """The catalog for `language` ("en" is the source language and needs none)."""
    if language not in SUPPORTED_LANGUAGES:
        raise ValueError(f"unsupported language {language!r}; choose one of {SUPPORTED_LANGUAGES}")
    if language == "en":
        return Translator("en", {})
    folder = translations_dir() / language / "LC_MESSAGES"
    messages: dict = {}
    po_file = folder / "messages.po"
    if po_file.exists():
        from babel.messages.pofile import read_po

        with po_file.open("rb") as handle:
            catalog = read_po(handle, locale=language)
        for message in catalog:
            if not message.id or not message.string:
                continue
            key = message.id[0] if isinstance(message.id, tuple) else message.id
            value = message.string
            if isinstance(value, tuple):
                value = value if any(value) else None
            if value:
                messages[(message.context, key)] = value
    elif (folder / "messages.mo").exists():
        with (folder / "messages.mo").open("rb") as handle:
            compiled = gettext.GNUTranslations(handle)
        for key, value in compiled._catalog.items():  # type: ignore[attr-defined]
            if isinstance(key, str) and key:
                context, _, msgid = key.rpartition("\x04")
                messages[(context or None, msgid)] = value
    return Translator(language, messages)


_ui_language = "en"


def set_ui_language(language: str) -> None:
    global _ui_language
    translator(language)  # fail early on an unknown language
    _ui_language = language


def ui_language() -> str:
    return _ui_language


def _(message: str) -> str:
    """Translate a UI string into the current UI language."""
    return translator(_ui_language).gettext(message)


def N_(message: str) -> str:
    """Mark a string for extraction without translating it yet."""
    return message


def format_long_date(value: date, language: str) -> str:
    """"28 February 2024" / "28 de febrero de 2024"."""
    return format_date(value, format="long", locale=LOCALES[language])


def guess_ui_language() -> str:
    for variable in ("CONCORDIA_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            code = value.split("_")[0].split(".")[0].lower()
            return code if code in SUPPORTED_LANGUAGES else "en"
    return "en"
