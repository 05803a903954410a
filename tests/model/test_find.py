"""Find and Replace over a draft (plain Python): places, options, one-step replacement."""

from __future__ import annotations

import copy

from app.importer.text import import_text_file
from app.model import Block, BlockKind, Draft, Footnote, FootnoteRef, TextRun
from app.model.annotations import Anchor, Comment
from app.model.find import (
    BLOCK,
    COVER,
    FOOTNOTE,
    FindOptions,
    find_all,
    replacement_operation,
    still_matches,
    text_of,
)
from app.model.inline import anchored_text
from tests.conftest import LAPAZ_SEED


def sample() -> Draft:
    draft = Draft(blocks=[
        Block(BlockKind.OPERATIVE, [TextRun("WE", bold=True), FootnoteRef("f"),
                                    TextRun(" support the Mechanism and the mechanisms.")], id="b1"),
        Block(BlockKind.NUMBERED, [TextRun("La acción y la accion; Acción conjunta.")], id="b2"),
    ])
    draft.footnotes["f"] = Footnote("See the Mechanism of 2023.", "f")
    draft.note.subject = "Mechanism on drugs"
    draft.note.codes = ["CORDROGUE 26", "COLAC 27"]
    return draft


def test_finds_in_cover_text_and_footnotes_in_reading_order():
    found = find_all(sample(), "mechanism")
    assert [(m.where, m.key) for m in found] == [
        (COVER, "subject"), (BLOCK, "b1"), (BLOCK, "b1"), (FOOTNOTE, "f")]
    # offsets count the footnote reference as one position, as the editor does
    block_hit = found[1]
    assert anchored_text(sample().blocks[0].content)[block_hit.start:block_hit.end] == "Mechanism"
    assert [text_of(sample(), m) for m in found] == ["Mechanism", "Mechanism", "mechanism", "Mechanism"]


def test_match_case_and_whole_word():
    draft = sample()
    assert len(find_all(draft, "Mechanism", FindOptions(match_case=True))) == 3
    whole = find_all(draft, "mechanism", FindOptions(whole_word=True))
    assert len(whole) == 3          # "mechanisms" is another word
    assert find_all(draft, "CORDROGUE", FindOptions(whole_word=True))[0].key == "codes"
    assert find_all(draft, "") == []


def test_accents_matter_as_typed_case_does_not_unless_asked():
    draft = sample()
    assert [text_of(draft, m) for m in find_all(draft, "acción")] == ["acción", "Acción"]
    assert [text_of(draft, m) for m in find_all(draft, "accion")] == ["accion"]
    assert [text_of(draft, m) for m in find_all(draft, "Acción", FindOptions(match_case=True))] == ["Acción"]


def test_ignoring_accents_finds_every_spelling_but_never_makes_n_of_enye():
    draft = sample()
    folded = FindOptions(ignore_accents=True)
    assert [text_of(draft, m) for m in find_all(draft, "accion", folded)] == [
        "acción", "accion", "Acción"]
    assert [text_of(draft, m) for m in find_all(draft, "ACCIÓN", folded)] == [
        "acción", "accion", "Acción"]
    assert find_all(draft, "Accion", FindOptions(match_case=True, ignore_accents=True)) \
        == find_all(draft, "Acción", FindOptions(match_case=True))
    draft.blocks.append(Block(BlockKind.PARAGRAPH, [TextRun(
        "El año de la reunio\u0301n y del pingüino; el ano; an\u0303o.")], id="b3"))
    words = [text_of(draft, m) for m in find_all(draft, "reunion", folded)]
    assert words == ["reunio\u0301n"]                  # a combining accent is part of the letter
    assert [text_of(draft, m) for m in find_all(draft, "pinguino", folded)] == ["pingüino"]
    assert [text_of(draft, m) for m in find_all(draft, "ano", folded)] == ["ano"]   # not "año"
    assert [text_of(draft, m) for m in find_all(draft, "año", folded)] == ["año"]
    whole = FindOptions(whole_word=True, ignore_accents=True)
    assert [text_of(draft, m) for m in find_all(draft, "accion", whole)] == [
        "acción", "accion", "Acción"]
    # a replacement over accent-free matches replaces exactly the words found
    operation = replacement_operation(draft, find_all(draft, "accion", folded), "medida")
    operation.apply(draft)
    assert draft.blocks[1].text == "La medida y la medida; medida conjunta."


def test_replace_all_is_one_batch_that_undoes_exactly():
    draft = sample()
    draft.comments["c"] = Comment("c", Anchor("b1", 4, 20), "ES", "Why?")
    before = copy.deepcopy(draft)
    matches = find_all(draft, "mechanism")
    batch = replacement_operation(draft, matches, "Facility")
    inverse = batch.apply(draft)
    assert anchored_text(draft.blocks[0].content) == "WE\ufffc support the Facility and the Facilitys."
    assert draft.footnotes["f"].text == "See the Facility of 2023."
    assert draft.note.subject == "Facility on drugs"
    assert draft.blocks[0].content[0] == TextRun("WE", bold=True)   # formats kept
    assert find_all(draft, "mechanism") == []
    inverse.apply(draft)
    assert draft == before
    assert draft.comments["c"].anchor == Anchor("b1", 4, 20)


def test_replacement_takes_the_format_of_the_replaced_words_and_codes_stay_a_list():
    draft = Draft(blocks=[Block(BlockKind.PARAGRAPH, [TextRun("a "), TextRun("bold", bold=True), TextRun(" b")], id="p")])
    draft.note.codes = ["CORDROGUE 26", "COLAC 27"]
    replacement_operation(draft, find_all(draft, "bold"), "strong").apply(draft)
    assert draft.blocks[0].content[1] == TextRun("strong", bold=True)
    replacement_operation(draft, find_all(draft, "COLAC"), "CELAC").apply(draft)
    assert draft.note.codes == ["CORDROGUE 26", "CELAC 27"]


def test_a_stale_match_is_noticed():
    draft = sample()
    match = find_all(draft, "support")[0]
    assert still_matches(draft, match, "support", FindOptions())
    draft.blocks[0].content[2] = TextRun(" back the Mechanism.")
    assert not still_matches(draft, match, "support", FindOptions())


def test_la_paz_seed_replace_all_round_trip():
    draft, _report = import_text_file(LAPAZ_SEED)
    matches = find_all(draft, "CELAC", FindOptions(match_case=True, whole_word=True))
    assert len(matches) > 5
    before = copy.deepcopy(draft)
    inverse = replacement_operation(draft, matches, "Comunidad").apply(draft)
    assert find_all(draft, "CELAC", FindOptions(match_case=True, whole_word=True)) == []
    inverse.apply(draft)
    assert draft == before
