"""pandoc as an independent reader: paragraphs of a DOCX with their footnotes in place."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest


def require_pandoc() -> str:
    found = shutil.which("pandoc")
    if not found:
        pytest.skip("pandoc is not installed (Debian package 'pandoc'); the independent read-back needs it")
    return found


@dataclass
class ReadParagraph:
    text: str
    notes: list[tuple[str, str]] = field(default_factory=list)   # (word before, note text)


def read_with_pandoc(path: Path) -> list[ReadParagraph]:
    """Every paragraph pandoc sees, in order (list items included), notes lifted out."""
    output = subprocess.run([require_pandoc(), "-f", "docx", "-t", "json", str(path)],
                            capture_output=True, text=True, check=True, timeout=120)
    document = json.loads(output.stdout)
    paragraphs: list[ReadParagraph] = []
    _blocks(document["blocks"], paragraphs)
    return paragraphs


def _blocks(blocks: list, out: list[ReadParagraph]) -> None:
    for block in blocks:
        kind, content = block["t"], block.get("c")
        if kind in ("Para", "Plain"):
            out.append(_paragraph(content))
        elif kind == "Header":
            out.append(_paragraph(content[2]))
        elif kind == "BulletList":
            for item in content:
                _blocks(item, out)
        elif kind == "OrderedList":
            for item in content[1]:
                _blocks(item, out)
        elif kind in ("BlockQuote", "Div"):
            _blocks(content if kind == "BlockQuote" else content[1], out)
        elif kind == "Table":
            _table(content, out)


def _table(content, out: list[ReadParagraph]) -> None:
    # pandoc ≥ 2.10: [attr, caption, colspecs, head, bodies, foot]; cells hold blocks.
    def walk(node):
        if isinstance(node, dict) and node.get("t") in ("Para", "Plain", "Header", "BulletList",
                                                          "OrderedList", "Div"):
            _blocks([node], out)
        elif isinstance(node, dict):
            walk(node.get("c"))
        elif isinstance(node, list):
            for child in node:
                walk(child)
    walk(content[3:])


def _paragraph(inlines: list) -> ReadParagraph:
    paragraph = ReadParagraph("")
    paragraph.text = _inlines(inlines, paragraph)
    return paragraph


def _inlines(inlines: list, paragraph: ReadParagraph) -> str:
    text = ""
    for inline in inlines:
        kind, content = inline["t"], inline.get("c")
        if kind == "Str":
            text += content
        elif kind in ("Space", "SoftBreak"):
            text += " "
        elif kind == "LineBreak":
            text += "\n"
        elif kind in ("Emph", "Strong", "Underline", "Superscript", "Subscript", "SmallCaps",
                      "Strikeout"):
            text += _inlines(content, paragraph)
        elif kind == "Span":
            text += _inlines(content[1], paragraph)
        elif kind in ("Link", "Image"):
            text += _inlines(content[1], paragraph)
        elif kind == "Quoted":
            mark = '"' if content[0]["t"] == "DoubleQuote" else "'"
            text += mark + _inlines(content[1], paragraph) + mark
        elif kind == "Code":
            text += content[1]
        elif kind == "Note":
            words = text.split()
            inner: list[ReadParagraph] = []
            _blocks(content, inner)
            paragraph.notes.append((words[-1] if words else "",
                                    " ".join(" ".join(p.text.split()) for p in inner)))
    return text
