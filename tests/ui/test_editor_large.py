"""A long draft stays fast: loading is quick and a keystroke reads back only its own block."""

from __future__ import annotations

import random
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from app.model import Block, BlockKind, Draft, Footnote, FootnoteRef, TextRun
from app.ui.editor import DraftEditor

KINDS = [BlockKind.PREAMBLE, BlockKind.OPERATIVE, BlockKind.NUMBERED, BlockKind.NUMBERED, BlockKind.LIST_ITEM,
         BlockKind.PARAGRAPH]


def long_draft(blocks: int = 3000, footnotes: int = 300) -> Draft:
    rng = random.Random(3)
    draft = Draft()
    noted = set(rng.sample(range(blocks), footnotes))
    for index in range(blocks):
        kind = rng.choice(KINDS)
        content: list = [TextRun(f"Paragraph {index} reaffirms the shared responsibility " * 4)]
        if index in noted:
            footnote = Footnote(f"Note on paragraph {index}")
            draft.footnotes[footnote.id] = footnote
            content.append(FootnoteRef(footnote.id))
            content.append(TextRun(" and more", italic=True))
        draft.blocks.append(Block(kind, content, level=1 if kind is BlockKind.LIST_ITEM else 0))
    return draft


@pytest.fixture
def big_editor(qtbot):
    editor = DraftEditor()
    qtbot.addWidget(editor)
    editor.resize(800, 600)
    editor.show()
    draft = long_draft()
    started = time.perf_counter()
    editor.set_draft(draft)
    editor.load_seconds = time.perf_counter() - started
    editor.text_edit.setFocus()
    return editor


def test_loading_3000_blocks_is_quick(big_editor):
    assert big_editor.load_seconds < 4.0
    assert len(big_editor.draft().blocks) == 3000
    assert big_editor.bridge.blocks_read == 0          # loading builds, it does not read back


def test_a_keystroke_reads_only_its_own_block(big_editor, qtbot, type_text):
    editor = big_editor
    block = editor.bridge.document.findBlockByNumber(1500)
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + 3)
    editor.text_edit.setTextCursor(cursor)
    others = [b for i, b in enumerate(editor.draft().blocks) if i != 1500]
    snapshot = [(b.id, list(b.content)) for b in others]

    before = editor.bridge.blocks_read
    type_text(editor.text_edit, "ñ")
    assert editor.bridge.blocks_read - before == 1
    assert editor.draft().blocks[1500].text.startswith("Parñ")
    # Every other block is the same object with the same content.
    assert [(b.id, list(b.content)) for i, b in enumerate(editor.draft().blocks) if i != 1500] == snapshot

    before = editor.bridge.blocks_read
    qtbot.keyClick(editor.text_edit, Qt.Key.Key_Return)
    assert editor.bridge.blocks_read - before <= 2
    before = editor.bridge.blocks_read
    qtbot.keyClick(editor.text_edit, Qt.Key.Key_Backspace)           # merge back
    assert editor.bridge.blocks_read - before <= 2
    before = editor.bridge.blocks_read
    qtbot.keyClick(editor.text_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.bridge.blocks_read - before <= 3
    fresh = editor.read_all_blocks()
    assert [(b.id, b.kind, b.level, b.content) for b in fresh] == [
        (b.id, b.kind, b.level, b.content) for b in editor.draft().blocks
    ]


def test_changing_a_kind_renumbers_the_following_paragraphs(big_editor):
    editor = big_editor
    numbered = [b for b in editor.draft().blocks if b.kind is BlockKind.NUMBERED]
    first, last = numbered[0], numbered[-1]
    label_before = editor.decorations.label(editor.bridge.qt_block(last.id))
    assert label_before == f"{len(numbered)}."
    editor.go_to_block(first.id)
    editor.actions["kind_paragraph"].trigger()
    assert editor.decorations.label(editor.bridge.qt_block(last.id)) == f"{len(numbered) - 1}."
