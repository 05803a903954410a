"""Square brackets in a language version: each main bracket's counterpart in that language.

A bracket (app.model.brackets) lives on the draft's own text. Its counterpart in, say, the
Spanish version is the span of the Spanish block of the same id that holds the Spanish words
of its first alternative, and the Spanish wording of each other alternative, in the main
bracket's order. The parties are never kept here: they come from the main bracket (one
negotiation, one set of proponents), so the two versions cannot disagree on who proposed what.

A counterpart is kept in `LanguageVersion.brackets` by bracket id. It moves with the Spanish
words when the Spanish block is edited (`map_translation_edit`, called by
`SetTranslationContent`): the edit is taken as one replaced region, the old and new texts'
common start and end left alone, and the span maps through it as a comment anchor maps
through `ReplaceContent` (app.model.annotations). If its words are deleted it is **unplaced**
(no span), its alternatives kept, so it is never lost and the status names it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .annotations import _map_end, _map_start, span_words
from .brackets import Alternative, Bracket
from .inline import Inline, anchored_text, content_length

if TYPE_CHECKING:
    from .draft import Draft, LanguageVersion


@dataclass
class Counterpart:
    block_id: str
    start: int | None = None         # None: unplaced (its words were deleted)
    end: int | None = None
    #: the wording in this language of the main bracket's alternatives 2…n, in its order
    alternatives: list[str] = field(default_factory=list)
    #: its words when it was placed, so an unplaced one can still be named
    quote: str = ""

    @property
    def placed(self) -> bool:
        return self.start is not None and self.end is not None

    def to_json(self) -> dict:
        return {"block_id": self.block_id, "start": self.start, "end": self.end,
                "alternatives": list(self.alternatives), "quote": self.quote}

    @classmethod
    def from_json(cls, data: dict) -> Counterpart:
        return cls(str(data["block_id"]), data.get("start"), data.get("end"),
                   [str(text) for text in data.get("alternatives", [])],
                   str(data.get("quote", "")))


#: What an edit records to put counterparts back: bracket id -> Counterpart.to_json().
CounterpartSnapshot = dict[str, dict]


def in_block(version: LanguageVersion, block_id: str) -> dict[str, Counterpart]:
    return {key: item for key, item in version.brackets.items() if item.block_id == block_id}


def snapshot(version: LanguageVersion, block_id: str) -> CounterpartSnapshot:
    return {key: item.to_json() for key, item in in_block(version, block_id).items()}


def restore(version: LanguageVersion, saved: CounterpartSnapshot | None) -> None:
    for key, data in (saved or {}).items():
        version.brackets[key] = Counterpart.from_json(data)


def _changed_region(old: str, new: str) -> tuple[int, int, int]:
    """(start, end) in `old` and the length that replaced it in `new`: one region."""
    limit = min(len(old), len(new))
    prefix = 0
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    return prefix, len(old) - suffix, len(new) - suffix - prefix


def map_translation_edit(version: LanguageVersion, block_id: str,
                         old: list[Inline] | None, new: list[Inline] | None) -> None:
    """Move the counterparts of `block_id` from the `old` content to the `new` one."""
    items = in_block(version, block_id)
    if not items:
        return
    old_text = anchored_text(old or [])
    new_text = anchored_text(new) if new is not None else None
    for item in items.values():
        if not item.placed:
            continue
        if new_text is None:        # the translation of the block is gone
            item.start = item.end = None
            continue
        start, end, inserted = _changed_region(old_text, new_text)
        low, high = item.start or 0, item.end or 0
        if end > start and start <= low and high <= end and low < high:
            item.start = item.end = None          # its words were deleted: unplaced
            continue
        new_start = _map_start(low, start, end, inserted)
        new_end = _map_end(high, start, end, inserted)
        item.start, item.end = new_start, max(new_start, new_end)


# -- reading them ------------------------------------------------------------------------

def counterpart_of(draft: Draft, bracket: Bracket, language: str) -> Counterpart | None:
    """The bracket's counterpart in `language`, when it is on the same paragraph."""
    version = draft.translations.get(language)
    if version is None:
        return None
    item = version.brackets.get(bracket.id)
    if item is None or item.block_id != bracket.anchor.block_id:
        return None
    return item


def counterpart_alternatives(draft: Draft, bracket: Bracket,
                             language: str) -> list[Alternative] | None:
    """The alternatives in `language` with the main bracket's parties, the first one's words
    read from the translated text; None when the counterpart is missing, unplaced or lacks
    the wording of an alternative that is not a deletion (the export then names it)."""
    item = counterpart_of(draft, bracket, language)
    version = draft.translations.get(language)
    if item is None or version is None or not item.placed:
        return None
    content = version.blocks.get(item.block_id)
    if content is None or not 0 <= (item.start or 0) <= (item.end or 0) <= content_length(content):
        return None                 # a damaged file's span: named, never written off the text
    main = bracket.alternatives or [Alternative("")]
    others = main[1:]
    if len(item.alternatives) < len(others):
        return None
    result = [Alternative(span_words(content, item.start or 0, item.end or 0),
                          list(main[0].parties))]
    for alt, wording in zip(others, item.alternatives, strict=False):
        if not alt.is_deletion and not wording.strip():
            return None
        result.append(Alternative("" if alt.is_deletion else wording, list(alt.parties)))
    return result


def missing_counterparts(draft: Draft, language: str) -> list[Bracket]:
    """Open brackets of the main text a `language` export cannot show: no counterpart, an
    unplaced one, or one lacking an alternative's wording."""
    from .brackets import open_brackets

    return [bracket for bracket in open_brackets(draft)
            if counterpart_alternatives(draft, bracket, language) is None]


def unplaced_counterparts(draft: Draft, language: str) -> list[tuple[Bracket, Counterpart]]:
    """Counterparts whose words were deleted from the translation (kept, with their wording)."""
    found = []
    for bracket in draft.brackets.values():
        item = counterpart_of(draft, bracket, language)
        if item is not None and not item.placed:
            found.append((bracket, item))
    return found


def counterparts_public_json(draft: Draft, bracket: Bracket) -> dict:
    """`show --json`: per language, the counterpart as it stands (names are stable)."""
    result = {}
    for language, version in draft.translations.items():
        item = version.brackets.get(bracket.id)
        if item is None:
            continue
        alternatives = counterpart_alternatives(draft, bracket, language)
        result[language] = {
            "block": item.block_id, "start": item.start, "end": item.end,
            "placed": item.placed, "quote": item.quote,
            "wording": list(item.alternatives),
            "alternatives": [a.to_json() for a in alternatives] if alternatives else None,
        }
    return result

