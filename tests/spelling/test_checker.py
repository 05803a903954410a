"""The spell checker on real Debian Hunspell dictionaries: what it flags and suggests."""

from __future__ import annotations

import pytest

from app.spelling import PersonalDictionary, SpellChecker, block_language
from app.spelling.dictionaries import load_dictionary


@pytest.fixture
def checker(tmp_path) -> SpellChecker:
    if load_dictionary("en") is None or load_dictionary("es") is None:
        pytest.fail("the hunspell-en-gb and hunspell-es dictionaries (and libenchant-2-2) must be "
                    "installed: packaging/check-system-deps.sh installs them")
    return SpellChecker(personal=PersonalDictionary(tmp_path / "words.txt"))


def words(checker: SpellChecker, text: str, language: str) -> list[str]:
    return [item.word for item in checker.misspellings(text, language)]


def test_english_and_spanish_words(checker):
    assert words(checker, "The Council reaffirms its commitment to the goverment.", "en") == ["goverment"]
    assert words(checker, "Reafirmamos nuestro compromiso con la negociacion.", "es") == ["negociacion"]
    assert words(checker, "Reafirmamos nuestro compromiso con la negociación.", "es") == []


def test_offsets_point_at_the_word(checker):
    text = "We welcome the recieved note."
    (item,) = checker.misspellings(text, "en")
    assert text[item.start:item.end] == "recieved"


def test_party_names_council_terms_and_codes_are_never_flagged(checker):
    text = ("Coreper, the Presidency, the EEAS and CLASI met in Brussels with Antigua and Barbuda, "
            "Trinidad and Tobago, Saint Vincent and the Grenadines and CELAC; LIMITE COLAC 27 "
            "CORDROGUE 26; see 6914/24 and 14860/1/18 REV 1, COM(2023) 123 and www.consilium.europa.eu.")
    assert words(checker, text, "en") == []
    spanish = ("La Presidencia, el SEAE y la CELAC se reunieron con Haití, Perú, Países Bajos y "
               "San Vicente y las Granadinas; con Ameripol, la UE-CELAC y eu-LISA.")
    assert words(checker, spanish, "es") == []


def test_suggestions(checker):
    assert "negociación" in checker.suggestions("negociacion", "es")
    assert "government" in checker.suggestions("goverment", "en")


def test_add_to_dictionary_persists_and_ignore_lasts_the_session(checker, tmp_path):
    assert words(checker, "The Zorblat clause.", "en") == ["Zorblat"]
    assert checker.add_word("Zorblat")
    assert words(checker, "The Zorblat clause.", "en") == []
    assert (tmp_path / "words.txt").read_text(encoding="utf-8") == "Zorblat\n"
    again = SpellChecker(personal=PersonalDictionary(tmp_path / "words.txt"))
    assert words(again, "The Zorblat clause.", "en") == []
    again.ignore("Quuxly")
    assert words(again, "Quuxly said.", "en") == []
    assert words(SpellChecker(personal=PersonalDictionary(tmp_path / "words.txt")),
                 "Quuxly said.", "en") == ["Quuxly"]


def test_no_dictionary_flags_nothing(tmp_path):
    checker = SpellChecker(personal=PersonalDictionary(tmp_path / "w.txt"), loader=lambda lang: None)
    assert checker.misspellings("Teh goverment", "en") == []
    assert checker.missing() == ["en", "es"]


def test_block_language_follows_a_plainly_spanish_paragraph():
    spanish = ("Los ministros de los Estados miembros de la CELAC y de la UE se reunieron en "
               "Bogotá para el diálogo sobre las drogas, y acordaron que el mecanismo es útil "
               "para la cooperación entre las dos regiones.")
    assert block_language(spanish, "en") == "es"
    assert block_language("Short text.", "en") == "en"


def test_a_party_the_user_added_to_the_draft_is_never_flagged(tmp_path):
    from app.model import Draft
    from app.model.parties import Party, PartyKind
    from app.spelling.terms import draft_words

    draft = Draft()
    draft.parties["ZZ"] = Party("ZZ", PartyKind.STATE, name_en="Zembla", name_es="Zemblia",
                                user_added=True)
    checker = SpellChecker(personal=PersonalDictionary(tmp_path / "w.txt"))
    assert words(checker, "Zembla and Zemblia spoke.", "en") == ["Zembla", "Zemblia"]
    checker.extra_words = draft_words(draft)
    assert words(checker, "Zembla and Zemblia spoke.", "en") == []
