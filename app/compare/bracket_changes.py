"""What changed in the state of the negotiation between two versions: brackets opened,
closed and changed, and paragraphs whose status changed ("bracket opened in ¶ 5 (HU)",
"¶ 7 agreed"). Brackets are matched by id, which versions and revisions keep."""

from __future__ import annotations

from dataclasses import dataclass

from app.i18n import _
from app.model import Draft
from app.model.brackets import current_alternatives
from app.model.numbering import paragraph_labels
from app.model.status import Effective, block_status, effective_statuses


@dataclass(frozen=True)
class NegotiationChange:
    kind: str            # "bracket_opened", "bracket_closed", "bracket_changed", "status"
    block_id: str
    text: str

    def to_json(self) -> dict:
        return {"kind": self.kind, "block": self.block_id, "text": self.text}


def _labels(draft: Draft) -> dict[str, str]:
    return dict(zip((b.id for b in draft.blocks), paragraph_labels(draft.blocks), strict=True))


def _live(draft: Draft) -> dict:
    present = {block.id for block in draft.blocks}
    return {k: b for k, b in draft.brackets.items()
            if not b.anchor.orphaned and b.anchor.block_id in present}


def _status_words(draft: Draft, block_id: str) -> str:
    status = block_status(draft, block_id)
    if status.kind.value == "agreed":
        return _("agreed")
    if status.kind.value == "ad_referendum":
        return _("agreed ad referendum ({parties})").format(parties=", ".join(status.parties))
    return _("pending")


def negotiation_changes(old: Draft, new: Draft) -> list[NegotiationChange]:
    old_labels, new_labels = _labels(old), _labels(new)
    before, after = _live(old), _live(new)
    changes: list[NegotiationChange] = []
    order = {block.id: index for index, block in enumerate(new.blocks)}
    for key, bracket in after.items():
        block_id = bracket.anchor.block_id or ""
        label = new_labels[block_id]
        parties = ", ".join(bracket.parties)
        if key not in before:
            text = (_("bracket opened in {paragraph} ({parties})") if parties
                    else _("bracket opened in {paragraph}")).format(paragraph=label, parties=parties)
            changes.append(NegotiationChange("bracket_opened", block_id, text))
            continue
        was = [a.to_json() for a in current_alternatives(old, before[key])]
        now = [a.to_json() for a in current_alternatives(new, bracket)]
        if was[1:] != now[1:] or was[0]["parties"] != now[0]["parties"]:
            changes.append(NegotiationChange("bracket_changed", block_id, _(
                "alternatives changed in the bracket in {paragraph}").format(paragraph=label)))
    for key, bracket in before.items():
        if key not in after:
            block_id = bracket.anchor.block_id or ""
            label = new_labels.get(block_id) or old_labels.get(block_id, "?")
            changes.append(NegotiationChange("bracket_closed", block_id, _(
                "bracket closed in {paragraph}").format(paragraph=label)))
    old_states, new_states = effective_statuses(old), effective_statuses(new)
    for block in new.blocks:
        if block.id not in old_states:
            continue
        was, now = old_states[block.id], new_states[block.id]
        set_before = block_status(old, block.id).to_json()
        set_now = block_status(new, block.id).to_json()
        if set_before != set_now and now not in (Effective.IN_BRACKETS, Effective.RESERVED):
            changes.append(NegotiationChange("status", block.id, f"{new_labels[block.id]} {_status_words(new, block.id)}"))
        elif was != now and now is Effective.RESERVED:
            changes.append(NegotiationChange("status", block.id, _("{paragraph} reserved").format(
                paragraph=new_labels[block.id])))
    changes.sort(key=lambda change: order.get(change.block_id, len(order)))
    return changes
