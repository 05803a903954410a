"""Reading source files: encodings, and clear refusals of what cannot be imported."""

from __future__ import annotations

import pytest

from app.importer import MAX_TEXT_BYTES, TextImportError, import_text_file
from app.store import DraftFileError

TEXT = "Bruselas, 28 de febrero de 2024\n6914/24\nNOTA\nDe: Presidencia\n\nTítulo\n\nREAFIRMAMOS la «cooperación» – €.\n"


def _last_text(draft):
    return draft.blocks[-1].text


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_unicode_encodings(tmp_path, encoding):
    path = tmp_path / "note.md"
    path.write_bytes(TEXT.encode(encoding))
    draft, report = import_text_file(path)
    assert report.warnings == []
    assert draft.note.place == "Bruselas" and draft.note.number == "6914/24"
    assert _last_text(draft) == "REAFIRMAMOS la «cooperación» – €."
    assert not draft.blocks[0].text.startswith("\ufeff")


def test_windows_1252_is_read_with_a_warning(tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes(TEXT.encode("cp1252"))
    draft, report = import_text_file(path)
    assert _last_text(draft) == "REAFIRMAMOS la «cooperación» – €."
    assert report.encoding == "cp1252"
    assert len(report.warnings) == 1 and "Windows-1252" in report.warnings[0].message


def _refusal(path) -> str:
    with pytest.raises(TextImportError) as caught:
        import_text_file(path)
    assert isinstance(caught.value, DraftFileError)
    message = str(caught.value)
    assert "\n" not in message and message.endswith(".") and message.count(". ") == 0
    assert path.name in message
    return message


def test_binary_file_refused(tmp_path):
    path = tmp_path / "picture.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    assert "not a text file" in _refusal(path)


def test_word_file_refused(tmp_path):
    path = tmp_path / "note.docx"
    path.write_bytes(b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00" + b"\x00" * 100)
    assert "not a text file" in _refusal(path)


@pytest.mark.parametrize("content", [b"", b"\n\n  \n", b"\xef\xbb\xbf"])
def test_empty_file_refused(tmp_path, content):
    path = tmp_path / "empty.md"
    path.write_bytes(content)
    assert "empty" in _refusal(path)


def test_too_large_file_refused_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:                 # sparse: no 50 MB written to disk
        handle.truncate(MAX_TEXT_BYTES + 1)
    assert "too large" in _refusal(path)


def test_missing_file_is_an_os_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        import_text_file(tmp_path / "nowhere.md")
