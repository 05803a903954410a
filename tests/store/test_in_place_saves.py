"""Saves change the draft file in place, and versions read lazily keep working wherever the
draft goes: Save As (a complete copy), recovery from the autosave copy, a file replaced."""

from __future__ import annotations

import os
import shutil

import pytest

from app.importer.text import import_text_file
from app.model import new_id
from app.model.annotation_ops import AddComment
from app.model.annotations import Anchor, Comment
from app.store import DraftSession, autosave_path_for, load_draft, save_draft
from app.store.versions import open_version, save_version
from tests.conftest import LAPAZ_SEED


@pytest.fixture
def lapaz(tmp_path):
    draft, _report = import_text_file(LAPAZ_SEED)
    save_version(draft, "Rev 1")
    draft.blocks[1].content = draft.blocks[2].content[:]
    save_version(draft, "Rev 2")
    path = tmp_path / "lapaz.concordia"
    save_draft(draft, path)
    return path


def add_comment(draft, text: str) -> str:
    comment = Comment(new_id(), Anchor(draft.blocks[1].id), "HU", text)
    AddComment(comment.to_json()).apply(draft)
    return comment.id


def test_a_save_changes_the_file_itself(lapaz):
    inode = os.stat(lapaz).st_ino
    with DraftSession.editing(lapaz) as draft:
        key = add_comment(draft, "One more.")
    assert os.stat(lapaz).st_ino == inode          # the same file, changed in place
    with DraftSession.editing(lapaz) as draft:
        del draft.comments[key]
        draft.note.subject = "Changed"
    again = load_draft(lapaz)
    assert key not in again.comments and again.note.subject == "Changed"
    assert os.stat(lapaz).st_ino == inode
    assert sorted(p.name for p in lapaz.parent.iterdir()) == ["lapaz.concordia"]


def test_versions_follow_the_draft_to_its_new_file(lapaz, tmp_path):
    session = DraftSession.open(lapaz)
    expected = open_version(load_draft(lapaz), "Rev 1").to_public_json()
    add_comment(session.draft, "Unsaved, then saved elsewhere.")
    moved = tmp_path / "moved.concordia"
    session.save(moved)
    os.remove(lapaz)                                 # the old file is gone
    assert open_version(session.draft, "Rev 1").to_public_json() == expected
    save_version(session.draft, "Rev 3")
    session.save()
    session.close()
    assert [v.name for v in load_draft(moved).versions] == ["Rev 1", "Rev 2", "Rev 3"]
    assert open_version(load_draft(moved), "Rev 1").to_public_json() == expected


def test_recovered_work_keeps_its_versions(lapaz):
    session = DraftSession.open(lapaz)
    save_version(session.draft, "Rev 3 (unsaved)")
    add_comment(session.draft, "Unsaved work.")
    assert session.autosave() is not None
    session.close()                                  # a crash: no save
    reopened = DraftSession.open(lapaz)
    reopened.recover()
    reopened.save()                                  # the recovery copy goes
    assert not autosave_path_for(lapaz).exists()
    names = [v.name for v in reopened.draft.versions]
    assert names == ["Rev 1", "Rev 2", "Rev 3 (unsaved)"]
    assert all(open_version(reopened.draft, name).blocks for name in names)
    reopened.close()
    assert [c.text for c in load_draft(lapaz).comments.values()] == ["Unsaved work."]


def test_a_file_replaced_behind_the_session_is_saved_whole(lapaz, tmp_path):
    session = DraftSession.open(lapaz)
    key = add_comment(session.draft, "Kept.")
    copy = tmp_path / "copy.concordia"
    shutil.copy(lapaz, copy)
    os.replace(copy, lapaz)                          # not the file the session read
    session.save()
    session.close()
    again = load_draft(lapaz)
    assert key in again.comments and [v.name for v in again.versions] == ["Rev 1", "Rev 2"]
