"""A span follows its own words through a paragraph's word diff: exactly, narrowed, or not."""

import random
import re

from app.compare.anchor_map import Fit, TextMap
from tests.conftest import CLASI_SEED

SENTENCE = ("Recognise that the rule of law and the respect for all human rights are of key "
            "importance for our cooperation, noting in this regard that the protection of "
            "personal data is essential")
WORDS = "the protection of personal data"


def _place(old: str, new: str, words: str = WORDS):
    start = old.index(words)
    tm = TextMap(old, new)
    placement = tm.place(start, start + len(words))
    return placement, new[placement.start:placement.end]


def test_edit_earlier_in_the_sentence_keeps_the_exact_words():
    new = SENTENCE.replace("key importance", "key and fundamental importance")
    placement, words = _place(SENTENCE, new)
    assert placement.fit == Fit.EXACT and words == WORDS


def test_words_inserted_inside_the_span_orphan_it_rather_than_grow_it():
    new = SENTENCE.replace("of personal data", "of all personal data")
    placement, _ = _place(SENTENCE, new)
    assert placement.fit == Fit.CHANGED and placement.start == placement.end


def test_end_of_the_span_replaced_narrows_it_to_its_surviving_words():
    new = SENTENCE.replace("personal data is", "personal information is")
    placement, words = _place(SENTENCE, new)
    assert placement.fit == Fit.NARROWED and words == "the protection of personal"


def test_span_whose_words_are_deleted_is_gone():
    new = SENTENCE.replace("the protection of personal data", "privacy")
    placement, _ = _place(SENTENCE, new)
    assert placement.fit == Fit.GONE


def test_hole_in_the_middle_is_changed_not_narrowed():
    new = SENTENCE.replace("protection of personal", "protection of the")
    placement, _ = _place(SENTENCE, new)
    assert placement.fit == Fit.CHANGED


def _random_edit(rng: random.Random, text: str) -> str:
    tokens = re.findall(r"\w+|\s+|[^\w\s]", text)
    vocabulary = ["the", "data", "of", "protection", "new", "and", ",", "personal", "fully"]
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(tokens) + 1)
        action = rng.choice(["insert", "delete", "replace"])
        if action == "insert" or not tokens:
            tokens[at:at] = [" ", rng.choice(vocabulary), " "]
        elif action == "delete":
            del tokens[at:at + rng.randint(1, 6)]
        else:
            tokens[at:at + 1] = [rng.choice(vocabulary)]
    return "".join(tokens)


def test_random_edits_never_put_a_span_on_other_words():
    """2,000 seeded cases over the seed's paragraphs: a placed span holds exactly its words,
    or (narrowed) a stretch of them; otherwise it is not placed."""
    rng = random.Random(20261202)
    paragraphs = [line for line in CLASI_SEED.read_text(encoding="utf-8").splitlines()
                  if len(line) > 80]
    seen = {fit: 0 for fit in Fit}
    for _ in range(2000):
        old = rng.choice(paragraphs)
        new = _random_edit(rng, old)
        start = rng.randrange(len(old) - 1)
        end = rng.randint(start + 1, min(len(old), start + 60))
        placement = TextMap(old, new).place(start, end)
        seen[placement.fit] += 1
        placed = new[placement.start:placement.end]
        if placement.fit == Fit.EXACT:
            assert placed == old[start:end]
        elif placement.fit == Fit.NARROWED:
            assert placed and placed in old[start:end] and placed.strip() == placed
        else:
            assert placement.start == placement.end <= len(new)
    assert all(seen.values()), seen          # every outcome was exercised
