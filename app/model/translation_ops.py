"""Edits of a language version one block at a time: invertible like `ops.py`.

`SetLanguageVersion` replaces a whole version, which is right for an import but far too heavy
for typing in a Spanish paragraph of a 300-page draft; these change one block's translation.
A block's square-bracket counterparts (app.model.counterparts) move with its words, and the
inverse puts them back exactly.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import ClassVar

from . import counterparts
from .changes import Changes
from .draft import Draft, LanguageVersion
from .inline import Inline, normalise
from .ops import Operation


@dataclass
class SetTranslationContent(Operation):
    """Give block `block_id` this content in `language` (None: remove its translation).

    The version is created (empty) when the draft has none yet; `created` on the inverse
    removes it again, so an undo leaves the draft as it was."""

    name: ClassVar[str] = "set_translation_content"
    language: str
    block_id: str
    content: list[Inline] | None = field(default=None)
    drop_version: bool = False       # set on inverses: remove the version once it is empty
    #: bracket counterparts of the block to put back (set on inverses)
    counterparts: dict | None = None

    def changes(self) -> Changes:
        return Changes(translations=True)

    def apply(self, draft: Draft) -> Operation:
        draft.block(self.block_id)  # KeyError for a block the draft lacks
        version = draft.translations.get(self.language)
        created = version is None
        if version is None:
            version = draft.translations[self.language] = LanguageVersion(self.language)
        old = version.blocks.get(self.block_id)
        saved = counterparts.snapshot(version, self.block_id)
        if self.content is None:
            version.blocks.pop(self.block_id, None)
        else:
            version.blocks[self.block_id] = normalise(copy.deepcopy(list(self.content)))
        counterparts.map_translation_edit(version, self.block_id, old,
                                          version.blocks.get(self.block_id))
        counterparts.restore(version, self.counterparts)
        if self.drop_version and not version.blocks and not version.meta:
            draft.translations.pop(self.language, None)
        return SetTranslationContent(self.language, self.block_id,
                                     copy.deepcopy(old) if old is not None else None, created,
                                     saved or None)

    def to_json(self) -> dict:
        return {"op": self.name, "language": self.language, "block_id": self.block_id,
                "content": None if self.content is None else [i.to_json() for i in self.content],
                "drop_version": self.drop_version, "counterparts": self.counterparts}


@dataclass
class SetTranslationFootnote(Operation):
    """Give footnote `footnote_id` this text in `language` (None: remove it there)."""

    name: ClassVar[str] = "set_translation_footnote"
    language: str
    footnote_id: str
    text: str | None = None

    def changes(self) -> Changes:
        return Changes(translations=True)

    def apply(self, draft: Draft) -> Operation:
        version = draft.translations.get(self.language)
        if version is None:
            raise ValueError(f"the draft has no {self.language} version")
        old = version.footnotes.get(self.footnote_id)
        if self.text is None:
            version.footnotes.pop(self.footnote_id, None)
        else:
            version.footnotes[self.footnote_id] = self.text
        return SetTranslationFootnote(self.language, self.footnote_id, old)


@dataclass
class SetCounterpart(Operation):
    """Give main bracket `bracket_id` this counterpart in `language` (Counterpart.to_json();
    None: take it away). The span must fit the translated block of the bracket's paragraph."""

    name: ClassVar[str] = "set_counterpart"
    language: str
    bracket_id: str
    data: dict | None = None

    def changes(self) -> Changes:
        return Changes(translations=True, annotations=True)

    def apply(self, draft: Draft) -> Operation:
        from .inline import content_length

        bracket = draft.brackets.get(self.bracket_id)
        version = draft.translations.get(self.language)
        if bracket is None:
            raise KeyError(f"no bracket {self.bracket_id!r}")
        if version is None:
            raise ValueError(f"the draft has no {self.language} version")
        old = version.brackets.get(self.bracket_id)
        if self.data is None:
            version.brackets.pop(self.bracket_id, None)
        else:
            item = counterparts.Counterpart.from_json(self.data)
            if item.block_id != bracket.anchor.block_id:
                raise ValueError("a counterpart is on its bracket's paragraph")
            if item.placed:
                content = version.blocks.get(item.block_id)
                if content is None:
                    raise ValueError(f"the {self.language} text lacks that paragraph")
                if not 0 <= (item.start or 0) <= (item.end or 0) <= content_length(content):
                    raise ValueError("the span does not fit the paragraph")
                item.quote = item.quote or counterparts.span_words(
                    content, item.start or 0, item.end or 0)
            version.brackets[self.bracket_id] = item
        return SetCounterpart(self.language, self.bracket_id,
                              old.to_json() if old is not None else None)
