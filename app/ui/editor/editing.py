"""Edits behind keys and actions: Enter, paste, paragraph kinds, list levels, marks, actions.

Each is ONE Qt edit block (so one step of the history) made with QTextCursor; the bridge reads
the touched blocks back into the model. Ids are decided here where Qt would copy them: a new
block always gets a new id in the same edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont, QKeySequence, QTextCharFormat, QTextCursor

from app.i18n import N_, _
from app.model import Block, BlockKind, FootnoteRef, new_id
from app.model.ops import AddFootnote

from . import moving
from .clipboard import Pasted
from .decorations import MAX_LEVEL
from .formats import (
    block_format,
    block_id_of,
    footnote_id_of,
    insert_inlines,
    kind_of,
    level_of,
    run_format,
    run_from_format,
    with_new_id,
)

if TYPE_CHECKING:
    from .widget import DraftEditor

KIND_ACTIONS = (
    ("kind_title", BlockKind.TITLE, N_("Title")),
    ("kind_heading", BlockKind.HEADING, N_("Heading")),
    ("kind_preamble", BlockKind.PREAMBLE, N_("Preamble paragraph")),
    ("kind_operative", BlockKind.OPERATIVE, N_("Operative clause")),
    ("kind_numbered", BlockKind.NUMBERED, N_("Numbered paragraph")),
    ("kind_list_item", BlockKind.LIST_ITEM, N_("List item")),
    ("kind_paragraph", BlockKind.PARAGRAPH, N_("Plain paragraph")),
)

#: Actions that only show something: still available in a read-only draft.
READ_ONLY_ACTIONS = ("agreed_difference",)


def split_block(editor: DraftEditor) -> None:
    """Enter: the first half keeps the id; at a block's very start the text keeps it."""
    text_edit = editor.text_edit
    cursor = text_edit.textCursor()
    with editor.labelled_edit(_("New paragraph")):
        _split(cursor)
    text_edit.setTextCursor(cursor)
    text_edit.ensureCursorVisible()


def _split(cursor: QTextCursor) -> None:
    cursor.beginEditBlock()
    if cursor.hasSelection():
        cursor.removeSelectedText()
    block = cursor.block()
    fmt = block.blockFormat()
    kind = kind_of(block)
    char_format = cursor.charFormat()
    if footnote_id_of(char_format):
        char_format = run_format(run_from_format("", char_format))
    if block.length() == 1 and kind in (BlockKind.LIST_ITEM, BlockKind.NUMBERED):
        # Enter on an empty bullet or numbered paragraph ends the list, as in a word processor.
        cursor.setBlockFormat(block_format(block_id_of(block) or new_id(), BlockKind.PARAGRAPH, 0, fmt))
    elif cursor.atBlockStart() and block.length() > 1:
        cursor.insertBlock(fmt, char_format)
        empty = QTextCursor(cursor.block().previous())
        empty.setBlockFormat(with_new_id(fmt, new_id()))
    elif cursor.atBlockEnd() and kind in (BlockKind.TITLE, BlockKind.HEADING):
        # After a title or heading one goes on with ordinary text.
        cursor.insertBlock(block_format(new_id(), BlockKind.PARAGRAPH, 0), char_format)
    else:
        cursor.insertBlock(with_new_id(fmt, new_id()), char_format)
    cursor.endEditBlock()


def paste(editor: DraftEditor, pasted: Pasted) -> None:
    """Insert pasted blocks; references to footnotes already shown get their own copy.

    A cut reference pasted back keeps its footnote; a copied one (its footnote is still
    referenced) or one from another draft gets a new footnote with the same text, created in
    the same undo step as the paste.
    """
    if editor.read_only or not pasted.blocks:
        return
    draft = editor.draft()
    # Ask the document, not the model: during a drag-move Qt has already removed the source
    # before the model hears of it.
    has_refs = any(isinstance(item, FootnoteRef) for block in pasted.blocks for item in block.content)
    referenced = editor.bridge.references_in_document() if has_refs else set()
    copies: dict[str, str] = {}
    blocks = []
    for block in pasted.blocks:
        content = []
        for item in block.content:
            if isinstance(item, FootnoteRef) and (item.footnote_id in referenced or item.footnote_id not in draft.footnotes):
                item = FootnoteRef(copies.setdefault(item.footnote_id, new_id()))
            content.append(item)
        blocks.append(Block(block.kind, content, level=block.level))
    cursor = editor.text_edit.textCursor()
    if moving.is_paragraph_paste(editor, pasted, cursor):
        # Whole paragraphs at a paragraph's start: they go before it, a cut one keeps its id.
        ids = moving.kept_ids(editor, pasted)

        # Only a paragraph that keeps its id takes its comments' marks with it.
        spans = [own if kept == original else []
                 for kept, original, own in zip(ids, pasted.ids, pasted.spans, strict=False)]

        def place() -> None:
            moving.paste_paragraphs(editor, blocks[:-1], ids, cursor, spans)
    else:
        def place() -> None:
            insert_blocks(editor, blocks)
    if not copies:
        place()
        return
    editor.undo_stack.beginMacro(_("Paste"))
    try:
        for original, copy_id in copies.items():
            known = draft.footnotes.get(original)
            text = known.text if known is not None else pasted.footnotes.get(original, "")
            editor.push_model_step(AddFootnote(copy_id, text))
        place()
    finally:
        editor.undo_stack.endMacro()
    editor.qt_barrier()


def insert_blocks(editor: DraftEditor, blocks: list[Block], cursor: QTextCursor | None = None) -> None:
    """The first block joins the cursor's block, each further one is a new block after it."""
    if editor.read_only or not blocks:
        return
    cursor = QTextCursor(cursor) if cursor is not None else editor.text_edit.textCursor()
    with editor.labelled_edit(_("Paste")):
        cursor.beginEditBlock()
        if cursor.hasSelection():
            cursor.removeSelectedText()
        current = cursor.block()
        if current.length() == 1 and blocks[0].kind is not BlockKind.PARAGRAPH:
            # Pasting whole paragraphs into an empty one: it takes the copied kind.
            cursor.setBlockFormat(block_format(block_id_of(current) or new_id(), blocks[0].kind, blocks[0].level))
        for index, block in enumerate(blocks):
            if index:
                cursor.insertBlock(block_format(new_id(), block.kind, block.level))
            insert_inlines(cursor, block.content)
        cursor.endEditBlock()
    editor.text_edit.setTextCursor(cursor)
    editor.text_edit.ensureCursorVisible()
    editor.qt_barrier()


def set_kind(editor: DraftEditor, kind: BlockKind) -> None:
    """Give the selected blocks a kind (a list item starts at level 1 or keeps its level)."""
    if editor.read_only:
        return
    cursor = QTextCursor(editor.text_edit.document())
    with editor.labelled_edit(_("Paragraph kind")):
        cursor.beginEditBlock()
        for block in list(editor.selected_blocks()):
            if kind is BlockKind.LIST_ITEM:
                level = max(1, level_of(block)) if kind_of(block) is BlockKind.LIST_ITEM else 1
            else:
                level = 0
            cursor.setPosition(block.position())
            cursor.setBlockFormat(block_format(block_id_of(block) or new_id(), kind, level, block.blockFormat()))
        cursor.endEditBlock()
    editor.qt_barrier()


def change_level(editor: DraftEditor, delta: int) -> None:
    """Indent (+1) or outdent (-1) the selected list items."""
    if editor.read_only:
        return
    cursor = QTextCursor(editor.text_edit.document())
    with editor.labelled_edit(_("List level")):
        cursor.beginEditBlock()
        for block in list(editor.selected_blocks()):
            if kind_of(block) is not BlockKind.LIST_ITEM:
                continue
            level = max(1, min(MAX_LEVEL, level_of(block) + delta))
            if level != level_of(block):
                cursor.setPosition(block.position())
                cursor.setBlockFormat(
                    block_format(block_id_of(block) or new_id(), BlockKind.LIST_ITEM, level, block.blockFormat())
                )
        cursor.endEditBlock()
    editor.qt_barrier()


def mark_state(editor: DraftEditor) -> dict[str, bool]:
    """Bold/italic/underline/superscript at the cursor, or of the selection's first character."""
    cursor = editor.text_edit.textCursor()
    if cursor.hasSelection():
        probe = QTextCursor(editor.text_edit.document())
        probe.setPosition(cursor.selectionStart() + 1)
        fmt = probe.charFormat()
    else:
        fmt = cursor.charFormat()
    run = run_from_format("", fmt)
    return {"bold": run.bold, "italic": run.italic, "underline": run.underline, "superscript": run.superscript}


def toggle_mark(editor: DraftEditor, name: str) -> None:
    """Ctrl+B/I/U, Ctrl+Shift+P: on the selection, or for the text typed next."""
    if editor.read_only:
        return
    turn_on = not mark_state(editor)[name]
    fmt = QTextCharFormat()
    if name == "bold":
        fmt.setFontWeight(int((QFont.Weight.Bold if turn_on else QFont.Weight.Normal).value))
    elif name == "italic":
        fmt.setFontItalic(turn_on)
    elif name == "underline":
        fmt.setFontUnderline(turn_on)
    else:                                  # "XXIV<sup>th</sup>": ordinals as Council texts print them
        fmt.setVerticalAlignment(
            QTextCharFormat.VerticalAlignment.AlignSuperScript if turn_on else QTextCharFormat.VerticalAlignment.AlignNormal
        )
    with editor.labelled_edit(_("Format")):
        editor.text_edit.mergeCurrentCharFormat(fmt)


def build_actions(editor: DraftEditor) -> dict[str, QAction]:
    actions: dict[str, QAction] = {}

    def add(name: str, label: str, slot, shortcuts=(), checkable: bool = False) -> None:
        action = QAction(label, editor)
        action.setObjectName(name)
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setCheckable(checkable)
        action.triggered.connect(lambda _checked=False: slot())
        editor.addAction(action)
        actions[name] = action

    add("bold", _("Bold"), lambda: editor.toggle_mark("bold"), ["Ctrl+B"], True)
    add("italic", _("Italic"), lambda: editor.toggle_mark("italic"), ["Ctrl+I"], True)
    add("underline", _("Underline"), lambda: editor.toggle_mark("underline"), ["Ctrl+U"], True)
    add("superscript", _("Superscript"), lambda: editor.toggle_mark("superscript"), ["Ctrl+Shift+P"], True)
    add("insert_footnote", _("Footnote"), editor.insert_footnote, ["Ctrl+Alt+F"])
    for name, kind, label in KIND_ACTIONS:
        add(name, _(label), lambda kind=kind: editor.set_kind(kind))
    add("indent", _("Increase list level"), lambda: editor.change_level(1), ["Ctrl+]"])
    add("outdent", _("Decrease list level"), lambda: editor.change_level(-1), ["Ctrl+["])
    add("move_up", _("Move Paragraph Up"), lambda: moving.move_paragraphs(editor, -1), ["Alt+Shift+Up"])
    add("move_down", _("Move Paragraph Down"), lambda: moving.move_paragraphs(editor, 1),
        ["Alt+Shift+Down"])
    add("agreed_difference", _("Show Agreed Language Difference"), editor.show_agreed_difference, ["Ctrl+Alt+A"])
    return actions
