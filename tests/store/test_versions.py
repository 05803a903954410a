"""Versions saved in real draft files: immutable, complete, and kept through every save."""

import json
import sqlite3
import zlib

import pytest

from app.model import Block, BlockKind, Draft, Footnote, FootnoteRef, LanguageVersion, TextRun
from app.model.draft import NoteMeta
from app.store import load_draft, save_draft
from app.store.session import save_version_in_file
from app.store.versions import (
    VersionError,
    find_version,
    save_version,
    text_of,
)


def _draft() -> Draft:
    note = Footnote("Hereinafter, referred as 'The Mechanism'.")
    draft = Draft(note=NoteMeta(number="6914/24", subject="La Paz declaration"))
    draft.footnotes[note.id] = note
    draft.blocks = [
        Block(BlockKind.TITLE, [TextRun("LA PAZ DECLARATION")]),
        Block(BlockKind.NUMBERED, [TextRun("We reaffirm the Mechanism", bold=True),
                                   FootnoteRef(note.id), TextRun(".")]),
    ]
    draft.translations["es"] = LanguageVersion(
        "es", meta={"subject": "Declaración de La Paz"},
        blocks={draft.blocks[0].id: [TextRun("DECLARACIÓN DE LA PAZ")]},
        footnotes={note.id: "En lo sucesivo, «el Mecanismo»."},
    )
    return draft


def test_version_survives_saves_and_stays_as_it_was(tmp_path):
    path = tmp_path / "note.concordia"
    draft = _draft()
    save_version(draft, "Rev 1", author="MR")
    expected = draft.to_public_json()
    draft.blocks[1].content = [TextRun("We reaffirm the Mechanism, as amended.")]
    save_draft(draft, path)
    reopened = load_draft(path)
    save_draft(reopened, path)                     # a second whole-file rewrite
    reopened = load_draft(path)
    version = find_version(reopened, "Rev 1")
    assert version.author == "MR" and version.created.endswith("+00:00")
    old = version.draft()
    assert old.to_public_json() == expected
    assert old.blocks[1].content[0] == TextRun("We reaffirm the Mechanism", bold=True)
    assert old.translations["es"].footnotes == draft.translations["es"].footnotes
    assert reopened.blocks[1].text == "We reaffirm the Mechanism, as amended."


def test_names_are_used_once(tmp_path):
    draft = _draft()
    save_version(draft, "Rev 1")
    with pytest.raises(VersionError, match="already exists"):
        save_version(draft, "Rev 1")
    with pytest.raises(VersionError):
        save_version(draft, "  ")
    assert len(draft.versions) == 1


def test_unknown_version_names_the_known_ones():
    draft = _draft()
    save_version(draft, "Presidency draft")
    with pytest.raises(VersionError, match="Presidency draft"):
        text_of(draft, "Rev 9")
    assert text_of(draft, None) is draft
    assert text_of(draft, "current") is draft


def test_save_in_file_takes_the_lock_and_writes_a_table(tmp_path):
    path = tmp_path / "note.concordia"
    save_draft(_draft(), path)
    save_version_in_file(path, "Rev 1", author="GK")
    save_version_in_file(path, "Rev 2", author="GK")
    with sqlite3.connect(path) as connection:
        rows = connection.execute("SELECT name, author FROM versions ORDER BY position").fetchall()
    assert rows == [("Rev 1", "GK"), ("Rev 2", "GK")]
    assert not (tmp_path / "note.concordia.lock").exists()


def test_snapshot_is_independent_of_later_edits():
    draft = _draft()
    version = save_version(draft, "Rev 1")
    draft.footnotes[draft.footnote_order()[0]].text = "changed"
    draft.note.subject = "Another subject"
    again = version.draft()
    assert again.note.subject == "La Paz declaration"
    assert list(again.footnotes.values())[0].text.startswith("Hereinafter")
    assert again.versions == []


def test_damaged_snapshot_is_one_sentence(tmp_path):
    path = tmp_path / "note.concordia"
    draft = _draft()
    save_version(draft, "Rev 1")
    save_draft(draft, path)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE versions SET manifest = ?", (zlib.compress(
            json.dumps({"blocks": [{"nope": 1}]}).encode()),))
    reopened = load_draft(path)                 # the draft itself still opens
    assert reopened.blocks[0].text == "LA PAZ DECLARATION"
    with pytest.raises(VersionError, match="“Rev 1” is damaged"):
        text_of(reopened, " Rev 1 ")
