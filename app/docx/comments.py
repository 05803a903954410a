"""Reservations as footnotes and delegations' comments as real Word comments, in the note.

The writer calls two functions (see `writer.export_note`):

    marks = annotate(local, draft, language, comments="circulation")   # before the annex
    ...
    marks.attach(document)                                              # after the annex

`annotate` adds the reservation footnotes to the localised text (as ordinary footnote
references, which the writer numbers with the others) and puts one private-use character
where each exported comment starts and ends. `attach` turns those characters into
`w:commentRangeStart` / `w:commentRangeEnd` + a `w:commentReference` run, and writes the
`comments.xml` part (author = the delegation's name, initials = its code, date).

Modes: "none"; "circulation" (comments marked for circulation and not withdrawn); "all".
An internal comment is never selected in "circulation", so nothing of it reaches any part.
Orphaned comments (their text was deleted) are not exported. In "all", each internal comment
starts with "[INTERNAL — not for circulation]" and the file's title and subject say so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from app.i18n import translator
from app.model import Draft, TextRun
from app.model.annotations import Comment, CommentStatus, Visibility
from app.model.inline import Inline, content_length
from app.model.parties import PartyRegistry
from app.model.reservation_text import (
    AFTER_FOOTNOTES,
    FOOTNOTE,
    footnote_insertions,
    insert_into,
    title_block_id,
)

from .localise import LocalisedNote
from .ooxml import R_NS, W_NS, add_text, add_xml_part, sub, w
from .properties import internal_label

CT_COMMENTS = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
RT_COMMENTS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"

COMMENT_MODES = ("none", "circulation", "all")

#: Comment n starts at chr(BASE + 2n) and ends at chr(BASE + 2n + 1): Unicode plane 15,
#: private use, which never occurs in a draft's text (and is removed again by `attach`).
_BASE = 0xF0000
_MARKER = re.compile("[\U000F0000-\U000FFFFD]")
# Rank of a zero-length comment's end: after its own start at the same offset.
_AFTER_START = AFTER_FOOTNOTES + 1
# Rank of a comment's end: after a reservation footnote at the same offset (the footnote marks
# the words before it). A range ending just before a footnote reference makes LibreOffice read
# the footnotes of the file shifted (the text of one note repeated in the next ones).
_END = (FOOTNOTE + AFTER_FOOTNOTES) / 2


def comments_for_export(draft: Draft, mode: str) -> list[Comment]:
    if mode not in COMMENT_MODES:
        raise ValueError(f"unknown comment mode {mode!r}; choose one of {', '.join(COMMENT_MODES)}")
    if mode == "none":
        return []
    chosen = []
    for comment in draft.comments.values():
        if comment.anchor.orphaned:
            continue
        if mode == "circulation" and (
            comment.visibility != Visibility.CIRCULATION or comment.status == CommentStatus.WITHDRAWN
        ):
            continue
        chosen.append(comment)
    return chosen


@dataclass
class AnnotationMarks:
    """What `annotate` put into the text, for `attach` to finish in the document."""

    language: str
    registry: PartyRegistry
    comments: list[Comment] = field(default_factory=list)
    reservation_footnotes: int = 0

    @property
    def internal_count(self) -> int:
        """Internal comments chosen for this file ("all" mode): the file must say so."""
        return sum(1 for comment in self.comments if comment.visibility == Visibility.INTERNAL)

    def attach(self, document) -> None:
        if not self.comments:
            return
        body = document.element.body
        placed = _replace_markers(body)
        exported = [(n, c) for n, c in enumerate(self.comments) if n in placed]
        if not exported:           # e.g. a comparison export renders its own annex
            return
        root = etree.Element(w("comments"), nsmap={"w": W_NS, "r": R_NS})
        for number, comment in exported:
            _comment_element(root, number, comment, self.registry, self.language)
        add_xml_part(document.part, "/word/comments.xml", CT_COMMENTS, RT_COMMENTS, root)


def annotate(local: LocalisedNote, draft: Draft, language: str,
             comments: str = "none") -> AnnotationMarks:
    """Add reservation footnotes and comment markers to `local` (the draft is not changed)."""
    registry = PartyRegistry.for_draft(draft)
    own_text = language == draft.language
    contents: dict[str, list[Inline]] = {
        block.id: local_block.content for block, local_block in zip(draft.blocks, local.blocks, strict=True)
    }
    lengths = None if own_text else {key: content_length(value) for key, value in contents.items()}
    insertions, footnotes = footnote_insertions(draft, language, registry, lengths)
    chosen = comments_for_export(draft, comments)
    for number, comment in enumerate(chosen):
        anchor = comment.anchor
        block_id = anchor.block_id if anchor.block_id is not None else title_block_id(draft)
        if block_id not in contents:
            continue
        length = content_length(contents[block_id])
        if own_text and anchor.scope == "span":
            start, end = min(anchor.start or 0, length), min(anchor.end or 0, length)
        else:                      # a paragraph, the whole text, or offsets of another language
            start, end = 0, length
        items = insertions.setdefault(block_id, [])
        items.append((start, AFTER_FOOTNOTES, TextRun(chr(_BASE + 2 * number))))
        items.append((end, _AFTER_START if start == end else _END,
                      TextRun(chr(_BASE + 2 * number + 1))))
    for block, local_block in zip(draft.blocks, local.blocks, strict=True):
        if block.id in insertions:
            local_block.content = insert_into(local_block.content, insertions[block.id])
    local.footnotes.update({key: note.text for key, note in footnotes.items()})
    return AnnotationMarks(language, registry, chosen, len(footnotes))


# -- turning markers into comment ranges ---------------------------------------------------

def _replace_markers(body: etree._Element) -> set[int]:
    """Replace every marker character by its comment element; returns the comment numbers."""
    placed: set[int] = set()
    texts = [t for t in body.iter(w("t")) if t.text and _MARKER.search(t.text)]
    for t in texts:
        r = t.getparent()
        p = r.getparent()
        properties = r.find(w("rPr"))
        after = list(r)[list(r).index(t) + 1:]      # run content after this w:t
        pieces = re.split(f"({_MARKER.pattern})", t.text)
        r.remove(t)
        anchor = r
        for piece in pieces:
            if not piece:
                continue
            if _MARKER.fullmatch(piece):
                code = ord(piece) - _BASE
                number, is_end = divmod(code, 2)
                placed.add(number)
                for element in _range_elements(number, bool(is_end)):
                    anchor.addnext(element)
                    anchor = element
            else:
                new_run = _run_like(properties)
                add_text(new_run, piece)
                anchor.addnext(new_run)
                anchor = new_run
        if after:
            tail = _run_like(properties)
            for element in after:
                tail.append(element)
            anchor.addnext(tail)
        if len([child for child in r if child.tag != w("rPr")]) == 0:
            p.remove(r)
    return placed


def _run_like(properties) -> etree._Element:
    r = etree.Element(w("r"))
    if properties is not None:
        r.append(_copy(properties))
    return r


def _copy(element: etree._Element) -> etree._Element:
    return etree.fromstring(etree.tostring(element))


def _range_elements(number: int, is_end: bool) -> list[etree._Element]:
    if not is_end:
        start = etree.Element(w("commentRangeStart"))
        start.set(w("id"), str(number))
        return [start]
    end = etree.Element(w("commentRangeEnd"))
    end.set(w("id"), str(number))
    reference = etree.Element(w("r"))
    sub(sub(reference, "rPr"), "rStyle", "CommentReference")
    sub(reference, "commentReference", id=str(number))
    return [end, reference]


# -- comments.xml ---------------------------------------------------------------------------

def _comment_element(root: etree._Element, number: int, comment: Comment,
                     registry: PartyRegistry, language: str) -> None:
    t = translator(language)
    element = sub(root, "comment", id=str(number), author=registry.name(comment.party, language),
                  initials=comment.party, date=f"{comment.date.isoformat()}T00:00:00Z")
    paragraphs = [comment.text]
    if comment.visibility == Visibility.INTERNAL:
        paragraphs[0] = f"{internal_label(language)} {comment.text}"
    if comment.suggestion:
        # UNVERIFIED: label of a delegation's proposed wording inside a Word comment.
        paragraphs.append(t.pgettext("export", "Drafting suggestion: {text}")
                          .format(text=comment.suggestion))
    for reply in comment.replies:
        paragraphs.append(f"{registry.name(reply.party, language)}: {reply.text}")
    for index, text in enumerate(paragraphs):
        p = sub(element, "p")
        sub(sub(p, "pPr"), "pStyle", "CommentText")
        if index == 0:
            ref = sub(p, "r")
            sub(sub(ref, "rPr"), "rStyle", "CommentReference")
            sub(ref, "annotationRef")
        add_text(sub(p, "r"), text)
