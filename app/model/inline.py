"""Inline content of a block: formatted text runs and footnote references.

A block's content is a list of inlines. Offsets inside a block count every character of a
text run and exactly one position for a footnote reference, which is how the editor stores
it too (one object character), so an offset means the same thing in the model and the widget.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

#: Stand-in character for a footnote reference when a block is flattened with anchors.
ANCHOR = "\ufffc"


@dataclass(frozen=True)
class TextRun:
    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False
    superscript: bool = False

    def same_format(self, other: TextRun) -> bool:
        return (self.bold, self.italic, self.underline, self.superscript) == (
            other.bold,
            other.italic,
            other.underline,
            other.superscript,
        )

    def to_json(self) -> dict:
        data: dict = {"t": self.text}
        for name in ("bold", "italic", "underline", "superscript"):
            if getattr(self, name):
                data[name[0] if name != "superscript" else "sup"] = 1
        return data


@dataclass(frozen=True)
class FootnoteRef:
    footnote_id: str

    def to_json(self) -> dict:
        return {"fn": self.footnote_id}


Inline = TextRun | FootnoteRef


def inline_from_json(data: dict) -> Inline:
    if "fn" in data:
        return FootnoteRef(data["fn"])
    return TextRun(
        data["t"],
        bold=bool(data.get("b")),
        italic=bool(data.get("i")),
        underline=bool(data.get("u")),
        superscript=bool(data.get("sup")),
    )


def inline_length(item: Inline) -> int:
    return len(item.text) if isinstance(item, TextRun) else 1


def content_length(inlines: list[Inline]) -> int:
    return sum(inline_length(item) for item in inlines)


def plain_text(inlines: list[Inline]) -> str:
    """The text a reader sees, without footnote references or formatting."""
    return "".join(item.text for item in inlines if isinstance(item, TextRun))


def anchored_text(inlines: list[Inline]) -> str:
    """The text with one ANCHOR character per footnote reference (offsets match the editor)."""
    return "".join(item.text if isinstance(item, TextRun) else ANCHOR for item in inlines)


def footnote_ids(inlines: list[Inline]) -> list[str]:
    return [item.footnote_id for item in inlines if isinstance(item, FootnoteRef)]


def normalise(inlines: list[Inline]) -> list[Inline]:
    """Merge neighbouring runs of the same format and drop empty runs."""
    result: list[Inline] = []
    for item in inlines:
        if isinstance(item, TextRun):
            if not item.text:
                continue
            last = result[-1] if result else None
            if isinstance(last, TextRun) and last.same_format(item):
                result[-1] = replace(last, text=last.text + item.text)
                continue
        result.append(item)
    return result


def split_at(inlines: list[Inline], offset: int) -> tuple[list[Inline], list[Inline]]:
    """Split content at an offset; a run is cut in two where the offset falls inside it."""
    if offset < 0 or offset > content_length(inlines):
        raise ValueError(f"offset {offset} outside content of length {content_length(inlines)}")
    left: list[Inline] = []
    right: list[Inline] = []
    position = 0
    for item in inlines:
        length = inline_length(item)
        if position + length <= offset:
            left.append(item)
        elif position >= offset:
            right.append(item)
        else:
            cut = offset - position
            assert isinstance(item, TextRun)
            left.append(replace(item, text=item.text[:cut]))
            right.append(replace(item, text=item.text[cut:]))
        position += length
    return normalise(left), normalise(right)


def slice_content(inlines: list[Inline], start: int, end: int) -> list[Inline]:
    _, rest = split_at(inlines, start)
    middle, _ = split_at(rest, end - start)
    return middle


@dataclass
class InlineBuilder:
    """Collects runs and references in order, merging runs of equal format."""

    items: list[Inline] = field(default_factory=list)

    def text(self, text: str, **fmt: bool) -> InlineBuilder:
        self.items.append(TextRun(text, **fmt))
        return self

    def footnote(self, footnote_id: str) -> InlineBuilder:
        self.items.append(FootnoteRef(footnote_id))
        return self

    def build(self) -> list[Inline]:
        return normalise(self.items)
