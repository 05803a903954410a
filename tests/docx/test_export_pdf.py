"""`concordia export DRAFT --out NOTE.pdf`: the Word export's pages as PDF, by LibreOffice."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest

from app.store import save_draft
from tests.conftest import REPO

from .drafts import sample_draft


@pytest.fixture
def draft_file(tmp_path):
    path = tmp_path / "lapaz.concordia"
    save_draft(sample_draft(), path)
    return path


def cli(*args, env=None):
    return subprocess.run([sys.executable, "-m", "app", *map(str, args)], cwd=REPO,
                          capture_output=True, text=True, timeout=300, env=env)


def pages(pdf) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M).group(1))


@pytest.mark.slow
@pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftotext")),
                    reason="LibreOffice and poppler-utils are needed")
def test_pdf_by_extension_has_the_notes_text_and_the_word_files_pages(draft_file, tmp_path):
    pdf, docx = tmp_path / "note.pdf", tmp_path / "note.docx"
    done = cli("export", draft_file, "--out", pdf)
    assert done.returncode == 0, done.stderr
    assert "note.pdf" in done.stdout
    assert pdf.read_bytes().startswith(b"%PDF")
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True,
                                   text=True).stdout.split())
    assert "Council of the European Union" in text
    assert "WE REAFFIRM the importance" in text
    # Spanish too, and the same pages as the Word file rendered on its own.
    assert cli("export", draft_file, "--out", tmp_path / "es.pdf", "--lang", "es").returncode == 0
    assert "Consejo de la" in subprocess.run(["pdftotext", str(tmp_path / "es.pdf"), "-"],
                                             capture_output=True, text=True).stdout
    assert cli("export", draft_file, "--out", docx).returncode == 0
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path / "lo"), str(docx)],
                   capture_output=True, timeout=240, check=True)
    assert pages(pdf) == pages(tmp_path / "lo" / "note.pdf")


def test_without_libreoffice_one_sentence_names_the_debian_package(draft_file, tmp_path):
    env = {**os.environ, "CONCORDIA_SOFFICE": "no-such-soffice-here"}
    done = cli("export", draft_file, "--out", tmp_path / "note.pdf", env=env)
    assert done.returncode == 1
    lines = [line for line in done.stderr.splitlines() if line.startswith("concordia:")]
    assert len(lines) == 1 and "libreoffice-writer-nogui" in lines[0], done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "note.pdf").exists()
