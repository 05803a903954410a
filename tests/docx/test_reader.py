"""The DOCX reader on real files: footnotes, tracked changes read as accepted, broken packages,
hostile packages, unusual namespaces, and a Council cover block."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import pytest

from app.docx.reader import DocxReadError, read_docx
from app.model import BlockKind, FootnoteRef
from tests.conftest import CORPUS

DOCX = CORPUS / "docx"


def texts(path: Path) -> list[str]:
    return [block.text for block in read_docx(path).blocks]


def test_spanish_document_with_footnotes():
    draft = read_docx(DOCX / "poi__stress018_es_footnotes.docx")
    assert len(draft.footnotes) == 7
    assert len(draft.footnote_order()) == 7
    assert all(fid in draft.footnotes for fid in draft.footnote_order())
    body = " ".join(block.text for block in draft.blocks)
    assert "Política" in body or "política" in body
    first_note = draft.footnotes[draft.footnote_order()[0]].text
    assert first_note.startswith("Política Nacional de Desarrollo Urbano")
    # A reference sits inside the text of the paragraph that cites it.
    citing = next(b for b in draft.blocks if b.footnote_ids)
    assert any(isinstance(item, FootnoteRef) for item in citing.content) and citing.text.strip()


def test_tracked_insertions_are_read_and_deletions_skipped():
    assert texts(DOCX / "pandoc__track_changes_insertion.docx") == [
        "This is a text with two exciting insertions."
    ]
    moved = " ".join(texts(DOCX / "pandoc__track_changes_move.docx"))
    assert moved.count("Here is some text.") == 1


@pytest.mark.parametrize("stem", ["oxpt__RP042-Deleted-Para-Mark-at-End", "redlines__modified"])
def test_accepted_text_matches_the_corpus_expectation(stem: str):
    expected_file = DOCX / (f"{stem}.accepted.derived.txt" if stem.startswith("oxpt") else f"{stem}.derived.txt")
    expected = [" ".join(p.split()) for p in expected_file.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    assert [" ".join(t.split()) for t in texts(DOCX / f"{stem}.docx")] == expected


def test_deleted_paragraph_mark_joins_paragraphs():
    original = texts(DOCX / "pandoc__paragraph_insertion_deletion.docx")
    assert original == ["This is a", "splitParagraph."]


@pytest.mark.parametrize(
    "name, words",
    [
        ("poi__truncated62886.docx", "damaged or incomplete"),
        ("poi__protected_agile.docx", "password-protected"),
        ("poi__stress025_theme_not_document.docx", "not a Word document"),
    ],
)
def test_broken_packages_give_one_sentence(name: str, words: str):
    with pytest.raises(DocxReadError) as caught:
        read_docx(DOCX / name)
    message = str(caught.value)
    assert words in message and name in message and "\n" not in message


def test_corrupt_part_we_do_not_need_does_not_matter():
    # The theme part fails its CRC; the text is still there.
    assert texts(DOCX / "poi__clusterfuzz-6733884933668864.docx")


@pytest.mark.parametrize(
    "name, expected",
    [("mammoth__strict-format.docx", ["Test"]), ("pandoc__ns0-reference.docx", ["ref"])],
)
def test_strict_and_unusual_prefixes_read_the_same(name: str, expected: list[str]):
    assert texts(DOCX / name) == expected


def test_main_part_found_through_relationships():
    assert texts(DOCX / "pandoc__alternate_document_path.docx")[0] == "Test"


def test_endnotes_and_footnotes_both_become_notes():
    draft = read_docx(DOCX / "pandoc__notes.docx")
    notes = sorted(note.text for note in draft.footnotes.values())
    assert notes == ["My note.", "This is an endnote at the end of the document."]


def _package(path: Path, document: bytes, extra: dict[str, bytes] | None = None) -> Path:
    content_types = (
        b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        b'<Default Extension="xml" ContentType="application/xml"/>'
        b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
        b'officedocument.wordprocessingml.document.main+xml"/></Types>'
    )
    rels = (
        b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", content_types)
        archive.writestr("_rels/.rels", rels)
        archive.writestr("word/document.xml", document)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return path


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _document(paragraphs: list[str], prolog: str = "") -> bytes:
    body = "".join(f"<w:p><w:r><w:t xml:space=\"preserve\">{p}</w:t></w:r></w:p>" for p in paragraphs)
    return (f'<?xml version="1.0"?>{prolog}<w:document xmlns:w="{W}"><w:body>{body}'
            "</w:body></w:document>").encode()


def test_entities_are_not_expanded(tmp_path: Path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    prolog = f'<!DOCTYPE d [<!ENTITY xxe SYSTEM "file://{secret}"><!ENTITY a "aaaaaaaaaa">]>'
    path = _package(tmp_path / "xxe.docx", _document(["Before &xxe; &a;&a; after"], prolog))
    try:
        body = " ".join(texts(path))
    except DocxReadError as error:   # refusing the document outright is fine too
        assert "\n" not in str(error)
        return
    assert "TOP SECRET" not in body and "aaaaaaaaaa" not in body


def test_zip_bomb_is_refused_before_reading(tmp_path: Path):
    huge = b"<w:p/>" * (20 * 1024 * 1024)      # 120 MB of XML compresses to ~100 KB
    document = f'<w:document xmlns:w="{W}"><w:body>'.encode() + huge + b"</w:body></w:document>"
    path = _package(tmp_path / "bomb.docx", document)
    assert path.stat().st_size < 2 * 1024 * 1024
    with pytest.raises(DocxReadError, match="zip bomb"):
        read_docx(path)


def test_council_cover_block_is_read(tmp_path: Path):
    cover = [
        "Council of the European Union", "Brussels, 28 February 2024", "(OR. en)", "6914/24",
        "LIMITE", "CORDROGUE 26", "NOTE", "From:", "General Secretariat of the Council",
        "To:", "Delegations", "Subject:", "EU-CELAC Mechanism on Drugs - La Paz declaration",
        "Delegations will find in the Annex the La Paz declaration.", "ANNEX",
        "WE REAFFIRM the importance of the Mechanism as a bi-regional forum.",
    ]
    draft = read_docx(_package(tmp_path / "note.docx", _document(cover)))
    note = draft.note
    assert (note.number, note.date, note.marking, note.languages) == (
        "6914/24", date(2024, 2, 28), "LIMITE", ["en"])
    assert note.sender == "General Secretariat of the Council" and note.recipient == "Delegations"
    assert note.subject == "EU-CELAC Mechanism on Drugs - La Paz declaration"
    assert note.intro.startswith("Delegations will find")
    assert [b.text for b in draft.blocks] == [cover[-1]]


def test_spanish_cover_block(tmp_path: Path):
    cover = ["Consejo de la Unión Europea", "Bruselas, 8 de junio de 2023", "10245/1/23 REV 1",
             "NOTA", "De:", "Presidencia", "A:", "Delegaciones", "Asunto:", "Declaración conjunta",
             "Se remite a las Delegaciones el proyecto.", "ANEXO", "Reiteramos nuestro compromiso."]
    draft = read_docx(_package(tmp_path / "nota.docx", _document(cover)))
    assert (draft.note.number, draft.note.suffix, draft.note.date) == ("10245/23", "REV 1", date(2023, 6, 8))
    assert draft.note.full_number == "10245/1/23 REV 1"
    assert draft.note.subject == "Declaración conjunta"
    assert [b.text for b in draft.blocks] == ["Reiteramos nuestro compromiso."]


def test_list_paragraphs_become_list_items():
    draft = read_docx(DOCX / "pandoc__lists.docx")
    items = [b for b in draft.blocks if b.kind == BlockKind.LIST_ITEM]
    assert len(items) >= 8 and max(b.level for b in items) >= 2

