"""Paragraph numbers as printed (issue 11 item 4): an extract of the CLASI declaration seed
whose points start at 8, with an inserted "9a.", keeps 8, 9, 9a, 10 in the draft, the draft
file, `show --json`, the DOCX (read back by pandoc and by LibreOffice → PDF → pdftotext),
library citations and through split / merge / undo."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import subprocess
import sys

import pytest

from app.docx.writer import export_note
from app.importer import import_text
from app.library.segment import segment
from app.model import BlockKind
from app.model.numbering import paragraph_numbers
from app.model.ops import MergeWithNext, SetBlockNumber, SplitBlock
from app.store import load_draft, save_draft, schema

from ..conftest import REPO

SEED = REPO.parent / "shared" / "seeds" / "003_03aa108fa3d7d7eb.txt"
INSERTED = "9a. Welcome the exchange of liaison officers between the agencies of both regions;"


def extract() -> str:
    """The seed's title and its points 8 to 10, with a point inserted after 9."""
    lines = SEED.read_text(encoding="utf-8").splitlines()
    points = [line for line in lines if re.match(r"^(8|9|10)\. ", line)]
    assert len(points) == 3
    return "\n\n".join(["JOINT DECLARATION", points[0], points[1], INSERTED, points[2]]) + "\n"


@pytest.fixture()
def draft():
    imported, report = import_text(extract())
    assert report.warnings == []
    return imported


def test_extract_keeps_its_printed_numbers_and_5a_stays_its_own_paragraph(draft):
    numbered = [b for b in draft.blocks if b.kind is BlockKind.NUMBERED]
    assert len(numbered) == 4                       # "9a." is not merged into 9
    assert [b.text.split()[0] for b in numbered] == ["Affirm", "Reaffirm", "Welcome", "Recall"]
    assert [b.number for b in numbered] == ["8", None, "9a", None]   # kept only where not computed
    assert [n for n in paragraph_numbers(draft.blocks) if n] == ["8", "9", "9a", "10"]


def test_numbers_survive_the_draft_file_show_json_and_versions(draft, tmp_path):
    path = tmp_path / "extract.concordia"
    save_draft(draft, path)
    assert load_draft(path) == draft
    shown = subprocess.run([sys.executable, "-m", "app", "show", str(path), "--json"], cwd=REPO,
                           capture_output=True, text=True, check=True, timeout=120)
    blocks = json.loads(shown.stdout)["blocks"]
    assert [(b["number"], b["number_from_source"]) for b in blocks[1:]] == [
        ("8", True), ("9", False), ("9a", True), ("10", False)]
    text = subprocess.run([sys.executable, "-m", "app", "show", str(path)], cwd=REPO,
                          capture_output=True, text=True, check=True, timeout=120).stdout
    assert "\n8. Affirm" in text and "\n9a. Welcome" in text and "\n10. Recall" in text


def test_a_version_1_file_opens_with_computed_numbers(draft, tmp_path):
    path = tmp_path / "old.concordia"
    save_draft(draft, path)
    connection = sqlite3.connect(path)               # make it a real schema-1 file
    connection.execute("ALTER TABLE blocks DROP COLUMN number")
    connection.execute("ALTER TABLE comments DROP COLUMN change")    # format 3's columns
    connection.execute("ALTER TABLE comments DROP COLUMN source")
    connection.execute("ALTER TABLE blocks DROP COLUMN status")     # format 4's
    connection.execute("DROP TABLE brackets")
    connection.execute("PRAGMA user_version=1")
    connection.commit()
    connection.close()
    assert schema.SCHEMA_VERSION >= 3
    opened = load_draft(path)
    assert [b.text for b in opened.blocks] == [b.text for b in draft.blocks]
    assert all(b.number is None for b in opened.blocks)
    save_draft(opened, path)                         # the next save writes the current version
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    connection.close()


def test_split_merge_and_undo_keep_the_printed_number_on_its_paragraph(draft):
    first = draft.blocks[1]
    undo_split = SplitBlock(first.id, 10, "second-half").apply(draft)
    assert draft.blocks[1].number == "8" and draft.blocks[2].number is None
    # The new half is numbered in order; "9a" is still printed as such and 10 follows it.
    assert [n for n in paragraph_numbers(draft.blocks) if n] == ["8", "9", "10", "9a", "10"]
    undo_split.apply(draft)
    assert [n for n in paragraph_numbers(draft.blocks) if n] == ["8", "9", "9a", "10"]
    inserted = draft.blocks[3]
    undo_merge = MergeWithNext(draft.blocks[2].id).apply(draft)     # 9 swallows 9a
    assert [n for n in paragraph_numbers(draft.blocks) if n] == ["8", "9", "10"]
    undo_merge.apply(draft)
    assert draft.blocks[3].id == inserted.id and draft.blocks[3].number == "9a"
    undo_set = SetBlockNumber(first.id, None).apply(draft)          # numbered in order again
    assert [n for n in paragraph_numbers(draft.blocks) if n] == ["1", "2", "9a", "10"]
    undo_set.apply(draft)
    assert draft.blocks[1].number == "8"


def test_library_citations_use_the_printed_numbers(draft):
    assert [s.paragraph for s in segment(draft)] == ["8", "9", "9a", "10"]


def test_docx_prints_8_9_9a_10_for_pandoc_and_libreoffice(draft, tmp_path):
    target = tmp_path / "extract.docx"
    export_note(draft, target)
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        pytest.skip("pandoc is not installed")
    plain = subprocess.run([pandoc, "-f", "docx", "-t", "plain", "--wrap=none", str(target)],
                           capture_output=True, text=True, check=True, timeout=120).stdout
    assert re.search(r"^8\.\s+Affirm", plain, re.M)
    assert re.search(r"^9\.\s+Reaffirm", plain, re.M)
    assert re.search(r"^\s*9a\.\s+Welcome", plain, re.M)   # literal: pandoc indents it
    assert re.search(r"^10\.\s+Recall", plain, re.M)
    soffice, pdftotext = shutil.which("soffice"), shutil.which("pdftotext")
    if soffice is None or pdftotext is None:
        pytest.skip("LibreOffice or pdftotext is not installed")
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(target)],
                   capture_output=True, check=True, timeout=180)
    text = subprocess.run([pdftotext, "-layout", str(tmp_path / "extract.pdf"), "-"],
                          capture_output=True, text=True, check=True, timeout=60).stdout
    for number, word in (("8", "Affirm"), ("9", "Reaffirm"), ("9a", "Welcome"), ("10", "Recall")):
        assert re.search(rf"^\s*{number}\.\s+{word}", text, re.M), (number, text[:3000])
