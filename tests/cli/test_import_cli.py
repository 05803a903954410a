"""`concordia import`: new drafts, language versions, refusals; in-process and as a process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from app.store import DraftLock, load_draft
from tests.conftest import CLASI_SEED, LAPAZ_SEED

REPO = Path(__file__).resolve().parents[2]
SPANISH = REPO / "tests" / "importer" / "data" / "clasi_partial.es.md"


def _one_sentence(err: str) -> str:
    lines = [line for line in err.splitlines() if line.startswith("concordia: ")]
    assert "Traceback" not in err
    assert len(lines) == 1, err
    return lines[0]


def test_import_writes_a_draft(tmp_path, capsys):
    out = tmp_path / "lapaz.concordia"
    assert main(["import", str(LAPAZ_SEED), "--out", str(out)]) == 0
    captured = capsys.readouterr()
    assert "92 blocks and 15 footnotes" in captured.out
    assert "warning" not in captured.err and "Traceback" not in captured.err
    draft = load_draft(out)
    assert len(draft.blocks) == 92 and len(draft.footnotes) == 15
    assert draft.note.number == "6914/24"
    assert not list(tmp_path.glob("*.lock")) and sorted(p.name for p in tmp_path.iterdir()) == [
        "lapaz.concordia"
    ]


def test_warnings_on_stderr_do_not_fail(tmp_path, capsys):
    out = tmp_path / "clasi.concordia"
    assert main(["import", str(CLASI_SEED), "--out", str(out)]) == 0
    err = capsys.readouterr().err
    warnings = [line for line in err.splitlines() if "warning" in line]
    assert warnings == ["concordia: warning: line 64 (“-”): an empty list item was left out"]
    assert out.exists()


def test_refuses_to_overwrite_without_force(tmp_path, capsys):
    out = tmp_path / "existing.concordia"
    out.write_bytes(b"keep me")
    assert main(["import", str(LAPAZ_SEED), "--out", str(out)]) == 1
    message = _one_sentence(capsys.readouterr().err)
    assert "existing.concordia" in message and "--force" in message
    assert out.read_bytes() == b"keep me"
    assert main(["import", str(LAPAZ_SEED), "--out", str(out), "--force"]) == 0
    assert len(load_draft(out).blocks) == 92


@pytest.mark.parametrize("content, expected", [
    (b"\x00\x01\x02binary\x00" * 50, "not a text file"),
    (b"   \n\n", "is empty"),
])
def test_bad_input_is_one_sentence(tmp_path, capsys, content, expected):
    source = tmp_path / "bad.md"
    source.write_bytes(content)
    out = tmp_path / "out.concordia"
    assert main(["import", str(source), "--out", str(out)]) == 1
    assert expected in _one_sentence(capsys.readouterr().err)
    assert not out.exists()


def test_missing_source(tmp_path, capsys):
    assert main(["import", str(tmp_path / "nope.md"), "--out", str(tmp_path / "x.concordia")]) == 1
    assert "nope.md" in _one_sentence(capsys.readouterr().err)


def test_needs_out_or_into(tmp_path, capsys):
    assert main(["import", str(LAPAZ_SEED)]) == 1
    assert "--out" in _one_sentence(capsys.readouterr().err)
    assert main(["import", str(LAPAZ_SEED), "--into", str(tmp_path / "d.concordia")]) == 1
    assert "--language" in _one_sentence(capsys.readouterr().err)


def test_into_adds_the_language_version(tmp_path, capsys):
    draft_path = tmp_path / "clasi.concordia"
    assert main(["import", str(CLASI_SEED), "--out", str(draft_path)]) == 0
    capsys.readouterr()
    assert main(["import", str(SPANISH), "--into", str(draft_path), "--language", "es"]) == 0
    out = capsys.readouterr().out
    assert "es: 10 of 24 blocks paired, 2 footnotes paired." in out
    assert "Reiterate our determination" in out          # an unpaired block is named
    draft = load_draft(draft_path)
    version = draft.translations["es"]
    assert len(version.blocks) == 10 and version.meta["sender"] == "Presidencia"
    lock = DraftLock(draft_path)          # the command let go of the draft
    lock.acquire()
    lock.release()


def test_out_refuses_a_draft_open_elsewhere(tmp_path, capsys):
    out = tmp_path / "open.concordia"
    assert main(["import", str(CLASI_SEED), "--out", str(out)]) == 0
    before = out.read_bytes()
    with DraftLock(out):
        capsys.readouterr()
        assert main(["import", str(LAPAZ_SEED), "--out", str(out), "--force"]) == 1
        assert "already open" in _one_sentence(capsys.readouterr().err)
    assert out.read_bytes() == before


def test_into_refuses_a_locked_draft(tmp_path, capsys):
    draft_path = tmp_path / "clasi.concordia"
    assert main(["import", str(CLASI_SEED), "--out", str(draft_path)]) == 0
    before = draft_path.read_bytes()
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time; from app.store import DraftLock; lock = DraftLock(sys.argv[1]); "
         "lock.acquire(); "
         "print('locked', flush=True); time.sleep(30)", str(draft_path)],
        stdout=subprocess.PIPE, text=True, cwd=REPO,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        capsys.readouterr()
        assert main(["import", str(SPANISH), "--into", str(draft_path), "--language", "es"]) == 1
        assert "already open" in _one_sentence(capsys.readouterr().err)
    finally:
        holder.kill()
        holder.wait()
    assert draft_path.read_bytes() == before


def test_import_as_a_real_process(tmp_path):
    out = tmp_path / "lapaz.concordia"
    env = dict(os.environ, CONCORDIA_LANG="en")
    result = subprocess.run(
        [sys.executable, "-m", "app", "import", str(LAPAZ_SEED),
         "--out", str(out)],
        capture_output=True, text=True, cwd=REPO, env=env, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "92 blocks and 15 footnotes" in result.stdout
    assert load_draft(out).note.codes == ["CORDROGUE 26", "COLAC 27", "SAN 105", "JAI 322"]
    again = subprocess.run(
        [sys.executable, "-m", "app", "import", str(LAPAZ_SEED),
         "--out", str(out)],
        capture_output=True, text=True, cwd=REPO, env=env, timeout=60,
    )
    assert again.returncode == 1 and "Traceback" not in again.stderr
    assert again.stderr.strip().count("\n") == 0 and "--force" in again.stderr
