"""Spell checking of plain text in English or Spanish: which words are misspelt, and how
they may be spelt. No Qt: the editor's underline (app.ui.spell_highlight) asks this.

Never flagged: party codes and names and the Council's vocabulary (`terms`), the user's
personal list, words ignored for the session, all-capital codes (LIMITE, COLAC), anything
with a digit (6914/24, 2018/0330(COD)), abbreviations and addresses with a dot inside
(e.g., www.consilium.europa.eu), and words with a capital inside (eu-LISA, iPhone).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .dictionaries import Dictionary, load_dictionary
from .personal import PersonalDictionary
from .terms import builtin_words

LANGUAGES = ("en", "es")

#: A run of word characters joined by apostrophes, hyphens, dots, slashes or @.
_TOKEN = re.compile(r"\w+(?:['’.\-/@]\w+)*", re.UNICODE)
_PART = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)


@dataclass(frozen=True)
class Misspelling:
    start: int
    end: int
    word: str


class SpellChecker:
    """Checks words against one dictionary per language, with caches (a 300-page draft has
    few distinct words, so each is looked up once)."""

    def __init__(self, personal: PersonalDictionary | None = None,
                 loader: Callable[[str], Dictionary | None] = load_dictionary,
                 extra_words: Iterable[str] = ()) -> None:
        self.personal = personal if personal is not None else PersonalDictionary()
        self._loader = loader
        self._dictionaries: dict[str, Dictionary | None] = {}
        self._known: dict[str, dict[str, bool]] = {}
        self._ignored: set[str] = set()
        self._extra = frozenset(word.casefold() for word in extra_words)

    @property
    def extra_words(self) -> frozenset[str]:
        """More words never flagged (the parties a draft added), case-folded."""
        return self._extra

    @extra_words.setter
    def extra_words(self, words: Iterable[str]) -> None:
        self._extra = frozenset(word.casefold() for word in words)
        self._known.clear()

    # -- dictionaries ---------------------------------------------------------------------
    def dictionary(self, language: str) -> Dictionary | None:
        if language not in self._dictionaries:
            self._dictionaries[language] = self._loader(language)
        return self._dictionaries[language]

    def available(self, language: str) -> bool:
        return self.dictionary(language) is not None

    def missing(self, languages: Iterable[str] = LANGUAGES) -> list[str]:
        return [language for language in languages if not self.available(language)]

    # -- words --------------------------------------------------------------------------
    def is_correct(self, word: str, language: str) -> bool:
        """True for a word the dictionary knows or that is never flagged (cached per word)."""
        cache = self._known.setdefault(language, {})
        known = cache.get(word)
        if known is None:
            known = self._decide(word, language)
            cache[word] = known
        return known

    def _decide(self, word: str, language: str) -> bool:
        if _never_flagged(word) or word in self._ignored or word in self.personal:
            return True
        folded = word.casefold()
        stem = folded[:-2] if folded.endswith(("'s", "’s")) else folded   # Ameripol's
        terms = builtin_words()
        if any(item in terms or item in self._extra for item in (folded, stem)):
            return True
        dictionary = self.dictionary(language)
        return dictionary is None or bool(dictionary.check(word.replace("’", "'")))

    def misspellings(self, text: str, language: str) -> list[Misspelling]:
        """The misspelt words of `text`, with their character offsets."""
        if self.dictionary(language) is None:
            return []
        found: list[Misspelling] = []
        for token in _TOKEN.finditer(text):
            value = token.group()
            if any(ch.isdigit() or ch in "@./_" for ch in value):
                continue  # numbers, document numbers, addresses, abbreviations
            for part in _PART.finditer(value):
                word = part.group().rstrip("'’")
                if word and not self.is_correct(word, language):
                    start = token.start() + part.start()
                    found.append(Misspelling(start, start + len(word), word))
        return found

    def word_at(self, text: str, offset: int, language: str) -> Misspelling | None:
        """The misspelt word covering `offset` (a click or the cursor), if any."""
        for item in self.misspellings(text, language):
            if item.start <= offset <= item.end:
                return item
        return None

    def suggestions(self, word: str, language: str, limit: int = 7) -> list[str]:
        dictionary = self.dictionary(language)
        if dictionary is None:
            return []
        try:
            found = dictionary.suggest(word.replace("’", "'"))
        except Exception:  # a binding error: no suggestions rather than a broken menu
            return []
        seen: list[str] = []
        for item in found:
            if item != word and item not in seen:
                seen.append(item)
        return seen[:limit]

    # -- the user's choices ---------------------------------------------------------------
    def add_word(self, word: str) -> bool:
        """Add to the personal list (kept on disk); False if the list could not be written."""
        self._known.clear()
        return self.personal.add(word)

    def ignore(self, word: str) -> None:
        """Never flag `word` again in this session."""
        self._known.clear()
        self._ignored.add(word)


def _never_flagged(word: str) -> bool:
    if len(word) < 2 or word.isupper():
        return True                     # "a", codes such as LIMITE, COLAC, EEAS
    return any(ch.isupper() for ch in word[1:])   # a capital inside: eu-LISA parts, McAllister


def block_language(text: str, default: str) -> str:
    """The language to check a paragraph in: `default` (the draft's) unless the paragraph
    plainly reads as the other checked language (a quoted Spanish passage in an English text)."""
    from app.importer.language import detect_language

    detected = detect_language(text)
    return detected if detected in LANGUAGES and detected != default else default
