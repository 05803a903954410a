"""Reading a text file for import: encodings, and refusing what is not text."""

from __future__ import annotations

import codecs
from pathlib import Path

from app.i18n import _
from app.limits import MAX_TEXT_BYTES, megabytes  # noqa: F401  (re-exported: app.importer)
from app.store import DraftFileError

from .report import ImportReport

_SNIFF_BYTES = 8192


class TextImportError(DraftFileError):
    """A source that cannot be imported; `str(error)` is one sentence for the user."""


def read_source(path: Path | str, report: ImportReport) -> str:
    """The file's text; UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252 with a warning."""
    path = Path(path)
    size = path.stat().st_size          # FileNotFoundError / IsADirectoryError go to the caller
    if path.is_dir():
        raise IsADirectoryError(21, "is a directory", str(path))
    if size > MAX_TEXT_BYTES:
        raise TextImportError(
            _("“{name}” is too large to import ({size}; the limit for a text is {limit}).").format(
                name=path.name, size=megabytes(size), limit=megabytes(MAX_TEXT_BYTES)
            ),
            path,
        )
    data = path.read_bytes()
    text = decode_source(data, report, path.name)
    if not text.strip():
        raise TextImportError(_("“{name}” is empty: there is nothing to import.").format(
            name=path.name), path)
    return text


def decode_source(data: bytes, report: ImportReport, name: str = "") -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        report.encoding = "utf-16"
        return data.decode("utf-16", errors="replace")
    if looks_binary(data[:_SNIFF_BYTES]):
        raise TextImportError(
            _("“{name}” is not a text file; import a markdown (.md) or plain text (.txt) file.")
            .format(name=name)
        )
    try:
        text = data.decode("utf-8-sig")
        report.encoding = "utf-8"
        return text
    except UnicodeDecodeError:
        pass
    # Old Windows editors write cp1252; a few byte values are undefined there, hence "replace".
    report.encoding = "cp1252"
    report.warn(_("the file is not UTF-8; it was read as Windows-1252 (Western European), "
                  "check accented letters and quotes"))
    return data.decode("cp1252", errors="replace")


def looks_binary(sample: bytes) -> bool:
    """NUL bytes or many control characters: an image, an archive, a Word file…"""
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13))
    return controls / len(sample) > 0.05
