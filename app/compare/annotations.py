"""Comment and reservation changes between two versions, for the comparison's item list:
reservations entered, lifted or changed; comments added, removed, reworded or settled."""

from __future__ import annotations

from collections.abc import Callable

from app.i18n import _, ui_language
from app.model import Draft
from app.model.numbering import paragraph_labels
from app.model.reservation_text import kind_name

from .items import register_item_comparer
from .redline import ItemChange


def _places(draft: Draft) -> Callable[[str | None], str]:
    """Where an anchor is, by its block id: the paragraph labels are worked out once per draft,
    not once per comment or reservation."""
    labels = dict(zip((b.id for b in draft.blocks), paragraph_labels(draft.blocks), strict=False))

    def where(block_id: str | None) -> str:
        return _("the whole text") if block_id is None else labels.get(block_id, "?")

    return where


@register_item_comparer
def compare_reservations(old: Draft, new: Draft) -> list[ItemChange]:
    changes: list[ItemChange] = []
    before = getattr(old, "reservations", {}) or {}
    after = getattr(new, "reservations", {}) or {}

    old_at, new_at = _places(old), _places(new)

    def label(where: Callable[[str | None], str], item) -> str:
        kind = kind_name(item.kind, ui_language())
        return _("{parties}: {kind} on {where}").format(
            parties=", ".join(item.parties), kind=kind, where=where(item.anchor.block_id))

    for rid, item in after.items():
        previous = before.get(rid)
        if previous is None:
            if item.outstanding:
                changes.append(ItemChange("reservations", "entered", label(new_at, item)))
        elif previous.outstanding and not item.outstanding:
            changes.append(ItemChange("reservations", "lifted", label(new_at, item)))
        elif not previous.outstanding and item.outstanding:
            changes.append(ItemChange("reservations", "entered", label(new_at, item)))
        elif (previous.parties, previous.kind, previous.text_en, previous.text_es) != (
                item.parties, item.kind, item.text_en, item.text_es):
            changes.append(ItemChange("reservations", "changed", label(new_at, item),
                                      label(old_at, previous), label(new_at, item)))
    for rid, item in before.items():
        if rid not in after and item.outstanding:
            changes.append(ItemChange("reservations", "lifted", label(old_at, item)))
    return changes


@register_item_comparer
def compare_comments(old: Draft, new: Draft) -> list[ItemChange]:
    changes: list[ItemChange] = []
    before = getattr(old, "comments", {}) or {}
    after = getattr(new, "comments", {}) or {}

    old_at, new_at = _places(old), _places(new)

    def label(where: Callable[[str | None], str], item) -> str:
        return _("{party} on {where}").format(party=item.party, where=where(item.anchor.block_id))

    for cid, item in after.items():
        previous = before.get(cid)
        if previous is None:
            changes.append(ItemChange("comments", "added", label(new_at, item), new=item.text))
        elif (previous.text, previous.suggestion) != (item.text, item.suggestion):
            changes.append(ItemChange("comments", "reworded", label(new_at, item),
                                      previous.text, item.text))
        elif previous.status != item.status:
            changes.append(ItemChange("comments", item.status.value, label(new_at, item),
                                      previous.status.value, item.status.value))
    for cid, item in before.items():
        if cid not in after:
            changes.append(ItemChange("comments", "removed", label(old_at, item), old=item.text))
    return changes
