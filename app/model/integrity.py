"""Checking a draft's invariants when it is opened, and repairing what is safe to repair.

`check_draft` lists every broken invariant as a `Problem` whose sentence names the paragraph by
its label ("¶ 3", "§ 7") and the comment's or reservation's party. `repair` fixes what can be
fixed without losing or inventing words: an anchor is clamped and marked orphaned, an
annotation on a missing paragraph is kept orphaned (square brackets, paragraph statuses and
the silence procedure: app.model.bracket_integrity), an unknown kind becomes a plain paragraph,
a reference to a missing footnote loses its mark (the text around it stays). A damaged saved
version cannot be repaired: it is kept as it is, and only opening it fails.

The store decodes a malformed row leniently (the raw value stays in the field) so that this
module can name it; such a draft must not reach a view or a writer before `repair`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from enum import Enum

from app.i18n import _

from .annotations import (
    Anchor,
    Annotation,
    Comment,
    CommentStatus,
    ReservationStatus,
    Visibility,
    annotations,
)
from .draft import Block, BlockKind, Draft
from .inline import FootnoteRef, content_length
from .numbering import paragraph_labels
from .ops import ReplaceContent


class ProblemCode(str, Enum):
    BLOCK_KIND = "block_kind"
    BLOCK_LEVEL = "block_level"
    FOOTNOTE_MISSING = "footnote_missing"
    ANCHOR_NOT_NUMBER = "anchor_not_number"
    ANCHOR_OUT_OF_RANGE = "anchor_out_of_range"
    ON_MISSING_BLOCK = "on_missing_block"
    STATUS = "status"
    VISIBILITY = "visibility"
    DATE = "date"
    VERSION_DAMAGED = "version_damaged"
    # square brackets, paragraph status, silence (app.model.bracket_integrity)
    BRACKET_ANCHOR = "bracket_anchor"
    ALTERNATIVES = "alternatives"
    SHARED_ID = "shared_id"
    CROSSING = "crossing"
    UNKNOWN_PARTY = "unknown_party"
    STATUS_ON_MISSING_BLOCK = "status_on_missing_block"
    STATUS_DAMAGED = "status_damaged"
    SILENCE_DAMAGED = "silence_damaged"


@dataclass(frozen=True)
class Problem:
    code: ProblemCode
    subject: str            # id of the block, comment, reservation or version concerned
    sentence: str           # what is wrong, where, and what repair does
    repairable: bool = True
    affects_text: bool = True   # False: only a saved version is damaged; the text is usable

    def __str__(self) -> str:
        return self.sentence


def _is_number(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _snippet(text: object, limit: int = 40) -> str:
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _labels(draft: Draft) -> dict[str, str]:
    # Invalid kinds and levels are read as a plain paragraph at level 0, only to name blocks.
    safe = [
        Block(block.kind if isinstance(block.kind, BlockKind) else BlockKind.PARAGRAPH, [],
              block.level if _is_number(block.level) and block.level >= 0 else 0, id=block.id)
        for block in draft.blocks
    ]
    return {block.id: label for block, label in zip(safe, paragraph_labels(safe), strict=True)}


def _who(item: Annotation) -> str:
    if isinstance(item, Comment):
        return _("The comment by {party} (“{text}”)").format(
            party=item.party, text=_snippet(item.text))
    parties = item.parties if isinstance(item.parties, list) else [str(item.parties)]
    return _("The reservation by {parties}").format(parties=", ".join(map(str, parties)))


# -- checking -------------------------------------------------------------------------------

class _Labels:
    """The paragraphs' labels, worked out only once a sentence needs one (most drafts: never)."""

    def __init__(self, draft: Draft) -> None:
        self._draft = draft
        self._labels: dict[str, str] | None = None

    def _all(self) -> dict[str, str]:
        if self._labels is None:
            self._labels = _labels(self._draft)
        return self._labels

    def __getitem__(self, block_id: str) -> str:
        return self._all()[block_id]

    def get(self, block_id: str, default: str) -> str:
        return self._all().get(block_id, default)


def check_draft(draft: Draft, deep: bool = False) -> list[Problem]:
    """Every broken invariant of `draft`; `deep` also decodes each saved version (slower)."""
    labels = _Labels(draft)
    problems = _check_blocks(draft, labels)
    problems += _check_annotations(draft, labels)
    from .bracket_integrity import check_negotiation  # it builds on this module

    problems += check_negotiation(draft, labels.get)
    problems += _check_versions(draft, deep)
    return problems


def _check_blocks(draft: Draft, labels: _Labels) -> list[Problem]:
    problems: list[Problem] = []
    for block in draft.blocks:
        if not isinstance(block.kind, BlockKind):
            problems.append(Problem(ProblemCode.BLOCK_KIND, block.id, _(
                "{label} has an unknown kind (“{value}”); repair makes it a plain paragraph."
            ).format(label=labels[block.id], value=block.kind)))
        if not (_is_number(block.level) and block.level >= 0):
            problems.append(Problem(ProblemCode.BLOCK_LEVEL, block.id, _(
                "{label} has a level that is not a number of 0 or more (“{value}”); repair sets "
                "it to 0, the top level."
            ).format(label=labels[block.id], value=block.level)))
        missing = [fid for fid in block.footnote_ids if fid not in draft.footnotes]
        if missing:
            problems.append(Problem(ProblemCode.FOOTNOTE_MISSING, block.id, _(
                "{label} refers to a footnote that does not exist (“{footnote}”); repair removes "
                "the reference mark and keeps the text around it."
            ).format(label=labels[block.id], footnote=", ".join(missing))))
    return problems


def fixed_anchor(anchor: Anchor, lengths: dict[str, int]) -> tuple[ProblemCode, Anchor] | None:
    """What is wrong with an anchor and the anchor repair puts instead; None when it is sound.

    `lengths` gives the content length of every block of the draft.
    """
    start, end = anchor.start, anchor.end
    if anchor.block_id is None:
        if start is None and end is None:
            return None
        return ProblemCode.ANCHOR_NOT_NUMBER, Anchor(None, None, None, anchor.orphaned)
    if anchor.block_id not in lengths:
        if anchor.orphaned:
            return None  # its paragraph was deleted: an ordinary orphan
        return ProblemCode.ON_MISSING_BLOCK, Anchor(anchor.block_id, start, end, True)
    if start is None and end is None:
        return None
    if not (_is_number(start) and _is_number(end)):
        return ProblemCode.ANCHOR_NOT_NUMBER, Anchor(anchor.block_id, None, None, anchor.orphaned)
    length = lengths[anchor.block_id]
    if 0 <= start <= end <= length:
        return None
    low, high = sorted((min(max(start, 0), length), min(max(end, 0), length)))
    beyond = max(start, end) > length or min(start, end) < 0
    return ProblemCode.ANCHOR_OUT_OF_RANGE, Anchor(
        anchor.block_id, low, high, anchor.orphaned or beyond)


def _check_annotations(draft: Draft, labels: _Labels) -> list[Problem]:
    lengths = {block.id: content_length(block.content) for block in draft.blocks}
    problems: list[Problem] = []
    for item in annotations(draft):
        anchor = item.anchor
        found = fixed_anchor(anchor, lengths)
        if found is None and _fields_sound(item):
            continue                          # the sentences are made only for a problem
        who = _who(item)
        label = labels.get(anchor.block_id or "", _("the whole text"))
        if found is not None:
            code, fixed = found
            if code is ProblemCode.ON_MISSING_BLOCK:
                sentence = _("{what} is on a paragraph that does not exist (“{block}”); repair "
                             "keeps it, marked orphaned.").format(what=who, block=anchor.block_id)
            elif code is ProblemCode.ANCHOR_NOT_NUMBER:
                sentence = _("{what} on {label} has a position that is incomplete or not a "
                             "number; repair puts it on the whole of {label}.").format(
                                 what=who, label=label)
            else:
                sentence = _("{what} on {label} covers characters {start}–{end}, outside the "
                             "paragraph ({length} characters); repair moves it to {low}–{high} "
                             "and marks it orphaned.").format(
                    what=who, label=label, start=anchor.start, end=anchor.end,
                    length=lengths[anchor.block_id], low=fixed.start, high=fixed.end)
            problems.append(Problem(code, item.id, sentence))
        problems += _check_fields(item, who)
    return problems


def _fields_sound(item: Annotation) -> bool:
    """What `_check_fields` checks, without a sentence: True when it finds nothing."""
    if not isinstance(item.date, date):
        return False
    if isinstance(item, Comment):
        return isinstance(item.status, CommentStatus) and isinstance(item.visibility, Visibility)
    return isinstance(item.status, ReservationStatus)


def _check_fields(item: Annotation, who: str) -> list[Problem]:
    problems: list[Problem] = []
    if isinstance(item, Comment):
        if not isinstance(item.status, CommentStatus):
            problems.append(Problem(ProblemCode.STATUS, item.id, _(
                "{what} has an unknown status (“{value}”); repair sets it to open."
            ).format(what=who, value=item.status)))
        if not isinstance(item.visibility, Visibility):
            problems.append(Problem(ProblemCode.VISIBILITY, item.id, _(
                "{what} has an unknown visibility (“{value}”); repair makes it internal, so it "
                "is never circulated."
            ).format(what=who, value=item.visibility)))
    elif not isinstance(item.status, ReservationStatus):
        problems.append(Problem(ProblemCode.STATUS, item.id, _(
            "{what} has an unknown status (“{value}”); repair sets it to entered, so the "
            "reservation still shows."
        ).format(what=who, value=item.status)))
    if not isinstance(item.date, date):
        problems.append(Problem(ProblemCode.DATE, item.id, _(
            "{what} has a date that is not a date (“{value}”); repair dates it today."
        ).format(what=who, value=item.date)))
    return problems


def _snapshot_damaged(snapshot: object, deep: bool) -> bool:
    if not isinstance(snapshot, str) or not snapshot.strip():
        return True
    text = snapshot.strip()
    if not (text.startswith("{") and text.endswith("}")):
        return True
    if not deep:
        return False  # parsing every version at each opening would slow large drafts
    from .version import draft_from_snapshot  # version imports draft: import here

    try:
        data = json.loads(text)
        check_draft(draft_from_snapshot(data))
    except (ValueError, KeyError, TypeError, AttributeError):
        return True
    return not isinstance(data, dict)


def _check_versions(draft: Draft, deep: bool) -> list[Problem]:
    return [
        Problem(ProblemCode.VERSION_DAMAGED, version.id, _(
            "The version “{name}” is empty or damaged and cannot be opened; it is kept as it is, "
            "since repair cannot restore it."
        ).format(name=version.name), repairable=False, affects_text=False)
        for version in draft.versions
        # A version read lazily from a file is checked when opened (or by a deep check).
        if (deep or getattr(version, "loaded", True)) and _snapshot_damaged(_text_of(version), deep)
    ]


def _text_of(version: object) -> object:
    try:
        return version.snapshot
    except (ValueError, KeyError, TypeError, OSError) as error:  # its stored pieces are damaged
        return f"damaged: {error}"


# -- repairing ------------------------------------------------------------------------------

def repair(draft: Draft, problems: list[Problem]) -> list[Problem]:
    """Fix the repairable `problems` in place; return those left as they are.

    Each fix is recomputed from the draft as it stands, so repairing twice changes nothing.
    Positions that are not numbers go first: moving anchors past a removed footnote mark
    needs numbers.
    """
    from .bracket_integrity import repair_negotiation, repair_positions

    codes = {problem.code for problem in problems if problem.repairable}
    subjects = {problem.subject for problem in problems if problem.repairable}
    if ProblemCode.BRACKET_ANCHOR in codes:
        repair_positions(draft, subjects)
    for block in draft.blocks:
        if block.id not in subjects:
            continue
        if ProblemCode.BLOCK_KIND in codes and not isinstance(block.kind, BlockKind):
            block.kind = BlockKind.PARAGRAPH
        if ProblemCode.BLOCK_LEVEL in codes and not (_is_number(block.level) and block.level >= 0):
            block.level = 0
    _repair_anchors(draft, subjects, {ProblemCode.ANCHOR_NOT_NUMBER} & codes)
    if ProblemCode.FOOTNOTE_MISSING in codes:
        for block in draft.blocks:
            if block.id in subjects:
                _remove_missing_references(draft, block)
    _repair_anchors(draft, subjects, {ProblemCode.ANCHOR_OUT_OF_RANGE,
                                      ProblemCode.ON_MISSING_BLOCK} & codes)
    for item in annotations(draft):
        if item.id in subjects:
            _repair_fields(item)
    repair_negotiation(draft, problems)
    return [problem for problem in problems if not problem.repairable]


def _repair_anchors(draft: Draft, subjects: set[str], codes: set[ProblemCode]) -> None:
    if not codes:
        return
    lengths = {block.id: content_length(block.content) for block in draft.blocks}
    for item in annotations(draft):
        if item.id not in subjects:
            continue
        found = fixed_anchor(item.anchor, lengths)
        if found is not None and found[0] in codes:
            item.anchor = found[1]


def _remove_missing_references(draft: Draft, block: Block) -> None:
    offsets, position = [], 0
    for inline in block.content:
        if isinstance(inline, FootnoteRef) and inline.footnote_id not in draft.footnotes:
            offsets.append(position)
        position += content_length([inline])
    for offset in reversed(offsets):  # from the end, so earlier offsets stay right
        ReplaceContent(block.id, offset, offset + 1).apply(draft)  # moves anchors with it


def _repair_fields(item: Annotation) -> None:
    if isinstance(item, Comment):
        if not isinstance(item.status, CommentStatus):
            item.status = CommentStatus.OPEN
        if not isinstance(item.visibility, Visibility):
            item.visibility = Visibility.INTERNAL
    elif not isinstance(item.status, ReservationStatus):
        item.status = ReservationStatus.ENTERED
    if not isinstance(item.date, date):
        item.date = date.today()
