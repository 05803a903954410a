"""Which rows of the current text's tables a save must build again, from what changed.

A session that applied its operations itself (`DraftSession.apply`) knows what they changed:
the union of each step's `app.model.changes.Changes` (the operation's and its inverse's).
Its save then builds and compares the rows of the tables those changes can reach, and of a
paragraph edit only the paragraphs named (of a comment added or answered, only that comment),
instead of every row of the draft. A session
that does not know (the window, a block of `DraftSession.editing` that changes the draft
directly) compares every row, as does any change that says `everything`.

The rule per table is conservative: a table not listed here is always built again (a
feature's new table is safe without any registration), and each listed table is rebuilt
whenever a flag that could reach any of its rows is set.
"""

from __future__ import annotations

from app.model.changes import Changes

#: Everything the table holds must be built again.
ALL = "all"


def _annotations(changes: Changes) -> str | frozenset[str] | None:
    if changes.structure or changes.blocks:
        return ALL      # anchors shift with the words of their paragraph, move or go with it
    if not changes.annotations:
        return None
    named = changes.annotation_ids
    return ALL if named is None else named or None   # only the comments and reservations named


def _blocks(changes: Changes) -> str | frozenset[str] | None:
    if changes.structure or changes.footnotes:   # positions, kinds, numbers, references
        return ALL
    return changes.blocks or None                # the words and status of these paragraphs


_RULES = {
    "comments": _annotations,
    "reservations": _annotations,
    "blocks": _blocks,
}


def scope(table: str, changes: Changes | None) -> str | frozenset[str] | None:
    """ALL, the keys of the rows to build again, or None: the table is as stored."""
    if changes is None or changes.everything:
        return ALL
    rule = _RULES.get(table)
    return ALL if rule is None else rule(changes)
