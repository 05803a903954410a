"""Drafts written by older Concordias (tests/store/data, made as make_old_drafts.sh says) open,
migrate and keep everything: the current text, the Spanish text, comments, reservations,
parties and every version, as that Concordia printed them; a newer format is refused."""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import sqlite3
import zlib
from pathlib import Path

import pytest

from app.cli import main
from app.model.version import SNAPSHOT_FORMAT
from app.store import DraftSession, NewerFormatError, load_draft, schema
from app.store.versions import VersionError, open_version, save_version

DATA = Path(__file__).resolve().parent / "data"
OLD_DRAFTS = {"round1": 1, "main-format3": 3}


def cli_json(*args: str) -> object:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(list(args)) == 0
    return json.loads(out.getvalue())


def everything(path: Path) -> dict:
    """What the old Concordia recorded in NAME.expected.json, as this one prints it."""
    draft = load_draft(path)
    return {
        "show": cli_json("show", str(path), "--json"),
        "versions": cli_json("version", "list", str(path), "--json"),
        "version_texts": {v.name: cli_json("show", str(path), "--json", "--version", v.name)
                          for v in draft.versions},
        "comments": cli_json("comment", "list", str(path), "--json"),
        "reservations": cli_json("reservation", "list", str(path), "--json", "--all"),
        "parties": cli_json("party", "list", str(path), "--json"),
        "translations": {lang: tr.to_json() for lang, tr in draft.translations.items()},
        "version_translations": {
            v.name: {lang: tr.to_json()
                     for lang, tr in open_version(draft, v.name).translations.items()}
            for v in draft.versions},
    }


def kept(expected: object, actual: object, where: str = "") -> list[str]:
    """Where `actual` lacks or changed something `expected` has (new fields are fine)."""
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [where]
        return [miss for key, value in expected.items()
                for miss in (kept(value, actual[key], f"{where}.{key}") if key in actual
                             else [f"{where}.{key} missing"])]
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            return [f"{where}: {len(expected)} items"]
        return [miss for index, (one, other) in enumerate(zip(expected, actual, strict=True))
                for miss in kept(one, other, f"{where}[{index}]")]
    return [] if expected == actual else [f"{where}: {expected!r} became {actual!r}"]


@pytest.fixture(params=sorted(OLD_DRAFTS))
def old_draft(request, tmp_path) -> tuple[Path, int, dict]:
    name = request.param
    path = tmp_path / f"{name}.concordia"
    shutil.copy(DATA / f"{name}.concordia", path)
    expected = json.loads((DATA / f"{name}.expected.json").read_text(encoding="utf-8"))
    return path, OLD_DRAFTS[name], expected


def user_version(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("PRAGMA user_version").fetchone()[0]
    finally:
        connection.close()


def test_an_old_draft_opens_migrates_and_keeps_everything(old_draft):
    path, old_format, expected = old_draft
    assert user_version(path) == old_format
    original = path.read_bytes()
    before = everything(path)
    assert kept(expected, before) == []
    assert expected["translations"]["es"]["blocks"]          # the Spanish text is there
    assert len(expected["versions"]) == 2
    assert path.read_bytes() == original, "reading an old draft must not change it"

    with DraftSession.editing(path):                       # a save writes the new format
        pass
    assert user_version(path) == schema.SCHEMA_VERSION
    after = everything(path)
    assert after == before
    with DraftSession.editing(path) as draft:              # and changes in place from then on
        draft.note.subject = "Changed after the migration"
    assert load_draft(path).note.subject == "Changed after the migration"
    assert [v.name for v in load_draft(path).versions] == ["Rev 1", "Rev 2"]


def test_migrated_versions_carry_their_format_number(old_draft):
    path, _old_format, _expected = old_draft
    with DraftSession.editing(path):
        pass
    connection = sqlite3.connect(path)
    rows = connection.execute("SELECT format, manifest FROM versions").fetchall()
    connection.close()
    # Round-1 snapshots had no number: format 1, read as such (nothing needed reshaping).
    assert {found for found, _manifest in rows} <= {1, SNAPSHOT_FORMAT}
    with DraftSession.editing(path) as current:
        save_version(current, "Rev 3")
    connection = sqlite3.connect(path)
    newest = connection.execute("SELECT format FROM versions WHERE name = 'Rev 3'").fetchone()
    connection.close()
    assert newest == (SNAPSHOT_FORMAT,)
    assert json.loads(load_draft(path).versions[-1].snapshot)["$format"] == SNAPSHOT_FORMAT


def test_a_newer_format_is_refused(tmp_path):
    path = tmp_path / "future.concordia"
    shutil.copy(DATA / "main-format3.concordia", path)
    with DraftSession.editing(path):
        pass
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    connection.commit()
    connection.close()
    with pytest.raises(NewerFormatError, match="newer Concordia"):
        load_draft(path)


def test_a_version_saved_in_a_newer_snapshot_format_is_refused_in_one_sentence(tmp_path):
    path = tmp_path / "future.concordia"
    shutil.copy(DATA / "main-format3.concordia", path)
    with DraftSession.editing(path):
        pass
    connection = sqlite3.connect(path)
    manifest = connection.execute("SELECT manifest FROM versions WHERE name = 'Rev 1'").fetchone()[0]
    tree = json.loads(zlib.decompress(manifest))
    tree["$format"] = SNAPSHOT_FORMAT + 1
    connection.execute("UPDATE versions SET manifest = ?, format = ? WHERE name = 'Rev 1'",
                       (zlib.compress(json.dumps(tree).encode()), SNAPSHOT_FORMAT + 1))
    connection.commit()
    connection.close()
    draft = load_draft(path)                               # the draft itself opens
    with pytest.raises(VersionError, match="newer Concordia"):
        open_version(draft, "Rev 1")
    assert open_version(draft, "Rev 2").blocks
