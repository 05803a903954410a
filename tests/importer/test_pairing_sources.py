"""prepare_language_version: pairing without touching the draft, Word sources, labels, notes."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from app.importer import TextImportError, import_text_file
from app.importer.pairing import import_language_version, prepare_language_version
from app.model import BlockKind, plain_text
from tests.conftest import CLASI_SEED

PARTIAL_ES = Path(__file__).parent / "data" / "clasi_partial.es.md"
TRANSLATED = [1, 2, 3, 4, 5, 6, 10, 17, 23]


@pytest.fixture
def clasi():
    return import_text_file(CLASI_SEED)[0]


def _numbered(draft):
    return [block for block in draft.blocks if block.kind is BlockKind.NUMBERED]


def report_block(report, block):
    from app.model.inline import inline_from_json

    return [inline_from_json(item) for item in report.operation.version["blocks"][block.id]]


def test_prepare_leaves_the_draft_alone_and_its_operation_applies_later(clasi):
    before = clasi.to_public_json()
    report = prepare_language_version(clasi, PARTIAL_ES, "es")
    assert clasi.translations == {} and clasi.to_public_json() == before
    assert report.inverse is None
    inverse = report.operation.apply(clasi)
    applied = import_text_file(CLASI_SEED)[0]
    import_language_version(applied, PARTIAL_ES, "es")
    # Same pairing as the one-call import (ids differ between the two imports: compare by place).
    ours = [plain_text(clasi.translations["es"].blocks.get(b.id, [])) for b in clasi.blocks]
    theirs = [plain_text(applied.translations["es"].blocks.get(b.id, [])) for b in applied.blocks]
    assert ours == theirs
    inverse.apply(clasi)
    assert clasi.translations == {}


def test_unpaired_blocks_are_labelled_by_paragraph_number(clasi):
    report = prepare_language_version(clasi, PARTIAL_ES, "es")
    missing = [n for n in range(1, 24) if n not in TRANSLATED]
    assert report.unpaired_main_places == [f"§ {n}" for n in missing]
    numbered = _numbered(clasi)
    assert [block_id for block_id, _quote in report.unpaired_main] == [
        numbered[n - 1].id for n in missing]


def test_extra_paragraphs_of_the_text_keep_their_source_number(clasi, tmp_path):
    text = PARTIAL_ES.read_text(encoding="utf-8") + (
        "\n\n24. Párrafo que el borrador no tiene.\n\nTexto suelto al final, sin número.\n")
    source = tmp_path / "extra.es.md"
    source.write_text(text, encoding="utf-8")
    report = prepare_language_version(clasi, source, "es")
    assert report.unpaired_version_places[0] == "§ 24"
    assert report.unpaired_version_places[1].startswith("¶ ")
    assert report.unpaired_version[0].quote.startswith("Párrafo que el borrador")


def test_skipped_numbers_are_no_warning_but_other_notes_stay(clasi, tmp_path):
    text = PARTIAL_ES.read_text(encoding="utf-8").replace("Recordamos", "Recordamos «cañón»", 1)
    source = tmp_path / "cp1252.es.md"
    source.write_bytes(text.encode("cp1252", errors="replace"))
    report = prepare_language_version(clasi, source, "es")
    messages = [warning.message for warning in report.import_report.warnings]
    assert not any("was expected" in message for message in messages)
    assert any("Windows-1252" in message for message in messages)
    assert plain_text(report_block(report, _numbered(clasi)[9])).startswith("Recordamos «cañón»")


def _word_document(path: Path, paragraphs: list[str]) -> Path:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))
    return path


def test_word_document_with_typed_numbers_pairs_by_number(clasi, tmp_path):
    lines = PARTIAL_ES.read_text(encoding="utf-8").splitlines()
    title = next(line for line in lines if line.startswith("Proyecto de Declaración"))
    numbered = [line for line in lines if line[:1].isdigit() and ". " in line[:4]]
    source = _word_document(tmp_path / "clasi.es.docx", [title, *numbered])
    report = prepare_language_version(clasi, source, "es")
    version = report.operation.version
    blocks = _numbered(clasi)
    assert sorted(n for n, b in enumerate(blocks, 1) if b.id in version["blocks"]) == TRANSLATED
    assert clasi.blocks[0].id in version["blocks"]
    # the typed number is the paragraph's number, not part of its Spanish text
    assert plain_text(report_block(report, blocks[9])).startswith("Recordamos que la Unión")
    assert plain_text(report_block(report, blocks[22])).startswith("Nosotros, los Ministros")
    assert report.unpaired_version == []


@pytest.mark.parametrize("content", [b"PK\x03\x04 broken" * 50, b"\xd0\xcf\x11\xe0" + b"\0" * 600])
def test_a_bad_word_file_is_one_sentence(clasi, tmp_path, content):
    source = tmp_path / "bad.docx"
    source.write_bytes(content)
    with pytest.raises(TextImportError) as caught:
        prepare_language_version(clasi, source, "es")
    assert "bad.docx" in str(caught.value) and "\n" not in str(caught.value)
    assert clasi.translations == {}


def test_a_text_without_paragraphs_is_refused(clasi, tmp_path):
    source = tmp_path / "cover-only.es.md"
    source.write_text("Consejo de la Unión Europea\n\nNOTA\n", encoding="utf-8")
    with pytest.raises(TextImportError):
        prepare_language_version(clasi, source, "es")
