"""`concordia export DRAFT --out NOTE.docx [--lang en|es] [--force]`, run as a user would."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from app.cli import main
from app.store import save_draft
from tests.conftest import REPO

from .drafts import sample_draft
from .ooxml_reader import Package


@pytest.fixture
def draft_file(tmp_path):
    path = tmp_path / "lapaz.concordia"
    save_draft(sample_draft(), path)
    return path


def test_exports_english_and_spanish(draft_file, tmp_path, capsys):
    assert main(["export", str(draft_file), "--out", str(tmp_path / "en.docx")]) == 0
    assert main(["export", str(draft_file), "--out", str(tmp_path / "es.docx"), "--lang", "es"]) == 0
    captured = capsys.readouterr()
    assert "100%" in captured.err, "progress on stderr"
    assert "es.docx" in captured.out
    assert "Council of the" in Package(tmp_path / "en.docx").all_text()
    assert "Consejo de la" in Package(tmp_path / "es.docx").all_text()


def test_refuses_to_overwrite_without_force(draft_file, tmp_path, capsys):
    target = tmp_path / "note.docx"
    target.write_bytes(b"keep me")
    assert main(["export", str(draft_file), "--out", str(target)]) == 1
    err = capsys.readouterr().err
    assert "--force" in err and err.count("\n") == 1
    assert target.read_bytes() == b"keep me"
    assert main(["export", str(draft_file), "--out", str(target), "--force"]) == 0
    assert Package(target).body() is not None


def test_spanish_refusal_is_one_sentence(tmp_path, capsys):
    draft = sample_draft()
    del draft.translations["es"].blocks["b-agree"]
    path = tmp_path / "d.concordia"
    save_draft(draft, path)
    assert main(["export", str(path), "--out", str(tmp_path / "es.docx"), "--lang", "es"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "10 (“WE AGREE to convene" in err[0] and "Traceback" not in err[0]
    assert not (tmp_path / "es.docx").exists()


def test_missing_draft_is_one_sentence(tmp_path, capsys):
    assert main(["export", str(tmp_path / "nope.concordia"), "--out", str(tmp_path / "x.docx")]) == 1
    assert capsys.readouterr().err.count("\n") == 1


def test_read_only_folder_is_one_sentence(draft_file, tmp_path):
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    command = [sys.executable, "-m", "app", "export", str(draft_file), "--out", str(folder / "n.docx")]
    if os.geteuid() == 0:
        # root ignores permission bits; drop the capabilities that let it, like a normal user.
        setpriv = shutil.which("setpriv")
        if not setpriv:
            pytest.skip("running as root without setpriv: cannot make a folder read-only")
        command = [setpriv, "--bounding-set=-dac_override,-dac_read_search",
                   "--inh-caps=-dac_override,-dac_read_search", *command]
    try:
        result = subprocess.run(command, capture_output=True, text=True, cwd=REPO, timeout=60)
    finally:
        folder.chmod(0o755)
    if "setpriv:" in result.stderr:
        pytest.skip(f"setpriv cannot drop capabilities here: {result.stderr.strip()}")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines == [f"concordia: Concordia cannot write in the folder “{folder}”: it is read-only "
                     "or you lack permission; choose another folder."]
    assert list(folder.iterdir()) == []
