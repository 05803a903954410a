"""A command's save builds only the rows its operations reach (app.store.row_scope), and the
file it leaves holds exactly what a complete write of the same draft holds."""

from __future__ import annotations

import sqlite3

import pytest

from app.importer.text import import_text_file
from app.model import BlockKind, TextRun, new_id
from app.model.annotation_ops import AddComment, RemoveComment, SetCommentStatus
from app.model.annotations import Anchor, Comment
from app.model.bracket_ops import SetBlockStatus, SetSilence
from app.model.ops import (
    AddFootnote,
    Batch,
    RemoveBlock,
    ReplaceContent,
    SetBlockFormat,
    SetFootnoteText,
    SetMeta,
    SplitBlock,
)
from app.store import DraftSession, load_draft, row_tables, save_draft
from app.store.session import save_version_in_file
from app.store.versions import open_version, save_version
from tests.conftest import LAPAZ_SEED

TABLES = ("draft_info", "blocks", "footnotes", "comments", "reservations", "parties",
          "brackets")


@pytest.fixture
def lapaz(tmp_path):
    draft, _report = import_text_file(LAPAZ_SEED)
    for number in range(5):
        AddComment(Comment(new_id(), Anchor(draft.blocks[number + 1].id), "HU",
                           f"Remark {number}.").to_json()).apply(draft)
    save_version(draft, "Rev 1")
    path = tmp_path / "lapaz.concordia"
    save_draft(draft, path)
    return path


def rows_of(path) -> dict[str, list[tuple]]:
    """Every row of the current text's tables; a position as its rank (a save that rewrites
    only the rows it changed may leave gaps, never a different order)."""
    rows = {}
    with sqlite3.connect(path) as connection:
        for name in TABLES:
            cursor = connection.execute(f'SELECT * FROM "{name}"')
            columns = [column[0] for column in cursor.description]
            table = list(cursor)
            if "position" in columns:
                at = columns.index("position")
                table.sort(key=lambda row: row[at])
                table = [row[:at] + (rank,) + row[at + 1:] for rank, row in enumerate(table)]
            rows[name] = sorted(map(repr, table))
    return rows


def complete_write(draft, tmp_path) -> dict[str, list[tuple]]:
    """The rows of a complete new file of the draft in memory (nothing compared: all rows)."""
    whole = tmp_path / "whole.concordia"
    save_draft(draft, whole)
    return rows_of(whole)


def operations(draft) -> list:
    first, second, third = [b for b in draft.blocks if b.text][:3]
    comment = next(iter(draft.comments))
    note = new_id()
    return [
        ReplaceContent(first.id, 0, 0, [TextRun("Amended: ")]),
        AddComment(Comment(new_id(), Anchor(second.id, 0, 3), "FR", "New.").to_json()),
        SetCommentStatus(comment, "taken"),
        RemoveComment(comment),
        SetBlockStatus(third.id, {"kind": "agreed"}),
        SetSilence({"deadline": "2027-01-10T12:00", "broken_by": []}),
        SetBlockFormat(second.id, BlockKind.HEADING, 1),
        SplitBlock(first.id, 4, new_id()),
        RemoveBlock(third.id),
        Batch([AddFootnote(note, "A new note."), SetFootnoteText(note, "Its text, changed.")]),
        SetMeta("subject", "Changed subject"),
    ]


@pytest.mark.parametrize("index", range(11))
def test_each_operation_saves_what_a_complete_write_would(lapaz, tmp_path, index):
    operation = operations(load_draft(lapaz))[index]
    try:
        with DraftSession.changing(lapaz) as session:
            session.apply(operation)
            expected = session.draft
    except (KeyError, ValueError) as error:        # an operation this text cannot take
        pytest.skip(f"not applicable here: {error}")
    again = load_draft(lapaz)
    assert [b.to_json() for b in again.blocks] == [b.to_json() for b in expected.blocks]
    assert rows_of(lapaz) == complete_write(expected, tmp_path)


def test_a_comment_builds_no_paragraph_row(lapaz, monkeypatch):
    blocks = next(t for t in row_tables.ROW_TABLES if t.name == "blocks")
    built: list[str] = []

    def counting(draft):
        built.append("all")
        return blocks.rows(draft)
    tables = [row_tables.RowTable(blocks.table, counting, blocks.read, blocks.rows_for)
              if t is blocks else t for t in row_tables.ROW_TABLES]
    monkeypatch.setattr(row_tables, "ROW_TABLES", tables)
    monkeypatch.setattr("app.store.row_writes.ROW_TABLES", tables)
    with DraftSession.changing(lapaz) as session:
        block = session.draft.blocks[2]
        session.apply(AddComment(Comment(new_id(), Anchor(block.id), "HU", "Fast.").to_json()))
    assert built == []
    assert any(c.text == "Fast." for c in load_draft(lapaz).comments.values())
    with DraftSession.editing(lapaz) as draft:          # a block changing the draft itself
        draft.blocks[2].content = [TextRun("Changed directly.")]
    assert built == ["all"]
    assert load_draft(lapaz).blocks[2].content == [TextRun("Changed directly.")]


def test_several_operations_in_one_session_are_all_saved(lapaz, tmp_path):
    with DraftSession.changing(lapaz) as session:
        first = session.draft.blocks[1]
        session.apply(ReplaceContent(first.id, 0, 0, [TextRun("One. ")]))
        session.apply(SetMeta("subject", "Two"))
        session.apply(AddComment(Comment(new_id(), Anchor(first.id), "HU", "Three.").to_json()))
        session.save()                                  # a save in between, then more
        session.apply(ReplaceContent(first.id, 0, 0, [TextRun("Four. ")]))
        expected = session.draft
    again = load_draft(lapaz)
    assert again.blocks[1].text.startswith("Four. One. ")
    assert again.note.subject == "Two"
    assert any(c.text == "Three." for c in again.comments.values())
    assert rows_of(lapaz) == complete_write(expected, tmp_path)


def test_a_version_saved_from_the_command_line_keeps_its_text(lapaz):
    before = load_draft(lapaz)
    expected = before.to_public_json() if hasattr(before, "to_public_json") else None
    version = save_version_in_file(lapaz, "Rev 2")
    again = load_draft(lapaz)
    assert [v.name for v in again.versions] == ["Rev 1", "Rev 2"]
    opened = open_version(again, "Rev 2")
    assert [b.to_json() for b in opened.blocks] == [b.to_json() for b in before.blocks]
    assert opened.comments.keys() == before.comments.keys()
    assert version.snapshot == again.versions[1].snapshot   # its text, made when asked
    if expected is not None:
        assert opened.to_public_json() == expected


def _counting_comment_rows(monkeypatch) -> list[str]:
    comments = next(t for t in row_tables.ROW_TABLES if t.name == "comments")
    built: list[str] = []

    def every(draft):
        built.append("all")
        return comments.rows(draft)

    def some(draft, ids, stored):
        rows = comments.rows_for(draft, ids, stored)
        built.append("all" if rows is None else f"{len(rows)}")
        return rows
    tables = [row_tables.RowTable(comments.table, every, comments.read, some)
              if t is comments else t for t in row_tables.ROW_TABLES]
    monkeypatch.setattr(row_tables, "ROW_TABLES", tables)
    monkeypatch.setattr("app.store.row_writes.ROW_TABLES", tables)
    return built


def test_a_comment_added_or_answered_rewrites_that_comment_alone(lapaz, monkeypatch):
    built = _counting_comment_rows(monkeypatch)
    with DraftSession.changing(lapaz) as session:
        block = session.draft.blocks[3]
        session.apply(AddComment(Comment("new1", Anchor(block.id), "FR", "Added.").to_json()))
    with DraftSession.changing(lapaz) as session:
        session.apply(SetCommentStatus("new1", "taken"))
    assert built == ["1", "1"]
    again = load_draft(lapaz)
    assert list(again.comments)[-1] == "new1" and again.comments["new1"].status.value == "taken"


def test_removals_and_additions_in_turn_keep_the_order_of_the_comments(lapaz, monkeypatch,
                                                                       tmp_path):
    """Every save writes only what it names, yet the file reads back in the draft's order;
    where the stored places leave no room, the table is written whole."""
    built = _counting_comment_rows(monkeypatch)
    ids = list(load_draft(lapaz).comments)
    block = load_draft(lapaz).blocks[4].id
    steps = [RemoveComment(ids[1]),
             AddComment(Comment("late1", Anchor(block), "PL", "After a removal.").to_json()),
             RemoveComment(ids[-1]),
             AddComment(Comment("late2", Anchor(block), "PL", "Again.").to_json()),
             SetCommentStatus(ids[0], "taken")]
    expected = None
    for step in steps:
        with DraftSession.changing(lapaz) as session:
            session.apply(step)
            expected = list(session.draft.comments)
        assert list(load_draft(lapaz).comments) == expected
    with DraftSession.changing(lapaz) as session:      # undo of a removal: back in its place
        inverse = session.apply(RemoveComment(ids[2]))
    with DraftSession.changing(lapaz) as session:
        session.apply(inverse)
        expected = list(session.draft.comments)
        final = session.draft
    assert list(load_draft(lapaz).comments) == expected and expected.index(ids[2]) == 1
    assert "all" not in built            # (it went back into the room its removal left)
    with DraftSession.changing(lapaz) as session:      # first of all: no room before it
        session.apply(AddComment(Comment("first", Anchor(block), "PL", "First.").to_json(), 0))
        final = session.draft
    assert list(load_draft(lapaz).comments) == list(final.comments)
    assert list(final.comments)[0] == "first" and built[-1] == "all"
    assert rows_of(lapaz) == complete_write(final, tmp_path)
