"""Draft format 3: a comment's tracked-change suggestion and source file are saved, and a
format-2 file (without those columns) opens with none and is saved in format 3."""

from __future__ import annotations

import sqlite3
from datetime import date

from app.model import Block, BlockKind, Draft, TextRun
from app.model.annotations import Anchor, Comment
from app.store import load_draft, save_draft, schema


def draft_with_comments() -> Draft:
    draft = Draft()
    draft.blocks.append(Block(BlockKind.PARAGRAPH, [TextRun("The Council shall act promptly.")]))
    block_id = draft.blocks[0].id
    draft.comments["plain"] = Comment("plain", Anchor(block_id, 4, 11), "HU", "Which Council?",
                                      date=date(2024, 3, 1))
    draft.comments["change"] = Comment(
        "change", Anchor(block_id, 23, 30), "ES", "Replace “promptly” with “without delay”.",
        suggestion="without delay", date=date(2024, 3, 1),
        change={"old": "promptly", "new": "without delay"}, source="ES copy.docx")
    return draft


def test_change_and_source_survive_a_save(tmp_path):
    save_draft(draft_with_comments(), tmp_path / "d.concordia")
    loaded = load_draft(tmp_path / "d.concordia")
    assert loaded.comments["change"].change == {"old": "promptly", "new": "without delay"}
    assert loaded.comments["change"].source == "ES copy.docx"
    assert loaded.comments["plain"].change is None and loaded.comments["plain"].source == ""


def test_a_format_2_file_opens_and_is_saved_as_format_3(tmp_path):
    path = tmp_path / "old.concordia"
    save_draft(draft_with_comments(), path)
    with sqlite3.connect(path) as connection:      # make it the file an older Concordia wrote
        connection.execute("ALTER TABLE comments DROP COLUMN change")
        connection.execute("ALTER TABLE comments DROP COLUMN source")
        connection.execute("PRAGMA user_version = 2")
    connection.close()
    loaded = load_draft(path)
    assert [c.text for c in loaded.comments.values()] == ["Which Council?",
                                                         "Replace “promptly” with “without delay”."]
    assert all(c.change is None and c.source == "" for c in loaded.comments.values())
    save_draft(loaded, path)
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION >= 3
        columns = {row[1] for row in connection.execute("PRAGMA table_info(comments)")}
    connection.close()
    assert {"change", "source"} <= columns


def test_a_format_3_file_gets_brackets_and_status_on_opening(tmp_path):
    path = tmp_path / "old.concordia"
    save_draft(draft_with_comments(), path)
    with sqlite3.connect(path) as connection:      # the file Concordia wrote before brackets
        connection.execute("ALTER TABLE blocks DROP COLUMN status")
        connection.execute("DROP TABLE brackets")
        connection.execute("PRAGMA user_version = 3")
    connection.close()
    loaded = load_draft(path)
    assert not loaded.brackets and not loaded.statuses
    save_draft(loaded, path)
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        columns = {row[1] for row in connection.execute("PRAGMA table_info(blocks)")}
    connection.close()
    assert "status" in columns
