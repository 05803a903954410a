"""A main bracket's counterpart in the Spanish version: placed by an undoable step, moved with
the Spanish words as they are edited, unplaced (never lost) when they are deleted, removed and
resolved with its bracket, and kept by versions and the draft file."""

import pytest

from app.model import Block, BlockKind, Draft, TextRun, operation_from_json
from app.model.annotations import Anchor
from app.model.bracket_ops import AddBracket, RemoveBracket, resolve_bracket
from app.model.brackets import Alternative, Bracket
from app.model.counterparts import (
    Counterpart,
    counterpart_alternatives,
    missing_counterparts,
    unplaced_counterparts,
)
from app.model.draft import LanguageVersion
from app.model.ops import step_changes
from app.model.translation_ops import SetCounterpart, SetTranslationContent
from app.model.version import make_version
from app.store import load_draft, save_draft

EN = "WE AGREE to strengthen cooperation on drugs."
ES = "ACORDAMOS reforzar la cooperación en materia de drogas."
#     0123456789^10 "reforzar" 18


def make_draft() -> Draft:
    draft = Draft(blocks=[Block(BlockKind.OPERATIVE, [TextRun(EN)], id="b1")])
    draft.translations["es"] = LanguageVersion("es", blocks={"b1": [TextRun(ES)]})
    AddBracket(Bracket("k1", Anchor("b1", 12, 22), [
        Alternative("strengthen", ["FR", "ES"]), Alternative("promote", ["CELAC"]),
        Alternative("", ["HU"])]).to_json()).apply(draft)
    return draft


def place(draft: Draft) -> SetCounterpart:
    operation = SetCounterpart("es", "k1", Counterpart("b1", 10, 18, ["promover", ""]).to_json())
    return operation.apply(draft)


def spanish(draft: Draft) -> str:
    return "".join(run.text for run in draft.translations["es"].blocks["b1"])


def test_a_placed_counterpart_has_the_spanish_words_and_the_main_parties():
    draft = make_draft()
    assert [b.id for b in missing_counterparts(draft, "es")] == ["k1"]
    inverse = place(draft)
    alternatives = counterpart_alternatives(draft, draft.brackets["k1"], "es")
    assert [(a.text, a.parties) for a in alternatives] == [
        ("reforzar", ["FR", "ES"]), ("promover", ["CELAC"]), ("", ["HU"])]
    assert missing_counterparts(draft, "es") == []
    assert draft.translations["es"].brackets["k1"].quote == "reforzar"
    assert step_changes(SetCounterpart("es", "k1"), inverse).translations
    inverse.apply(draft)
    assert draft.translations["es"].brackets == {}


def test_a_counterpart_lacking_an_alternatives_wording_is_not_shown():
    draft = make_draft()
    SetCounterpart("es", "k1", Counterpart("b1", 10, 18, [""]).to_json()).apply(draft)
    assert counterpart_alternatives(draft, draft.brackets["k1"], "es") is None
    assert [b.id for b in missing_counterparts(draft, "es")] == ["k1"]


def test_a_damaged_files_counterpart_past_the_text_is_named_not_shown():
    draft = make_draft()
    draft.translations["es"].brackets["k1"] = Counterpart("b1", 10, 999, ["promover", ""])
    assert counterpart_alternatives(draft, draft.brackets["k1"], "es") is None
    assert [b.id for b in missing_counterparts(draft, "es")] == ["k1"]


def test_a_counterpart_off_its_paragraph_or_past_its_end_is_refused():
    draft = make_draft()
    with pytest.raises(ValueError):
        SetCounterpart("es", "k1", Counterpart("b1", 10, 99, ["x", ""]).to_json()).apply(draft)
    with pytest.raises(ValueError):
        SetCounterpart("es", "k1", Counterpart("b2", 0, 1, ["x", ""]).to_json()).apply(draft)
    assert draft.translations["es"].brackets == {}


def test_editing_the_spanish_text_moves_the_span_with_its_words_and_undo_puts_it_back():
    draft = make_draft()
    place(draft)
    edited = "Por ello, ACORDAMOS hoy reforzar la cooperación en materia de drogas."
    first = SetTranslationContent("es", "b1", [TextRun(edited)]).apply(draft)
    item = draft.translations["es"].brackets["k1"]
    assert edited[item.start:item.end] == "reforzar"
    # typing inside the span widens it, as with a comment
    inside = edited.replace("reforzar", "refuerzar")
    second = SetTranslationContent("es", "b1", [TextRun(inside)]).apply(draft)
    assert inside[item.start:item.end] == "refuerzar"
    second.apply(draft)
    item = draft.translations["es"].brackets["k1"]
    assert edited[item.start:item.end] == "reforzar"
    first.apply(draft)
    assert draft.translations["es"].brackets["k1"].to_json() == Counterpart(
        "b1", 10, 18, ["promover", ""], "reforzar").to_json()


def test_deleting_the_bracketed_spanish_words_unplaces_the_counterpart_keeping_its_wording():
    draft = make_draft()
    place(draft)
    inverse = SetTranslationContent(
        "es", "b1", [TextRun("ACORDAMOS la cooperación en materia de drogas.")]).apply(draft)
    item = draft.translations["es"].brackets["k1"]
    assert not item.placed and item.alternatives == ["promover", ""] and item.quote == "reforzar"
    assert [(b.id, c.quote) for b, c in unplaced_counterparts(draft, "es")] == [("k1", "reforzar")]
    assert [b.id for b in missing_counterparts(draft, "es")] == ["k1"]
    # through JSON, as the window's undo stack and the CLI carry it
    operation_from_json(inverse.to_json()).apply(draft)
    assert draft.translations["es"].brackets["k1"].placed
    assert spanish(draft) == ES


def test_removing_the_main_bracket_removes_its_counterpart_and_undo_restores_both():
    draft = make_draft()
    place(draft)
    inverse = RemoveBracket("k1").apply(draft)
    assert "k1" not in draft.brackets and draft.translations["es"].brackets == {}
    assert step_changes(RemoveBracket("k1"), inverse).translations
    inverse.apply(draft)
    assert draft.translations["es"].brackets["k1"].alternatives == ["promover", ""]


@pytest.mark.parametrize(("choice", "english", "spanish_text"), [
    (1, "WE AGREE to promote cooperation on drugs.",
     "ACORDAMOS promover la cooperación en materia de drogas."),
    (2, "WE AGREE to cooperation on drugs.", "ACORDAMOS la cooperación en materia de drogas."),
    (0, EN, ES),
])
def test_resolving_the_main_bracket_resolves_the_spanish_text_in_the_same_step(
        choice, english, spanish_text):
    draft = make_draft()
    place(draft)
    inverse = resolve_bracket(draft, "k1", choice).apply(draft)
    assert draft.blocks[0].text == english
    assert spanish(draft) == spanish_text
    assert draft.translations["es"].brackets == {}
    inverse.apply(draft)
    assert draft.blocks[0].text == EN and spanish(draft) == ES
    assert draft.translations["es"].brackets["k1"].placed


def test_versions_and_the_draft_file_keep_counterparts_and_an_older_file_has_none(tmp_path):
    draft = make_draft()
    place(draft)
    version = make_version(draft, "Rev 1")
    assert version.draft().translations["es"].brackets["k1"].alternatives == ["promover", ""]
    draft.versions.append(version)
    path = tmp_path / "d.concordia"
    save_draft(draft, path)
    back = load_draft(path)
    assert back.translations["es"].brackets["k1"].to_json() == \
        draft.translations["es"].brackets["k1"].to_json()
    assert back.versions[0].draft().translations["es"].brackets["k1"].start == 10
    # a version saved before counterparts existed has no "brackets" key, and reads as none
    older = LanguageVersion.from_json({"language": "es", "blocks": {}})
    assert older.brackets == {} and "brackets" not in older.to_json()
