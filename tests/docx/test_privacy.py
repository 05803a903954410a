"""Internal means internal, and no personal metadata leaves in a file (issue 11, items 6 and 7).

Every route is driven through the real command line in a subprocess whose login name is a
word found nowhere else, and every part of every file written is searched for it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import pytest
from lxml import etree

from app.store import load_draft, save_draft
from tests.conftest import REPO

from .test_comments import SECRET, annotated

LOGIN = "zqxloginname"
MARK = "[INTERNAL — not for circulation]"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CP = "{http://purl.org/dc/elements/1.1/}"


def concordia(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, LOGNAME=LOGIN, USER=LOGIN, LNAME=LOGIN, USERNAME=LOGIN,
               CONCORDIA_UI_LANGUAGE="en", LANGUAGE="en", LANG="C.UTF-8")
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=120)


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.fixture(scope="module")
def draft_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("privacy") / "annotated.concordia"
    save_draft(annotated(), path)
    return path


def test_all_comments_export_marks_each_internal_comment(draft_file, tmp_path):
    target = tmp_path / "all.docx"
    result = concordia("export", str(draft_file), "--out", str(target), "--comments", "all")
    assert result.returncode == 0, result.stderr
    assert "1 internal comment" in result.stderr and "do not circulate" in result.stderr
    comments = etree.fromstring(parts(target)["word/comments.xml"])
    texts = {c.get(f"{W}author"): "".join(c.itertext()) for c in comments.iter(f"{W}comment")}
    french = next(text for author, text in texts.items() if SECRET in text)
    assert french.startswith(MARK)
    assert all(not text.startswith(MARK) for text in texts.values() if SECRET not in text)
    core = etree.fromstring(parts(target)["docProps/core.xml"])
    assert core.findtext(f"{CP}title").startswith(MARK)
    assert core.findtext(f"{CP}subject").startswith(MARK)


def test_circulation_export_has_no_internal_marker_and_no_warning(draft_file, tmp_path):
    target = tmp_path / "circulation.docx"
    result = concordia("export", str(draft_file), "--out", str(target), "--comments", "circulation")
    assert result.returncode == 0, result.stderr
    assert "internal" not in result.stderr
    for name, data in parts(target).items():
        assert SECRET.encode() not in data, name
        assert MARK.encode() not in data, name


def test_spanish_all_comments_export_marks_in_spanish(draft_file, tmp_path):
    target = tmp_path / "es.docx"
    result = concordia("export", str(draft_file), "--out", str(target), "--comments", "all",
                       "--lang", "es")
    assert result.returncode == 0, result.stderr
    comments = parts(target)["word/comments.xml"].decode()
    assert "[INTERNO: no destinado a la difusión]" in comments
    assert MARK not in comments


def test_compilation_with_internal_comments_says_so_in_its_title(draft_file, tmp_path):
    target = tmp_path / "compilation.docx"
    result = concordia("export", str(draft_file), "--compilation", "--out", str(target),
                       "--comments", "all")
    assert result.returncode == 0, result.stderr
    assert "do not circulate" in result.stderr
    document = etree.fromstring(parts(target)["word/document.xml"])
    first = "".join(next(document.iter(f"{W}p")).itertext())
    assert MARK in first
    core = etree.fromstring(parts(target)["docProps/core.xml"])
    assert MARK in core.findtext(f"{CP}title")
    circulated = tmp_path / "circulated.docx"
    assert concordia("export", str(draft_file), "--compilation", "--out", str(circulated)).returncode == 0
    assert MARK.encode() not in b"".join(parts(circulated).values())


def test_compare_json_leaves_internal_comments_out_unless_asked(draft_file, tmp_path):
    copy = tmp_path / "compare.concordia"
    copy.write_bytes(draft_file.read_bytes())
    draft = load_draft(copy)
    draft.comments.clear()
    draft.reservations.clear()
    save_draft(draft, copy)
    assert concordia("version", "save", str(copy), "--name", "Rev 1").returncode == 0
    # The current text holds the comments again: all of them are "added" since Rev 1.
    current = load_draft(copy)
    current.comments.update(annotated().comments)
    save_draft(current, copy)
    plain = concordia("compare", str(copy), "--from", "Rev 1", "--json")
    assert plain.returncode == 0, plain.stderr
    assert SECRET not in plain.stdout
    assert "Too vague." in plain.stdout             # the circulation comment is there
    full = concordia("compare", str(copy), "--from", "Rev 1", "--json", "--internal")
    assert SECRET in full.stdout
    assert SECRET not in concordia("compare", str(copy), "--from", "Rev 1").stdout


def test_no_route_writes_the_login_name(draft_file, tmp_path):
    work = tmp_path / "draft.concordia"
    work.write_bytes(draft_file.read_bytes())
    revision = tmp_path / "rev.docx"
    assert concordia("version", "save", str(work), "--name", "Rev 1").returncode == 0
    assert concordia("export", str(work), "--out", str(revision)).returncode == 0
    assert concordia("import", str(revision), "--into", str(work), "--as-version", "Rev 2").returncode == 0
    written = {
        "note.docx": ("export", str(work), "--out", str(tmp_path / "note.docx"), "--comments", "all"),
        "es.docx": ("export", str(work), "--out", str(tmp_path / "es.docx"), "--lang", "es"),
        "compilation.docx": ("export", str(work), "--compilation", "--out",
                             str(tmp_path / "compilation.docx"), "--comments", "all"),
        "tracked.docx": ("compare", str(work), "--from", "Rev 1", "--to", "Rev 2", "--out",
                         str(tmp_path / "tracked.docx"), "--style", "tracked"),
        "council.docx": ("compare", str(work), "--from", "Rev 1", "--out",
                         str(tmp_path / "council.docx")),
    }
    for name, args in written.items():
        result = concordia(*args)
        assert result.returncode == 0, (name, result.stderr)
        for member, data in parts(tmp_path / name).items():
            assert LOGIN.encode() not in data, f"login name in {name}:{member}"
            assert b"Microsoft Macintosh Word" not in data, f"template application in {name}:{member}"
        core = etree.fromstring(parts(tmp_path / name)["docProps/core.xml"])
        created = core.findtext("{http://purl.org/dc/terms/}created")
        assert created.startswith(str(datetime.now(timezone.utc).year)), (name, created)
    versions = json.loads(concordia("version", "list", str(work), "--json").stdout)
    authors = {version["author"] for version in versions}
    assert authors == {"General Secretariat of the Council"}   # the cover's From, not the login
    assert LOGIN.encode() not in work.read_bytes()


def test_drafted_by_on_the_cover_names_versions(draft_file, tmp_path):
    work = tmp_path / "drafter.concordia"
    draft = load_draft(draft_file)
    draft.note.drafter = "Presidency"
    save_draft(draft, work)
    assert concordia("version", "save", str(work), "--name", "Rev 1").returncode == 0
    assert [v.author for v in load_draft(work).versions] == ["Presidency"]
