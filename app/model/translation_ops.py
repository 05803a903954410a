"""Edits of a language version one block at a time: invertible like `ops.py`.

`SetLanguageVersion` replaces a whole version, which is right for an import but far too heavy
for typing in a Spanish paragraph of a 300-page draft; these change one block's translation.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import ClassVar

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

    def changes(self) -> Changes:
        return Changes(translations=True)

    def apply(self, draft: Draft) -> Operation:
        draft.block(self.block_id)  # KeyError for a block the draft lacks
        version = draft.translations.get(self.language)
        created = version is None
        if version is None:
            version = draft.translations[self.language] = LanguageVersion(self.language)
        old = version.blocks.get(self.block_id)
        if self.content is None:
            version.blocks.pop(self.block_id, None)
        else:
            version.blocks[self.block_id] = normalise(copy.deepcopy(list(self.content)))
        if self.drop_version and not version.blocks and not version.meta:
            draft.translations.pop(self.language, None)
        return SetTranslationContent(self.language, self.block_id,
                                     copy.deepcopy(old) if old is not None else None, created)

    def to_json(self) -> dict:
        return {"op": self.name, "language": self.language, "block_id": self.block_id,
                "content": None if self.content is None else [i.to_json() for i in self.content],
                "drop_version": self.drop_version}


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
