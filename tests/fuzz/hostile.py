"""Hostile inputs for the readers, built on the fly: what issue 12 lists, and a few more.

Each builder writes one file into a folder and returns its path. Sizes are arguments so the
tests use inputs at the caps (fast) and benchmarks/bench_hostile.py the issue's sizes.
"""

from __future__ import annotations

import random
import struct
import zipfile
import zlib
from pathlib import Path

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    b'content-types"><Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    b'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
RELS = (
    b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    b'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
    b'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    b"</Relationships>"
)
WORDS = ("cooperation shared responsibility drugs policy member states evidence approach "
         "prevention treatment judicial customs ports financial data exchange mechanism").split()


def document_xml(body: bytes) -> bytes:
    return (f'<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body>'.encode() + body
            + b"</w:body></w:document>")


def package(path: Path, document: bytes) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS)
        archive.writestr("word/document.xml", document)
    return path


# -- not a package, or a broken one -------------------------------------------------------

def png_renamed(folder: Path) -> Path:
    path = folder / "picture.docx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64)
    return path


def encrypted(folder: Path) -> Path:
    """What Word writes for a password-protected document: an OLE compound file."""
    path = folder / "protected.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4096)
    return path


def truncated(folder: Path, source: Path) -> Path:
    path = folder / "truncated.docx"
    data = source.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def zip_bomb(folder: Path, megabytes: int = 120) -> Path:
    """A few hundred KB that expand to `megabytes` of empty paragraphs."""
    return package(folder / "bomb.docx", document_xml(b"<w:p/>" * (megabytes * 1024 * 1024 // 6)))


def large_part(folder: Path, megabytes: int = 60, seed: int = 1) -> Path:
    """Real-looking paragraphs of varied words: compresses like text (ratio ~ 5), not a bomb."""
    rng = random.Random(seed)
    paragraph_words = 60
    target = megabytes * 1024 * 1024
    pieces: list[bytes] = []
    size = 0
    while size < target:
        text = " ".join(rng.choice(WORDS) for _ in range(paragraph_words))
        piece = f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>".encode()
        pieces.append(piece)
        size += len(piece)
    return package(folder / "large-part.docx", document_xml(b"".join(pieces)))


def deleted_marks(folder: Path, count: int = 50_000) -> Path:
    """`count` paragraphs whose marks were deleted with tracked changes: one paragraph."""
    rng = random.Random(count)
    marks = b"".join(
        b'<w:p><w:pPr><w:rPr><w:del w:id="%d" w:author="a" w:date="2024-01-01T00:00:00Z"/>'
        b"</w:rPr></w:pPr><w:r><w:t>%s </w:t></w:r></w:p>" % (i, rng.choice(WORDS).encode())
        for i in range(count))
    return package(folder / "deleted-marks.docx",
                   document_xml(marks + b"<w:p><w:r><w:t>end.</w:t></w:r></w:p>"))


def many_paragraphs_docx(folder: Path, count: int = 100_000) -> Path:
    body = b"".join(b"<w:p><w:r><w:t>Paragraph %d.</w:t></w:r></w:p>" % i for i in range(count))
    return package(folder / "many-paragraphs.docx", document_xml(body))


def bad_list_level(folder: Path) -> Path:
    body = (b'<w:p><w:pPr><w:numPr><w:ilvl w:val="one"/><w:numId w:val="1"/></w:numPr></w:pPr>'
            b"<w:r><w:t>An item.</w:t></w:r></w:p>")
    return package(folder / "bad-level.docx", document_xml(body))


def lying_sizes(folder: Path, megabytes: int = 400) -> Path:
    """A part whose headers say 1 KB while its deflate stream holds `megabytes` of text."""
    path = folder / "lying-sizes.docx"
    document = document_xml(b"<w:p><w:r><w:t>" + b"a" * (megabytes * 1024 * 1024)
                            + b"</w:t></w:r></w:p>")
    package(path, document)
    data = bytearray(path.read_bytes())
    _patch_sizes(data, b"word/document.xml", uncompressed=1024)
    path.write_bytes(bytes(data))
    return path


def _patch_sizes(data: bytearray, name: bytes, uncompressed: int) -> None:
    """Rewrite the uncompressed size of member `name` in its local and central headers."""
    # (signature, offset of the uncompressed size, of the name length, of the name)
    for signature, size_at, length_at, name_at in ((b"PK\x03\x04", 22, 26, 30),
                                                   (b"PK\x01\x02", 24, 28, 46)):
        start = 0
        while (at := data.find(signature, start)) >= 0:
            start = at + 4
            length = struct.unpack_from("<H", data, at + length_at)[0]
            if bytes(data[at + name_at: at + name_at + length]) == name:
                struct.pack_into("<I", data, at + size_at, uncompressed)


def deep_nesting(folder: Path, depth: int = 5000) -> Path:
    body = b"<w:p>" + b"<w:ins>" * depth + b"<w:r><w:t>deep</w:t></w:r>" + b"</w:ins>" * depth
    return package(folder / "deep.docx", document_xml(body + b"</w:p>"))


def raw_deflate_bomb_member(folder: Path) -> Path:
    """A stored-size-zero member whose data is a broken deflate stream (zlib.error)."""
    path = folder / "bad-deflate.docx"
    package(path, document_xml(b"<w:p><w:r><w:t>text</w:t></w:r></w:p>"))
    data = bytearray(path.read_bytes())
    at = data.find(b"word/document.xml") + len(b"word/document.xml")
    data[at: at + 8] = zlib.compress(b"x")[:1] * 8
    path.write_bytes(bytes(data))
    return path


# -- text ---------------------------------------------------------------------------------

def markup_line(folder: Path, kilobytes: int = 500, unit: str = "<u>x</u> ") -> Path:
    """One line of inline markup (`unit` repeated), as a converter can produce."""
    path = folder / "markup-line.md"
    count = kilobytes * 1024 // len(unit)
    path.write_text("Title\n\n" + unit * count + "\n", encoding="utf-8")
    return path


def nested_markup(folder: Path, depth: int = 5000) -> Path:
    path = folder / "nested.md"
    path.write_text("Title\n\n" + "<u>" * depth + "deep" + "</u>" * depth + "\n", encoding="utf-8")
    return path


def many_paragraphs(folder: Path, count: int = 100_000, name: str = "many.es.md") -> Path:
    path = folder / name
    path.write_text("".join(f"{i}. Párrafo número {i} del texto.\n\n" for i in range(1, count + 1)),
                    encoding="utf-8")
    return path


def continued_lines(folder: Path, count: int = 100_000) -> Path:
    """Short chunks that each continue the paragraph before (lower case, no full stop)."""
    path = folder / "continued.md"
    path.write_text("Start of a paragraph\n\n" + "and more words\n\n" * count, encoding="utf-8")
    return path
