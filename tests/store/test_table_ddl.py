"""The draft file's tables are created with plain sqlite3 (no SQLAlchemy on the path of a
short command), in the very statements the SQLAlchemy-era code wrote: a file written today and
one written before have the same schema, and a file migrated from round 1 reaches it too."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from app.model import Draft
from app.store import load_draft, save_draft
from app.store.draft_file import read_stored
from tests.conftest import REPO

DATA = Path(__file__).parent / "data"


def statements(path: Path) -> list[str]:
    with sqlite3.connect(path) as connection:
        return [row[0] for row in connection.execute(
            "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid")]


def recorded() -> list[str]:
    text = (DATA / "format5-schema.sql").read_text(encoding="utf-8")
    body = "\n".join(line for line in text.splitlines() if not line.startswith("--"))
    return [part.strip() for part in (body + "\n").split(";\n") if part.strip()]


def test_a_new_file_has_the_schema_the_sqlalchemy_code_wrote(tmp_path):
    path = tmp_path / "new.concordia"
    save_draft(Draft(), path)
    assert statements(path) == recorded()


def test_a_round1_file_migrated_and_saved_has_the_same_schema(tmp_path):
    path = tmp_path / "round1.concordia"
    path.write_bytes((DATA / "round1.concordia").read_bytes())
    draft = load_draft(path)
    save_draft(draft, path)                 # an older format is saved whole, in the new one
    assert statements(path) == recorded()
    _draft, problems, state = read_stored(path)
    assert state is not None and not problems


def test_a_short_command_never_imports_sqlalchemy(tmp_path):
    path = tmp_path / "d.concordia"
    save_draft(Draft(), path)
    program = ("import sys; from app.cli import main; code = main(sys.argv[1:]); "
               "print(code, 'sqlalchemy' in sys.modules, file=sys.stderr)")
    for command in (["show", str(path)], ["comment", "list", str(path)], ["check", str(path)]):
        result = subprocess.run([sys.executable, "-c", program, *command], cwd=REPO,
                                capture_output=True, text=True, check=False)
        assert result.stderr.strip().splitlines()[-1] == "0 False", (command, result.stderr)
