"""Comparison on real text: seed 003 against a revision with every kind of change."""

from app.compare import RowKind, compare_drafts, comparison_to_json, count, summary_line
from app.compare.words import DELETE, EQUAL, INSERT
from app.model import TextRun

from .seed_draft import draft_from_seed, make_revision, numbered


def _compare(clasi_seed):
    rev1 = draft_from_seed(clasi_seed)
    rev2, done = make_revision(rev1)
    return rev1, rev2, done, compare_drafts(rev1, rev2, "Rev 1", "Rev 2")


def test_reports_exactly_the_changes_made(clasi_seed):
    rev1, rev2, done, comparison = _compare(clasi_seed)
    changed = [row for row in comparison.rows if row.is_change]
    by_kind = {}
    for row in changed:
        by_kind.setdefault(row.kind, []).append(row.block.id)
    assert by_kind == {
        RowKind.CHANGED: [done["reworded"]],
        RowKind.INSERTED: [done["inserted"]],
        RowKind.DELETED: [done["deleted"]],
        RowKind.MOVED_AWAY: [done["moved"]],
        RowKind.MOVED_HERE: [done["moved"]],
    }
    assert [(c.kind, c.footnote_id) for c in comparison.footnotes] == [
        ("reworded", done["footnote"])]
    figures = count(comparison)
    assert (figures.changed, figures.inserted, figures.deleted, figures.moved) == (1, 1, 1, 1)
    assert figures.renumbered >= 10     # everything after the insertion: not counted
    assert summary_line(comparison) == (
        "1 paragraph changed, 1 inserted, 1 deleted, 1 moved; 1 footnote reworded")


def test_reworded_paragraph_shows_the_words(clasi_seed):
    _, _, done, comparison = _compare(clasi_seed)
    row = next(r for r in comparison.rows if r.kind == RowKind.CHANGED)
    changes = [(p.op, p.text) for p in row.pieces if p.op != EQUAL]
    assert changes == [(INSERT, "serious and growing ")]
    assert "".join(p.text for p in row.pieces if p.op != DELETE) == row.new.text
    assert "".join(p.text for p in row.pieces if p.op != INSERT) == row.old.text


def test_move_is_reported_from_and_to(clasi_seed):
    _, rev2, done, comparison = _compare(clasi_seed)
    here = next(r for r in comparison.rows if r.kind == RowKind.MOVED_HERE)
    away = next(r for r in comparison.rows if r.kind == RowKind.MOVED_AWAY)
    assert here.old_label == away.old_label == "§ 14"
    # Its new number: one inserted before, one deleted before, it now follows old § 22.
    assert here.new_label == away.new_label == "§ 22"
    assert not here.words_changed
    assert comparison.rows.index(away) < comparison.rows.index(here)


def test_moved_and_reworded_paragraph_keeps_word_changes(clasi_seed):
    rev1 = draft_from_seed(clasi_seed)
    rev2, done = make_revision(rev1)
    moved = rev2.block(done["moved"])
    moved.content = [TextRun(moved.text.replace("Latin American", "Latin American and Caribbean"))]
    comparison = compare_drafts(rev1, rev2)
    here = next(r for r in comparison.rows if r.kind == RowKind.MOVED_HERE)
    assert here.words_changed
    assert [(p.op, p.text.strip()) for p in here.pieces if p.op] == [(INSERT, "and Caribbean")]


def test_spacing_only_is_visible_but_not_counted(clasi_seed):
    rev1 = draft_from_seed(clasi_seed)
    rev2 = draft_from_seed(clasi_seed)
    for a, b in zip(rev1.blocks, rev2.blocks, strict=False):
        b.id = a.id
    rev2.footnotes = rev1.footnotes
    rev2.blocks = [b if b.footnote_ids == [] else rev1.blocks[i] for i, b in enumerate(rev2.blocks)]
    target = numbered(rev2, 3)
    target.content = [TextRun(target.text.replace("criminal networks", "criminal  networks"))]
    comparison = compare_drafts(rev1, rev2)
    spacing = [r for r in comparison.rows if r.kind == RowKind.SPACING]
    assert [r.block.id for r in spacing] == [target.id]
    assert any(p.op == INSERT for p in spacing[0].pieces)
    assert count(comparison).total == 0
    assert summary_line(comparison) == "No changes."


def test_json_lists_operations_per_pair(clasi_seed):
    _, rev2, done, comparison = _compare(clasi_seed)
    data = comparison_to_json(comparison, changes_only=True)
    reworded = next(p for p in data["pairs"] if p["status"] == "changed")
    assert reworded["old"]["id"] == reworded["new"]["id"] == done["reworded"]
    assert {"op": "insert", "text": "serious and growing "} in reworded["operations"]
    moved = next(p for p in data["pairs"] if p["status"] == "moved_here")
    assert moved["move"] == {"from": "§ 14", "to": "§ 22", "words_changed": False}
    assert data["footnotes"][0]["change"] == "reworded"
    assert data["counts"]["paragraphs_moved"] == 1


def test_text_without_ids_aligns_by_similarity(clasi_seed):
    rev1 = draft_from_seed(clasi_seed)
    rev2, done = make_revision(rev1)
    for block in rev2.blocks:
        block.id = block.id[::-1] + "x"          # as if imported from text: no shared ids
    comparison = compare_drafts(rev1, rev2)
    figures = count(comparison)
    assert (figures.changed, figures.inserted, figures.deleted, figures.moved) == (1, 1, 1, 1)


def test_sentence_moved_between_paragraphs_is_named(clasi_seed):
    rev1 = draft_from_seed(clasi_seed)
    rev2, done = make_revision(rev1)
    source, target = numbered(rev2, 4), numbered(rev2, 9)
    sentence = "in particular drug trafficking, smuggling of migrants, trafficking in human beings,"
    assert sentence in source.text
    source.content = [TextRun(source.text.replace(" " + sentence, ""))]
    target.content = [TextRun(target.text.rstrip(";") + ", " + sentence.rstrip(",") + ";")]
    comparison = compare_drafts(rev1, rev2)
    moves = comparison.sentence_moves
    assert [(m.from_label, m.to_label) for m in moves] == [("§ 4", "§ 9")]
    assert "1 sentence moved" in summary_line(comparison)
    assert comparison_to_json(comparison)["sentence_moves"][0]["from"] == "§ 4"
