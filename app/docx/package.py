"""Opening a DOCX package we did not write: size caps, a streaming byte budget, one error kind.

Member sizes in zip headers are never trusted: every part is decompressed in small pieces and
reading stops as soon as it passes the cap, so a zip that lies about its sizes, or a bomb,
costs at most the cap in memory. Every failure the zip, zlib, bz2 and lzma layers can raise
on a damaged file becomes a `DocxReadError` sentence naming the file (and the part).
"""

from __future__ import annotations

import lzma
import struct
import zipfile
import zlib
from pathlib import Path

from app.errors import ConcordiaError
from app.i18n import _
from app.limits import (
    MAX_DOCX_BYTES,
    MAX_DOCX_MEMBERS,
    MAX_PACKAGE_XML_BYTES,
    MAX_PART_BYTES,
    MAX_RATIO,
    megabytes,
)

OLE_MAGIC = b"\xd0\xcf\x11\xe0"
_CHUNK = 64 * 1024

#: What a damaged archive can raise from zipfile and the decompressors below it (bz2 raises
#: OSError / ValueError).
ZIP_FAILURES = (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError,
                struct.error, UnicodeDecodeError, NotImplementedError, RuntimeError, zlib.error,
                lzma.LZMAError, OverflowError, KeyError, IndexError, TypeError, AttributeError)


class DocxReadError(ConcordiaError):
    """A DOCX that cannot be read; `str()` is one sentence for the user."""


def check_file(path: Path) -> None:
    """Refuse what is not a DOCX before opening it as a zip."""
    if not path.is_file():
        raise DocxReadError(_("“{name}” is not a file.").format(name=path.name))
    size = path.stat().st_size
    if size > MAX_DOCX_BYTES:
        raise DocxReadError(
            _("“{name}” is too large to read ({size}; the limit for a Word document is {limit}).")
            .format(name=path.name, size=megabytes(size), limit=megabytes(MAX_DOCX_BYTES)))
    with path.open("rb") as handle:
        head = handle.read(8)
    if head.startswith(OLE_MAGIC):
        raise DocxReadError(
            _("“{name}” is password-protected or an old-style Word file; save it as an unprotected "
              ".docx and try again.").format(name=path.name)
        )
    if not head.startswith(b"PK"):
        raise DocxReadError(_("“{name}” is not a Word document.").format(name=path.name))


def open_archive(path: Path) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(path)
    except ZIP_FAILURES as error:
        raise DocxReadError(
            _("“{name}” is damaged or incomplete (it is not a complete DOCX package).").format(
                name=path.name)
        ) from error
    if len(archive.infolist()) > MAX_DOCX_MEMBERS:
        archive.close()
        raise DocxReadError(
            _("“{name}” lists more than {limit} parts, the limit for a Word document.").format(
                name=path.name, limit=MAX_DOCX_MEMBERS))
    return archive


class PartReader:
    """Reads parts of one open package within the per-part and whole-package budgets."""

    def __init__(self, path: Path, archive: zipfile.ZipFile) -> None:
        self.path = path
        self.archive = archive
        self.names = {info.filename: info for info in archive.infolist()}
        self.spent = 0

    def read(self, name: str) -> bytes | None:
        info = self.names.get(name)
        if info is None:
            return None
        if info.file_size > 1024 * 1024 and info.compress_size \
                and info.file_size / info.compress_size > MAX_RATIO:
            raise self._too_large()
        pieces: list[bytes] = []
        size = 0
        try:
            with self.archive.open(info) as member:
                while chunk := member.read(_CHUNK):
                    size += len(chunk)
                    if size > MAX_PART_BYTES or self.spent + size > MAX_PACKAGE_XML_BYTES:
                        raise self._too_large()
                    pieces.append(chunk)
        except DocxReadError:
            raise
        except ZIP_FAILURES as error:
            # RuntimeError: an encrypted member; NotImplementedError: an unknown compression.
            raise DocxReadError(
                _("“{name}” is damaged: its part {part} cannot be read.").format(
                    name=self.path.name, part=_printable(name))
            ) from error
        self.spent += size
        return b"".join(pieces)

    def _too_large(self) -> DocxReadError:
        return DocxReadError(
            _("“{name}” holds a part that expands beyond {limit} (the limit for one part is "
              "{limit}, for all parts {total}); it was not opened (possible zip bomb).").format(
                name=self.path.name, limit=megabytes(MAX_PART_BYTES),
                total=megabytes(MAX_PACKAGE_XML_BYTES)))


def _printable(name: str) -> str:
    """A member name fit for one sentence (a damaged name can hold control characters)."""
    return "".join(char if char.isprintable() else "?" for char in name)[:120]
