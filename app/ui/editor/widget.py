"""DraftEditor: the annex text editor, its footnote pane, actions and ONE undo history.

See `bridge` for how the QTextDocument and the model are kept in step, and `undo` for how
Qt's text history and our non-text operations share one QUndoStack.

Change notices: `changed` is THE signal saying what changed in the draft shown, as an
`app.model.changes.Changes` — typing and block edits (the blocks read back), operations
(what they declare, the same on undo and redo), footnote text, and a draft shown with
`set_draft` (everything, initiator FILE). Whatever changes the draft outside the editor
(the window saving a version, a background job) says so with `report(changes)`. Panes
connect to `changed` and refresh what concerns them; `modified` stays for "the user edited"
(title asterisk, idle autosave) and is not emitted for a draft being shown.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QTextCursor, QUndoStack
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.i18n import _
from app.model import Block, BlockKind, Draft, Operation
from app.model.changes import EDITOR, FILE, REDO, UNDO, Changes
from app.model.ops import Batch

from . import clauses, editing, footnote_edits
from .agreed import AgreedMarks
from .bridge import DocumentBridge
from .clipboard import Pasted
from .decorations import Decorations
from .footnote_pane import FootnotePane
from .formats import block_id_of, footnote_id_of, kind_of, run_format, run_from_format
from .operations import BLOCK_OPERATIONS, fingerprint, only_block_operations, touches_blocks
from .presentation import FootnoteMarker, KindHighlighter, register_marker
from .text_edit import DraftTextEdit
from .undo import ModelStep, TextStep

__all__ = ["BLOCK_OPERATIONS", "DraftEditor"]


class DraftEditor(QWidget):
    modified = Signal()                    # after any edit of the draft (text or not)
    changed = Signal(object)               # a `Changes`: what changed, and who changed it
    current_block_changed = Signal(str)    # block id under the cursor
    footnote_inserted = Signal(str)        # footnote id: the window may raise the pane's dock

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text_edit = DraftTextEdit(self)
        self.undo_stack = QUndoStack(self)
        self.footnote_pane = FootnotePane()       # no parent: the window docks it
        self.destroyed.connect(self.footnote_pane.deleteLater)   # it lives as long as the editor
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text_edit)

        document = self.text_edit.document()
        self._document = document
        self.bridge = DocumentBridge(document, self)
        self._marker = FootnoteMarker(self.bridge.number_at, self)
        register_marker(document, self._marker)
        self._highlighter = KindHighlighter(document)
        self.agreed_marks = AgreedMarks()
        self.decorations = Decorations(lambda: self.bridge.draft.blocks, self.agreed_marks)
        self.text_edit.decorate = self.decorations.paint
        self.text_edit.tooltip_at = lambda point: (
            self.decorations.number_tooltip_at(self.text_edit, point) or clauses.tooltip_at(self, point))
        #: clause id → an `app.library.ClauseInsertion` (or None); set by the library panel.
        self.resolve_clause: Callable[[str], clauses.Insertion | None] | None = None
        self._qt_steps = 0
        self._step_label: str | None = None      # an operation being written (AnnotationMarks reads it)
        self._edit_label: str | None = None      # a user edit of ours being made (Paste, Enter …)
        self._last_block_id: str | None = None
        self._read_only = False
        self._declared: Changes | None = None    # what a block operation being written says
        self._history: str | None = None         # UNDO / REDO while Qt replays its history
        #: A pause this long in typing starts a new undo step (Qt alone would merge it all).
        self.typing_pause_seconds = 1.5
        self._last_typed = 0.0

        document.undoCommandAdded.connect(self._on_qt_step)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self.bridge.blocks_changed.connect(self._on_blocks_changed)
        self.bridge.footnotes_renumbered.connect(self._on_renumbered)
        self.bridge.numbering_changed.connect(self._on_numbering_changed)
        self.text_edit.cursorPositionChanged.connect(self._on_cursor_moved)
        self.text_edit.undo_requested.connect(self.undo_stack.undo)
        self.text_edit.redo_requested.connect(self.undo_stack.redo)
        self.text_edit.split_requested.connect(self.split_block)
        self.text_edit.indent_requested.connect(self.change_level)
        self.text_edit.pasted.connect(self.paste)
        self.text_edit.about_to_type.connect(self._on_about_to_type)
        self.text_edit.clauses_dropped.connect(lambda ids, source: clauses.drop_clauses(self, ids, source))
        self.text_edit.footnote_text = lambda footnote_id: footnote_edits.footnote_text(self, footnote_id)
        self.text_edit.fragment_source = lambda: self.bridge.generation
        self.text_edit.list_item_at_cursor = lambda: kind_of(self.text_edit.textCursor().block()) is BlockKind.LIST_ITEM
        self.text_edit.undo_action = self.undo_stack.createUndoAction(self, _("Undo"))
        self.text_edit.redo_action = self.undo_stack.createRedoAction(self, _("Redo"))
        self.footnote_pane.text_edited.connect(self._on_footnote_edited)
        self.footnote_pane.editor.undo_requested.connect(self.undo_stack.undo)
        self.footnote_pane.editor.redo_requested.connect(self.undo_stack.redo)
        self.actions: dict[str, QAction] = {}
        self.actions = editing.build_actions(self)
        self.set_draft(Draft())

    # -- the contract -------------------------------------------------------------------------
    def set_draft(self, draft: Draft, initiator: str = FILE) -> None:
        """Show a draft; clears the history, marks the stack clean and reports everything."""
        self.agreed_marks.clear()
        self.bridge.load(draft)
        self.undo_stack.clear()
        self._qt_steps = self._document.availableUndoSteps()
        self.undo_stack.setClean()
        self.text_edit.moveCursor(QTextCursor.MoveOperation.Start)
        self._last_block_id = None
        self._on_cursor_moved()
        self.report(Changes.all(initiator))

    def report(self, changes: Changes) -> None:
        """Tell everything showing the draft what changed (see the module doc)."""
        self.changed.emit(changes)

    def draft(self) -> Draft:
        return self.bridge.draft

    def apply_operation(self, op: Operation, text: str, initiator: str = EDITOR) -> None:
        """A non-text edit (cover field, footnote, language version, block format …), undoable.

        Block operations are written into the document (one Qt step, read back like typing);
        the others change the model only. A bad operation raises and changes nothing.
        """
        if only_block_operations(op):
            # Written into the document at once (a Replace All too), one Qt step.
            self._write_block_operation(op.apply, text, op.changes().by(initiator))
            return
        if isinstance(op, Batch) and touches_blocks(op):
            # Rehearse on a copy first, so a failing part leaves no half-applied step behind.
            copy.deepcopy(op).apply(copy.deepcopy(self.bridge.draft))
            self.undo_stack.beginMacro(text)
            try:
                for part in op.operations:
                    self.apply_operation(part, text, initiator)
            finally:
                self.undo_stack.endMacro()
            return
        before = fingerprint(self.bridge.draft)
        step = ModelStep.applied(self.bridge.draft, op, text, self._on_model_step, initiator)
        if fingerprint(self.bridge.draft) != before:
            # The document would no longer show the model: refuse rather than desynchronise.
            step.undo()
            raise ValueError(f"operation {op.name!r} changes blocks; add it to BLOCK_OPERATIONS")
        self.undo_stack.push(step)

    def _write_block_operation(self, apply: Callable[[Draft], object], text: str,
                               declared: Changes) -> None:
        target = self.bridge.apply_to_copy(apply)     # raises before anything changes
        self._step_label = text
        self._declared = declared                     # what the operation says it changes
        try:
            self.bridge.write_blocks(target)
        finally:
            self._step_label = None
            self._declared = None
        self._qt_barrier()

    def set_read_only(self, flag: bool) -> None:
        self._read_only = flag
        self.text_edit.setReadOnly(flag)
        self.footnote_pane.set_read_only(flag)
        for name, action in self.actions.items():
            action.setEnabled(not flag or name in editing.READ_ONLY_ACTIONS)

    def current_block_id(self) -> str | None:
        return block_id_of(self.text_edit.textCursor().block())

    def current_block(self) -> Block | None:
        """The model block at the cursor (found by index: cheap enough to call per keystroke)."""
        return clauses.current_block(self)

    def insert_clause(self, insertion: clauses.Insertion, cursor: QTextCursor | None = None) -> None:
        """A library clause at the cursor, as ONE undo step with its origin (see `clauses`)."""
        clauses.insert_clauses(self, [insertion], cursor)

    def show_agreed_difference(self) -> str:
        return clauses.show_difference(self)

    def go_to_block(self, block_id: str) -> None:
        found = self.bridge.qt_block(block_id)
        if found is None:
            return
        self.text_edit.setTextCursor(QTextCursor(found))
        self.text_edit.ensureCursorVisible()

    def read_all_blocks(self):
        """A fresh read of the whole document (tests/debug only)."""
        return self.bridge.read_all_blocks()

    # -- one history -------------------------------------------------------------------------
    def _on_qt_step(self) -> None:
        steps = self._document.availableUndoSteps()
        if steps > self._qt_steps and not self.bridge.joining:
            self.undo_stack.push(TextStep(self._replay, self._step_label or self._edit_label or _("Typing")))
        elif self.undo_stack.isClean() and self._document.isModified():
            # Qt merged an edit into the step the window saved at: never look saved then.
            self.undo_stack.resetClean()
        self._qt_steps = steps

    def _on_about_to_type(self) -> None:
        now = time.monotonic()
        if now - self._last_typed > self.typing_pause_seconds:
            self._qt_barrier()
        self._last_typed = now

    def _on_clean_changed(self, clean: bool) -> None:
        if clean:
            self._qt_barrier()     # typing after a save must be a new step, not the saved one

    def _replay(self, forward: bool) -> None:
        cursor = self.text_edit.textCursor()
        self.bridge.in_history = True
        self._history = REDO if forward else UNDO
        try:
            if forward:
                self._document.redo(cursor)
            else:
                self._document.undo(cursor)
        finally:
            self.bridge.in_history = False
            self._history = None
        self.text_edit.setTextCursor(cursor)
        self._qt_steps = self._document.availableUndoSteps()
        self._qt_barrier()

    def _qt_barrier(self) -> None:
        """Stop Qt from merging the next text edit into its last step.

        Qt only merges into the last step while the document is "modified"; after a non-text
        step or a history move that would put new typing into an older entry of ours.
        """
        self._document.setModified(False)

    def _on_model_step(self, changes: Changes) -> None:
        self._qt_barrier()
        self.bridge.refresh_footnote_numbers()
        if changes.structure or changes.everything:
            self._on_numbering_changed()
        self._refresh_pane()
        self.modified.emit()
        self.report(changes)

    # -- reacting to the document ------------------------------------------------------------
    def _on_blocks_changed(self, changes: Changes) -> None:
        if self._history is not None:
            changes = changes.by(self._history)
        if self._declared is not None:
            # an operation written into the document: what it says, besides what was read
            changes = changes | self._declared.by(changes.initiator)
        self._refresh_pane()
        self.modified.emit()
        self.report(changes)

    def _on_renumbered(self, previous: dict) -> None:
        """Lay out again the blocks whose reference numbers changed width (9 → 10) or count;
        repaint."""
        for index, block in enumerate(self.bridge.draft.blocks):
            widths = [len(str(n)) for n in self.bridge.reference_numbers(block.id)]
            if widths != [len(str(n)) for n in previous.get(block.id, [])]:
                qt_block = self._document.findBlockByNumber(index)
                self._document.markContentsDirty(qt_block.position(), qt_block.length())
        self.text_edit.viewport().update()

    def _on_numbering_changed(self) -> None:
        self.decorations.invalidate()
        self.text_edit.viewport().update()

    def _on_cursor_moved(self) -> None:
        cursor = self.text_edit.textCursor()
        if not cursor.hasSelection() and footnote_id_of(cursor.charFormat()):
            # Text typed after a reference must not take the reference's object format.
            self.text_edit.setCurrentCharFormat(run_format(run_from_format("", cursor.charFormat())))
        block_id = self.current_block_id()
        if block_id is not None and block_id != self._last_block_id:
            self._last_block_id = block_id
            self.current_block_changed.emit(block_id)
        self._refresh_pane()
        self._update_mark_actions()

    # -- footnotes (see `footnote_edits`) -------------------------------------------------------
    def footnote_at_cursor(self) -> str | None:
        """The reference at or just before the cursor in its block, else the first after it."""
        return footnote_edits.footnote_at_cursor(self)

    def _refresh_pane(self) -> None:
        footnote_edits.refresh_pane(self)

    def _on_footnote_edited(self, footnote_id: str, text: str) -> None:
        footnote_edits.edit_footnote_text(self, footnote_id, text)

    def insert_footnote(self) -> None:
        """Insert a reference at the cursor and create its footnote: ONE undo step."""
        footnote_edits.insert_footnote(self)

    # -- edits behind keys and actions (see `editing`) ------------------------------------------
    def split_block(self) -> None:
        editing.split_block(self)

    def paste(self, pasted: Pasted) -> None:
        editing.paste(self, pasted)

    def insert_blocks(self, blocks: list[Block], cursor: QTextCursor | None = None) -> None:
        editing.insert_blocks(self, blocks, cursor)

    def set_kind(self, kind: BlockKind) -> None:
        editing.set_kind(self, kind)

    def change_level(self, delta: int) -> None:
        editing.change_level(self, delta)

    def toggle_mark(self, name: str) -> None:
        editing.toggle_mark(self, name)
        self._update_mark_actions()

    def _update_mark_actions(self) -> None:
        if not self.actions:
            return
        for name, on in editing.mark_state(self).items():
            action = self.actions[name]
            action.blockSignals(True)
            action.setChecked(on)
            action.blockSignals(False)

    def push_model_step(self, op: Operation, text: str = "", initiator: str = EDITOR) -> None:
        """Apply a model-only operation and put it on the history (raises if it does not apply)."""
        self.undo_stack.push(ModelStep.applied(self.bridge.draft, op, text, self._on_model_step,
                                               initiator))

    @property
    def read_only(self) -> bool:
        return self._read_only

    def selected_blocks(self):
        cursor = self.text_edit.textCursor()
        first = self._document.findBlock(cursor.selectionStart())
        last = self._document.findBlock(cursor.selectionEnd())
        block = first
        while block.isValid() and block.blockNumber() <= last.blockNumber():
            yield block
            block = block.next()

    def qt_barrier(self) -> None:
        self._qt_barrier()

    @contextmanager
    def labelled_edit(self, label: str) -> Iterator[None]:
        """Name the history step the Qt edit made inside this block will become."""
        self._edit_label = label
        try:
            yield
        finally:
            self._edit_label = None

