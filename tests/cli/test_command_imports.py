"""A data-entry command loads only what it needs: `concordia comment add` imports neither the
Word reader and writer, nor the text importer, nor the comparison engine, nor Qt."""

from __future__ import annotations

import json
import subprocess
import sys

from app.importer.text import import_text_file
from app.store import load_draft, save_draft
from tests.conftest import LAPAZ_SEED, REPO

_PROGRAM = r"""
import json, sys
from app.cli import main
code = main(sys.argv[1:])
heavy = ("docx", "lxml", "PySide6", "app.docx", "app.importer", "app.compare")
print(json.dumps({"code": code,
                  "loaded": sorted(m for m in sys.modules if m.split(".")[0] in heavy
                                   or any(m == h or m.startswith(h + ".") for h in heavy))}),
      file=sys.stderr)
"""


def test_comment_add_imports_no_word_import_or_compare_module(tmp_path):
    draft, _report = import_text_file(LAPAZ_SEED)
    path = tmp_path / "lapaz.concordia"
    save_draft(draft, path)
    block = next(b for b in draft.blocks if b.text)
    result = subprocess.run(
        [sys.executable, "-c", _PROGRAM, "comment", "add", str(path), "--block", block.id,
         "--party", "HU", "--text", "Lean."],
        cwd=REPO, capture_output=True, text=True, check=False)
    report = json.loads(result.stderr.strip().splitlines()[-1])
    assert report["code"] == 0, result.stderr
    assert report["loaded"] == []
    assert any(c.text == "Lean." for c in load_draft(path).comments.values())


def test_each_command_builds_its_own_parser_alone_and_the_whole_line_knows_them_all():
    import argparse

    from app.cli import build_parser
    from app.commands import COMMAND_OF_NAME

    def names(parser: argparse.ArgumentParser) -> set[str]:
        return {name for action in parser._subparsers._group_actions
                for name in action.choices}

    def helps(parser: argparse.ArgumentParser) -> dict[str, str]:
        action = parser._subparsers._group_actions[0]
        return {name: sub.format_help() for name, sub in action.choices.items()}

    whole = helps(build_parser())
    assert set(whole) == set(COMMAND_OF_NAME)                   # no command missing a module
    for command in COMMAND_OF_NAME:                # the same options as on the whole line
        assert helps(build_parser(command))[command] == whole[command], command
    assert names(build_parser("comment")) == {"comment", "reservation"}
    assert "--as-version" in whole["import"]


def test_a_command_with_its_own_parser_still_explains_itself():
    result = subprocess.run([sys.executable, "-m", "app.cli", "comment", "--help"], cwd=REPO,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0 and "add" in result.stdout
    listing = subprocess.run([sys.executable, "-m", "app.cli", "--help"], cwd=REPO,
                             capture_output=True, text=True, check=False)
    assert listing.returncode == 0
    assert all(name in listing.stdout for name in ("library", "comment", "export", "check"))


def test_a_command_leaves_no_object_hidden_from_the_cycle_collector(tmp_path, monkeypatch):
    """Reading a draft for a command freezes what it made (a short command's speed); the
    process that ran it, the tests' own included, gets them all back afterwards."""
    import gc

    from app.cli import main
    from app.store import draft_file

    draft, _report = import_text_file(LAPAZ_SEED)
    path = tmp_path / "lapaz.concordia"
    save_draft(draft, path)
    seen: list[int] = []
    real = draft_file.read_stored

    def reading(*args, **kwargs):
        found = real(*args, **kwargs)
        seen.append(gc.get_freeze_count())
        return found
    monkeypatch.setattr("app.store.session.read_stored", reading)
    block = next(b for b in draft.blocks if b.text)
    assert main(["comment", "add", str(path), "--block", block.id, "--party", "HU",
                 "--text", "Frozen, then not."]) == 0
    assert seen and seen[0] > 0                  # frozen while the command ran
    assert gc.get_freeze_count() == 0            # and given back
    load_draft(path)                             # a read outside a command freezes nothing
    assert gc.get_freeze_count() == 0
