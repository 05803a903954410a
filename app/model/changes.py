"""What an edit changed: the one notice every part of the window refreshes from.

Every operation says what it changes through `Operation.changes()`, a `Changes` value:

    Changes(blocks={"b7"})                    # the words or format of paragraph b7
    Changes(blocks={"b7", "b8"}, structure=True)   # b8 appeared / went / moved / renumbered
    Changes(footnotes=True)                   # a footnote's text, or one added or removed
    Changes(annotations=True)                 # comments, replies, reservations, parties
    Changes(cover=True)                       # a cover field (NoteMeta)
    Changes(translations=True)                # a language version
    Changes(versions=True)                    # the list of named versions
    Changes.everything(FILE)                  # a draft opened, closed, reverted, replaced

and `initiator` says who made it: EDITOR (typing, the window's own actions), UNDO / REDO
(a history move), FILE (opening, reverting or replacing the draft), COMMAND (a CLI command
or a background job). Two notices combine with `|` (sets are joined, flags or-ed, the
initiator of the left one kept).

How to make a new operation take part (e.g. in a module of your own):

    @dataclass
    class SetBracket(Operation):
        name: ClassVar[str] = "set_bracket"
        block_id: str
        ...
        def changes(self) -> Changes:
            return Changes(blocks=frozenset({self.block_id}), annotations=True)

An operation that does not say (no `changes()` of its own) reports `Changes.everything()`,
so a pane never misses it: it only costs a full refresh. `Batch` reports the union of its
parts. For a step the window reports `step_changes(op, inverse)` (app.model.ops), i.e.
`op.changes() | inverse.changes()`, so an edit, its undo and its redo report the same
things (a deletion's inverse names what the deletion took away). Edits Qt makes in the text
(typing, Enter, paste, and block operations written into the document) are reported as the
blocks the editor read back, with what the operation declares added.

In the window: `DraftEditor.changed` (aliased `MainWindow.changed`) is the one signal that
carries these notices; `MainWindow.report_changes(changes)` sends one for a change made
outside the editor (e.g. a version saved). See app/ui/editor/widget.py.

Reading a notice (a pane decides what concerns it):

    if changes.touches(annotations=True) or changes.block_ids & my_block_ids: refresh()

`everything` is True for a full refresh; `touches(...)` and `touches_blocks(...)` are then
always True, so a pane need not test it separately.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields, replace

#: Who made a change (the `initiator` of a notice).
EDITOR = "editor"
UNDO = "undo"
REDO = "redo"
FILE = "file"
COMMAND = "command"

_FLAGS = ("structure", "footnotes", "annotations", "cover", "translations", "versions")
_KNOWN = frozenset(_FLAGS) | {"blocks"}


@dataclass(frozen=True)
class Changes:
    """What changed in a draft, and who changed it. Immutable; combine with `|`."""

    blocks: frozenset[str] = field(default_factory=frozenset)  # ids of blocks touched
    structure: bool = False      # blocks added, removed, moved, their kind or printed number
    footnotes: bool = False      # footnote texts, footnotes added/removed, references moved
    annotations: bool = False    # comments, replies, reservations, their anchors, parties
    #: With `annotations`: the ids of the only comments and reservations changed, when every
    #: operation named them; None: any may have changed (a save then rewrites them all).
    annotation_ids: frozenset[str] | None = None
    cover: bool = False          # the cover fields (NoteMeta)
    translations: bool = False   # language versions
    versions: bool = False       # named versions
    everything: bool = False     # all of the above may have changed: refresh it all
    initiator: str = EDITOR

    def __post_init__(self) -> None:
        if not isinstance(self.blocks, frozenset):
            object.__setattr__(self, "blocks", frozenset(self.blocks))
        if self.annotation_ids is not None and not isinstance(self.annotation_ids, frozenset):
            object.__setattr__(self, "annotation_ids", frozenset(self.annotation_ids))

    # -- making ---------------------------------------------------------------------------
    @classmethod
    def all(cls, initiator: str = EDITOR) -> Changes:
        """A full refresh: a draft opened, replaced or reverted, or an undeclared operation."""
        return cls(everything=True, initiator=initiator)

    @classmethod
    def of_blocks(cls, block_ids: Iterable[str], initiator: str = EDITOR, **flags: bool) -> Changes:
        return cls(blocks=frozenset(block_ids), initiator=initiator, **flags)

    @classmethod
    def of_annotations(cls, *ids: str) -> Changes:
        """These comments or reservations (added, changed or removed), and nothing else."""
        return cls(annotations=True, annotation_ids=frozenset(ids))

    def by(self, initiator: str) -> Changes:
        """The same notice, made by someone else."""
        return replace(self, initiator=initiator)

    def __or__(self, other: Changes) -> Changes:
        if not isinstance(other, Changes):
            return NotImplemented
        flags = {name: getattr(self, name) or getattr(other, name) for name in _FLAGS}
        return Changes(blocks=self.blocks | other.blocks,
                       everything=self.everything or other.everything,
                       annotation_ids=_named_annotations(self, other),
                       initiator=self.initiator, **flags)

    # -- reading --------------------------------------------------------------------------
    @property
    def empty(self) -> bool:
        return not (self.blocks or self.everything or any(getattr(self, n) for n in _FLAGS))

    @property
    def block_ids(self) -> frozenset[str]:
        return self.blocks

    def touches(self, **flags: bool) -> bool:
        """True when any flag asked for (structure=True, cover=True, blocks=True …) is set,
        or everything. (Called for every keystroke by every pane: kept cheap.)"""
        if not _KNOWN.issuperset(flags):
            unknown = sorted(set(flags) - _KNOWN)
            raise TypeError(f"no such change flag: {', '.join(unknown)}")
        if self.everything:
            return True
        for name, wanted in flags.items():
            if wanted and (self.blocks if name == "blocks" else getattr(self, name)):
                return True
        return False

    def touches_blocks(self, block_ids: Iterable[str]) -> bool:
        """True when one of these blocks changed (or the structure did, or everything)."""
        if self.everything or self.structure:
            return True
        return not self.blocks.isdisjoint(block_ids)

    def describe(self) -> str:
        """A short text for logs and test failures ("blocks b1,b2; annotations; by undo")."""
        if self.everything:
            return f"everything; by {self.initiator}"
        parts = [f"blocks {','.join(sorted(self.blocks))}"] if self.blocks else []
        parts += [name for name in _FLAGS if getattr(self, name)]
        return "; ".join(parts + [f"by {self.initiator}"])


def _named_annotations(one: Changes, other: Changes) -> frozenset[str] | None:
    """The annotations two notices name together: None as soon as one changed unnamed ones."""
    if not one.annotations:
        return other.annotation_ids if other.annotations else None
    if not other.annotations:
        return one.annotation_ids
    if one.annotation_ids is None or other.annotation_ids is None:
        return None
    return one.annotation_ids | other.annotation_ids


def combined(notices: Iterable[Changes], initiator: str | None = None) -> Changes:
    """The union of several notices (an empty one if there are none)."""
    result = Changes()
    first = True
    for item in notices:
        result = item if first else result | item
        first = False
    return result.by(initiator) if initiator is not None else result


def flag_names() -> tuple[str, ...]:
    """The flags a notice carries, besides its blocks (for tests and docs)."""
    return _FLAGS


assert set(_FLAGS) <= {item.name for item in fields(Changes)}
