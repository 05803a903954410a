"""The editor bridge, driven like a user: type, split, merge, format, paste, footnotes, undo.

After every step the live model (`editor.draft()`) is compared with what the step should
have done AND with a fresh read of the whole QTextDocument.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from app.model import Block, BlockKind, Draft, Footnote, FootnoteRef, TextRun
from app.ui.editor import DraftEditor

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def sample_draft() -> Draft:
    return Draft(
        blocks=[
            Block(BlockKind.TITLE, [TextRun("La Paz declaration")], id="title"),
            Block(BlockKind.PREAMBLE, [TextRun("HAVING MET in La Paz"), FootnoteRef("fn1"), TextRun(",")], id="pre"),
            Block(BlockKind.NUMBERED, [TextRun("Reiterate our "), TextRun("commitment", bold=True)], id="num1"),
            Block(BlockKind.NUMBERED, [TextRun("Agree to meet again.")], id="num2"),
            Block(BlockKind.LIST_ITEM, [TextRun("first point")], level=1, id="li1"),
        ],
        footnotes={"fn1": Footnote("Hereinafter 'the Mechanism'.", "fn1")},
    )


def shape(draft: Draft) -> list[tuple]:
    """What a step must get right: ids, kinds, levels, runs and references in order; footnotes."""
    blocks = [(b.id, b.kind, b.level, list(b.content)) for b in draft.blocks]
    return blocks + [("footnotes", sorted((f.id, f.text) for f in draft.footnotes.values()))]


def assert_in_sync(editor: DraftEditor) -> None:
    model = editor.draft().blocks
    fresh = editor.read_all_blocks()
    assert [(b.id, b.kind, b.level, b.content) for b in model] == [(b.id, b.kind, b.level, b.content) for b in fresh]
    ids = [b.id for b in model]
    assert len(ids) == len(set(ids)), f"duplicate block ids: {ids}"
    assert all(ids)


def put_cursor(editor: DraftEditor, block_id: str, offset: int, select_to: int | None = None) -> None:
    block = editor.bridge.qt_block(block_id)
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + offset)
    if select_to is not None:
        cursor.setPosition(block.position() + select_to, QTextCursor.MoveMode.KeepAnchor)
    editor.text_edit.setTextCursor(cursor)


@pytest.fixture
def editor(make_editor):
    return make_editor(sample_draft())


def ids(editor) -> list[str]:
    return [b.id for b in editor.draft().blocks]


def texts(editor) -> list[str]:
    return [b.text for b in editor.draft().blocks]


def test_set_draft_shows_the_model_and_starts_clean(editor):
    assert_in_sync(editor)
    assert shape(editor.draft()) == shape(sample_draft())
    assert editor.undo_stack.count() == 0 and editor.undo_stack.isClean()
    assert editor.text_edit.toPlainText().startswith("La Paz declaration\n")


def test_typing_accents_splitting_merging_and_undo_all_the_way(editor, type_text, press):
    te = editor.text_edit
    history = [shape(editor.draft())]

    def step(expected_texts: list[str]) -> None:
        assert texts(editor) == expected_texts
        assert_in_sync(editor)
        history.append(shape(editor.draft()))

    put_cursor(editor, "num2", 0)
    type_text(te, "¿Qué año? ñü ")
    step(["La Paz declaration", "HAVING MET in La Paz,", "Reiterate our commitment",
          "¿Qué año? ñü Agree to meet again.", "first point"])
    assert ids(editor) == ["title", "pre", "num1", "num2", "li1"]

    # Enter in the middle: the first half keeps the id, the second gets a new one.
    put_cursor(editor, "num1", len("Reiterate our "))
    press(te, Qt.Key.Key_Return)
    step(["La Paz declaration", "HAVING MET in La Paz,", "Reiterate our ", "commitment",
          "¿Qué año? ñü Agree to meet again.", "first point"])
    new_id = ids(editor)[3]
    assert ids(editor)[:3] == ["title", "pre", "num1"] and new_id not in {"num1", "num2"}
    assert editor.draft().blocks[3].kind is BlockKind.NUMBERED
    assert editor.draft().blocks[3].content == [TextRun("commitment", bold=True)]

    # Backspace at the start of a block merges it into the previous one, which keeps its id.
    put_cursor(editor, "num2", 0)
    press(te, Qt.Key.Key_Backspace)
    step(["La Paz declaration", "HAVING MET in La Paz,", "Reiterate our ",
          "commitment¿Qué año? ñü Agree to meet again.", "first point"])
    assert ids(editor) == ["title", "pre", "num1", new_id, "li1"]

    # Delete at the end of a block merges the next one into it.
    put_cursor(editor, "num1", len("Reiterate our "))
    press(te, Qt.Key.Key_Delete)
    step(["La Paz declaration", "HAVING MET in La Paz,", "Reiterate our commitment¿Qué año? ñü Agree to meet again.",
          "first point"])
    assert ids(editor) == ["title", "pre", "num1", "li1"]
    assert editor.draft().blocks[2].content[1] == TextRun("commitment", bold=True)

    # Select a word and make it bold with Ctrl+B.
    put_cursor(editor, "li1", 0, select_to=len("first"))
    press(te, Qt.Key.Key_B, CTRL)
    step(texts(editor))
    assert editor.draft().block("li1").content == [TextRun("first", bold=True), TextRun(" point")]

    # Paste plain text, then several paragraphs, from the clipboard with Ctrl+V.
    put_cursor(editor, "li1", len("first point"))
    before = texts(editor)[:-1]
    QApplication.clipboard().setText(" añadido")
    press(te, Qt.Key.Key_V, CTRL)
    step(before + ["first point añadido"])
    QApplication.clipboard().setText("¿uno?\ndos\ntres")
    press(te, Qt.Key.Key_V, CTRL)
    step(before + ["first point añadido¿uno?", "dos", "tres"])
    assert ids(editor)[:4] == ["title", "pre", "num1", "li1"] and len(set(ids(editor))) == 6

    # Insert a footnote with Ctrl+Alt+F and type its text in the pane.
    put_cursor(editor, "num1", len("Reiterate"))
    press(te, Qt.Key.Key_F, CTRL | ALT)
    new_fn = editor.draft().block("num1").footnote_ids[0]
    assert editor.draft().block("num1").content[:2] == [TextRun("Reiterate"), FootnoteRef(new_fn)]
    step(texts(editor))
    type_text(editor.footnote_pane.editor, "Nota: ü")
    assert editor.draft().footnotes[new_fn].text == "Nota: ü"
    step(texts(editor))

    # Delete the older reference: its footnote stays in the draft, only unreferenced.
    te.setFocus()
    put_cursor(editor, "pre", len("HAVING MET in La Paz"))
    press(te, Qt.Key.Key_Delete)
    assert editor.draft().block("pre").footnote_ids == [] and "fn1" in editor.draft().footnotes
    assert editor.bridge.footnote_number(new_fn) == 1
    step(texts(editor))

    # Now undo everything with Ctrl+Z, checking each intermediate model (footnotes too), then redo.
    for expected in reversed(history[:-1]):
        press(te, Qt.Key.Key_Z, CTRL)
        assert shape(editor.draft()) == expected
        assert_in_sync(editor)
    assert shape(editor.draft()) == shape(sample_draft())
    assert editor.undo_stack.index() == 0 and editor.undo_stack.isClean()
    for expected in history[1:]:
        press(te, Qt.Key.Key_Z, CTRL | SHIFT)
        assert shape(editor.draft()) == expected
        assert_in_sync(editor)
    assert editor.draft().footnotes[new_fn].text == "Nota: ü"


def test_enter_at_start_of_block_keeps_the_id_on_the_text(editor, press):
    put_cursor(editor, "num2", 0)
    press(editor.text_edit, Qt.Key.Key_Return)
    blocks = editor.draft().blocks
    assert blocks[3].text == "" and blocks[4].id == "num2" and blocks[4].text == "Agree to meet again."
    assert_in_sync(editor)


def test_enter_after_a_title_continues_with_a_plain_paragraph(editor, type_text, press):
    put_cursor(editor, "title", len("La Paz declaration"))
    press(editor.text_edit, Qt.Key.Key_Return)
    type_text(editor.text_edit, "Intro")
    assert editor.draft().blocks[1].kind is BlockKind.PARAGRAPH and editor.draft().blocks[1].text == "Intro"
    assert_in_sync(editor)


def test_paste_plain_and_multi_paragraph_text(editor, press):
    te = editor.text_edit
    put_cursor(editor, "num2", len("Agree"))
    QApplication.clipboard().setText(" firmly")
    press(te, Qt.Key.Key_V, CTRL)
    assert editor.draft().block("num2").text == "Agree firmly to meet again."
    assert ids(editor) == ["title", "pre", "num1", "num2", "li1"]
    assert_in_sync(editor)

    put_cursor(editor, "title", len("La Paz"))
    QApplication.clipboard().setText(" one\nsecond para\nthird")
    press(te, Qt.Key.Key_V, CTRL)
    assert texts(editor)[:3] == ["La Paz one", "second para", "third declaration"]
    new_ids = ids(editor)[1:3]
    assert ids(editor)[0] == "title" and not set(new_ids) & {"title", "pre", "num1", "num2", "li1"}
    assert_in_sync(editor)

    press(te, Qt.Key.Key_Z, CTRL)
    assert shape(editor.draft())[0] == ("title", BlockKind.TITLE, 0, [TextRun("La Paz declaration")])
    assert ids(editor) == ["title", "pre", "num1", "num2", "li1"]
    press(te, Qt.Key.Key_Z, CTRL)
    assert shape(editor.draft()) == shape(sample_draft())
    assert_in_sync(editor)


def test_foreign_html_keeps_only_bold_italic_underline(editor):
    put_cursor(editor, "num2", 0)
    data = QMimeData()
    data.setHtml(
        '<p style="color:#ff0000;font-size:30pt;font-family:Comic Sans MS"><b>Strong</b> '
        '<span style="background:yellow"><i>slanted</i></span> <a href="http://x">link</a></p>'
        "<table><tr><td><u>cell</u></td></tr></table>"
    )
    data.setText("fallback")
    editor.text_edit.insertFromMimeData(data)
    assert_in_sync(editor)
    pasted = editor.draft().blocks[3]
    assert pasted.id == "num2"
    assert pasted.content[:4] == [TextRun("Strong", bold=True), TextRun(" "), TextRun("slanted", italic=True), TextRun(" link")]
    assert any(TextRun("cell", underline=True) == item for b in editor.draft().blocks for item in b.content)
    # No foreign styling reached the document either.
    block = editor.bridge.qt_block("num2")
    it = block.begin()
    while not it.atEnd():
        fmt = it.fragment().charFormat()
        assert not fmt.hasProperty(fmt.Property.ForegroundBrush)
        assert not fmt.hasProperty(fmt.Property.BackgroundBrush)
        assert not fmt.isAnchor() and not fmt.fontFamilies()
        assert not fmt.hasProperty(fmt.Property.FontPointSize)
        it += 1


def test_copy_and_paste_our_own_fragment_keeps_kind_marks_and_gets_new_ids(editor, press):
    te = editor.text_edit
    num1 = editor.bridge.qt_block("num1")
    num2 = editor.bridge.qt_block("num2")
    cursor = QTextCursor(num1)
    cursor.setPosition(num2.position() + num2.length() - 1, QTextCursor.MoveMode.KeepAnchor)
    te.setTextCursor(cursor)
    press(te, Qt.Key.Key_C, CTRL)
    put_cursor(editor, "li1", len("first point"))
    press(te, Qt.Key.Key_Return)
    press(te, Qt.Key.Key_V, CTRL)
    assert_in_sync(editor)
    blocks = editor.draft().blocks
    assert [b.text for b in blocks[-2:]] == ["Reiterate our commitment", "Agree to meet again."]
    assert blocks[-2].content == [TextRun("Reiterate our "), TextRun("commitment", bold=True)]
    assert blocks[-2].kind is BlockKind.NUMBERED and blocks[-1].kind is BlockKind.NUMBERED
    assert len(set(ids(editor))) == 7


def test_insert_footnote_type_its_text_and_undo(editor, type_text, press, qtbot):
    te = editor.text_edit
    put_cursor(editor, "num2", len("Agree"))
    before = len(editor.draft().footnotes)
    announced = []
    editor.footnote_inserted.connect(announced.append)
    press(te, Qt.Key.Key_F, CTRL | ALT)
    block = editor.draft().block("num2")
    refs = block.footnote_ids
    assert len(refs) == 1 and len(editor.draft().footnotes) == before + 1
    new_fn = refs[0]
    assert announced == [new_fn]
    assert block.content == [TextRun("Agree"), FootnoteRef(new_fn), TextRun(" to meet again.")]
    assert editor.footnote_pane.footnote_id == new_fn
    assert editor.bridge.footnote_number(new_fn) == 2            # after the preamble's footnote 1
    assert "2" in editor.footnote_pane.title.text()
    type_text(editor.footnote_pane.editor, "Según el artículo 5 — ¿no?")
    assert editor.draft().footnotes[new_fn].text == "Según el artículo 5 — ¿no?"
    assert editor.undo_stack.count() == 2                         # insert, then one typing burst
    assert_in_sync(editor)

    # Typing in the editor right after the reference is text, not part of the reference.
    te.setFocus()
    put_cursor(editor, "num2", len("Agree") + 1)
    type_text(te, "!")
    assert editor.draft().block("num2").content[:3] == [TextRun("Agree"), FootnoteRef(new_fn), TextRun("! to meet again.")]

    press(te, Qt.Key.Key_Z, CTRL)                                   # the "!"
    press(te, Qt.Key.Key_Z, CTRL)                                   # the footnote text
    assert editor.draft().footnotes[new_fn].text == ""
    press(te, Qt.Key.Key_Z, CTRL)                                   # the insertion, as ONE step
    assert new_fn not in editor.draft().footnotes
    assert shape(editor.draft()) == shape(sample_draft())
    press(te, Qt.Key.Key_Z, CTRL | SHIFT)
    press(te, Qt.Key.Key_Z, CTRL | SHIFT)
    assert editor.draft().footnotes[new_fn].text == "Según el artículo 5 — ¿no?"
    assert editor.draft().block("num2").footnote_ids == [new_fn]
    assert_in_sync(editor)


def test_deleting_a_reference_keeps_the_footnote_and_undo_brings_it_back(editor, press):
    te = editor.text_edit
    offset = len("HAVING MET in La Paz")
    put_cursor(editor, "pre", offset)
    press(te, Qt.Key.Key_Delete)
    assert editor.draft().block("pre").footnote_ids == []
    assert editor.draft().footnotes["fn1"].text == "Hereinafter 'the Mechanism'."   # never deleted
    assert editor.draft().unreferenced_footnotes() == ["fn1"]
    assert editor.bridge.footnote_number("fn1") is None
    press(te, Qt.Key.Key_Z, CTRL)
    assert editor.draft().block("pre").content == sample_draft().block("pre").content
    assert editor.bridge.footnote_number("fn1") == 1
    put_cursor(editor, "pre", offset)
    assert editor.footnote_pane.footnote_id == "fn1"
    assert editor.footnote_pane.editor.toPlainText() == "Hereinafter 'the Mechanism'."
    assert_in_sync(editor)


def test_non_text_operations_share_the_history_with_typing(editor, type_text, press):
    from app.model.ops import SetMeta

    te = editor.text_edit
    put_cursor(editor, "num2", 0)
    type_text(te, "ab")
    editor.apply_operation(SetMeta("subject", "Drugs"), "Change subject")
    put_cursor(editor, "num2", 2)
    type_text(te, "cd")
    assert editor.draft().block("num2").text.startswith("abcd")
    assert editor.undo_stack.count() == 3
    press(te, Qt.Key.Key_Z, CTRL)
    assert editor.draft().block("num2").text.startswith("abAgree")
    assert editor.draft().note.subject == "Drugs"
    press(te, Qt.Key.Key_Z, CTRL)
    assert editor.draft().note.subject == ""
    assert editor.draft().block("num2").text.startswith("abAgree")
    press(te, Qt.Key.Key_Z, CTRL)
    assert editor.draft().block("num2").text == "Agree to meet again."
    editor.undo_stack.redo()
    editor.undo_stack.redo()
    assert editor.draft().note.subject == "Drugs"
    # Typing after going back in history starts a new branch: the redo of "cd" is gone.
    type_text(te, "Z")
    assert editor.undo_stack.index() == editor.undo_stack.count() == 3
    editor.undo_stack.undo()
    assert editor.draft().note.subject == "Drugs" and "Z" not in editor.draft().block("num2").text
    assert_in_sync(editor)


def test_block_operations_are_written_to_the_widget_and_undoable(editor):
    from app.model.ops import InsertBlock, ReplaceContent, SetBlockFormat, SplitBlock

    editor.apply_operation(SetBlockFormat("num2", BlockKind.LIST_ITEM, 2), "Make list item")
    assert editor.draft().block("num2").kind is BlockKind.LIST_ITEM and editor.draft().block("num2").level == 2
    editor.apply_operation(ReplaceContent("pre", 0, 6, [TextRun("HAVING", italic=True)]), "Italic")
    assert editor.draft().block("pre").content[0] == TextRun("HAVING", italic=True)
    editor.apply_operation(SplitBlock("num1", 4, "split2"), "Split")
    assert ids(editor)[2:4] == ["num1", "split2"]
    editor.apply_operation(InsertBlock(0, Block(BlockKind.HEADING, [TextRun("ANNEX")], id="head")), "Insert")
    assert ids(editor)[0] == "head"
    assert_in_sync(editor)
    assert editor.undo_stack.count() == 4
    for _ in range(4):
        editor.undo_stack.undo()
        assert_in_sync(editor)
    assert shape(editor.draft()) == shape(sample_draft())


def test_kind_actions_and_list_levels(editor, press):
    te = editor.text_edit
    put_cursor(editor, "li1", 0)
    press(te, Qt.Key.Key_Tab)
    assert editor.draft().block("li1").level == 2
    press(te, Qt.Key.Key_Backtab, SHIFT)
    assert editor.draft().block("li1").level == 1
    put_cursor(editor, "pre", 3)
    editor.actions["kind_numbered"].trigger()
    assert editor.draft().block("pre").kind is BlockKind.NUMBERED
    # The automatic numbers follow document order.
    num1 = editor.bridge.qt_block("num1")
    assert editor.decorations.label(num1) == "2."
    editor.actions["kind_paragraph"].trigger()
    assert editor.decorations.label(editor.bridge.qt_block("pre")) is None
    assert editor.decorations.label(num1) == "1."
    assert editor.decorations.label(editor.bridge.qt_block("li1")) == "•"
    assert_in_sync(editor)
    press(te, Qt.Key.Key_Z, CTRL)
    press(te, Qt.Key.Key_Z, CTRL)
    press(te, Qt.Key.Key_Z, CTRL)
    press(te, Qt.Key.Key_Z, CTRL)
    assert shape(editor.draft()) == shape(sample_draft())
    assert_in_sync(editor)


def test_duplicate_ids_from_outside_edits_are_fixed_and_stable_through_undo(editor):
    # Qt copies the block format on insertBlock(): a duplicated id the bridge must repair.
    block = editor.bridge.qt_block("num1")
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + 4)
    cursor.insertBlock()
    assert_in_sync(editor)
    repaired = ids(editor)[3]
    assert ids(editor)[2] == "num1" and repaired != "num1"
    editor.undo_stack.undo()
    assert ids(editor) == ["title", "pre", "num1", "num2", "li1"]
    editor.undo_stack.redo()
    assert ids(editor)[3] == repaired
    assert_in_sync(editor)


def test_read_only_ignores_typing(editor, type_text):
    editor.set_read_only(True)
    put_cursor(editor, "num2", 0)
    type_text(editor.text_edit, "xyz")
    assert shape(editor.draft()) == shape(sample_draft())
    assert not editor.actions["bold"].isEnabled()


def test_current_block_signal_and_go_to_block(editor, qtbot):
    with qtbot.waitSignal(editor.current_block_changed) as signal:
        editor.go_to_block("num2")
    assert signal.args == ["num2"]
    assert editor.current_block_id() == "num2"


def test_modified_is_emitted_for_text_and_non_text_edits(editor, type_text, qtbot):
    from app.model.ops import SetMeta

    put_cursor(editor, "num2", 0)
    with qtbot.waitSignal(editor.modified):
        type_text(editor.text_edit, "x")
    with qtbot.waitSignal(editor.modified):
        editor.apply_operation(SetMeta("subject", "S"), "Subject")
    assert not editor.undo_stack.isClean()
