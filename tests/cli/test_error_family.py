"""One error family, caught once: a sentence and exit 1/2, or an internal error with a log.

The bug cases run real `concordia` processes whose `show` handler has a real bug put in
(a KeyError), so the whole path is exercised: catch, log file, one line, exit code 3.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from app.cli import main, run_handler
from app.errors import EXIT_INTERNAL_ERROR, EXIT_USAGE, ConcordiaError, UsageError
from app.library import LibraryError
from app.store import DraftFileError
from tests.conftest import REPO

#: A concordia process whose `show` command has a bug: a lookup of a key that is not there.
BUGGY_SHOW = """
import sys
import app.commands.show as show
def run(args):
    return {}["paragraph-7"]
show.run = run
from app.cli import main
sys.exit(main(sys.argv[1:]))
"""


def run_buggy_show(tmp_path: Path, data_home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "XDG_DATA_HOME": str(data_home), "CONCORDIA_LANG": "en"}
    return subprocess.run(
        [sys.executable, "-c", BUGGY_SHOW, "show", str(tmp_path / "any.concordia")],
        capture_output=True, text=True, cwd=REPO, env=env, timeout=60,
    )


def test_a_bug_is_one_line_pointing_at_the_log(tmp_path):
    result = run_buggy_show(tmp_path, tmp_path / "data")
    log = tmp_path / "data" / "concordia" / "concordia.log"
    assert result.returncode == EXIT_INTERNAL_ERROR == 3
    assert result.stderr.splitlines() == [
        f"concordia: internal error (KeyError: 'paragraph-7'); details in {log}"
    ]
    assert result.stdout == ""
    written = log.read_text(encoding="utf-8")
    assert "concordia show: KeyError: 'paragraph-7'" in written
    assert "Traceback (most recent call last)" in written and 'line 5, in run' in written


def test_a_second_bug_is_added_to_the_same_log(tmp_path):
    run_buggy_show(tmp_path, tmp_path / "data")
    run_buggy_show(tmp_path, tmp_path / "data")
    written = (tmp_path / "data" / "concordia" / "concordia.log").read_text(encoding="utf-8")
    assert written.count("concordia show: KeyError") == 2


def test_a_bug_with_no_writable_log_prints_the_details(tmp_path):
    not_a_folder = tmp_path / "data"
    not_a_folder.write_text("a file where the data folder should be")
    result = run_buggy_show(tmp_path, not_a_folder)
    assert result.returncode == 3
    first, *rest = result.stderr.splitlines()
    assert first == ("concordia: internal error (KeyError: 'paragraph-7'); "
                     "the log could not be written, details follow")
    assert rest[0] == "Traceback (most recent call last):" and rest[-1] == "KeyError: 'paragraph-7'"


def test_every_layer_error_is_in_the_family():
    from app.commands.draft_changes import InputError
    from app.docx import ExportError
    from app.docx.reader import DocxReadError
    from app.importer.reading import TextImportError
    from app.library.readers import SourceError

    for kind in (DraftFileError, InputError, ExportError, DocxReadError, TextImportError,
                 LibraryError, SourceError):
        assert issubclass(kind, ConcordiaError), kind


def test_a_family_error_is_its_sentence_and_exit_code(capsys):
    def export_to_nowhere(args: argparse.Namespace) -> int:
        from app.docx import ExportError

        raise ExportError("The note cannot be exported: the folder “out” does not exist.")

    assert run_handler(export_to_nowhere, argparse.Namespace()) == 1
    err = capsys.readouterr().err
    assert err == "concordia: The note cannot be exported: the folder “out” does not exist.\n"


def test_a_usage_error_exits_2(capsys):
    def needs_an_option(args: argparse.Namespace) -> int:
        raise UsageError("--as-version needs --into DRAFT.")

    assert run_handler(needs_an_option, argparse.Namespace()) == EXIT_USAGE == 2
    assert capsys.readouterr().err == "concordia: --as-version needs --into DRAFT.\n"


def test_a_library_error_from_a_real_library(tmp_path, capsys):
    """A library file that is not SQLite: the library layer's sentence, exit 1, no traceback."""
    bogus = tmp_path / "library.sqlite"
    bogus.write_bytes(b"this is not a database" * 100)
    code = main(["library", "search", "drugs", "--library", str(bogus)])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("concordia: ") and err.count("\n") == 1 and "Traceback" not in err


def test_an_os_error_names_the_file(tmp_path, capsys):
    folder = tmp_path / "draft.concordia"
    folder.mkdir()
    assert main(["show", str(folder)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("concordia: ") and "draft.concordia" in err and "Traceback" not in err
