"""A long random editing session: after every step the model equals a fresh read of the widget.

Random but repeatable (seeded) user input: clicks, typing with accents, Enter, Backspace,
Delete, selections typed over, Ctrl+B, pastes, footnotes typed in the pane, kind changes,
Tab, undo and redo. At the end, undoing everything gives back the loaded draft exactly and
redoing everything gives back the last state.
"""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from app.model import BlockKind, new_id
from app.model.ops import SetBlockFormat, SetMeta, SplitBlock

from .test_editor_bridge import assert_in_sync, sample_draft, shape

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
WORDS = ["paz", "año", "señor", "über", "¿qué?", "¡sí!", "EU", "CELAC", "drogas", "niño", " ", ", "]
KIND_ACTIONS = ["kind_title", "kind_heading", "kind_preamble", "kind_operative", "kind_numbered",
                "kind_list_item", "kind_paragraph"]


def check(editor) -> None:
    assert_in_sync(editor)
    draft = editor.draft()
    for block in draft.blocks:
        for footnote_id in block.footnote_ids:
            assert footnote_id in draft.footnotes, "a reference to a footnote the draft does not hold"
    assert len(draft.blocks) == editor.text_edit.document().blockCount()


def click(editor, rng: random.Random, select: bool = False) -> None:
    document = editor.text_edit.document()
    cursor = QTextCursor(document)
    cursor.setPosition(rng.randrange(document.characterCount()))
    if select:
        cursor.setPosition(rng.randrange(document.characterCount()), QTextCursor.MoveMode.KeepAnchor)
    editor.text_edit.setTextCursor(cursor)


def random_step(editor, rng: random.Random, type_text, press) -> str:
    te = editor.text_edit
    te.setFocus()
    choice = rng.choice(
        ["type"] * 5 + ["enter"] * 2 + ["backspace"] * 2 + ["delete"] * 2
        + ["select_type", "select_delete", "bold", "paste", "footnote", "kind", "tab", "undo", "undo", "redo",
           "copy_paste", "cut_paste", "html", "meta", "split_op", "format_op", "line_break"]
    )
    if choice in ("type", "enter", "backspace", "delete", "footnote", "paste", "tab") and rng.random() < 0.6:
        click(editor, rng)
    if choice == "type":
        type_text(te, "".join(rng.choice(WORDS) for _ in range(rng.randint(1, 3))))
    elif choice == "enter":
        press(te, Qt.Key.Key_Return)
    elif choice == "backspace":
        press(te, Qt.Key.Key_Backspace)
    elif choice == "delete":
        press(te, Qt.Key.Key_Delete)
    elif choice == "select_type":
        click(editor, rng, select=True)
        type_text(te, rng.choice(WORDS))
    elif choice == "select_delete":
        click(editor, rng, select=True)
        press(te, Qt.Key.Key_Delete)
    elif choice == "bold":
        click(editor, rng, select=True)
        press(te, Qt.Key.Key_B, CTRL)
    elif choice == "paste":
        QApplication.clipboard().setText(rng.choice(["uno", "dos\ntres", "¿a?\n\nb ñ\nc"]))
        press(te, Qt.Key.Key_V, CTRL)
    elif choice == "footnote":
        press(te, Qt.Key.Key_F, CTRL | ALT)
        type_text(editor.footnote_pane.editor, rng.choice(WORDS))
    elif choice == "kind":
        editor.actions[rng.choice(KIND_ACTIONS)].trigger()
    elif choice == "tab":
        press(te, Qt.Key.Key_Tab)
    elif choice == "undo":
        press(te, Qt.Key.Key_Z, CTRL)
    elif choice == "redo":
        press(te, Qt.Key.Key_Z, CTRL | SHIFT)
    elif choice in ("copy_paste", "cut_paste"):
        click(editor, rng, select=True)
        press(te, Qt.Key.Key_C if choice == "copy_paste" else Qt.Key.Key_X, CTRL)
        click(editor, rng)
        press(te, Qt.Key.Key_V, CTRL)
    elif choice == "html":
        data = QMimeData()
        data.setHtml('<p style="color:red"><b>neg</b>rita<br>línea</p><h1>Título</h1><ul><li>uno</li></ul>')
        click(editor, rng)
        te.insertFromMimeData(data)
    elif choice == "line_break":
        press(te, Qt.Key.Key_Return, SHIFT)
    elif choice == "meta":
        editor.apply_operation(SetMeta("subject", rng.choice(WORDS)), "Subject")
    elif choice == "split_op":
        block = rng.choice(editor.draft().blocks)
        editor.apply_operation(SplitBlock(block.id, rng.randint(0, len(block.content) and 1), new_id()), "Split")
    elif choice == "format_op":
        block = rng.choice(editor.draft().blocks)
        kind = rng.choice(list(BlockKind))
        editor.apply_operation(SetBlockFormat(block.id, kind, 1 if kind is BlockKind.LIST_ITEM else 0), "Kind")
    return choice


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_session_keeps_model_and_widget_in_step(make_editor, type_text, press, seed):
    editor = make_editor(sample_draft())
    rng = random.Random(seed)
    loaded = shape(sample_draft())
    done = []
    for _ in range(120):
        done.append(random_step(editor, rng, type_text, press))
        try:
            check(editor)
        except AssertionError as error:
            raise AssertionError(f"after steps {done[-6:]} (seed {seed}): {error}") from error
    editor.text_edit.setFocus()
    while editor.undo_stack.canRedo():
        editor.undo_stack.redo()
    tip = shape(editor.draft())
    while editor.undo_stack.canUndo():
        editor.undo_stack.undo()
        check(editor)
    assert shape(editor.draft()) == loaded and editor.draft().note.subject == ""
    assert editor.undo_stack.isClean()
    while editor.undo_stack.canRedo():
        editor.undo_stack.redo()
        check(editor)
    assert shape(editor.draft()) == tip
