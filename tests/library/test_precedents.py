"""Precedent finder: a paraphrased paragraph finds its agreed language and the changed words."""

from __future__ import annotations

from app.compare.words import DELETE, INSERT
from app.library import Library

AGREED = (
    "WE RECOGNISE the fundamental role of international cooperation in preventing and "
    "countering all aspects of the world drug problem and to this end, underline the importance "
    "of addressing, tackling and effectively responding to international and regional "
    "challenges and barriers."
)
PARAPHRASE = (
    "WE ACKNOWLEDGE the fundamental role of international cooperation in preventing and "
    "countering all aspects of the world drug problem and to this end, stress the importance "
    "of addressing, tackling and effectively responding to global and regional "
    "challenges and barriers."
)


def test_paraphrase_finds_its_source_with_the_changed_words(seeded: Library):
    found = seeded.precedents(PARAPHRASE)
    assert found
    best = found[0]
    assert best.hit.text == AGREED
    assert 0.85 < best.similarity < 1.0
    deleted = "".join(text for op, text in best.diff if op == DELETE)
    inserted = "".join(text for op, text in best.diff if op == INSERT)
    for word in ("RECOGNISE", "underline", "international and"):
        assert word.split()[0] in deleted
    for word in ("ACKNOWLEDGE", "stress", "global"):
        assert word in inserted
    assert "6914/24" in best.summary() and "3 word" in best.summary()
    assert best.hit.sources[0].number == "6914/24"
    # similarity ranks: every other candidate is further away
    assert all(item.similarity <= best.similarity for item in found)


def test_unchanged_paragraph_is_agreed_language(seeded: Library):
    best = seeded.precedents(AGREED)[0]
    assert best.similarity == 1.0
    assert best.changed_words == 0
    assert best.summary().startswith("agreed language from 6914/24")


def test_portable_path_finds_the_same_precedent(seeded: Library):
    assert seeded.precedents(PARAPHRASE, use_fts=False)[0].hit.text == AGREED


def test_unrelated_text_has_no_precedent(seeded: Library):
    assert seeded.precedents("Lorem ipsum dolor sit amet, consectetur adipiscing elit.") == []
