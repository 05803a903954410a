"""One undo history for text and non-text edits.

Every Qt text-undo step becomes a `TextStep` on the editor's QUndoStack (its undo/redo replay
the document's own undo/redo, and the bridge reads the touched blocks back). Non-text
operations from `app.model.ops` are `ModelStep`s that apply the operation and its inverse to
the model. Footnote text typed in the pane is a `FootnoteTextStep`, merged per typing burst.

The two stacks stay aligned because each Qt step maps to exactly one TextStep: the editor
counts `availableUndoSteps()` (Qt merges consecutive typing into its last step without a new
entry) and, after any non-text step or history move, stops Qt from merging the next edit into
an older step (see `DraftEditor._qt_barrier`).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from app.model import Draft, Operation
from app.model.changes import EDITOR, REDO, UNDO, Changes
from app.model.ops import SetFootnoteText, step_changes

_FOOTNOTE_TEXT_ID = 0x464E          # QUndoCommand.id() for merging footnote typing
_BURST_SECONDS = 2.0


class TextStep(QUndoCommand):
    """One step of the QTextDocument's own history; Qt already applied it when pushed."""

    def __init__(self, replay: Callable[[bool], None], text: str) -> None:
        super().__init__(text)
        self._replay = replay
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True        # push() calls redo(): the document has it already
            return
        self._replay(True)

    def undo(self) -> None:
        self._replay(False)


class ModelStep(QUndoCommand):
    """A non-text operation: applied to the model, undone with the inverse it returned.

    Build it with `ModelStep.applied(...)`: the operation is applied BEFORE the push, so a
    bad operation raises in the caller (and changes nothing) instead of inside Qt's push().
    `changed` receives the step's `Changes` (what the operation and its inverse name), the
    same for the edit, its undo and its redo; only the initiator differs.
    """

    def __init__(self, draft: Draft, backward: Operation, text: str,
                 changed: Callable[[Changes], None], changes: Changes | None = None) -> None:
        super().__init__(text)
        self._draft = draft
        self._forward: Operation | None = None
        self._backward: Operation | None = backward
        self._changed = changed
        self.changes = changes if changes is not None else backward.changes()
        self._pushed = False

    @classmethod
    def applied(cls, draft: Draft, operation: Operation, text: str,
                changed: Callable[[Changes], None], initiator: str = EDITOR) -> ModelStep:
        backward = operation.apply(draft)
        changes = step_changes(operation, backward).by(initiator)
        step = cls(draft, backward, text, changed, changes)
        changed(changes)
        return step

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True          # applied already, by `applied`
            return
        assert self._forward is not None
        self._backward = self._forward.apply(self._draft)
        self._changed(self.changes.by(REDO))

    def undo(self) -> None:
        assert self._backward is not None
        self._forward = self._backward.apply(self._draft)
        self._changed(self.changes.by(UNDO))


class FootnoteTextStep(QUndoCommand):
    """Footnote text typed in the pane; a burst of typing in one footnote is one step."""

    def __init__(self, draft: Draft, footnote_id: str, text: str, label: str,
                 changed: Callable[[str, str], None]) -> None:
        super().__init__(label)
        self._draft = draft
        self.footnote_id = footnote_id
        self._new = text
        self._old = draft.footnotes[footnote_id].text
        self._changed = changed              # (footnote id, initiator)
        self._when = time.monotonic()
        self._pushed = False

    def id(self) -> int:  # noqa: A003 - Qt API
        return _FOOTNOTE_TEXT_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt API
        if not isinstance(other, FootnoteTextStep) or other.footnote_id != self.footnote_id:
            return False
        if other._when - self._when > _BURST_SECONDS:
            return False
        self._new, self._when = other._new, other._when
        return True

    def redo(self) -> None:
        SetFootnoteText(self.footnote_id, self._new).apply(self._draft)
        self._changed(self.footnote_id, REDO if self._pushed else EDITOR)
        self._pushed = True

    def undo(self) -> None:
        SetFootnoteText(self.footnote_id, self._old).apply(self._draft)
        self._changed(self.footnote_id, UNDO)
