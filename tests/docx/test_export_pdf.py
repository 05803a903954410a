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


@pytest.mark.slow
@pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftotext")),
                    reason="LibreOffice and poppler-utils are needed")
def test_a_spanish_pdf_says_which_brackets_it_leaves_out_and_english_shows_them(tmp_path):
    from app.model.in_step import confirm_in_step

    draft = sample_draft()
    confirm_in_step(draft, "es", [b.id for b in draft.blocks]).apply(draft)
    path = tmp_path / "d.concordia"
    save_draft(draft, path)
    block = draft.blocks[-1]
    assert cli("bracket", "add", path, "--block", block.id, "--start", "0", "--end", "3",
               "--parties", "FR", "--alt", "other words (CELAC)").returncode == 0
    spanish = cli("export", path, "--out", tmp_path / "es.pdf", "--lang", "es")
    assert spanish.returncode == 0, spanish.stderr
    assert "open square brackets" in spanish.stderr and "out of step" not in spanish.stderr
    english = cli("export", path, "--out", tmp_path / "en.pdf")
    assert english.returncode == 0, english.stderr
    text = subprocess.run(["pdftotext", str(tmp_path / "en.pdf"), "-"], capture_output=True,
                          text=True).stdout
    assert "other words (CELAC)]" in " ".join(text.split())
