"""Accepting or rejecting a drafting suggestion taken from a delegation's tracked changes.

Accepting puts the proposed words in place of the words the suggestion is on and marks it
"taken on board", as one step whose inverse (a `Batch`) restores the text, every anchor of the
block and the status. Rejecting only marks it "not taken". A suggestion whose words were
edited since it was imported cannot be accepted: `SuggestionError` says so in one sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from app.errors import ConcordiaError
from app.i18n import _

from .annotation_ops import SetCommentStatus
from .annotations import CommentStatus
from .changes import Changes
from .draft import Draft
from .inline import TextRun, anchored_text, slice_content
from .ops import Batch, Operation, ReplaceContent


class SuggestionError(ConcordiaError):
    """A suggestion that cannot be accepted as it stands; `str()` is one sentence."""


def _squeezed(text: str) -> str:
    return " ".join(text.split())


def accept_steps(draft: Draft, comment_id: str) -> Batch:
    """The steps accepting a suggestion takes (the word change, if still to make, and the
    status), not applied: the window applies them through its editor, the CLI through
    `AcceptSuggestion`. SuggestionError when the suggestion cannot be accepted."""
    comment = draft.comments.get(comment_id)
    if comment is None or comment.change is None:
        raise SuggestionError(_("The draft has no suggestion with id “{id}”.").format(id=comment_id))
    anchor = comment.anchor
    if anchor.scope != "span" or anchor.orphaned:
        raise SuggestionError(_("Suggestion “{id}” is not on the words it changes (they were not "
                                "found or were deleted); make the change by hand.").format(
            id=comment_id))
    block = draft.block(anchor.block_id)  # type: ignore[arg-type]
    words = anchored_text(block.content)[anchor.start:anchor.end]
    old, new = comment.change["old"], comment.change["new"]
    steps: list[Operation] = []
    if _squeezed(words) == _squeezed(old):
        replacement = [TextRun(new, **_format_at(block.content, anchor.start))] if new else []
        steps.append(ReplaceContent(block.id, anchor.start, anchor.end,  # type: ignore[arg-type]
                                    replacement))
    elif _squeezed(words) != _squeezed(new):   # equal to `new`: already in the text, status only
        raise SuggestionError(_("The words under suggestion “{id}” were changed since it was "
                                "imported; make the change by hand.").format(id=comment_id))
    steps.append(SetCommentStatus(comment_id, CommentStatus.TAKEN.value))
    return Batch(steps)


@dataclass
class AcceptSuggestion(Operation):
    name: ClassVar[str] = "accept_suggestion"
    comment_id: str

    def apply(self, draft: Draft) -> Operation:
        return accept_steps(draft, self.comment_id).apply(draft)

    def changes(self) -> Changes:
        # The words it replaces are known only from the draft: the inverse (a Batch) names
        # the block; on its own it says the comment, and the text, changed.
        return Changes(annotations=True, everything=True)


def _format_at(content: list, offset: int) -> dict[str, bool]:
    """The format of the character before `offset` (else after it), for the new words."""
    for start in (max(0, offset - 1), offset):
        piece = slice_content(content, start, start + 1)
        if piece and isinstance(piece[0], TextRun):
            run = piece[0]
            return {"bold": run.bold, "italic": run.italic, "underline": run.underline,
                    "superscript": run.superscript}
    return {}


def reject_suggestion(comment_id: str) -> SetCommentStatus:
    return SetCommentStatus(comment_id, CommentStatus.NOT_TAKEN.value)
