"""What a reviewer left in a Word copy: its comments (with threads and done state) and its
tracked insertions and deletions, each placed in a body paragraph by character offsets.

    markup = read_markup("returned-by-HU.docx")

Each body paragraph is read as one stream of characters, every character marked as plain
(`=`), inserted (`+`, `w:ins`/`w:moveTo`) or deleted (`-`, `w:del`/`w:moveFrom`). The accepted
text (what `reader.read_docx` gives) keeps `=` and `+`; the original text (all changes
rejected, what the reviewer was sent) keeps `=` and `-`. Comment ranges and tracked changes
are positions in that stream, so they can be given in either text. Paragraphs are walked as
the reader walks them (a deleted paragraph mark joins a paragraph to the next), and a
footnote reference counts one character (`app.model.inline.ANCHOR`), as in a draft.

The package is opened with the reader's size-checked, entity-free loading
(`reader.open_package`).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from lxml import etree

from app.i18n import _
from app.model.inline import ANCHOR

from .reader import DocxReadError, _Package, open_package

PLAIN, INSERTED, DELETED = "=", "+", "-"
ACCEPTED_VIEW, ORIGINAL_VIEW = "accepted", "original"
_VISIBLE = {ACCEPTED_VIEW: (PLAIN, INSERTED), ORIGINAL_VIEW: (PLAIN, DELETED)}


@dataclass
class MarkedParagraph:
    """One body paragraph as a stream of characters, each with its kind (= + -)."""

    index: int
    chars: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)   # author of each tracked character
    dates: list[str] = field(default_factory=list)

    def add(self, text: str, kind: str, author: str = "", when: str = "") -> None:
        for character in text:
            self.chars.append(character)
            self.kinds.append(kind)
            self.authors.append(author)
            self.dates.append(when)

    def text(self, view: str) -> str:
        visible = _VISIBLE[view]
        return "".join(c for c, k in zip(self.chars, self.kinds, strict=True) if k in visible)

    def offset(self, position: int, view: str) -> int:
        """Where stream position `position` falls in the text of `view`."""
        visible = _VISIBLE[view]
        return sum(1 for kind in self.kinds[:position] if kind in visible)


@dataclass
class TrackedChange:
    """A run of inserted and/or deleted characters: a proposed change of wording."""

    paragraph: int
    start: int                  # stream positions [start, end)
    end: int
    old: str
    new: str
    author: str
    date: date | None


@dataclass
class CommentPlace:
    paragraph: int
    start: int                  # stream positions
    end: int
    spans_paragraphs: bool = False   # its range ran on past this paragraph


@dataclass
class WordComment:
    word_id: str
    author: str
    initials: str
    date: date | None
    text: str
    para_ids: list[str] = field(default_factory=list)
    parent_word_id: str | None = None
    done: bool = False
    place: CommentPlace | None = None   # None: not in the body (header, footnote) or no marks


@dataclass
class WordMarkup:
    file_name: str
    file_hash: str
    comments: list[WordComment]
    paragraphs: list[MarkedParagraph]
    changes: list[TrackedChange]
    #: Block ids Concordia embedded when it exported the file, by paragraph text hash
    #: (app.docx.embedded); empty for a file Concordia did not write.
    embedded_ids: dict[str, str] = field(default_factory=dict)


def read_markup(path: Path | str) -> WordMarkup:
    """The comments and tracked changes of a Word file; DocxReadError (one sentence) if it
    cannot be read."""
    path = Path(path)
    with open_package(path) as package:
        data = path.read_bytes()
        main = package.main_part()
        root = package.xml(main)
        if root is None or etree.QName(root).localname != "document":
            raise DocxReadError(
                _("“{name}” is an Office package but not a Word document.").format(name=path.name))
        rels = package.relationships(main)
        embedded_ids = _embedded_block_ids(package.custom_xml())
        comments = _read_comments(package, rels)
        threaded = _read_threads(package, rels, comments)
        walker = _MarkupWalker(etree.QName(root).namespace or "")
        body = root.find(walker.w("body"))
        if body is not None:
            try:
                walker.walk(body)
            except RecursionError as error:     # nesting deeper than any real document
                raise DocxReadError(_("“{name}” nests its text too deeply to be read.").format(
                    name=path.name)) from error
    by_id = {comment.word_id: comment for comment in comments}
    for word_id, place in walker.places().items():
        if word_id in by_id:
            by_id[word_id].place = place
    if not threaded:
        _thread_by_range(comments)
    return WordMarkup(path.name, hashlib.sha256(data).hexdigest(), comments,
                      walker.paragraphs, _changes(walker.paragraphs), embedded_ids)


def _embedded_block_ids(roots: list) -> dict[str, str]:
    """Text hash → block id from our embedded data; a hash two blocks share names neither."""
    from .embedded import read_embedded

    found = read_embedded(roots)
    if found is None or found.data is None:
        return {}
    ids: dict[str, str] = {}
    shared: set[str] = set()
    for record in found.data.get("blocks", []):
        if not isinstance(record, dict) or not record.get("hash") or not record.get("id"):
            continue
        key = str(record["hash"])
        if key in ids:
            shared.add(key)
        ids[key] = str(record["id"])
    return {key: value for key, value in ids.items() if key not in shared}


# -- comments.xml and commentsExtended.xml ----------------------------------------------------

def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _attribute(element: etree._Element, name: str) -> str | None:
    """An attribute by local name, whatever its namespace (w:, w14:, w15:, strict)."""
    for key, value in element.attrib.items():
        if etree.QName(key).localname == name:
            return value
    return None


def _word_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _part(package: _Package, rels: dict[str, str], kind: str, default: str) -> etree._Element | None:
    name = rels.get(kind) or default
    return package.xml(name) if name in package.names else None


def _read_comments(package: _Package, rels: dict[str, str]) -> list[WordComment]:
    root = _part(package, rels, "comments", "word/comments.xml")
    if root is None:
        return []
    found = []
    for element in root:
        if _local(element) != "comment":
            continue
        paragraphs = [p for p in element.iter() if _local(p) == "p"]
        texts = [_comment_paragraph_text(p) for p in paragraphs] or [_comment_paragraph_text(element)]
        found.append(WordComment(
            word_id=_attribute(element, "id") or "",
            author=(_attribute(element, "author") or "").strip(),
            initials=(_attribute(element, "initials") or "").strip(),
            date=_word_date(_attribute(element, "date")),
            text="\n".join(text for text in texts if text.strip()).strip(),
            para_ids=[pid for p in paragraphs if (pid := _attribute(p, "paraId"))],
        ))
    return found


def _comment_paragraph_text(paragraph: etree._Element) -> str:
    pieces = []
    for element in paragraph.iter():
        name = _local(element)
        if name == "t":
            pieces.append(element.text or "")
        elif name in ("tab", "br", "cr"):
            pieces.append(" ")
    return "".join(pieces)


def _read_threads(package: _Package, rels: dict[str, str], comments: list[WordComment]) -> bool:
    """Replies (`paraIdParent`) and done state, keyed by the comment's last paragraph id;
    False when the copy has no thread information: no commentsExtended part, or (LibreOffice)
    one that lists only the done comments and no reply, where Word lists every comment."""
    root = _part(package, rels, "commentsExtended", "word/commentsExtended.xml")
    if root is None:
        return False
    by_para = {comment.para_ids[-1]: comment for comment in comments if comment.para_ids}
    listed, parents = 0, 0
    for entry in root:
        if _local(entry) != "commentEx":
            continue
        comment = by_para.get(_attribute(entry, "paraId") or "")
        if comment is None:
            continue
        listed += 1
        comment.done = (_attribute(entry, "done") or "0") in ("1", "true")
        parent = by_para.get(_attribute(entry, "paraIdParent") or "")
        if parent is not None and parent is not comment:
            comment.parent_word_id = parent.word_id
            parents += 1
    return parents > 0 or listed >= len(comments)


def _thread_by_range(comments: list[WordComment]) -> None:
    """Without thread information (LibreOffice and older writers drop it), a reply is a
    comment on exactly the same range as an earlier one, as Word itself places replies."""
    first_on: dict[tuple[int, int, int], WordComment] = {}
    for comment in comments:
        place = comment.place
        if place is None or place.start == place.end:
            continue
        key = (place.paragraph, place.start, place.end)
        if key in first_on:
            comment.parent_word_id = first_on[key].word_id
        else:
            first_on[key] = comment


# -- the body -------------------------------------------------------------------------------

_WRAPPERS = {"hyperlink", "smartTag", "fldSimple", "customXml", "dir", "bdo", "sdtContent"}


class _MarkupWalker:
    """Walks body paragraphs like `reader._Walker`, keeping deleted text and range marks."""

    def __init__(self, namespace: str) -> None:
        self.ns = namespace
        self.paragraphs: list[MarkedParagraph] = []
        self._starts: dict[str, tuple[int, int]] = {}
        self._ends: dict[str, tuple[int, int]] = {}
        self._references: dict[str, tuple[int, int]] = {}
        self._current = MarkedParagraph(0)

    def w(self, name: str) -> str:
        return f"{{{self.ns}}}{name}"

    def walk(self, body: etree._Element) -> None:
        for paragraph in body.iter(self.w("p")):
            if self._nested(paragraph, body):
                continue
            self._children(paragraph, PLAIN, "", "")
            properties = paragraph.find(self.w("pPr"))
            mark_deleted = (properties is not None
                            and properties.find(f"{self.w('rPr')}/{self.w('del')}") is not None)
            if mark_deleted:
                continue                 # accepting it joins this paragraph to the next
            self._close()
        if self._current.chars:
            self._close()

    def _close(self) -> None:
        self.paragraphs.append(self._current)
        self._current = MarkedParagraph(len(self.paragraphs))

    def _nested(self, paragraph: etree._Element, body: etree._Element) -> bool:
        parent = paragraph.getparent()
        while parent is not None and parent is not body:
            if _local(parent) in ("p", "del", "moveFrom", "txbxContent"):
                return True
            parent = parent.getparent()
        return False

    def _here(self) -> tuple[int, int]:
        return self._current.index, len(self._current.chars)

    def _children(self, element: etree._Element, kind: str, author: str, when: str) -> None:
        for child in element:
            name = _local(child)
            if name == "r":
                self._run(child, kind, author, when)
            elif name in ("ins", "moveTo"):
                self._children(child, INSERTED, _attribute(child, "author") or "",
                               _attribute(child, "date") or "")
            elif name in ("del", "moveFrom"):
                self._children(child, DELETED, _attribute(child, "author") or "",
                               _attribute(child, "date") or "")
            elif name in _WRAPPERS:
                self._children(child, kind, author, when)
            elif name == "sdt":
                content = child.find(self.w("sdtContent"))
                if content is not None:
                    self._children(content, kind, author, when)
            elif name == "commentRangeStart":
                self._starts.setdefault(_attribute(child, "id") or "", self._here())
            elif name == "commentRangeEnd":
                self._ends[_attribute(child, "id") or ""] = self._here()

    def _run(self, run: etree._Element, kind: str, author: str, when: str) -> None:
        add = self._current.add
        for child in run:
            name = _local(child)
            if name in ("t", "delText"):
                add(child.text or "", kind, author, when)
            elif name in ("tab", "br", "cr"):
                add(" ", kind, author, when)
            elif name == "noBreakHyphen":
                add("-", kind, author, when)
            elif name in ("footnoteReference", "endnoteReference"):
                add(ANCHOR, kind, author, when)
            elif name == "commentReference":
                self._references.setdefault(_attribute(child, "id") or "", self._here())

    def places(self) -> dict[str, CommentPlace]:
        """Where each comment is: its range, or (LibreOffice) just its reference point."""
        found: dict[str, CommentPlace] = {}
        for word_id in set(self._starts) | set(self._ends) | set(self._references):
            start = self._starts.get(word_id) or self._references.get(word_id) or self._ends[word_id]
            end = self._ends.get(word_id) or self._references.get(word_id) or start
            if end < start:
                end = start
            if end[0] != start[0]:
                length = len(self.paragraphs[start[0]].chars)
                found[word_id] = CommentPlace(start[0], start[1], length, True)
            else:
                found[word_id] = CommentPlace(start[0], start[1], end[1])
        return found


def _changes(paragraphs: list[MarkedParagraph]) -> list[TrackedChange]:
    """Each run of tracked characters (deleted and inserted side by side) as one change."""
    found = []
    for paragraph in paragraphs:
        kinds = paragraph.kinds
        position = 0
        while position < len(kinds):
            if kinds[position] == PLAIN:
                position += 1
                continue
            start = position
            while position < len(kinds) and kinds[position] != PLAIN:
                position += 1
            span = range(start, position)
            found.append(TrackedChange(
                paragraph=paragraph.index, start=start, end=position,
                old="".join(paragraph.chars[i] for i in span if kinds[i] == DELETED),
                new="".join(paragraph.chars[i] for i in span if kinds[i] == INSERTED),
                author=paragraph.authors[start].strip(),
                date=_word_date(paragraph.dates[start]),
            ))
    return found
