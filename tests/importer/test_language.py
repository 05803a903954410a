"""Language detection by stop words, on the real UDHR pair and the seeds."""

from __future__ import annotations

import pytest

from app.importer.language import detect_language
from tests.conftest import CORPUS, SEEDS

UDHR = CORPUS / "parallel"


@pytest.mark.parametrize(("name", "expected"), [
    ("parallel__udhr.en.txt", "en"), ("parallel__udhr.es.txt", "es")])
def test_udhr_texts_read_as_their_language(name: str, expected: str) -> None:
    assert detect_language((UDHR / name).read_text(encoding="utf-8")) == expected


def test_every_seed_reads_as_english() -> None:
    for seed in sorted(SEEDS.glob("*.txt")):
        assert detect_language(seed.read_text(encoding="utf-8")) == "en", seed.name


def test_german_and_arabic_are_neither_english_nor_spanish() -> None:
    german = ("Die Würde des Menschen ist unantastbar. Sie zu achten und zu schützen ist "
              "Verpflichtung aller staatlichen Gewalt, und der Staat wird sich dafür einsetzen.")
    arabic = "يولد جميع الناس أحرارًا متساوين في الكرامة والحقوق وقد وهبوا عقلاً وضميرًا"
    assert detect_language(german) == "de"
    assert detect_language(arabic) == "other"


def test_too_short_a_text_gives_no_answer() -> None:
    assert detect_language("Hola") is None
    assert detect_language("") is None
