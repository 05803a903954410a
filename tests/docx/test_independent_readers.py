"""Independent readers: pandoc reads the export back; LibreOffice prints it to PDF.

pandoc must find every footnote at its place and the annex text equal to the draft's;
LibreOffice must convert without error, and pdftotext must show the cover lines, ANNEX /
ANEXO, and the footer (number, initials, page, directorate, marking, language) on every page.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from app.docx import export_note
from app.importer.text import import_text_file
from app.model import Block, BlockKind, FootnoteRef, TextRun
from tests.conftest import LAPAZ_SEED

from .drafts import sample_draft
from .pandoc_reader import read_with_pandoc


def annex_from_pandoc(path: Path, marker: str):
    paragraphs = read_with_pandoc(path)
    texts = [" ".join(p.text.split()) for p in paragraphs]
    assert texts.count(marker) == 1, f"one {marker} paragraph"
    return paragraphs[texts.index(marker) + 1:]


def expected_annex(draft, language):
    """(text, [(word before, footnote text)]) per block, from the model."""
    result = []
    for block in draft.blocks:
        if language == draft.language:
            content, texts = block.content, {k: v.text for k, v in draft.footnotes.items()}
        else:
            version = draft.translations[language]
            content, texts = version.blocks[block.id], version.footnotes
        text, notes = "", []
        for item in content:
            if isinstance(item, FootnoteRef):
                words = text.split()
                notes.append((words[-1] if words else "", " ".join(texts[item.footnote_id].split())))
            else:
                text += item.text
        result.append((" ".join(text.split()), notes))
    return result


@pytest.mark.parametrize("language, marker", [("en", "ANNEX"), ("es", "ANEXO")])
def test_pandoc_reads_annex_and_footnotes_back(tmp_path, language, marker):
    draft = sample_draft()
    target = tmp_path / f"note-{language}.docx"
    export_note(draft, target, language)
    annex = annex_from_pandoc(target, marker)
    got = [(" ".join(p.text.split()), p.notes) for p in annex]
    assert got == expected_annex(draft, language)


def test_seed_round_trip_through_pandoc(tmp_path):
    """Import the La Paz seed, export it, read it back: its 15 footnotes and its annex text."""
    draft, _report = import_text_file(LAPAZ_SEED)
    target = tmp_path / "lapaz.docx"
    report = export_note(draft, target, "en")
    assert report.footnotes == 15
    annex = annex_from_pandoc(target, "ANNEX")
    notes = [note for p in annex for note in p.notes]
    assert [text for _word, text in notes] == seed_footnotes(LAPAZ_SEED)
    assert [(" ".join(p.text.split()), p.notes) for p in annex] == expected_annex(draft, "en")
    # and the annex text is the seed's own (its paragraphs, markup and markers stripped)
    seed_text = seed_plain_text(LAPAZ_SEED)
    for paragraph in annex:
        assert " ".join(paragraph.text.split()) in seed_text


def seed_footnotes(path: Path) -> list[str]:
    """Footnote texts read straight from the seed: `<sup>n</sup> text` or `**n** text` lines."""
    import re

    notes = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        found = re.match(r"^(?:<sup>(\d+)</sup>|\*\*(\d+)\*\*)\s+(.*)$", line.strip())
        if found:
            text = found.group(3)
            text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text)       # [label](url) → label
            text = re.sub(r"<(https?://[^>]+)>", r"\1", text)
            text = re.sub(r"\\+_", "_", text)                         # CND\\_Sessions → CND_Sessions
            notes[int(found.group(1) or found.group(2))] = " ".join(text.split())
    return [notes[n] for n in sorted(notes)]


def seed_plain_text(path: Path) -> str:
    import re

    text = path.read_text(encoding="utf-8")
    text = re.sub(r"<sup>\d+</sup>", "", text)                 # footnote markers
    text = re.sub(r"<sup>([^<]*)</sup>", r"\1", text)           # XXIV<sup>th</sup>
    text = re.sub(r"[*#]+|^\s*- (❖ )?", "", text, flags=re.M)
    text = re.sub(r"\\+_", "_", text)
    return " ".join(text.split())


# -- LibreOffice ----------------------------------------------------------------------------

def require(binary: str, package: str) -> str:
    found = shutil.which(binary)
    if not found:
        pytest.skip(f"{binary} is not installed (Debian package '{package}')")
    return found


def to_pdf(docx_files: list[Path], out_dir: Path) -> list[Path]:
    soffice = require("soffice", "libreoffice-writer-nogui")
    profile = out_dir / "lo-profile"
    result = subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
         "--convert-to", "pdf", "--outdir", str(out_dir), *map(str, docx_files)],
        capture_output=True, text=True, timeout=240,
    )
    assert result.returncode == 0, result.stderr
    pdfs = [out_dir / (path.stem + ".pdf") for path in docx_files]
    for pdf in pdfs:
        assert pdf.exists() and pdf.stat().st_size > 1000, f"LibreOffice wrote no {pdf.name}: {result.stderr}"
    return pdfs


def pdf_pages(pdf: Path) -> list[str]:
    pdftotext = require("pdftotext", "poppler-utils")
    text = subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True, timeout=60).stdout
    return [page for page in text.split("\f") if page.strip()]


def long_draft():
    """The sample draft with enough paragraphs for a three-page annex."""
    draft = sample_draft()
    for n in range(40):
        block = Block(BlockKind.OPERATIVE, [TextRun(f"WE NOTE item {n} " + "of the long annex text " * 8)],
                      id=f"long-{n}")
        draft.blocks.append(block)
        draft.translations["es"].blocks[block.id] = [
            TextRun(f"OBSERVAMOS el punto {n} " + "del largo texto del anexo " * 8)]
    return draft


@pytest.mark.slow
def test_libreoffice_prints_cover_annex_and_footers(tmp_path):
    draft = long_draft()
    note = draft.note
    exports = {}
    for language in ("en", "es"):
        exports[language] = tmp_path / f"note-{language}.docx"
        export_note(draft, exports[language], language)
    pdfs = dict(zip(exports, to_pdf(list(exports.values()), tmp_path), strict=True))
    expectations = {
        "en": (["Council of the", "European Union", "Brussels, 28 February 2024", "NOTE", "From:",
                "Subject:", note.subject[:40]], "ANNEX", "EN"),
        "es": (["Consejo de la", "Unión Europea", "Bruselas, 28 de febrero de 2024", "NOTA", "De:",
                "Asunto:", draft.translations["es"].meta["subject"][:40]], "ANEXO", "ES"),
    }
    for language, pdf in pdfs.items():
        cover_lines, annex_word, code = expectations[language]
        pages = pdf_pages(pdf)
        assert len(pages) >= 3, "cover plus a multi-page annex"
        cover = pages[0]
        for line in cover_lines + ["(OR. en)", "6914/1/24 REV 1", "CORDROGUE 26"]:
            assert line in cover, (language, line)
        assert annex_word not in cover
        assert pages[1].lstrip().startswith(annex_word), "the annex starts on a new page under ANNEX"
        for number, page in enumerate(pages, 1):
            footer = [line.split() for line in page.strip().splitlines()[-2:]]
            assert footer[0] == ["6914/1/24", "REV", "1", note.initials, str(number)], (language, number)
            expected_second = [note.directorate, "LIMITE", code]
            if number > 1:
                expected_second = [annex_word] + expected_second
            assert footer[1] == expected_second, (language, number)
