"""A Spanish text that lacks, splits or merges a paragraph still pairs each English block with
its own counterpart, keeps every Spanish word and says what it did (issue 11 item 3).

The cases are built from the real UDHR pair: the EN and ES files have one paragraph per line,
in the same order, so paragraph i of the Spanish text is the counterpart of block i of the
English draft, and each test knows exactly which Spanish text every block must get.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.importer import import_text_file
from app.importer.pairing import import_language_version
from app.model import plain_text
from tests.conftest import CORPUS

UDHR_EN = CORPUS / "parallel" / "parallel__udhr.en.txt"
UDHR_ES = CORPUS / "parallel" / "parallel__udhr.es.txt"

#: Block 5 is the short fourth recital ("Whereas it is essential to promote … friendly
#: relations"), among long ones with no number: only its length and place can pair it.
MISSING = 5
#: Article 26(1): "Toda persona tiene derecho a la educación. La educación debe ser gratuita…"
SPLIT = 78
#: Article 2 has two paragraphs (blocks 15 and 16); the Spanish text runs them into one.
MERGED = (15, 16)


def spanish_paragraphs() -> list[str]:
    return [line for line in UDHR_ES.read_text(encoding="utf-8").split("\n") if line.strip()]


def write(paragraphs: list[str], path: Path) -> Path:
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path


def split_in_two(paragraph: str) -> tuple[str, str]:
    first, second = re.split(r"(?<=\.) (?=[A-ZÁÉÍÓÚ])", paragraph, maxsplit=1)
    return first, second


@pytest.fixture
def english():
    draft, _ = import_text_file(UDHR_EN)
    assert len(draft.blocks) == len(spanish_paragraphs()) == 92
    return draft


def es(draft, block) -> str:
    return plain_text(draft.translations["es"].blocks[block.id])


def assert_every_other_block_has_its_own(draft, original, skip=()):
    for index, block in enumerate(draft.blocks):
        if index in skip:
            continue
        assert es(draft, block) == original[index], (index, block.text[:40])
        if block.text.startswith("Article "):
            assert es(draft, block) == "Artículo " + block.text.split()[1]


def test_a_missing_paragraph_shifts_nothing_and_is_named(english, tmp_path):
    original = spanish_paragraphs()
    paragraphs = original[:MISSING] + original[MISSING + 1:]
    report = import_language_version(english, write(paragraphs, tmp_path / "es.txt"), "es")
    assert_every_other_block_has_its_own(english, original, skip={MISSING})
    missing = english.blocks[MISSING]
    assert missing.id not in english.translations["es"].blocks
    assert [block_id for block_id, _quote in report.unpaired_main] == [missing.id]
    assert report.unpaired_version == []
    assert "Whereas it is essential to promote" in "\n".join(report.summary())


def test_a_split_paragraph_keeps_both_halves_on_its_block(english, tmp_path):
    original = spanish_paragraphs()
    first, second = split_in_two(original[SPLIT])
    assert len(second.split()) > 30          # the part that used to vanish from the export
    paragraphs = original[:SPLIT] + [first, second] + original[SPLIT + 1:]
    report = import_language_version(english, write(paragraphs, tmp_path / "es.txt"), "es")
    assert_every_other_block_has_its_own(english, original, skip={SPLIT})
    assert es(english, english.blocks[SPLIT]) == first + " " + second
    assert report.unpaired_main == [] and report.unpaired_version == []
    assert [note.block_id for note in report.joined] == [english.blocks[SPLIT].id]
    summary = "\n".join(report.summary())
    assert "were joined" in summary and "Everyone has the right to education" in summary


def test_a_merged_paragraph_is_divided_between_its_two_blocks(english, tmp_path):
    original = spanish_paragraphs()
    one, two = MERGED
    paragraphs = original[:one] + [original[one] + " " + original[two]] + original[two + 1:]
    report = import_language_version(english, write(paragraphs, tmp_path / "es.txt"), "es")
    assert_every_other_block_has_its_own(english, original)
    assert report.unpaired_main == [] and report.unpaired_version == []
    assert [note.block_ids for note in report.divided] == [
        [english.blocks[one].id, english.blocks[two].id]]
    summary = "\n".join(report.summary())
    assert "was divided" in summary and "Everyone is entitled to all the rights" in summary


def test_all_three_at_once(english, tmp_path):
    original = spanish_paragraphs()
    first, second = split_in_two(original[SPLIT])
    one, two = MERGED
    paragraphs = (original[:MISSING] + original[MISSING + 1:one]
                  + [original[one] + " " + original[two]] + original[two + 1:SPLIT]
                  + [first, second] + original[SPLIT + 1:])
    report = import_language_version(english, write(paragraphs, tmp_path / "es.txt"), "es")
    assert_every_other_block_has_its_own(english, original, skip={MISSING, SPLIT})
    assert es(english, english.blocks[SPLIT]) == first + " " + second
    assert [block_id for block_id, _quote in report.unpaired_main] == [
        english.blocks[MISSING].id]
    assert report.unpaired_version == []
    assert len(report.joined) == 1 and len(report.divided) == 1
