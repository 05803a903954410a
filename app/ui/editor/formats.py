"""How model blocks and inlines are stored in a QTextDocument, both ways.

A `QTextBlock` carries its block id, kind and level as user properties of its
`QTextBlockFormat`; Qt copies, moves and restores block formats on edit and undo, so the id
travels with the paragraph for free. Inline marks are ordinary char-format properties; a
footnote reference is ONE object character (U+FFFC) whose char format holds the footnote id
and whose object type is drawn by `FootnoteMarker` as a live superscript number.

Comment spans will be char-format properties too (`COMMENT_IDS`, a list of comment ids);
`read_block` is the one place that turns fragments into inlines, so that is where they go.

Presentation that is NOT content (title size, heading weight, list bullets, numbers) lives in
block formats' layout properties, the drawn `Decorations` and the `KindHighlighter`, never in char
formats, so reading a block back never mistakes styling for a user's bold.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QFont,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
    QTextFragment,
)

from app.model import ANCHOR, Block, BlockKind, FootnoteRef, Inline, TextRun
from app.model.inline import normalise

_USER = int(QTextFormat.Property.UserProperty.value)
BLOCK_ID = _USER + 1
BLOCK_KIND = _USER + 2
BLOCK_LEVEL = _USER + 3
FOOTNOTE_ID = _USER + 10
COMMENT_IDS = _USER + 20          # reserved for comment spans (a list of comment ids)

FOOTNOTE_OBJECT = int(QTextFormat.ObjectTypes.UserObject.value) + 1

_BOLD = int(QFont.Weight.Bold.value)
_NORMAL = int(QFont.Weight.Normal.value)
_SUPER = QTextCharFormat.VerticalAlignment.AlignSuperScript
_BASELINE = QTextCharFormat.VerticalAlignment.AlignNormal

#: Properties of ours that must never leak onto typed or pasted text.
_INLINE_OBJECT_PROPERTIES = (FOOTNOTE_ID,)

#: Vertical space (points) above a block, by kind: paragraphs breathe like a printed note.
_SPACE_BEFORE = {BlockKind.TITLE: 12.0, BlockKind.HEADING: 12.0}
_SPACE_AFTER = 6.0


def block_id_of(block: QTextBlock) -> str | None:
    value = block.blockFormat().property(BLOCK_ID)
    return value if isinstance(value, str) and value else None


def kind_of(block: QTextBlock) -> BlockKind:
    value = block.blockFormat().property(BLOCK_KIND)
    try:
        return BlockKind(value)
    except ValueError:
        return BlockKind.PARAGRAPH


def level_of(block: QTextBlock) -> int:
    value = block.blockFormat().property(BLOCK_LEVEL)
    return int(value) if isinstance(value, int) else 0


def block_format(block_id: str, kind: BlockKind, level: int, base: QTextBlockFormat | None = None) -> QTextBlockFormat:
    """The block format that stores a block's identity and shows its kind.

    Numbers and bullets are drawn in the left margin by `decorations`; the margin is here.
    """
    fmt = QTextBlockFormat(base) if base is not None else QTextBlockFormat()
    fmt.setProperty(BLOCK_ID, block_id)
    fmt.setProperty(BLOCK_KIND, kind.value)
    fmt.setProperty(BLOCK_LEVEL, int(level))
    fmt.setAlignment(Qt.AlignmentFlag.AlignHCenter if kind is BlockKind.TITLE else Qt.AlignmentFlag.AlignLeft)
    fmt.setTopMargin(_SPACE_BEFORE.get(kind, 0.0))
    fmt.setBottomMargin(_SPACE_AFTER)
    fmt.setIndent(0)
    fmt.setLeftMargin(_left_margin(kind, level))
    return fmt


def _left_margin(kind: BlockKind, level: int) -> float:
    """Room for the drawn number or bullet: numbered text hangs after "17.", bullets nest."""
    if kind is BlockKind.NUMBERED:
        return 36.0
    if kind is BlockKind.LIST_ITEM:
        return 22.0 * max(1, level) + 14.0
    return 0.0


def with_new_id(fmt: QTextBlockFormat, block_id: str) -> QTextBlockFormat:
    copy = QTextBlockFormat(fmt)
    copy.setProperty(BLOCK_ID, block_id)
    return copy


def run_format(run: TextRun) -> QTextCharFormat:
    """A char format stating every mark explicitly, so nothing is inherited from a neighbour."""
    fmt = QTextCharFormat()
    fmt.setFontWeight(_BOLD if run.bold else _NORMAL)
    fmt.setFontItalic(run.italic)
    fmt.setFontUnderline(run.underline)
    fmt.setVerticalAlignment(_SUPER if run.superscript else _BASELINE)
    return fmt


def footnote_format(footnote_id: str) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setObjectType(FOOTNOTE_OBJECT)
    fmt.setProperty(FOOTNOTE_ID, footnote_id)
    return fmt


def footnote_id_of(fmt: QTextCharFormat) -> str | None:
    value = fmt.property(FOOTNOTE_ID)
    return value if isinstance(value, str) and value else None


def is_footnote_format(fmt: QTextCharFormat) -> bool:
    return fmt.objectType() == FOOTNOTE_OBJECT or footnote_id_of(fmt) is not None


def text_format_from(fmt: QTextCharFormat) -> QTextCharFormat:
    """The format plain text should take next to `fmt`: marks kept, object identity dropped."""
    return run_format(run_from_format("", fmt))


def run_from_format(text: str, fmt: QTextCharFormat) -> TextRun:
    return TextRun(
        text,
        bold=fmt.fontWeight() >= _BOLD,
        italic=fmt.fontItalic(),
        underline=fmt.fontUnderline(),
        superscript=fmt.verticalAlignment() == _SUPER,
    )


def fragments(block: QTextBlock) -> Iterator[QTextFragment]:
    """The block's valid fragments (runs of one format), in order."""
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        it += 1
        if fragment.isValid():
            yield fragment


def read_inlines(block: QTextBlock) -> list[Inline]:
    """The block's content as model inlines: one FootnoteRef per reference character."""
    items: list[Inline] = []
    for fragment in fragments(block):
        fmt = fragment.charFormat()
        text = fragment.text()
        footnote_id = footnote_id_of(fmt)
        if footnote_id is not None:
            # Each object character is one reference; any other character that somehow got
            # the format is still text.
            for char in text:
                items.append(FootnoteRef(footnote_id) if char == ANCHOR else run_from_format(model_text(char), fmt))
            continue
        text = model_text(text)
        if text:
            items.append(run_from_format(text, fmt))
    return normalise(items)


def read_block(block: QTextBlock) -> Block:
    """One QTextBlock as a model Block (its id may be None-ish: the caller checks and fixes)."""
    return Block(
        kind=kind_of(block),
        level=level_of(block),
        content=read_inlines(block),
        id=block_id_of(block) or "",
    )


#: Qt's line separator: a line break inside a paragraph (Shift+Enter), "\n" in the model.
LINE_SEPARATOR = "\u2028"


def model_text(text: str) -> str:
    """Document text as the model stores it: soft line breaks as "\n", no object characters."""
    return text.replace(ANCHOR, "").replace(LINE_SEPARATOR, "\n")


def clean_model_text(text: str) -> str:
    """Model text as a block can hold it: one kind of line break, no paragraph breaks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2029", "\n")
    return text.replace(LINE_SEPARATOR, "\n").replace(ANCHOR, "")


def document_text(text: str) -> str:
    """Model text for the document: "\n" would start a new QTextBlock, so it is a separator."""
    return clean_model_text(text).replace("\n", LINE_SEPARATOR)


def insert_inlines(cursor: QTextCursor, inlines: list[Inline]) -> None:
    """Insert inlines at the cursor with explicit formats (no inheritance from neighbours)."""
    for item in inlines:
        if isinstance(item, FootnoteRef):
            cursor.insertText(ANCHOR, footnote_format(item.footnote_id))
        elif item.text:
            cursor.insertText(document_text(item.text), run_format(item))
    # Leave the cursor typing plain text, not the format of a reference just inserted.
    if inlines and isinstance(inlines[-1], FootnoteRef):
        cursor.setCharFormat(run_format(TextRun("")))
