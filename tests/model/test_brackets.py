"""Square brackets follow the text like comments, resolve in one undoable step, and travel
through versions, JSON and the draft file; paragraph status is set and derived."""

import copy
import json

import pytest

from app.model import Block, BlockKind, Draft, FootnoteRef, TextRun, operation_from_json
from app.model.annotations import Anchor
from app.model.bracket_ops import (
    AddBracket,
    RemoveBracket,
    SetAlternatives,
    SetBlockStatus,
    SetSilence,
    resolve_bracket,
)
from app.model.brackets import Alternative, Bracket, current_alternatives
from app.model.ops import MergeWithNext, RemoveBlock, SplitBlock, delete_range, insert_text
from app.model.status import Effective, effective_statuses
from app.model.version import make_version
from app.store import load_draft, save_draft

TEXT = "WE AGREE to strengthen cooperation on drugs."
#       0         1         2         3
#       0123456789012345678901234567890123456789
#                   ^12 "strengthen" 22


def make_draft() -> Draft:
    draft = Draft(blocks=[
        Block(BlockKind.OPERATIVE, [TextRun(TEXT)], id="b1"),
        Block(BlockKind.OPERATIVE, [TextRun("WE MEET again in 2025.")], id="b2"),
    ])
    bracket = Bracket("k1", Anchor("b1", 12, 22), [
        Alternative("strengthen", ["FR", "ES"]), Alternative("promote", ["CELAC"]),
        Alternative("", ["HU"])])
    AddBracket(bracket.to_json()).apply(draft)
    return draft


def span(draft: Draft, key: str = "k1") -> tuple:
    anchor = draft.brackets[key].anchor
    return anchor.block_id, anchor.start, anchor.end, anchor.orphaned


def test_bracket_moves_with_typing_before_and_inside_and_undo_is_exact():
    draft = make_draft()
    before = copy.deepcopy(draft.brackets["k1"].to_json())
    undo1 = insert_text("b1", 0, "Ministers: ").apply(draft)
    assert span(draft) == ("b1", 23, 33, False)
    assert current_alternatives(draft, draft.brackets["k1"])[0].text == "strengthen"
    undo2 = insert_text("b1", 28, "XX").apply(draft)          # inside the span
    assert current_alternatives(draft, draft.brackets["k1"])[0].text == "stren" + "XX" + "gthen"
    undo2.apply(draft)
    undo1.apply(draft)
    assert draft.brackets["k1"].to_json() == before


def test_bracket_through_split_merge_and_block_removal():
    draft = make_draft()
    undo = SplitBlock("b1", 9, "nb").apply(draft)              # "WE AGREE " | "to strengthen …"
    assert span(draft) == ("nb", 3, 13, False)
    merged = undo.apply(draft)
    assert span(draft) == ("b1", 12, 22, False)
    assert merged is not None
    MergeWithNext("b1").apply(draft)
    assert span(draft) == ("b1", 12, 22, False)
    draft2 = make_draft()
    back = RemoveBlock("b1").apply(draft2)
    assert draft2.brackets["k1"].anchor.orphaned
    back.apply(draft2)
    assert span(draft2) == ("b1", 12, 22, False)


def test_deleting_the_words_orphans_the_bracket_and_undo_revives_it():
    draft = make_draft()
    undo = delete_range("b1", 10, 30).apply(draft)
    assert draft.brackets["k1"].anchor.orphaned
    undo.apply(draft)
    assert span(draft) == ("b1", 12, 22, False)


def test_resolve_to_another_alternative_is_one_undo_step():
    draft = make_draft()
    original = draft.blocks[0].to_json()
    step = resolve_bracket(draft, "k1", 1)
    inverse = step.apply(draft)
    assert draft.blocks[0].text == "WE AGREE to promote cooperation on drugs."
    assert "k1" not in draft.brackets
    replay = operation_from_json(json.loads(json.dumps(inverse.to_json())))
    replay.apply(draft)
    assert draft.blocks[0].to_json() == original
    assert span(draft) == ("b1", 12, 22, False)
    assert [a.text for a in draft.brackets["k1"].alternatives] == ["strengthen", "promote", ""]


def test_resolve_by_dropping_and_by_keeping_the_text():
    draft = make_draft()
    resolve_bracket(draft, "k1", 2).apply(draft)          # the empty alternative: delete
    assert draft.blocks[0].text == "WE AGREE to cooperation on drugs."
    draft = make_draft()
    resolve_bracket(draft, "k1", None).apply(draft)
    assert draft.blocks[0].text == "WE AGREE to cooperation on drugs."
    draft = make_draft()
    resolve_bracket(draft, "k1", 0).apply(draft)
    assert draft.blocks[0].text == TEXT and not draft.brackets
    with pytest.raises(ValueError):
        resolve_bracket(make_draft(), "k1", 7)


def test_resolving_keeps_a_footnote_reference_of_the_span():
    draft = Draft(blocks=[Block(BlockKind.PARAGRAPH, [TextRun("to strengthen"), FootnoteRef("f1"),
                                                      TextRun(" ties")], id="b")])
    AddBracket(Bracket("k", Anchor("b", 3, 14), [Alternative("strengthen"),
                                                 Alternative("promote")]).to_json()).apply(draft)
    resolve_bracket(draft, "k", 1).apply(draft)
    assert draft.blocks[0].content == [TextRun("to promote"), FootnoteRef("f1"), TextRun(" ties")]


def test_resolving_the_outer_bracket_takes_the_nested_one_with_it():
    draft = make_draft()
    AddBracket(Bracket("in", Anchor("b1", 12, 15), [Alternative("str")]).to_json()).apply(draft)
    undo = resolve_bracket(draft, "k1", 1).apply(draft)
    assert not draft.brackets
    undo.apply(draft)
    assert set(draft.brackets) == {"k1", "in"}


def test_set_alternatives_and_remove_are_invertible():
    draft = make_draft()
    undo = SetAlternatives("k1", [{"text": "strengthen", "parties": ["FR"]}]).apply(draft)
    assert len(draft.brackets["k1"].alternatives) == 1
    undo.apply(draft)
    assert len(draft.brackets["k1"].alternatives) == 3
    back = RemoveBracket("k1").apply(draft)
    assert not draft.brackets
    back.apply(draft)
    assert "k1" in draft.brackets


def test_status_set_and_derived():
    draft = make_draft()
    assert effective_statuses(draft) == {"b1": Effective.IN_BRACKETS, "b2": Effective.PENDING}
    undo = SetBlockStatus("b2", {"kind": "ad_referendum", "parties": ["HU"]}).apply(draft)
    assert effective_statuses(draft)["b2"] is Effective.AD_REFERENDUM
    undo.apply(draft)
    assert "b2" not in draft.statuses
    public = draft.to_public_json()
    assert public["blocks"][0]["status"] == {"value": "pending", "parties": [],
                                            "in_brackets": True, "reserved": False,
                                            "effective": "in_brackets"}
    assert public["brackets"] == [{
        "id": "k1", "block": "b1", "start": 12, "end": 22, "orphaned": False,
        "alternatives": [{"text": "strengthen", "parties": ["FR", "ES"]},
                         {"text": "promote", "parties": ["CELAC"]},
                         {"text": "", "parties": ["HU"]}]}]


def test_versions_and_the_draft_file_keep_brackets_status_and_silence(tmp_path):
    draft = make_draft()
    SetBlockStatus("b2", {"kind": "agreed", "parties": []}).apply(draft)
    SetSilence({"deadline": "2025-03-03T12:00", "broken_by": ["HU"]}).apply(draft)
    version = make_version(draft, "Rev 1")
    old = version.draft()
    assert old.brackets["k1"].to_json() == draft.brackets["k1"].to_json()
    assert old.statuses["b2"].kind.value == "agreed"
    assert old.silence is not None and old.silence.broken_by == ["HU"]
    draft.versions.append(version)
    path = tmp_path / "d.concordia"
    save_draft(draft, path)
    back = load_draft(path)
    assert back.to_public_json() == draft.to_public_json()
    assert back.versions[0].draft().brackets["k1"].alternatives[1].parties == ["CELAC"]
    assert back.silence is not None and back.silence.deadline.hour == 12


def test_resolving_a_bracket_whose_span_no_longer_fits_changes_nothing():
    draft = make_draft()
    draft.brackets["k1"].anchor.end = 500          # as a damaged file could hold it
    before = draft.blocks[0].to_json()
    with pytest.raises(ValueError, match="does not fit"):
        resolve_bracket(draft, "k1", 1)
    assert draft.blocks[0].to_json() == before and "k1" in draft.brackets


def test_an_incremental_save_keeps_new_brackets_statuses_and_their_changes(tmp_path):
    from app.store import DraftSession

    path = tmp_path / "d.concordia"
    save_draft(make_draft(), path)
    session = DraftSession.open(path)
    try:
        SetBlockStatus("b2", {"kind": "agreed", "parties": []}).apply(session.draft)
        resolve_bracket(session.draft, "k1", 1).apply(session.draft)
        AddBracket(Bracket("k2", Anchor("b2", 3, 7), [Alternative("MEET"),
                                                      Alternative("GATHER", ["HU"])]).to_json()
                   ).apply(session.draft)
        session.save()
    finally:
        session.close()
    back = load_draft(path)
    assert back.blocks[0].text == "WE AGREE to promote cooperation on drugs."
    assert set(back.brackets) == {"k2"} and back.statuses["b2"].kind.value == "agreed"


def test_a_bracket_entered_without_its_first_wording_reads_its_quote_once_orphaned():
    """`concordia bracket add` keeps the first wording empty (the span holds it): once the
    words are deleted, the bracket reads them from its quote, never as FR proposing deletion."""
    draft = Draft(blocks=[Block(BlockKind.OPERATIVE, [TextRun(TEXT)], id="b1")])
    AddBracket(Bracket("k2", Anchor("b1", 12, 22), [
        Alternative("", ["FR"]), Alternative("promote", ["CELAC"])]).to_json()).apply(draft)
    assert draft.brackets["k2"].quote == "strengthen"
    delete_range("b1", 10, 30).apply(draft)
    assert draft.brackets["k2"].anchor.orphaned
    assert [(a.text, a.parties) for a in current_alternatives(draft, draft.brackets["k2"])] == [
        ("strengthen", ["FR"]), ("promote", ["CELAC"])]
