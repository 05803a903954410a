"""A place for the changes of non-text items that later features keep on the draft.

Comments and reservations are not in the model yet. The feature that adds them registers a
function here that lists, for two drafts, what was added, lifted or reworded; the comparison,
its summary, JSON, the compare view and the Word export then carry those changes without
knowing what they are.
"""

from __future__ import annotations

from collections.abc import Callable

from app.model import Draft

from .redline import ItemChange

ItemComparer = Callable[[Draft, Draft], list[ItemChange]]
_COMPARERS: list[ItemComparer] = []


def register_item_comparer(comparer: ItemComparer) -> ItemComparer:
    """Add a comparer (usable as a decorator); registering the same one twice is harmless."""
    if comparer not in _COMPARERS:
        _COMPARERS.append(comparer)
    return comparer


def compare_items(old: Draft, new: Draft) -> list[ItemChange]:
    changes: list[ItemChange] = []
    for comparer in _COMPARERS:
        changes.extend(comparer(old, new))
    return changes
