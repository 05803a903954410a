"""A delegation's returned Word copy mapped onto a draft: its comments and tracked changes
become Concordia comments (and drafting suggestions) on the same words of the same blocks.

    result = plan_copy_import(draft, read_markup("HU.docx"), party="HU")
    Batch(result.operations).apply(draft)        # one undoable step; result.lines say the rest

Each copy paragraph that carries a comment or a change is matched to a block of the draft:
the same text (accepted or original) first, otherwise the most similar block, so a copy of an
older version still lands on the right paragraph. Offsets are carried across by a character
alignment of the two texts, and a comment lands on its span only when the words there are the
same words; otherwise it lands on the whole paragraph and a report line says so. A comment
whose paragraph cannot be found is kept on the whole text, also with a report line: nothing
the delegation wrote is dropped.

Imported comments get ids derived from (the copy's content hash, the Word comment id), so
importing the same copy again adds nothing.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher

from app.errors import ConcordiaError
from app.i18n import _
from app.importer.report import short_quote
from app.model import Draft
from app.model.annotation_ops import AddComment, AddReply
from app.model.annotations import Anchor, Comment, CommentStatus, Reply
from app.model.inline import anchored_text
from app.model.ops import Operation
from app.model.parties import PartyRegistry

from .embedded import text_hash
from .word_markup import (
    ACCEPTED_VIEW,
    ORIGINAL_VIEW,
    MarkedParagraph,
    TrackedChange,
    WordComment,
    WordMarkup,
)

#: Below this similarity a copy paragraph is not taken to be a block of the draft.
MIN_SIMILARITY = 0.6


class UnknownDelegationError(ConcordiaError):
    """The copy's author names no known delegation and none was given."""


@dataclass
class ImportFigures:
    comments_found: int = 0
    placed_exactly: int = 0
    placed_on_paragraph: int = 0
    not_placed: int = 0
    replies: int = 0
    suggestions_found: int = 0
    suggestions_on_words: int = 0
    suggestions_on_paragraph: int = 0
    suggestions_not_placed: int = 0
    already_imported: int = 0


@dataclass
class CopyImport:
    operations: list[Operation] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    figures: ImportFigures = field(default_factory=ImportFigures)


# -- who wrote it ---------------------------------------------------------------------------

_DELEGATION = re.compile(
    r"^(the\s+)?(delegation|delegación|délégation|delegazione|delegation)\s+(of|de|del|de la|"
    r"d'|di|von)\s+(the\s+)?", re.IGNORECASE)


def _folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split())


def party_for_author(registry: PartyRegistry, author: str) -> str | None:
    """The party code a comment author names ('HU', 'Hungary', 'Delegación de España'), or None."""
    author = author.strip()
    if not author:
        return None
    if author in registry:
        return registry.get(author).code
    wanted = _folded(_DELEGATION.sub("", author))
    for party in registry:
        names = {party.code, registry.name(party.code, "en"), registry.name(party.code, "es")}
        if wanted in {_folded(name) for name in names if name}:
            return party.code
    return None


class _Attribution:
    def __init__(self, registry: PartyRegistry, party: str | None, file_name: str) -> None:
        self.registry = registry
        self.party = registry.get(party).code if party else None
        self.file_name = file_name

    def of(self, author: str, *, reply: bool = False) -> str:
        mapped = party_for_author(self.registry, author)
        code = (mapped or self.party) if reply else (self.party or mapped)
        if code is None:
            who = author or _("an unnamed author")
            raise UnknownDelegationError(
                _("“{file}” has comments or changes by “{author}”, which names no known "
                  "delegation; say which delegation sent it (--party CODE).").format(
                    file=self.file_name, author=who))
        return code


# -- matching paragraphs to blocks ----------------------------------------------------------

def _squeezed(text: str) -> str:
    return " ".join(text.split())


@dataclass
class _Match:
    block_id: str
    view: str                     # which text of the copy paragraph matched the block
    copy_text: str
    block_text: str
    alignment: list[tuple[int, int, int]]

    def position(self, offset: int, *, end: bool = False) -> int:
        """The block offset for an offset of the copy text (a gap goes to its edge)."""
        if end and offset > 0:
            for a, b, size in self.alignment:
                if a < offset <= a + size:
                    return b + offset - a
        for a, b, size in self.alignment:
            if offset < a + size or size == 0:
                return b + max(0, offset - a)
        return len(self.block_text)


class _BlockFinder:
    def __init__(self, draft: Draft, embedded_ids: dict[str, str] | None = None) -> None:
        self.texts = {block.id: anchored_text(block.content) for block in draft.blocks}
        self.embedded_ids = embedded_ids or {}
        self.exact: dict[str, str] = {}
        for block_id, text in self.texts.items():
            self.exact.setdefault(_squeezed(text), block_id)
        self.cache: dict[int, _Match | None] = {}

    def match(self, paragraph: MarkedParagraph) -> _Match | None:
        if paragraph.index not in self.cache:
            self.cache[paragraph.index] = self._find(paragraph)
        return self.cache[paragraph.index]

    def _find(self, paragraph: MarkedParagraph) -> _Match | None:
        views = [(view, paragraph.text(view)) for view in (ORIGINAL_VIEW, ACCEPTED_VIEW)]
        # The id Concordia embedded for the paragraph as exported: right even when the draft
        # has moved on since (a copy of an older version).
        original = views[0][1]
        block_id = self.embedded_ids.get(text_hash(original)) if original.strip() else None
        if block_id in self.texts:
            return self._aligned(block_id, ORIGINAL_VIEW, original)
        for view, text in views:
            block_id = self.exact.get(_squeezed(text))
            if block_id is not None and _squeezed(text):
                return self._aligned(block_id, view, text)
        best: tuple[float, str, str, str] | None = None
        for view, text in views:
            if not text.strip():
                continue
            for block_id, block_text in self.texts.items():
                matcher = SequenceMatcher(None, text, block_text, autojunk=False)
                floor = best[0] if best else MIN_SIMILARITY
                if matcher.real_quick_ratio() < floor or matcher.quick_ratio() < floor:
                    continue
                ratio = matcher.ratio()
                if ratio >= floor and (best is None or ratio > best[0]):
                    best = (ratio, block_id, view, text)
        return self._aligned(best[1], best[2], best[3]) if best else None

    def _aligned(self, block_id: str, view: str, text: str) -> _Match:
        block_text = self.texts[block_id]
        matcher = SequenceMatcher(None, text, block_text, autojunk=False)
        return _Match(block_id, view, text, block_text, matcher.get_matching_blocks())


# -- the plan -------------------------------------------------------------------------------

def _key(markup: WordMarkup, *parts: object) -> str:
    seed = ":".join([markup.file_hash, *map(str, parts)])
    return "w" + hashlib.sha256(seed.encode()).hexdigest()[:11]


def _root(comment: WordComment, by_id: dict[str, WordComment]) -> WordComment:
    seen = {comment.word_id}
    while comment.parent_word_id and comment.parent_word_id in by_id:
        comment = by_id[comment.parent_word_id]
        if comment.word_id in seen:
            break
        seen.add(comment.word_id)
    return comment


def plan_copy_import(draft: Draft, markup: WordMarkup, party: str | None = None) -> CopyImport:
    """What importing this copy adds to the draft (operations) and what to tell the user."""
    registry = PartyRegistry.for_draft(draft)
    who = _Attribution(registry, party, markup.file_name)
    finder = _BlockFinder(draft, markup.embedded_ids)
    result = CopyImport()
    by_id = {comment.word_id: comment for comment in markup.comments}
    roots = [c for c in markup.comments if _root(c, by_id) is c]
    result.figures.comments_found = len(markup.comments)
    for comment in roots:
        _plan_comment(draft, markup, comment, by_id, who, finder, result)
    result.figures.suggestions_found = len(markup.changes)
    for change in markup.changes:
        _plan_change(draft, markup, change, who, finder, result)
    return result


def _words(paragraph: MarkedParagraph, view: str, start: int, end: int) -> str:
    text = paragraph.text(view)
    return text[paragraph.offset(start, view):paragraph.offset(end, view)]


def _plan_comment(draft: Draft, markup: WordMarkup, comment: WordComment,
                  by_id: dict[str, WordComment], who: _Attribution, finder: _BlockFinder,
                  result: CopyImport) -> None:
    key = _key(markup, "comment", comment.word_id)
    replies = [c for c in markup.comments if c is not comment and _root(c, by_id) is comment]
    if key in draft.comments:
        result.figures.already_imported += 1 + len(replies)
        return
    anchor, words = _place(markup, comment, finder, result)
    done = comment.done or any(reply.done for reply in replies)
    made = Comment(
        id=key, anchor=anchor, party=who.of(comment.author), text=comment.text or "…",
        status=CommentStatus.TAKEN if done else CommentStatus.OPEN,
        date=comment.date or date.today(), source=markup.file_name, quote=words,
    )
    result.operations.append(AddComment(made.to_json()))
    for reply in replies:
        result.figures.replies += 1
        answer = Reply(who.of(reply.author, reply=True), reply.text or "…",
                       reply.date or made.date, _key(markup, "reply", reply.word_id))
        result.operations.append(AddReply(key, answer.to_json()))


def _place(markup: WordMarkup, comment: WordComment, finder: _BlockFinder,
           result: CopyImport) -> tuple[Anchor, str]:
    """Where the comment goes in the draft, and the words it is on in the copy."""
    figures = result.figures
    place = comment.place
    label = short_quote(comment.text, 40)
    if place is None:
        figures.not_placed += 1
        result.lines.append(_("Comment “{text}” ({file}) is not on the body text of the copy; "
                              "it was kept on the whole text.").format(text=label, file=markup.file_name))
        return Anchor(None), ""
    paragraph = markup.paragraphs[place.paragraph]
    match = finder.match(paragraph)
    if match is None:
        figures.not_placed += 1
        result.lines.append(_("Comment “{text}” ({file}): no paragraph of the draft matches the "
                              "one it is on; it was kept on the whole text.").format(
            text=label, file=markup.file_name))
        return Anchor(None), _words(paragraph, ACCEPTED_VIEW, place.start, place.end)
    words = _words(paragraph, match.view, place.start, place.end)
    start = match.position(paragraph.offset(place.start, match.view))
    end = max(start, match.position(paragraph.offset(place.end, match.view), end=True))
    if _squeezed(match.block_text[start:end]) == _squeezed(words) and (words or start == end):
        figures.placed_exactly += 1
        if place.spans_paragraphs:
            result.lines.append(_("Comment “{text}” ({file}) ran over several paragraphs; it is "
                                  "on the words of the first one.").format(
                text=label, file=markup.file_name))
        return Anchor(match.block_id, start, end), words
    figures.placed_on_paragraph += 1
    result.lines.append(_("Comment “{text}” ({file}): the words “{words}” were not found in the "
                          "draft; it is on their paragraph.").format(
        text=label, file=markup.file_name, words=short_quote(words, 40)))
    return Anchor(match.block_id), words


def _plan_change(draft: Draft, markup: WordMarkup, change: TrackedChange, who: _Attribution,
                 finder: _BlockFinder, result: CopyImport) -> None:
    key = _key(markup, "change", change.paragraph, change.start)
    if key in draft.comments:
        result.figures.already_imported += 1
        return
    paragraph = markup.paragraphs[change.paragraph]
    match = finder.match(paragraph)
    wording = short_quote(change.new or change.old, 40)
    if match is None:
        anchor = Anchor(None)
        result.figures.suggestions_not_placed += 1
        result.lines.append(_("Change “{words}” ({file}): no paragraph of the draft matches the "
                              "one it is in; it was kept on the whole text.").format(
            words=wording, file=markup.file_name))
    else:
        # In the original text the change covers the old words; in the accepted text the new.
        start = match.position(paragraph.offset(change.start, match.view))
        end = max(start, match.position(paragraph.offset(change.end, match.view), end=True))
        expected = change.old if match.view == ORIGINAL_VIEW else change.new
        if _squeezed(match.block_text[start:end]) == _squeezed(expected):
            anchor = Anchor(match.block_id, start, end)
            result.figures.suggestions_on_words += 1
            if match.view == ACCEPTED_VIEW and change.new != change.old:
                result.lines.append(_("Change “{words}” ({file}) is already in the draft's "
                                      "text.").format(words=wording, file=markup.file_name))
        else:
            anchor = Anchor(match.block_id)
            result.figures.suggestions_on_paragraph += 1
            result.lines.append(_("Change “{words}” ({file}): the words it changes were not "
                                  "found in the draft; it is on their paragraph.").format(
                words=wording, file=markup.file_name))
    made = Comment(
        id=key, anchor=anchor, party=who.of(change.author), text=suggestion_text(change.old, change.new),
        suggestion=change.new, date=change.date or date.today(),
        change={"old": change.old, "new": change.new}, source=markup.file_name,
        quote=change.old if match is None or match.view == ORIGINAL_VIEW else change.new,
    )
    result.operations.append(AddComment(made.to_json()))


def suggestion_text(old: str, new: str) -> str:
    if not old:
        return _("Insert “{new}”.").format(new=new)
    if not new:
        return _("Delete “{old}”.").format(old=old)
    return _("Replace “{old}” with “{new}”.").format(old=old, new=new)
