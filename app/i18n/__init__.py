"""Translations, dates and names in English and Spanish.

UI strings go through `_()`, which follows the UI language set with `set_ui_language`. Export
labels never do: a writer asks `translator(lang)` for the catalog of the export language. The
catalogs are read from `translations/<lang>/LC_MESSAGES/messages.po` (or a compiled `.mo` next
to it) with Babel, so a fresh checkout needs no compile step.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Callable
from datetime import date
from functools import cache
from pathlib import Path

from babel.dates import format_date

SUPPORTED_LANGUAGES = ("en", "es")
#: Babel locale used for dates and names per language; en_GB gives "28 February 2024".
LOCALES = {"en": "en_GB", "es": "es_ES"}


def _english_plural(count: int) -> int:
    return int(count != 1)


def translations_dir() -> Path:
    override = os.environ.get("CONCORDIA_TRANSLATIONS")
    if override:
        return Path(override)
    packaged = Path(__file__).resolve().parent / "translations"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "translations"


class Translator:
    """A message catalog for one language: gettext, pgettext, ngettext and npgettext.

    `messages` maps (context, msgid) to a translation: a string, or for a plural entry the tuple
    of its forms, chosen by `plural` (count → form index, the catalog's Plural-Forms rule).
    Anything untranslated falls back to the English source, form by form.
    """

    def __init__(self, language: str, messages: dict[tuple[str | None, str], str | tuple[str, ...]],
                 plural: Callable[[int], int] = _english_plural) -> None:
        self.language = language
        self._messages = messages
        self._plural = plural

    def _single(self, context: str | None, message: str) -> str:
        found = self._messages.get((context, message))
        if isinstance(found, tuple):  # a plural entry asked for without a count: its first form
            found = found[0]
        return found or message

    def _plural_form(self, context: str | None, singular: str, plural: str, count: int) -> str:
        found = self._messages.get((context, singular))
        english = singular if count == 1 else plural
        if not isinstance(found, tuple):
            return english
        index = self._plural(count)
        return (found[index] if 0 <= index < len(found) else "") or english

    def gettext(self, message: str) -> str:
        return self._single(None, message)

    def pgettext(self, context: str, message: str) -> str:
        return self._single(context, message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return self._plural_form(None, singular, plural, count)

    def npgettext(self, context: str, singular: str, plural: str, count: int) -> str:
        return self._plural_form(context, singular, plural, count)

    def knows(self, message: str, context: str | None = None) -> bool:
        found = self._messages.get((context, message))
        return bool(found if not isinstance(found, tuple) else any(found))


@cache
def translator(language: str) -> Translator:
    """The catalog for `language` ("en" is the source language and needs none)."""
    if language not in SUPPORTED_LANGUAGES:
        raise ValueError(f"unsupported language {language!r}; choose one of {SUPPORTED_LANGUAGES}")
    if language == "en":
        return Translator("en", {})
    folder = translations_dir() / language / "LC_MESSAGES"
    if (folder / "messages.po").exists():
        return _from_po(language, folder / "messages.po")
    if (folder / "messages.mo").exists():
        return _from_mo(language, folder / "messages.mo")
    return Translator(language, {})


def _from_po(language: str, po_file: Path) -> Translator:
    from babel.messages.pofile import read_po

    with po_file.open("rb") as handle:
        catalog = read_po(handle, locale=language)
    messages: dict[tuple[str | None, str], str | tuple[str, ...]] = {}
    for message in catalog:
        # Fuzzy entries are guesses awaiting review: like msgfmt, never show them.
        if not message.id or not message.string or message.fuzzy:
            continue
        if isinstance(message.id, (tuple, list)):
            forms = tuple(message.string) if isinstance(message.string, (tuple, list)) else (message.string,)
            if any(forms):
                messages[(message.context, message.id[0])] = forms
        elif isinstance(message.string, str):
            messages[(message.context, message.id)] = message.string
    return Translator(language, messages, gettext.c2py(catalog.plural_expr))


def _from_mo(language: str, mo_file: Path) -> Translator:
    with mo_file.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    messages: dict[tuple[str | None, str], str | tuple[str, ...]] = {}
    plurals: dict[tuple[str | None, str], dict[int, str]] = {}
    for key, value in compiled._catalog.items():  # type: ignore[attr-defined]
        # A plural entry is stored as one key per form: (msgid, form index).
        msgid, index = (key, None) if isinstance(key, str) else key
        if not msgid:
            continue
        context, _sep, msgid = msgid.rpartition("\x04")
        if index is None:
            messages[(context or None, msgid)] = value
        else:
            plurals.setdefault((context or None, msgid), {})[index] = value
    for entry, forms in plurals.items():
        messages[entry] = tuple(forms.get(i, "") for i in range(max(forms) + 1))
    return Translator(language, messages, compiled.plural)  # type: ignore[attr-defined]


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


def ngettext(singular: str, plural: str, count: int) -> str:
    """A UI string with plural forms ("{n} file" / "{n} files") in the current UI language."""
    return translator(_ui_language).ngettext(singular, plural, count)


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
