"""Both Word exports refuse a language Concordia cannot export in, with one sentence, and
write nothing (the check lives in localise, which both go through); a Spanish export holds
every Spanish sentence imported, or refuses and names the paragraph it could not place."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from app.docx import ExportError, export_note
from app.docx.compilation import export_compilation
from app.docx.localise import localise
from tests.conftest import REPO
from tests.importer.test_pairing_shifts import (
    MERGED,
    SPLIT,
    UDHR_EN,
    spanish_paragraphs,
    split_in_two,
)

from .drafts import sample_draft
from .pandoc_reader import read_with_pandoc


@pytest.mark.parametrize("export", [export_note, export_compilation])
def test_unsupported_language_is_one_sentence_and_no_file(tmp_path, export):
    target = tmp_path / "out.docx"
    with pytest.raises(ExportError) as error:
        export(sample_draft(), target, language="fr")
    message = str(error.value)
    assert "“fr”" in message and "en, es" in message and "\n" not in message
    assert list(tmp_path.iterdir()) == []


def test_the_draft_language_itself_must_be_exportable():
    draft = sample_draft()
    draft.language = "fr"
    with pytest.raises(ExportError):
        localise(draft, "fr")


# -- every Spanish sentence imported is exported, or the export names what it could not place --

def _concordia(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=REPO, capture_output=True,
                          text=True, timeout=120)


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.;:])\s+", " ".join(text.split())) if s]


def _udhr_draft_with_spanish(tmp_path: Path, paragraphs: list[str]) -> Path:
    draft = tmp_path / "udhr.concordia"
    assert _concordia("import", str(UDHR_EN), "--out", str(draft)).returncode == 0
    spanish = tmp_path / "udhr.es.txt"
    spanish.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    result = _concordia("import", str(spanish), "--into", str(draft), "--language", "es")
    assert result.returncode == 0, result.stderr
    return draft


def test_a_split_and_a_merged_paragraph_reach_the_spanish_export_whole(tmp_path):
    original = spanish_paragraphs()
    first, second = split_in_two(original[SPLIT])
    one, two = MERGED
    paragraphs = (original[:one] + [original[one] + " " + original[two]]
                  + original[two + 1:SPLIT] + [first, second] + original[SPLIT + 1:])
    draft = _udhr_draft_with_spanish(tmp_path, paragraphs)
    target = tmp_path / "es.docx"
    result = _concordia("export", str(draft), "--out", str(target), "--lang", "es")
    assert result.returncode == 0, result.stderr
    exported = " ".join(" ".join(p.text.split()) for p in read_with_pandoc(target))
    imported = [s for paragraph in paragraphs for s in _sentences(paragraph)]
    assert len(second.split()) > 30
    assert [s for s in imported if s not in exported] == []


def test_a_spanish_paragraph_with_no_block_stops_the_export_and_is_named(tmp_path):
    original = spanish_paragraphs()
    extra = ("Un párrafo añadido que no tiene equivalente en el texto inglés y que, por su "
             "longitud, no puede confundirse con el breve artículo tercero de la Declaración.")
    at = original.index("Artículo 4")
    draft = _udhr_draft_with_spanish(tmp_path, original[:at] + [extra] + original[at:])
    target = tmp_path / "es.docx"
    result = _concordia("export", str(draft), "--out", str(target), "--lang", "es")
    assert result.returncode == 1 and not target.exists()
    message = result.stderr.strip()
    assert "\n" not in message and "Traceback" not in message
    assert f"line {2 * at + 1}" in message and "Un párrafo añadido que no" in message
