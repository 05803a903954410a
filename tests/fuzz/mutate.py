"""Seeded mutations of real DOCX files: bit flips, truncations, damaged XML, wrong relationships.

`mutate(data, rng)` returns a damaged copy of a package's bytes. Half the mutations work on the
raw bytes (what a bad disk or download does); half rebuild the zip with one part damaged
(what a buggy writer does), so the XML and relationship layers are reached too.
"""

from __future__ import annotations

import io
import random
import warnings
import zipfile


def mutate(data: bytes, rng: random.Random) -> bytes:
    kind = rng.randrange(8)
    if kind == 0:
        return _flip_bits(data, rng, rng.randint(1, 8))
    if kind == 1:
        return data[: rng.randrange(1, len(data))]
    if kind == 2:
        return _flip_bits(data[:200], rng, 3) + data[200:]     # local header of the first part
    if kind == 3:
        tail = max(0, len(data) - rng.randint(22, 400))         # the central directory
        return data[:tail] + _flip_bits(data[tail:], rng, rng.randint(1, 6))
    return _damage_part(data, rng, kind)


def _flip_bits(data: bytes, rng: random.Random, count: int) -> bytes:
    buffer = bytearray(data)
    for _ in range(count):
        if buffer:
            buffer[rng.randrange(len(buffer))] ^= 1 << rng.randrange(8)
    return bytes(buffer)


_ATTRIBUTE_NOISE = [b'w:val="one"', b'w:val="-3"', b'w:val="99999999999999999999"', b'w:val=""',
                    b'w:id="x"', b'Target="../../../etc/passwd"', b'Target="/"',
                    b'Target="word/document.xml"', b'Type="officeDocument"']


def _damage_part(data: bytes, rng: random.Random, kind: int) -> bytes:
    try:
        source = zipfile.ZipFile(io.BytesIO(data))
        parts = [(info, source.read(info)) for info in source.infolist()]
    except Exception:   # the corpus holds broken files on purpose: flip bits instead
        return _flip_bits(data, rng, 4)
    if not parts:
        return data
    index = rng.randrange(len(parts))
    xml_parts = [i for i, (info, _) in enumerate(parts) if info.filename.endswith((".xml", ".rels"))]
    if xml_parts and kind != 7:
        index = rng.choice(xml_parts)
    info, content = parts[index]
    if kind == 4:                                   # cut the XML short or drop a slice of it
        cut = rng.randrange(len(content) + 1)
        content = content[:cut] + content[cut + rng.randint(0, 40):]
    elif kind == 5:                                 # replace an attribute value
        at = content.find(b'="', rng.randrange(len(content) + 1))
        if at > 0:
            end = content.find(b'"', at + 2)
            start = content.rfind(b" ", 0, at) + 1
            content = content[:start] + rng.choice(_ATTRIBUTE_NOISE) + content[end + 1:]
    elif kind == 6:                                 # duplicate or swap elements' bytes
        a, b = sorted(rng.randrange(len(content) + 1) for _ in range(2))
        content = content[:a] + content[a:b] * rng.randint(0, 3) + content[b:]
    else:                                           # rename or drop a part
        if rng.random() < 0.5:
            parts.pop(index)
            return _zip(parts)
        info = zipfile.ZipInfo(rng.choice(["word/document2.xml", "_rels/.rels", "x\udcff.xml",
                                           "word/footnotes.xml", "[Content_Types].xml"]))
    parts[index] = (info, content)
    return _zip(parts)


def _zip(parts) -> bytes:
    out = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        warnings.simplefilter("ignore")   # a renamed part may duplicate a name: that is the point
        for info, content in parts:
            name = info.filename.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
            archive.writestr(name, content)
    return out.getvalue()
