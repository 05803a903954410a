"""Operations on square brackets and paragraph status: invertible and serialisable like `ops.py`.

Resolving a bracket is one step (`resolve_bracket` builds a Batch): the span takes the chosen
alternative's words (or loses its words, for a deletion) and the bracket is removed; brackets
nested inside the span go with it. Its inverse puts text, anchors and brackets back.

A bracket's counterparts in the language versions (app.model.counterparts) go and come back
with it: removing a bracket removes them in the same step, and resolving it puts the chosen
alternative's wording in each language into that language's text as well.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from .annotation_ops import check_anchor
from .annotations import span_words
from .brackets import Alternative, Bracket
from .changes import Changes
from .counterparts import Counterpart, counterpart_of
from .draft import Draft
from .inline import (
    FootnoteRef,
    Inline,
    TextRun,
    anchored_text,
    normalise,
    slice_content,
    split_at,
)
from .ops import Batch, Operation, ReplaceContent
from .status import BlockStatus, Silence


def _bracket(draft: Draft, bracket_id: str) -> Bracket:
    try:
        return draft.brackets[bracket_id]
    except KeyError:
        raise KeyError(f"no bracket {bracket_id!r}") from None


@dataclass
class AddBracket(Operation):
    name: ClassVar[str] = "add_bracket"
    data: dict                      # Bracket.to_json()
    position: int | None = None     # where it goes back in the list on undo of a removal

    def changes(self) -> Changes:
        block_id = (self.data.get("anchor") or {}).get("block_id") or self.data.get("block_id")
        return Changes(blocks=frozenset({block_id} if block_id else ()), annotations=True,
                       translations=bool(self.data.get("counterparts")))

    def apply(self, draft: Draft) -> Operation:
        bracket = Bracket.from_json(self.data)
        if bracket.id in draft.brackets:
            raise ValueError(f"bracket {bracket.id} already exists")
        anchor = bracket.anchor
        if anchor.block_id is None or anchor.start is None or anchor.end is None:
            raise ValueError("a bracket is on a span of one paragraph")
        if not anchor.orphaned:
            check_anchor(draft, anchor)
            if not bracket.quote:
                bracket.quote = span_words(draft.block(anchor.block_id).content,
                                           anchor.start, anchor.end)
        if not bracket.alternatives:
            bracket.alternatives = [Alternative(bracket.quote)]
        pairs = list(draft.brackets.items())
        index = len(pairs) if self.position is None else min(self.position, len(pairs))
        pairs.insert(index, (bracket.id, bracket))
        draft.brackets.clear()
        draft.brackets.update(pairs)
        for language, data in (self.data.get("counterparts") or {}).items():
            if language in draft.translations:      # put back with the bracket on undo
                draft.translations[language].brackets[bracket.id] = Counterpart.from_json(data)
        return RemoveBracket(bracket.id)


@dataclass
class RemoveBracket(Operation):
    """Take a bracket away, leaving the text as it reads (the first alternative agreed)."""

    name: ClassVar[str] = "remove_bracket"
    bracket_id: str

    def changes(self) -> Changes:
        return Changes(annotations=True)    # the inverse (AddBracket) names the paragraph

    def apply(self, draft: Draft) -> Operation:
        _bracket(draft, self.bracket_id)
        position = list(draft.brackets).index(self.bracket_id)
        bracket = draft.brackets.pop(self.bracket_id)
        data = bracket.to_json()
        gone = {language: version.brackets.pop(self.bracket_id).to_json()
                for language, version in draft.translations.items()
                if self.bracket_id in version.brackets}
        if gone:
            data["counterparts"] = gone
        return AddBracket(data, position)


@dataclass
class SetAlternatives(Operation):
    """Replace a bracket's alternatives after the first (the first is the text itself) and
    the parties of each; `alternatives` is a list of Alternative.to_json()."""

    name: ClassVar[str] = "set_alternatives"
    bracket_id: str
    alternatives: list

    def changes(self) -> Changes:
        return Changes(annotations=True)

    def apply(self, draft: Draft) -> Operation:
        bracket = _bracket(draft, self.bracket_id)
        inverse = SetAlternatives(self.bracket_id, [a.to_json() for a in bracket.alternatives])
        bracket.alternatives = [Alternative.from_json(item) for item in self.alternatives]
        return inverse


def _replacement(draft: Draft, bracket: Bracket, text: str) -> list[Inline]:
    """The new words, formatted like the span's first run, keeping its footnote references."""
    anchor = bracket.anchor
    removed = slice_content(draft.block(anchor.block_id or "").content,
                            anchor.start or 0, anchor.end or 0)
    runs = [item for item in removed if isinstance(item, TextRun)]
    style = runs[0] if runs else TextRun("")
    content: list[Inline] = []
    if text:
        content.append(TextRun(text, style.bold, style.italic, style.underline, style.superscript))
    content += [item for item in removed if isinstance(item, FootnoteRef)]
    return content


def resolve_bracket(draft: Draft, bracket_id: str, choice: int | None) -> Batch:
    """One step settling a bracket on alternative `choice` (0: the text as it reads; None:
    drop the passage). Raises KeyError / ValueError (one sentence) for a bad id or choice."""
    bracket = _bracket(draft, bracket_id)
    anchor = bracket.anchor
    if anchor.orphaned or anchor.block_id is None:
        raise ValueError(f"bracket {bracket_id} lost its words; remove it instead")
    alternatives = bracket.alternatives or [Alternative("")]
    if choice is not None and not 0 <= choice < len(alternatives):
        raise ValueError(f"bracket {bracket_id} has alternatives 1 to {len(alternatives)}")
    check_anchor(draft, anchor)         # a damaged file's span: one sentence, nothing changed
    operations: list[Operation] = [RemoveBracket(bracket_id)]
    start, end = anchor.start or 0, anchor.end or 0
    if choice == 0:
        return Batch(operations)
    nested = [other.id for other in draft.brackets.values()
              if other.id != bracket_id and other.anchor.block_id == anchor.block_id
              and not other.anchor.orphaned and start <= (other.anchor.start or 0)
              and (other.anchor.end or 0) <= end]
    operations += [RemoveBracket(key) for key in nested]
    text = "" if choice is None else alternatives[choice].text
    if not text.strip():
        text = ""
        words = anchored_text(draft.block(anchor.block_id).content)
        # dropping a passage takes one of the spaces around it, so no double space is left
        if start > 0 and words[start - 1] == " " and (end == len(words) or words[end] in " ,.;:"):
            start -= 1
        elif end < len(words) and words[end] == " " and start == 0:
            end += 1
    content = _replacement(draft, Bracket(bracket.id, type(anchor)(anchor.block_id, start, end)),
                           text)
    operations.append(ReplaceContent(anchor.block_id, start, end, content))
    operations += _resolved_translations(draft, bracket, choice)
    return Batch(operations)


def _resolved_translations(draft: Draft, bracket: Bracket, choice: int | None) -> list[Operation]:
    """Each language's text takes its own wording of the chosen alternative (or loses the
    passage). A counterpart unplaced or lacking that wording leaves its text as it is; the
    pair is then out of step, since the main text changed, and the status says so."""
    from .translation_ops import SetTranslationContent

    operations: list[Operation] = []
    for language, version in draft.translations.items():
        item = counterpart_of(draft, bracket, language)
        content = version.blocks.get(item.block_id) if item is not None else None
        if item is None or not item.placed or content is None:
            continue
        if choice is None or bracket.alternatives[choice].is_deletion:
            text = ""
        elif len(item.alternatives) >= choice and item.alternatives[choice - 1].strip():
            text = item.alternatives[choice - 1]
        else:
            continue
        start, end = item.start or 0, item.end or 0
        if not text:
            words = anchored_text(content)
            if start > 0 and words[start - 1] == " " and (end == len(words)
                                                           or words[end] in " ,.;:"):
                start -= 1
            elif end < len(words) and words[end] == " " and start == 0:
                end += 1
        removed = slice_content(content, start, end)
        runs = [piece for piece in removed if isinstance(piece, TextRun)]
        style = runs[0] if runs else TextRun("")
        middle: list[Inline] = [TextRun(text, style.bold, style.italic, style.underline,
                                        style.superscript)] if text else []
        middle += [piece for piece in removed if isinstance(piece, FootnoteRef)]
        left, rest = split_at(content, start)
        _gone, right = split_at(rest, end - start)
        operations.append(SetTranslationContent(language, item.block_id,
                                                normalise(left + middle + right)))
    return operations


# -- paragraph status ---------------------------------------------------------------------

@dataclass
class SetBlockStatus(Operation):
    """Set a block's status (BlockStatus.to_json()); None: back to pending (no status)."""

    name: ClassVar[str] = "set_block_status"
    block_id: str
    status: dict | None = None

    def changes(self) -> Changes:
        return Changes(blocks=frozenset({self.block_id}), annotations=True)

    def apply(self, draft: Draft) -> Operation:
        draft.block(self.block_id)          # KeyError for an unknown block
        old = draft.statuses.get(self.block_id)
        if self.status is None:
            draft.statuses.pop(self.block_id, None)
        else:
            draft.statuses[self.block_id] = BlockStatus.from_json(self.status)
        return SetBlockStatus(self.block_id, old.to_json() if old else None)


@dataclass
class SetSilence(Operation):
    """Start, change (Silence.to_json()) or with None end the silence procedure on the text."""

    name: ClassVar[str] = "set_silence"
    silence: dict | None = None

    def changes(self) -> Changes:
        return Changes(cover=True)

    def apply(self, draft: Draft) -> Operation:
        old = draft.silence
        draft.silence = Silence.from_json(self.silence) if self.silence else None
        return SetSilence(old.to_json() if old else None)
