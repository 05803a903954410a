"""What a negotiator sees: kinds are shown by layout only, never written into the text's marks."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextCharFormat

from app.model import Block, BlockKind, Draft, Footnote, FootnoteRef, TextRun


def draft() -> Draft:
    return Draft(
        blocks=[
            Block(BlockKind.TITLE, [TextRun("La Paz Declaration")], id="t"),
            Block(BlockKind.HEADING, [TextRun("Drugs")], id="h"),
            Block(BlockKind.PREAMBLE, [TextRun("HAVING MET in La Paz"), FootnoteRef("f")], id="p"),
            Block(BlockKind.OPERATIVE, [TextRun("WE REAFFIRM our commitment")], id="o"),
            Block(BlockKind.NUMBERED, [TextRun("Reiterate.")], id="n1"),
            Block(BlockKind.PARAGRAPH, [TextRun("Between.")], id="x"),
            Block(BlockKind.NUMBERED, [TextRun("Agree.")], id="n2"),
            Block(BlockKind.LIST_ITEM, [TextRun("one")], level=1, id="l1"),
            Block(BlockKind.LIST_ITEM, [TextRun("two")], level=2, id="l2"),
        ],
        footnotes={"f": Footnote("CELAC position", "f")},
    )


def layout_formats(editor, block_id):
    block = editor.bridge.qt_block(block_id)
    editor.text_edit.document().documentLayout().blockBoundingRect(block)      # lay it out
    ranges = block.layout().formats()
    return [(r.start, r.length, QTextCharFormat(r.format)) for r in ranges]


def test_kinds_are_presented_by_layout_and_not_stored_as_marks(make_editor):
    editor = make_editor(draft())
    default = editor.text_edit.document().defaultFont().pointSizeF()
    (start, length, title), = layout_formats(editor, "t")
    assert (start, length) == (0, len("La Paz Declaration"))
    assert title.fontWeight() >= int(QFont.Weight.Bold.value) and title.fontPointSize() > default
    assert editor.bridge.qt_block("t").blockFormat().alignment() & Qt.AlignmentFlag.AlignHCenter
    (_, _, heading), = layout_formats(editor, "h")
    assert heading.fontWeight() >= int(QFont.Weight.Bold.value)
    (start, length, _), = layout_formats(editor, "p")
    assert (start, length) == (0, len("HAVING MET"))                        # the capitalised lead-in
    (start, length, _), = layout_formats(editor, "o")
    assert (start, length) == (0, len("WE REAFFIRM"))
    assert layout_formats(editor, "x") == []
    # The model keeps the author's marks only: no bold came from the title's look.
    assert editor.draft().block("t").content == [TextRun("La Paz Declaration")]


def test_numbers_bullets_and_footnote_numbers(make_editor):
    editor = make_editor(draft())
    label = editor.decorations.label
    assert label(editor.bridge.qt_block("n1")) == "1."
    assert label(editor.bridge.qt_block("n2")) == "2."                       # numbering skips "Between."
    one, two = label(editor.bridge.qt_block("l1")), label(editor.bridge.qt_block("l2"))
    assert one and two and one != two                                        # level 2, another bullet
    left = [editor.bridge.qt_block(b).blockFormat().leftMargin() for b in ("x", "n1", "l1", "l2")]
    assert left[0] < left[1] and left[2] < left[3]                            # room for numbers; nesting
    assert label(editor.bridge.qt_block("x")) is None
    assert editor.bridge.footnote_number("f") == 1
    image = editor.text_edit.viewport().grab().toImage()
    assert not image.isNull()
