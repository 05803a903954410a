"""Turning a library clause into a block for a draft, remembering where it came from.

The block's `origin` keeps the clause id and the agreed wording at insertion, so the editor
can flag the block when the drafter departs from it and show the difference word by word.
When the library holds the other language's version, it comes along for the draft's
translation of the same block.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.engine import Engine

from app.i18n import _
from app.model import Block, BlockKind, Draft, Inline, LanguageVersion, TextRun
from app.model.draft import ClauseOrigin
from app.model.in_step import record_confirmation
from app.model.ops import Batch, InsertBlock, Operation, SetLanguageVersion

from .db import LibraryError
from .pairing import ClauseRow, clause_row, counterparts
from .search import Hit, attach_provenance


@dataclass
class ClauseInsertion:
    block: Block
    #: language → content of the same block in that language (from the paired source)
    translations: dict[str, list[Inline]] = field(default_factory=dict)
    #: language → the library clause that wording is (its own id, text and source)
    origins: dict[str, ClauseOrigin] = field(default_factory=dict)

    def operation(self, index: int, draft: Draft | None = None, create_missing: bool = False) -> Operation:
        """One undoable step: insert the block at `index` and, given the draft, put the paired
        wording into its language versions (creating them only with `create_missing`)."""
        steps: list[Operation] = [InsertBlock(index, self.block)]
        if draft is not None:
            for language, content in self.translations.items():
                current = draft.translations.get(language)
                if language == draft.language or (current is None and not create_missing):
                    continue
                version = (LanguageVersion.from_json(current.to_json()) if current
                           else LanguageVersion(language))
                version.blocks[self.block.id] = list(content)
                # Both wordings are agreed texts of one source: the pair starts in step.
                record_confirmation(version, self.block.id, self.block.text)
                if language in self.origins:
                    version.origins[self.block.id] = self.origins[language]
                steps.append(SetLanguageVersion(language, version.to_json()))
        return steps[0] if len(steps) == 1 else Batch(steps)

    def apply_translations(self, draft: Draft) -> None:
        """Give the draft's language versions (created if missing) the paired wording."""
        operation = self.operation(0, draft, create_missing=True)
        for step in operation.operations[1:] if isinstance(operation, Batch) else []:
            step.apply(draft)


def clause_insertion(library, clause_id: str, language: str = "en") -> ClauseInsertion:
    """The block for `clause_id` in `language` (via its pair when the clause is in the other
    language) and the wording in every other language the library pairs with it.

    `library` is a `Library` or its engine."""
    engine: Engine = getattr(library, "engine", library)
    with engine.connect() as connection:
        clause = clause_row(connection, clause_id)
        if clause is None:
            raise LibraryError(_("The library has no clause {id}.").format(id=clause_id))
        others = counterparts(connection, clause)
        versions = {clause.language: clause, **others}
        chosen = versions.get(language, clause)
        hits = {lang: Hit(row.clause_id, row.text, 0.0, "", row.language, row.kind, num=row.num)
                for lang, row in versions.items()}
        attach_provenance(connection, list(hits.values()))
        hit = hits[chosen.language]
    label = hit.sources[0].label if hit.sources else ""
    block = Block(
        kind=_block_kind(chosen),
        content=[TextRun(chosen.text)],
        level=1 if chosen.kind == BlockKind.LIST_ITEM.value else 0,
        origin=ClauseOrigin(chosen.clause_id, chosen.text, label),
    )
    translations = {
        lang: [TextRun(row.text)] for lang, row in versions.items() if lang != chosen.language
    }
    origins = {
        lang: ClauseOrigin(row.clause_id, row.text,
                           hits[lang].sources[0].label if hits[lang].sources else "")
        for lang, row in versions.items() if lang != chosen.language
    }
    return ClauseInsertion(block, translations, origins)


def clause_block(library, clause_id: str, language: str = "en") -> Block:
    """A block for the clause, its `origin` set (see `clause_insertion` for the pair too)."""
    return clause_insertion(library, clause_id, language).block


def _block_kind(clause: ClauseRow) -> BlockKind:
    try:
        kind = BlockKind(clause.kind)
    except ValueError:
        return BlockKind.PARAGRAPH
    # A numbered paragraph's number belongs to its old text; in a new draft it is renumbered.
    return kind


def departure(block: Block) -> list[tuple[int, str]]:
    """How the block departs from the agreed wording it was inserted with, word by word
    (agreed → current); empty when it has no origin or still reads the same."""
    if not block.departs_from_origin or block.origin is None:
        return []
    from app.compare.words import word_diff

    return word_diff(block.origin.text, block.text)
