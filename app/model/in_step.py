"""Whether each pair of a draft block and its translation is still in step.

A pair is confirmed in step at a moment: the language version keeps the text of both sides as
they were then (`LanguageVersion.confirmed` for the draft's language, `confirmed_other` for
the translation) and the time (`confirmed_at`). The pair is out of step as soon as either
side's plain text differs from what was confirmed, and in step again when it is confirmed
anew (or an undo brings the text back). A pair that was never confirmed counts as out of step:
nobody has checked it. A pair confirmed before the translation side was recorded is judged on
the draft's side alone.

Everything here is derived from the draft, so it follows edits, undo, versions and the draft
file without bookkeeping; only a confirmation changes stored data (`ConfirmPairs`).
Footnote pairs live the same life (app.model.footnote_step); one `ConfirmPairs` carries the
records of both, so confirming a paragraph with its footnotes is one undo step.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import TYPE_CHECKING, ClassVar

from .changes import Changes
from .draft import Draft, LanguageVersion
from .inline import plain_text
from .ops import Operation

if TYPE_CHECKING:  # footnote_step builds on this module
    from .footnote_step import FootnoteStatus

#: The translation a bilingual draft is usually worked in.
DEFAULT_LANGUAGE = "es"


def now_utc() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


class InStepJudgement:
    """What a pair's texts and confirmation record say (a block pair or a footnote pair):
    the class using it has `main_text`, `other_text` (None: unpaired), `confirmed_main`,
    `confirmed_other` and `confirmed_at`."""

    main_text: str
    other_text: str | None
    confirmed_main: str | None
    confirmed_other: str | None
    confirmed_at: str | None

    @property
    def paired(self) -> bool:
        return self.other_text is not None

    @property
    def never_confirmed(self) -> bool:
        return self.paired and self.confirmed_main is None

    @property
    def main_changed(self) -> bool:
        return self.confirmed_main is not None and self.main_text != self.confirmed_main

    @property
    def other_changed(self) -> bool:
        return (self.paired and self.confirmed_other is not None
                and self.other_text != self.confirmed_other)

    @property
    def out_of_step(self) -> bool:
        return self.paired and (self.never_confirmed or self.main_changed or self.other_changed)

    @property
    def changed_sides(self) -> list[str]:
        """For scripts: ["never_confirmed"], or which of "main", "translation" changed."""
        if self.never_confirmed:
            return ["never_confirmed"]
        return [side for side, changed in (("main", self.main_changed),
                                           ("translation", self.other_changed)) if changed]


@dataclass(frozen=True)
class PairState(InStepJudgement):
    """One block of the draft and its translation, as they stand."""

    block_id: str
    index: int                       # position of the block in the draft, 0-based
    main_text: str
    other_text: str | None           # None: the block has no translation (unpaired)
    confirmed_main: str | None       # the texts when last confirmed; None: never / unknown
    confirmed_other: str | None
    confirmed_at: str | None


def translation_language(draft: Draft, language: str | None = None) -> str:
    """The language of the translation to look at: the one asked for, else the draft's only
    one, else Spanish (or English for a Spanish draft)."""
    if language:
        return language
    others = [code for code in draft.translations if code != draft.language]
    if len(others) == 1:
        return others[0]
    if DEFAULT_LANGUAGE in others or draft.language != DEFAULT_LANGUAGE:
        return DEFAULT_LANGUAGE
    return "en"


def pair_state(draft: Draft, index: int, version: LanguageVersion | None) -> PairState:
    block = draft.blocks[index]
    content = version.blocks.get(block.id) if version is not None else None
    return PairState(
        block_id=block.id,
        index=index,
        main_text=block.text,
        other_text=plain_text(content) if content is not None else None,
        confirmed_main=version.confirmed.get(block.id) if version is not None else None,
        confirmed_other=version.confirmed_other.get(block.id) if version is not None else None,
        confirmed_at=version.confirmed_at.get(block.id) if version is not None else None,
    )


def pair_states(draft: Draft, language: str | None = None) -> list[PairState]:
    """One state per block of the draft, in reading order."""
    version = draft.translations.get(translation_language(draft, language))
    return [pair_state(draft, index, version) for index in range(len(draft.blocks))]


def out_of_step_ids(draft: Draft, language: str | None = None) -> list[str]:
    """Ids of the blocks whose pair is out of step, in reading order."""
    if translation_language(draft, language) not in draft.translations:
        return []
    return [state.block_id for state in pair_states(draft, language) if state.out_of_step]


@dataclass(frozen=True)
class LanguageStatus:
    language: str
    pairs: int
    unpaired: list[str]          # block ids without a translation
    unplaced: int                # paragraphs of the translation that pair with no block
    out_of_step: list[PairState]
    footnotes: FootnoteStatus | None = None     # the footnote pairs (app.model.footnote_step)

    def to_json(self) -> dict:
        return {
            "language": self.language,
            "pairs": self.pairs,
            "unpaired": list(self.unpaired),
            "unplaced": self.unplaced,
            "out_of_step": [
                {"id": state.block_id, "index": state.index + 1,
                 "changed": state.changed_sides, "confirmed_at": state.confirmed_at}
                for state in self.out_of_step
            ],
            **(self.footnotes.to_json() if self.footnotes is not None else {}),
        }


def language_status(draft: Draft, language: str | None = None) -> LanguageStatus:
    from .footnote_step import footnote_status

    language = translation_language(draft, language)
    version = draft.translations.get(language)
    states = pair_states(draft, language)
    return LanguageStatus(
        language=language,
        pairs=sum(1 for state in states if state.paired),
        unpaired=[state.block_id for state in states if not state.paired],
        unplaced=len(version.unplaced) if version is not None else 0,
        out_of_step=[state for state in states if state.out_of_step],
        footnotes=footnote_status(draft, language),
    )


def record_confirmation(version: LanguageVersion, block_id: str, main_text: str,
                        when: str | None = None) -> None:
    """Mark one pair of `version` in step as its texts stand now (in place)."""
    content = version.blocks.get(block_id)
    version.confirmed[block_id] = main_text
    if content is not None:
        version.confirmed_other[block_id] = plain_text(content)
    version.confirmed_at[block_id] = when or now_utc()


def record_footnote_confirmation(version: LanguageVersion, footnote_id: str, main_text: str,
                                 when: str | None = None) -> None:
    """Mark one footnote pair of `version` in step as its texts stand now (in place)."""
    version.footnotes_confirmed[footnote_id] = main_text
    if footnote_id in version.footnotes:
        version.footnotes_confirmed_other[footnote_id] = version.footnotes[footnote_id]
    version.footnotes_confirmed_at[footnote_id] = when or now_utc()


# -- the undoable step ---------------------------------------------------------------------

Record = list  # [main text, translation text or None, time or None]; None: no record


def _tables(version: LanguageVersion, footnotes: bool) -> tuple[dict, dict, dict]:
    if footnotes:
        return (version.footnotes_confirmed, version.footnotes_confirmed_other,
                version.footnotes_confirmed_at)
    return version.confirmed, version.confirmed_other, version.confirmed_at


def _record_of(version: LanguageVersion, key: str, footnotes: bool = False) -> Record | None:
    main, other, at = _tables(version, footnotes)
    if key not in main:
        return None
    return [main[key], other.get(key), at.get(key)]


def _put_record(version: LanguageVersion, key: str, record: Record | None,
                footnotes: bool = False) -> None:
    tables = _tables(version, footnotes)
    for table in tables:
        table.pop(key, None)
    if record is None:
        return
    for table, value in zip(tables, record, strict=True):
        if value is not None or table is tables[0]:
            table[key] = value


@dataclass
class ConfirmPairs(Operation):
    """Set the confirmation records of some pairs (block id → record, None: no record) and of
    some footnote pairs (`footnotes`: footnote id → record).

    Built with `confirm_in_step`; the inverse puts back the records as they were, so a
    confirmation is undone like any edit.
    """

    name: ClassVar[str] = "confirm_pairs"
    language: str
    records: dict
    footnotes: dict = field(default_factory=dict)

    def changes(self) -> Changes:
        return Changes(translations=True)

    def apply(self, draft: Draft) -> Operation:
        version = draft.translations.get(self.language)
        if version is None:
            raise ValueError(f"the draft has no {self.language} version")
        old = {block_id: _record_of(version, block_id) for block_id in self.records}
        old_notes = {fid: _record_of(version, fid, True) for fid in self.footnotes}
        for block_id, record in self.records.items():
            _put_record(version, block_id, copy.deepcopy(record))
        for footnote_id, record in self.footnotes.items():
            _put_record(version, footnote_id, copy.deepcopy(record), True)
        return ConfirmPairs(self.language, old, old_notes)


def confirm_in_step(draft: Draft, language: str | None = None,
                    block_ids: list[str] | None = None, when: str | None = None,
                    footnote_ids: list[str] | None = None) -> ConfirmPairs:
    """The step that confirms the given pairs (default: every pair out of step, blocks and
    footnotes) as they stand.

    Confirming a block also confirms the footnotes it refers to that are out of step and
    translated: the side-by-side view shows them under the paragraph, and a translator
    checks a paragraph with its notes, as the NOTE prints them. `footnote_ids` adds
    footnotes of their own. Raise KeyError for a block or footnote id the draft lacks and
    ValueError for one without a translation (there is nothing to be in step with)."""
    from .footnote_step import footnote_states

    language = translation_language(draft, language)
    version = draft.translations.get(language)
    if version is None:
        raise ValueError(f"the draft has no {language} version")
    notes = {state.footnote_id: state for state in footnote_states(draft, language)}
    if block_ids is None:
        block_ids = out_of_step_ids(draft, language)
        wanted = [fid for fid, state in notes.items() if state.out_of_step]
    else:
        wanted = [fid for block_id in block_ids for fid in draft.block(block_id).footnote_ids
                  if fid in notes and notes[fid].out_of_step]
    when = when or now_utc()
    records: dict[str, Record] = {}
    for block_id in block_ids:
        block = draft.block(block_id)
        content = version.blocks.get(block_id)
        if content is None:
            raise ValueError(f"block {block_id} has no {language} text")
        records[block_id] = [block.text, plain_text(content), when]
    footnotes: dict[str, Record] = {}
    for footnote_id in dict.fromkeys(wanted + list(footnote_ids or [])):
        state = notes.get(footnote_id)
        if state is None:
            raise KeyError(f"no footnote {footnote_id!r} in the text")
        if not state.paired:
            raise ValueError(f"footnote {footnote_id} has no {language} text")
        footnotes[footnote_id] = [state.main_text, state.other_text, when]
    return ConfirmPairs(language, records, footnotes)
