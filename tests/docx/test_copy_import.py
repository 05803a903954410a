"""A delegation's marked-up Word copy taken into a draft: `concordia comment import`, accept
and reject, on seed 003 exported by us and edited as Word does, and on the corpus's Word files."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from app.docx.copy_import import party_for_author, plan_copy_import
from app.docx.open_word import open_word_file
from app.docx.word_markup import read_markup
from app.model import Block, BlockKind, TextRun, plain_text
from app.model.ops import Batch, InsertBlock, ReplaceContent
from app.model.parties import PartyRegistry
from app.model.suggestion_ops import AcceptSuggestion, SuggestionError
from app.store import load_draft, save_draft

from ..conftest import CLASI_SEED, CORPUS, REPO
from .word_copy import WordCopy

DOCX = CORPUS / "docx"


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app", *map(str, args)], cwd=REPO,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("seed003")
    draft, docx = folder / "d.concordia", folder / "d.docx"
    assert cli("import", CLASI_SEED, "--out", draft).returncode == 0
    assert cli("export", draft, "--out", docx).returncode == 0
    return draft, docx


def hungarian_copy(docx: Path, target: Path) -> Path:
    copy = WordCopy(docx, target)
    first = copy.comment("polyvalent, highly flexible", "Too many adjectives.", "Hungary")
    copy.comment("", "We agree with HU.", "Delegación de España", reply_to=first, on=first)
    copy.comment("political dialogue", "Already covered.", "HU", done=True)
    copy.replace("concerted, coordinated and solidarity-based efforts are key",
                 "joint efforts are essential", "Hungary")
    return copy.save()


def comments_json(draft: Path) -> list[dict]:
    result = cli("comment", "list", draft, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_word_comments_and_tracked_change_land_on_their_words(exported, tmp_path):
    draft_file, docx = exported
    draft = tmp_path / "d.concordia"
    draft.write_bytes(draft_file.read_bytes())
    copy = hungarian_copy(docx, tmp_path / "HU.docx")

    result = cli("comment", "import", draft, copy)
    assert result.returncode == 0, result.stderr
    assert "3 Word comments (2 on their words, 0 on their paragraph, 0 not placed)" in result.stdout
    assert "1 reply among them, 1 suggestion;" in result.stdout

    items = comments_json(draft)
    by_text = {item["text"]: item for item in items}
    adjectives = by_text["Too many adjectives."]
    assert adjectives["party"] == "HU"                  # "Hungary" through the registry
    assert adjectives["anchor"]["quote"] == "polyvalent, highly flexible"
    assert adjectives["source"] == "HU.docx" and adjectives["change"] is None
    assert [(r["party"], r["text"]) for r in adjectives["replies"]] == [("ES", "We agree with HU.")]
    assert adjectives["status"] == "open"
    assert by_text["Already covered."]["status"] == "taken"      # w15:done="1"
    suggestion = next(item for item in items if item["change"])
    assert suggestion["change"] == {"old": "concerted, coordinated and solidarity-based efforts are key",
                                    "new": "joint efforts are essential"}
    assert suggestion["anchor"]["quote"] == suggestion["change"]["old"]
    assert suggestion["party"] == "HU" and suggestion["suggestion"] == "joint efforts are essential"
    for item in items:
        assert set(item) >= {"id", "anchor", "party", "text", "suggestion", "status", "visibility",
                             "date", "replies", "change", "source"}

    again = cli("comment", "import", draft, copy)
    assert again.returncode == 0
    assert "4 already imported" in again.stdout
    assert comments_json(draft) == items                 # importing twice changes nothing

    assert cli("comment", "accept", draft, suggestion["id"]).returncode == 0
    text = cli("show", draft).stdout
    assert "Recognise that joint efforts are essential to tackle common threats" in text
    accepted = next(item for item in comments_json(draft) if item["id"] == suggestion["id"])
    assert accepted["status"] == "taken"
    refused = cli("comment", "accept", draft, adjectives["id"])
    assert refused.returncode == 1 and "no suggestion" in refused.stderr


def test_reject_marks_not_taken_and_leaves_the_text(exported, tmp_path):
    draft_file, docx = exported
    draft = tmp_path / "d.concordia"
    draft.write_bytes(draft_file.read_bytes())
    copy = hungarian_copy(docx, tmp_path / "HU.docx")
    assert cli("comment", "import", draft, copy).returncode == 0
    suggestion = next(item for item in comments_json(draft) if item["change"])
    before = cli("show", draft).stdout
    assert cli("comment", "reject", draft, suggestion["id"]).returncode == 0
    assert cli("show", draft).stdout == before
    assert next(i for i in comments_json(draft) if i["id"] == suggestion["id"])["status"] == "not_taken"


def test_accepting_is_one_step_that_undo_reverses(exported, tmp_path):
    draft_file, docx = exported
    draft = load_draft(draft_file)
    plan = plan_copy_import(draft, read_markup(hungarian_copy(docx, tmp_path / "HU.docx")))
    Batch(plan.operations).apply(draft)
    key = next(c.id for c in draft.comments.values() if c.change)
    before = [b.content for b in draft.blocks], {k: c.to_json() for k, c in draft.comments.items()}
    inverse = AcceptSuggestion(key).apply(draft)
    assert draft.comments[key].status.value == "taken"
    inverse.apply(draft)
    assert ([b.content for b in draft.blocks], {k: c.to_json() for k, c in draft.comments.items()}) == before
    # words changed since the import: accepting refuses in one sentence
    block = draft.block(draft.comments[key].anchor.block_id)
    ReplaceContent(block.id, draft.comments[key].anchor.start,
                   draft.comments[key].anchor.start + 9, [TextRun("united")]).apply(draft)
    with pytest.raises(SuggestionError, match="changed since it was imported"):
        AcceptSuggestion(key).apply(draft)


def test_a_copy_of_an_older_version_still_lands_on_the_right_paragraphs(exported, tmp_path):
    draft_file, docx = exported
    copy = hungarian_copy(docx, tmp_path / "HU.docx")
    draft = load_draft(draft_file)
    # since the copy was sent: a paragraph added at the top and words changed next to a comment
    InsertBlock(0, Block(BlockKind.PARAGRAPH, [TextRun("A new opening paragraph.")])).apply(draft)
    target = next(b for b in draft.blocks if "polyvalent" in plain_text(b.content))
    start = plain_text(target.content).index("Aware of the")
    ReplaceContent(target.id, start, start + len("Aware"), [TextRun("Conscious")]).apply(draft)
    plan = plan_copy_import(draft, read_markup(copy))
    Batch(plan.operations).apply(draft)
    comment = next(c for c in draft.comments.values() if c.text == "Too many adjectives.")
    assert comment.anchor.block_id == target.id
    words = plain_text(target.content)[comment.anchor.start:comment.anchor.end]
    assert words == "polyvalent, highly flexible"
    assert plan.figures.placed_exactly == 2 and plan.figures.not_placed == 0


def test_an_author_that_names_no_delegation_needs_party(tmp_path):
    draft, _report = open_word_file(DOCX / "pandoc__comments.docx")
    save_draft(draft, tmp_path / "d.concordia")
    result = cli("comment", "import", tmp_path / "d.concordia", DOCX / "pandoc__comments.docx")
    assert result.returncode == 1
    assert "Jesse Rosenthal" in result.stderr and "--party" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert load_draft(tmp_path / "d.concordia").comments == {}
    bad = cli("comment", "import", tmp_path / "d.concordia", DOCX / "pandoc__comments.docx",
              "--party", "XX")
    assert bad.returncode == 1 and "Unknown party" in bad.stderr


def test_authors_map_through_the_party_registry():
    registry = PartyRegistry()
    assert party_for_author(registry, "Hungary") == "HU"
    assert party_for_author(registry, "HU") == "HU"
    assert party_for_author(registry, "Delegación de España") == "ES"
    assert party_for_author(registry, "Delegation of the Netherlands") == "NL"
    assert party_for_author(registry, "Jesse Rosenthal") is None


# Per corpus file: found, on their words, on their paragraph, not placed, replies, suggestions
CORPUS_FIGURES = {
    "pandoc__comments.docx": (5, 4, 0, 0, 1, 0),
    "docx2python__comments.docx": (8, 4, 0, 0, 4, 0),
    "docx2python__test_file_with_comments.docx": (12, 9, 0, 1, 2, 0),
    "python-docx__comments-rich-para.docx": (4, 4, 0, 0, 0, 0),
    "poi__comment.docx": (1, 0, 0, 1, 0, 0),
    "pandoc__track_changes_insertion.docx": (0, 0, 0, 0, 0, 1),
    "pandoc__track_changes_move.docx": (0, 0, 0, 0, 0, 2),
    "pandoc__track_changes_scrubbed_metadata.docx": (1, 1, 0, 0, 0, 1),
    "oxpt__RA001-Tracked-Revisions-01.docx": (0, 0, 0, 0, 0, 41),
}


@pytest.mark.parametrize("name", sorted(CORPUS_FIGURES))
def test_corpus_copies_against_a_draft_of_the_same_file(name):
    draft, _report = open_word_file(DOCX / name)
    markup = read_markup(DOCX / name)
    plan = plan_copy_import(draft, markup, party="PL")
    f = plan.figures
    assert (f.comments_found, f.placed_exactly, f.placed_on_paragraph, f.not_placed, f.replies,
            f.suggestions_found) == CORPUS_FIGURES[name]
    # every Word comment is either a comment or a reply, and each not on its words is reported
    Batch(plan.operations).apply(draft)
    made = [c for c in draft.comments.values() if c.change is None]
    assert len(made) + sum(len(c.replies) for c in made) == f.comments_found
    assert len(plan.lines) >= f.placed_on_paragraph + f.not_placed
    # the same copy again adds nothing
    again = plan_copy_import(draft, markup, party="PL")
    assert again.operations == []
    assert again.figures.already_imported == f.comments_found + f.suggestions_found


def test_corpus_threads_authors_and_resolved_state():
    markup = read_markup(DOCX / "docx2python__comments.docx")
    assert {c.author for c in markup.comments} == {"Randy Bartels", "Shay Hill"}
    draft, _report = open_word_file(DOCX / "docx2python__comments.docx")
    Batch(plan_copy_import(draft, markup, party="PL").operations).apply(draft)
    roots = list(draft.comments.values())
    assert len(roots) == 4
    assert sum(len(c.replies) for c in roots) == 4
    resolved = read_markup(DOCX / "docx2python__test_file_with_comments.docx")
    assert sum(c.done for c in resolved.comments) == 1
    pandoc = read_markup(DOCX / "pandoc__comments.docx")
    reply = next(c for c in pandoc.comments if c.parent_word_id)
    assert reply.parent_word_id == "3"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_copy_saved_again_by_libreoffice(exported, tmp_path):
    """LibreOffice rewrites the whole package and drops commentsExtended: the reply is found
    again from its range, the comment and the tracked change still land on their words."""
    draft_file, docx = exported
    word_copy = hungarian_copy(docx, tmp_path / "HU.docx")
    out = tmp_path / "lo"
    result = subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path / 'profile'}",
         "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out), str(word_copy)],
        capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    resaved = out / "HU.docx"
    assert resaved.read_bytes() != word_copy.read_bytes()
    draft = load_draft(draft_file)
    plan = plan_copy_import(draft, read_markup(resaved))
    Batch(plan.operations).apply(draft)
    f = plan.figures
    assert (f.comments_found, f.placed_exactly, f.not_placed, f.replies, f.suggestions_found) == (3, 2, 0, 1, 1)
    adjectives = next(c for c in draft.comments.values() if c.text == "Too many adjectives.")
    assert adjectives.party == "HU" and [r.party for r in adjectives.replies] == ["ES"]
    block = draft.block(adjectives.anchor.block_id)
    assert plain_text(block.content)[adjectives.anchor.start:adjectives.anchor.end] == \
        "polyvalent, highly flexible"
    suggestion = next(c for c in draft.comments.values() if c.change)
    AcceptSuggestion(suggestion.id).apply(draft)
    assert "Recognise that joint efforts are essential" in plain_text(
        draft.block(suggestion.anchor.block_id).content)


def test_several_delegations_in_one_go_and_our_own_exported_comments(exported, tmp_path):
    """Two copies in one command; then a copy of our own export with comments in it (author =
    the delegation's name) lands on the same words of a draft without them."""
    draft_file, docx = exported
    draft = tmp_path / "d.concordia"
    draft.write_bytes(draft_file.read_bytes())
    spain = WordCopy(docx, tmp_path / "ES.docx")
    spain.comment("second time", "Tercera reunión.", "Delegación de España")
    result = cli("comment", "import", draft, hungarian_copy(docx, tmp_path / "HU.docx"),
                 spain.save())
    assert result.returncode == 0, result.stderr
    assert [line.split(":")[0] for line in result.stdout.splitlines() if "Word comment" in line] \
        == ["HU.docx", "ES.docx"]
    items = comments_json(draft)
    assert sorted(item["party"] for item in items) == ["ES", "HU", "HU", "HU"]
    assert {item["source"] for item in items} == {"HU.docx", "ES.docx"}
    compilation = tmp_path / "compilation.docx"
    assert cli("export", draft, "--out", compilation, "--compilation").returncode == 0
    with zipfile.ZipFile(compilation) as archive:
        table = archive.read("word/document.xml").decode("utf-8")
    assert "Too many adjectives." in table and "Tercera reunión." in table

    circulated = tmp_path / "circulated.docx"
    assert cli("export", draft, "--out", circulated, "--comments", "all").returncode == 0
    fresh = tmp_path / "fresh.concordia"
    fresh.write_bytes(draft_file.read_bytes())
    back = cli("comment", "import", fresh, circulated)
    assert back.returncode == 0, back.stderr
    returned = comments_json(fresh)
    assert sorted((i["party"], i["anchor"]["quote"]) for i in returned) == sorted(
        (i["party"], i["anchor"]["quote"]) for i in items)


def test_a_file_that_is_not_a_word_copy_is_one_sentence_and_changes_nothing(exported, tmp_path):
    draft_file, docx = exported
    draft = tmp_path / "d.concordia"
    draft.write_bytes(draft_file.read_bytes())
    notes = tmp_path / "notes.docx"
    notes.write_text("just some text", encoding="utf-8")
    result = cli("comment", "import", draft, hungarian_copy(docx, tmp_path / "HU.docx"), notes)
    assert result.returncode == 1
    assert result.stderr.strip() == "concordia: “notes.docx” is not a Word document."
    assert comments_json(draft) == []


def test_embedded_block_ids_place_a_comment_on_a_paragraph_rewritten_since(exported, tmp_path):
    draft_file, docx = exported
    copy = hungarian_copy(docx, tmp_path / "HU.docx")
    markup = read_markup(copy)
    assert markup.embedded_ids, "our export embeds its block ids"
    draft = load_draft(draft_file)
    target = next(b for b in draft.blocks if "political dialogue" in plain_text(b.content))
    # Since the copy was sent the paragraph was rewritten from scratch: nothing alike is left.
    ReplaceContent(target.id, 0, len(plain_text(target.content)),
                   [TextRun("Wholly new wording agreed at the last meeting.")]).apply(draft)
    plan = plan_copy_import(draft, markup)
    Batch(plan.operations).apply(draft)
    comment = next(c for c in draft.comments.values() if c.text == "Already covered.")
    assert comment.anchor.block_id == target.id        # its paragraph, by the embedded id
    assert comment.anchor.scope == "block"             # its words are gone: the whole paragraph
    # Without the embedded ids the same copy finds no paragraph for it.
    markup.embedded_ids = {}
    again = load_draft(draft_file)
    ReplaceContent(target.id, 0, len(plain_text(again.block(target.id).content)),
                   [TextRun("Wholly new wording agreed at the last meeting.")]).apply(again)
    assert plan_copy_import(again, markup).figures.not_placed >= 1
