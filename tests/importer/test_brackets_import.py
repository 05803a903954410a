"""Importing a bracketed Presidency draft (seed 003 with brackets, text and Word): negotiation
brackets become bracket data, the text reads the first alternatives, literal brackets stay."""

from pathlib import Path

import pytest

from app.docx.open_word import open_word_file
from app.importer import import_text, import_text_file
from app.model.brackets import current_alternatives

DATA = Path(__file__).parent / "data"


def by_first_words(draft):
    return {current_alternatives(draft, b)[0].text: b for b in draft.brackets.values()}


@pytest.fixture(params=["clasi_bracketed.txt", "clasi_bracketed.docx"])
def imported(request):
    path = DATA / request.param
    return (open_word_file(path) if path.suffix == ".docx" else import_text_file(path))


def test_alternatives_proponents_and_nesting(imported):
    draft, report = imported
    found = by_first_words(draft)
    assert len(draft.brackets) == 7 and len(report.brackets) == 7
    alts = [(a.text, a.parties) for a in found["destabilise"].alternatives]
    assert alts == [("destabilise", ["FR", "ES"]), ("undermine", ["CELAC"])]
    alone = found["and the respect for all human rights"].alternatives
    assert [(a.text, a.parties) for a in alone] == [("and the respect for all human rights", ["HU"])]
    deletion = found["and harm reduction"].alternatives
    assert deletion[1].text == "" and deletion[1].parties == ["HU", "PL"]
    outer = found["strengthening the bi-regional ties"]
    assert [(a.text, a.parties) for a in outer.alternatives] == [
        ("strengthening the bi-regional ties", ["ES"]), ("deepening the relations", ["CELAC"])]
    inner = found["bi-regional"]                     # nested one level, inside the first
    assert inner.anchor.block_id == outer.anchor.block_id
    assert outer.anchor.start <= inner.anchor.start < inner.anchor.end <= outer.anchor.end


def test_the_text_reads_the_first_alternatives_and_keeps_every_word(imported):
    draft, report = imported
    texts = [block.text for block in draft.blocks]
    assert any("to destabilise the rule of law" in text for text in texts)
    assert any("as a means of strengthening the bi-regional ties between the two regions"
               in text for text in texts)
    assert any("drug demand and harm reduction, including" in text for text in texts)
    # the negotiation markup is gone; a literal ellipsis in a quote and a reference stay
    bracketed = [text for text in texts if "[" in text]
    assert len(bracketed) == 1 and "“the parties […] shall pursue” [1];" in bracketed[0]
    assert any("square bracket “[destabilise (FR, ES) / undermine (CELAC)]”" in line
               for line in report.brackets)


def test_an_unclosed_bracket_stays_as_typed_and_is_reported():
    draft, report = import_text("1. We [agree to meet.\n2. We [note (FR) / welcome (CELAC)] it.\n")
    assert draft.blocks[0].text == "We [agree to meet."
    assert any("not closed" in str(warning) for warning in report.warnings)
    assert draft.blocks[1].text == "We note it." and len(draft.brackets) == 1


def test_slashes_in_words_and_parentheses_that_are_not_parties():
    draft, _ = import_text("1. We [support and/or endorse (see annex) the plan].\n")
    bracket = next(iter(draft.brackets.values()))
    assert [(a.text, a.parties) for a in bracket.alternatives] == [
        ("support and/or endorse (see annex) the plan", [])]
    assert draft.blocks[0].text == "We support and/or endorse (see annex) the plan."


def test_a_footnote_mark_inside_another_alternative_is_never_lost():
    draft, report = import_text("1. We [note (FR) / welcome<sup>1</sup> (CELAC)] it.\n\n"
                                "<sup>1</sup> A footnote.\n")
    assert not draft.brackets
    assert draft.blocks[0].footnote_ids and "[note (FR) / welcome" in draft.blocks[0].text
    assert any("footnote mark" in str(warning) for warning in report.warnings)
