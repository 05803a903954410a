"""Bad input on the command line: one sentence on stderr, exit 1, no traceback."""

import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "content, expected",
    [
        (b"not a database at all", "is not a Concordia draft"),
        (b"SQLite format 3\x00" + b"\x00" * 20, "is damaged"),
    ],
)
def test_show_bad_file(tmp_path, capsys, content, expected):
    path = tmp_path / "bad.concordia"
    path.write_bytes(content)
    assert main(["show", str(path), "--json"]) == 1
    err = capsys.readouterr().err
    assert expected in err and "bad.concordia" in err
    assert "Traceback" not in err


def test_show_missing_file(tmp_path, capsys):
    assert main(["show", str(tmp_path / "nope.concordia")]) == 1
    assert "no such file" in capsys.readouterr().err


def test_spanish_ui_messages(tmp_path):
    """The UI language follows the environment; errors come out in Spanish."""
    path = tmp_path / "bad.concordia"
    path.write_bytes(b"garbage")
    result = subprocess.run(
        [sys.executable, "-m", "app", "show", str(path)],
        capture_output=True, text=True, cwd=REPO,
        env={"CONCORDIA_LANG": "es", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO)},
    )
    assert result.returncode == 1
    assert "no es un borrador de Concordia" in result.stderr
    assert "Traceback" not in result.stderr
