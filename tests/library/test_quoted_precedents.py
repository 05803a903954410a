"""Precedents on real texts: a quote inside a longer paragraph, the other way round, a
paraphrase, a Spanish paragraph and its English pair, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import re

import pytest

from app.library import Library
from app.library.readers import read_source

from .conftest import EU_CELAC_2023, LAPAZ_SEED, UDHR_EN, UDHR_ES

#: The second sentence the La Paz declaration quotes from the 2023 summit declaration.
QUOTED = ("We recognise the significant challenge and the efforts made in the fight against "
          "international criminal groups, especially those involved in illicit drugs production "
          "and trafficking.")


def we_note() -> str:
    """Seed 000's paragraph quoting the 2023 EU–CELAC summit declaration."""
    (text,) = [block.text for block in read_source(LAPAZ_SEED).blocks if block.text.startswith("WE NOTE")]
    return text


@pytest.fixture
def summit(library: Library) -> Library:
    report = library.add([EU_CELAC_2023], overrides={"date": "2023-07-18"})
    assert report.outcomes[0].status == "added" and report.outcomes[0].clauses == 3
    return library


def test_a_paragraph_quoting_an_earlier_declaration_finds_each_quoted_passage(summit: Library):
    paragraph = we_note()
    found = summit.precedents(paragraph)
    by_place = {item.hit.sources[0].citation: item for item in found}
    assert set(by_place) == {"para. 1", "para. 2", "para. 3"}
    best = found[0]
    # The longest quote ranks first and is marked, word for word, in both texts.
    assert best.hit.sources[0].citation == "para. 2"
    (passage,) = best.passages
    assert passage.words == 25 == best.shared_words
    assert passage.text == QUOTED.rstrip(".")
    quoted_in_paragraph = paragraph[passage.paragraph_span[0]:passage.paragraph_span[1]]
    assert quoted_in_paragraph.startswith("We, recognise the significant challenge")
    assert quoted_in_paragraph.endswith("illicit drugs production and trafficking")
    assert best.summary() == "25 words from EU–CELAC Summit Declaration 2023, para. 2 (18 July 2023)"
    assert best.agreed and not best.is_rewording
    # The other two quotes: "EU-CELAC" and "EU - CELAC" are the same two words.
    assert by_place["para. 1"].shared_words == 19
    assert by_place["para. 3"].shared_words == 19


def test_a_block_inside_a_longer_clause_finds_that_clause(library: Library):
    library.add([LAPAZ_SEED])
    block = QUOTED[:-1] + ", and call for closer judicial cooperation between the two regions."
    best = library.precedents(block)[0]
    assert best.hit.text.startswith("WE NOTE that the declaration following the third Summit")
    assert best.shared_words == 25 and best.summary().startswith("25 words from 6914/24, ")
    assert "§" not in best.summary()


def test_a_paraphrase_with_a_few_changed_words_is_still_found(summit: Library):
    paraphrase = ("We acknowledge the significant challenge and the efforts made in the fight against "
                  "transnational criminal groups, especially those involved in illicit drugs "
                  "production and trafficking.")
    best = summit.precedents(paraphrase)[0]
    assert best.hit.sources[0].citation == "para. 2"
    assert best.is_rewording and best.changed_words == 2
    assert best.summary() == ("agreed language from EU–CELAC Summit Declaration 2023, para. 2 "
                              "(18 July 2023) except for 2 words")


def test_a_spanish_paragraph_finds_the_spanish_clause_and_through_its_pair_the_english(library: Library):
    library.add([UDHR_EN, UDHR_ES])
    # Article 3 quoted inside a longer Spanish sentence of a new draft.
    paragraph = ("RECORDAMOS que, como proclama la Declaración Universal, todo individuo tiene "
                 "derecho a la vida, a la libertad y a la seguridad de su persona, y nos "
                 "comprometemos a defender ese principio en la cooperación birregional.")
    best = library.precedents(paragraph)[0]
    assert best.hit.language == "es"
    assert best.hit.text.startswith("Todo individuo tiene derecho a la vida")
    assert best.shared_words >= 14
    english_id, english = best.translations["en"]
    assert english.startswith("Everyone has the right to life, liberty and the security of person")
    # A Spanish paraphrase of a recital (one word changed) is a rewording of it.
    recital = ("Considerando esencial promover el desarrollo de relaciones amistosas entre los "
               "pueblos;")
    best = library.precedents(recital, language="es")[0]
    assert best.hit.text.startswith("Considerando también esencial promover el desarrollo")
    assert best.is_rewording
    assert best.hit.sources[0].citation == "preamble, 4th recital"
    assert best.translations["en"][1].startswith("Whereas it is essential to promote the development")


def test_no_citation_is_an_internal_block_index(library: Library):
    library.add([LAPAZ_SEED, UDHR_EN])
    hits = library.search("cooperation OR dignity", limit=50) + library.search("dignity", limit=50)
    labels = [source.label for hit in hits for source in hit.sources]
    assert labels and not any("§" in label for label in labels)
    assert all(re.search(r"para\. \d|point \(|recital|operative, \d|list item|paragraph", label)
               for label in labels), labels
