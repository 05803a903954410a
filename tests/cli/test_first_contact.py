"""What a newcomer meets first: no shared material, no display, output piped into `head`."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import CLASI_SEED, REPO


def environment_without_display(**extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items()
           if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return {**env, "CONCORDIA_LANG": "en", **extra}


def test_missing_shared_material_is_one_line(tmp_path):
    missing = tmp_path / "no-shared-here"
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "tests/test_atomic.py", "-p", "no:cacheprovider"],
        capture_output=True, text=True, cwd=REPO, timeout=120,
        env={**os.environ, "CONCORDIA_SHARED": str(missing)},
    )
    lines = (result.stdout + result.stderr).splitlines()
    assert result.returncode == pytest.ExitCode.USAGE_ERROR
    assert len(lines) == 1, lines
    assert str(missing) in lines[0] and "shared" in lines[0] and "CONCORDIA_SHARED" in lines[0]


@pytest.mark.parametrize("argv", [[], ["draft.concordia"]])
def test_the_window_without_a_display_says_so(argv):
    result = subprocess.run(
        [sys.executable, "-m", "app", *argv], capture_output=True, text=True, cwd=REPO,
        env=environment_without_display(), timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "concordia: there is no display to open the window on (neither DISPLAY nor "
        "WAYLAND_DISPLAY is set): start Concordia in a desktop session, or use the command "
        "line (concordia --help)."
    ]


def test_the_command_line_works_without_a_display(tmp_path):
    draft = tmp_path / "clasi.concordia"
    result = subprocess.run(
        [sys.executable, "-m", "app", "import", str(CLASI_SEED), "--out", str(draft)],
        capture_output=True, text=True, cwd=REPO, env=environment_without_display(), timeout=60,
    )
    assert result.returncode == 0 and draft.exists()


def large_draft(tmp_path):
    from app.store import save_draft
    from benchmarks.generate import make_large_draft

    path = tmp_path / "large.concordia"
    save_draft(make_large_draft(pages=40, words=20_000, footnotes=40), path)
    return path


def test_show_into_head_ends_quietly(tmp_path):
    """`concordia show LARGE | head -1`: the reader leaves after one line of ~150 kB."""
    process = subprocess.Popen(
        [sys.executable, "-m", "app", "show", str(large_draft(tmp_path))],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=REPO,
    )
    first = process.stdout.readline()
    process.stdout.close()
    errors = process.stderr.read()
    assert process.wait(timeout=60) == 0
    assert first.startswith(b"NOTE ")
    assert errors == b""


def test_a_reader_gone_before_the_first_line_is_quiet_too(tmp_path):
    """Output smaller than Python's buffer is only written at the end: the pipe breaks there."""
    draft = tmp_path / "clasi.concordia"
    subprocess.run([sys.executable, "-m", "app", "import", str(CLASI_SEED), "--out", str(draft)],
                   capture_output=True, cwd=REPO, check=True, timeout=60)
    process = subprocess.Popen(
        [sys.executable, "-m", "app", "show", "--json", str(draft)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=REPO,
    )
    process.stdout.close()  # before the interpreter has even started
    errors = process.stderr.read()
    assert process.wait(timeout=60) == 0
    assert errors == b""
