"""Spell checking in English and Spanish (plain Python; the editor's underline is in app.ui)."""

from .checker import LANGUAGES, Misspelling, SpellChecker, block_language
from .personal import PersonalDictionary

__all__ = ["LANGUAGES", "Misspelling", "PersonalDictionary", "SpellChecker", "block_language"]
