"""Find and Replace over a draft: the annex text, its footnotes and the cover fields.

Plain Python, so the search is tested without a window. A `Match` names where it is (a block,
a footnote or a cover field), and offsets in that place's text: for a block they count like
`app.model.inline` (a footnote reference is one position), so they mean the same thing in the
editor's document. Matching is literal: "match case" off ignores only case; accents count
unless "ignore accents" is on ("accion" then finds "acción" and "ACCIÓN", "acción" finds
"accion"), which never makes ñ an n: in Spanish it is a letter of its own ("año" is not
"ano"). "Whole word" wants no letter or digit on either side.

`replacement_operation` turns matches into ONE `Batch` of the usual invertible operations
(ReplaceContent per match in a block, one SetFootnoteText per footnote, one SetMeta per cover
field; the text's edits grouped in a Batch of their own), so Replace All is one undo step
wherever it is applied.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .draft import Draft
from .footnote_numbers import number_notes
from .inline import FootnoteRef, TextRun, anchored_text, split_at
from .ops import Batch, Operation, ReplaceContent, SetFootnoteText, SetMeta

BLOCK = "block"
FOOTNOTE = "footnote"
COVER = "cover"

#: Cover fields searched, in the order the cover form shows them. Lists are searched as one
#: line per item ("codes") or joined with ", " ("languages" is left out: codes like "en").
COVER_FIELDS = ("number", "place", "codes", "interinstitutional_file", "sender", "recipient",
                "subject", "intro", "initials", "directorate", "drafter")
_LIST_FIELDS = {"codes"}


@dataclass(frozen=True)
class FindOptions:
    match_case: bool = False
    whole_word: bool = False
    ignore_accents: bool = False


@dataclass(frozen=True)
class Match:
    where: str            # BLOCK, FOOTNOTE or COVER
    key: str              # the block id, footnote id or cover field name
    start: int
    end: int

    @property
    def place(self) -> tuple[str, str]:
        return self.where, self.key


def pattern(query: str, options: FindOptions) -> re.Pattern[str] | None:
    """The compiled search for a literal query; None for an empty one."""
    if not query:
        return None
    body = accent_free_pattern(query) if options.ignore_accents else re.escape(query)
    if options.whole_word:
        body = rf"(?<!\w){body}(?!\w)"
    return re.compile(body, 0 if options.match_case else re.IGNORECASE)


#: Letters that keep their mark when accents are ignored (Spanish counts them apart).
_OWN_LETTERS = frozenset("ñÑ")


def _base_letter(character: str) -> str:
    if character in _OWN_LETTERS:
        return character
    decomposed = unicodedata.normalize("NFD", character)
    return "".join(c for c in decomposed if not unicodedata.combining(c)) or character


def _accented_forms() -> dict[str, str]:
    """Each base letter and the precomposed Latin letters that are it with marks."""
    forms: dict[str, list[str]] = {}
    for code in range(0x00C0, 0x0250):
        character = chr(code)
        base = _base_letter(character)
        if len(base) == 1 and base != character and base.isalpha():
            forms.setdefault(base, []).append(character)
    return {base: "".join(sorted(found)) for base, found in forms.items()}


_FORMS = _accented_forms()


def accent_free_pattern(query: str) -> str:
    """A regular expression matching `query` whatever accents either side has: each letter
    stands for itself and its accented forms, precomposed or followed by combining marks."""
    parts = []
    for character in query:
        base = _base_letter(character)
        if len(base) == 1 and base.isalpha():
            letters = re.escape(base + _FORMS.get(base, ""))
            # (n with a combining tilde is ñ, written in two characters: not an n)
            marks = "\u0300-\u0302\u0304-\u036f" if base in "nN" else "\u0300-\u036f"
            parts.append(f"[{letters}][{marks}]*")
        else:
            parts.append(re.escape(character))
    return "".join(parts)


def cover_text(draft: Draft, name: str) -> str:
    value = getattr(draft.note, name)
    if name in _LIST_FIELDS:
        return "\n".join(value or [])
    return value or ""


def _cover_value(name: str, text: str) -> object:
    if name in _LIST_FIELDS:
        return [line.strip() for line in text.splitlines() if line.strip()]
    return text


def footnote_order(draft: Draft) -> list[str]:
    """Footnote ids in the order their first number prints; unreferenced ones last."""
    order: list[str] = []
    for mark in number_notes(draft, reservations=False).marks:
        if mark.footnote_id in draft.footnotes and mark.footnote_id not in order:
            order.append(mark.footnote_id)
    order.extend(fid for fid in draft.footnotes if fid not in order)
    return order


def places(draft: Draft) -> Iterator[tuple[str, str, str]]:
    """(where, key, text) of everything searched, in reading order: cover, text, footnotes."""
    for name in COVER_FIELDS:
        yield COVER, name, cover_text(draft, name)
    for block in draft.blocks:
        yield BLOCK, block.id, anchored_text(block.content)
    for footnote_id in footnote_order(draft):
        yield FOOTNOTE, footnote_id, draft.footnotes[footnote_id].text


def find_all(draft: Draft, query: str, options: FindOptions = FindOptions()) -> list[Match]:
    compiled = pattern(query, options)
    if compiled is None:
        return []
    found: list[Match] = []
    for where, key, text in places(draft):
        for hit in compiled.finditer(text):
            if hit.end() > hit.start():
                found.append(Match(where, key, hit.start(), hit.end()))
    return found


def text_of(draft: Draft, match: Match) -> str:
    """The text a match covers now (it may be stale after an edit: check before replacing)."""
    if match.where == BLOCK:
        try:
            block = draft.block(match.key)
        except KeyError:
            return ""
        return anchored_text(block.content)[match.start:match.end]
    if match.where == FOOTNOTE:
        footnote = draft.footnotes.get(match.key)
        return footnote.text[match.start:match.end] if footnote is not None else ""
    return cover_text(draft, match.key)[match.start:match.end]


def still_matches(draft: Draft, match: Match, query: str, options: FindOptions) -> bool:
    compiled = pattern(query, options)
    if compiled is None:
        return False
    if match.where == BLOCK:
        try:
            text = anchored_text(draft.block(match.key).content)
        except KeyError:
            return False
    elif match.where == FOOTNOTE:
        footnote = draft.footnotes.get(match.key)
        if footnote is None:
            return False
        text = footnote.text
    else:
        text = cover_text(draft, match.key)
    hit = compiled.match(text, match.start)
    return hit is not None and hit.end() == match.end


def _run_format_at(draft: Draft, block_id: str, offset: int) -> dict[str, bool]:
    """The formatting of the character at `offset`, which the replacement text takes."""
    _, right = split_at(draft.block(block_id).content, offset)
    for item in right:
        if isinstance(item, TextRun) and item.text:
            return {"bold": item.bold, "italic": item.italic, "underline": item.underline,
                    "superscript": item.superscript}
        if isinstance(item, FootnoteRef):
            break
    return {}


def _replaced(text: str, spans: Iterable[Match], replacement: str) -> str:
    for match in sorted(spans, key=lambda m: m.start, reverse=True):
        text = text[:match.start] + replacement + text[match.end:]
    return text


def replacement_operation(draft: Draft, matches: Iterable[Match], replacement: str) -> Batch:
    """ONE operation replacing every match by `replacement` (matches must not overlap).

    In a block each match becomes a ReplaceContent, last first so earlier offsets stay
    right; the new words take the format of the first word they replace, and comment or
    reservation anchors follow as for typing. Footnotes and cover fields get their new text.
    """
    by_place: dict[tuple[str, str], list[Match]] = {}
    for match in matches:
        by_place.setdefault(match.place, []).append(match)
    text_operations: list[Operation] = []
    operations: list[Operation] = []
    for (where, key), spans in by_place.items():
        if where == BLOCK:
            for match in sorted(spans, key=lambda m: m.start, reverse=True):
                fmt = _run_format_at(draft, key, match.start)
                content = [TextRun(replacement, **fmt)] if replacement else []
                text_operations.append(ReplaceContent(key, match.start, match.end, content))
        elif where == FOOTNOTE:
            operations.append(SetFootnoteText(key, _replaced(draft.footnotes[key].text, spans, replacement)))
        else:
            new = _replaced(cover_text(draft, key), spans, replacement)
            operations.append(SetMeta(key, _cover_value(key, new)))
    # The text's edits in one Batch of their own: the editor writes such a Batch at once.
    return Batch(([Batch(text_operations)] if text_operations else []) + operations)
