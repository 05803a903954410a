"""DraftSession.editing (one change by a command) and a failed Save As, on real files."""

from __future__ import annotations

import pytest

from app.model import Block, BlockKind, Draft, TextRun
from app.store import DraftLock, DraftSession, SaveError, load_draft, save_draft


def _saved(tmp_path, name: str = "d.concordia"):
    path = tmp_path / name
    save_draft(Draft(blocks=[Block(BlockKind.PARAGRAPH, [TextRun("First.")], id="b1")]), path)
    return path


def _lock_is_free(path) -> bool:
    lock = DraftLock(path)
    try:
        lock.acquire()
    except Exception:
        return False
    lock.release()
    return True


def test_editing_saves_the_change_and_releases_the_lock(tmp_path):
    path = _saved(tmp_path)
    with DraftSession.editing(path) as draft:
        draft.note.subject = "Changed"
        assert not _lock_is_free(path), "the draft is locked while it is changed"
    assert load_draft(path).note.subject == "Changed"
    assert _lock_is_free(path)


def test_editing_saves_nothing_when_the_change_fails(tmp_path):
    path = _saved(tmp_path)
    before = path.read_bytes()
    with pytest.raises(RuntimeError), DraftSession.editing(path) as draft:
        draft.note.subject = "Half done"
        raise RuntimeError("bad input")
    assert path.read_bytes() == before
    assert _lock_is_free(path)


def test_editing_a_draft_in_a_read_only_folder_is_refused(tmp_path, read_only_folder):
    folder = tmp_path / "frozen"
    folder.mkdir()
    path = _saved(folder)
    read_only_folder(folder)
    with pytest.raises(SaveError), DraftSession.editing(path) as draft:
        draft.note.subject = "never"
    assert load_draft(path).note.subject == ""


def test_failed_save_as_keeps_the_draft_and_frees_the_new_name(tmp_path, read_only_folder):
    path = _saved(tmp_path)
    target = _saved(tmp_path, "other.concordia")
    read_only_folder(target)
    session = DraftSession.open(path)
    try:
        with pytest.raises(SaveError) as error:  # kept alive: the lock must not wait for GC
            session.save(target)
        assert "“other.concordia” is read-only on disk" in str(error.value)
        assert session.path == path.resolve() and not session.read_only
        assert not _lock_is_free(path), "the draft's own lock is kept"
        assert _lock_is_free(target), "the lock taken for the failed Save As is released"
    finally:
        session.close()
