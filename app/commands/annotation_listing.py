"""Plain-text listings of comments and reservations by paragraph, for `concordia comment list`
and `concordia reservation list`."""

from __future__ import annotations

from app.i18n import _
from app.model import Draft
from app.model.annotations import Annotation, Comment, Reservation
from app.model.inline import ANCHOR, anchored_text
from app.model.numbering import paragraph_labels
from app.model.parties import PartyRegistry


def paragraph_label_of(draft: Draft, item: Annotation, labels: dict[str, str]) -> str:
    anchor = item.anchor
    if anchor.block_id is None:
        return _("whole text")
    label = labels.get(anchor.block_id, "?")
    if anchor.orphaned:
        return label + " " + _("(text deleted)")
    return label


def quoted_span(draft: Draft, item: Annotation) -> str:
    anchor = item.anchor
    if anchor.scope != "span" or anchor.orphaned:
        return ""
    try:
        content = draft.block(anchor.block_id).content   # type: ignore[arg-type]
    except KeyError:
        return ""
    # offsets count a footnote reference as one character, as anchored_text does
    piece = anchored_text(content)[anchor.start:anchor.end].replace(ANCHOR, "")
    return f"«{piece[:40]}{'…' if len(piece) > 40 else ''}»"


def words_under(draft: Draft, item: Annotation) -> str:
    """The words an annotation is on: its span, or its whole paragraph; "" for the whole text
    or deleted text."""
    anchor = item.anchor
    if anchor.block_id is None or anchor.orphaned:
        return ""
    try:
        content = draft.block(anchor.block_id).content
    except KeyError:
        return ""
    text = anchored_text(content)
    if anchor.scope == "span":
        text = text[anchor.start:anchor.end]
    return text.replace(ANCHOR, "")


def comment_json(draft: Draft, comment: Comment) -> dict:
    """`comment list --json`: the comment's own JSON plus `anchor.quote`."""
    data = comment.to_json()
    live_span = comment.anchor.scope == "span" and not comment.anchor.orphaned
    # a comment on a whole paragraph (its words were not found) or deleted text keeps the
    # words it was put on
    data["anchor"]["quote"] = (words_under(draft, comment) if live_span else
                               comment.quote or words_under(draft, comment))
    return data


def _order(draft: Draft, items: list) -> list:
    position = {block.id: index for index, block in enumerate(draft.blocks)}
    return sorted(items, key=lambda item: (
        -1 if item.anchor.block_id is None else position.get(item.anchor.block_id, len(position)),
        item.anchor.start or 0,
    ))


def block_labels(draft: Draft) -> dict[str, str]:
    return {block.id: label for block, label in zip(draft.blocks, paragraph_labels(draft.blocks), strict=True)}


def print_comments(draft: Draft, comments: list[Comment]) -> None:
    if not comments:
        print(_("No comments."))
        return
    labels = block_labels(draft)
    for comment in _order(draft, comments):
        where = paragraph_label_of(draft, comment, labels)
        print(f"{comment.id}  {where}  {comment.party}  {comment.status.value}  "
              f"{comment.visibility.value}  {comment.date.isoformat()}  {quoted_span(draft, comment)}")
        print(f"    {comment.text}")
        if comment.suggestion and comment.change is None:
            print("    " + _("Suggestion:") + " " + comment.suggestion)
        if comment.source:
            print("    " + _("From:") + " " + comment.source)
        for reply in comment.replies:
            print(f"    ↳ {reply.party} ({reply.date.isoformat()}): {reply.text}")


def print_reservations(draft: Draft, reservations: list[Reservation]) -> None:
    if not reservations:
        print(_("No outstanding reservations."))
        return
    labels = block_labels(draft)
    registry = PartyRegistry.for_draft(draft)
    from app.model.reservation_text import kind_name

    for item in _order(draft, reservations):
        where = paragraph_label_of(draft, item, labels)
        parties = ", ".join(registry.protocol_order(item.parties))
        wording = item.text_en if item.text_en else ""
        print(f"{item.id}  {where}  {parties}  {kind_name(item.kind, 'en')}  {item.status.value}  "
              f"{quoted_span(draft, item)} {wording}".rstrip())
