"""The two views of a text with square brackets, for export: bracketed and clean.

Bracketed (the default while a bracket is open): each bracket is written into the text the
way negotiating texts carry it, `[strengthen (FR, ES) / promote (CELAC)]`, the square brackets
and separators in bold, so the Word file reads as the negotiators' text and Concordia (or
anyone) can read the brackets back from it (app.importer.brackets). Clean: the text as it
reads, each bracket's first alternative, no markup. Both work on a copy: the draft is never
changed, and the copy's comments and reservations move with the inserted markup through the
ordinary operations.

A language version's text gets the same markup, written by the same code, from the brackets'
counterparts there (app.model.counterparts): its words, the main bracket's parties. A bracket
with no counterpart in that language cannot be shown there; the export names it
(app.docx.localise.open_bracket_warnings).
"""

from __future__ import annotations

import copy
import dataclasses

from app.i18n import translator
from app.model import Draft, Inline, LanguageVersion, TextRun
from app.model import annotations as anchor_maps
from app.model.brackets import Alternative, Bracket, current_alternatives
from app.model.counterparts import counterpart_alternatives
from app.model.inline import content_length, normalise, split_at

VIEWS = ("bracketed", "clean")


def default_view(draft: Draft) -> str:
    return "bracketed" if any(not b.anchor.orphaned for b in draft.brackets.values()) else "clean"


def view_of(draft: Draft, view: str | None) -> Draft:
    """The draft to export for `view` ("bracketed", "clean"; None: the default)."""
    view = view or default_view(draft)
    if view not in VIEWS:
        raise ValueError(f"unknown view {view!r}")
    if not draft.brackets:
        return draft
    if view == "clean":
        return dataclasses.replace(draft, brackets={})
    return bracketed_copy(draft)


def _parties(codes: list[str]) -> list[TextRun]:
    return [TextRun(" (" + ", ".join(codes) + ")")] if codes else []


def _tail(alternatives: list[Alternative], language: str) -> list[TextRun]:
    runs: list[TextRun] = []
    if len(alternatives) == 1:
        return [TextRun("]", bold=True), *_parties(alternatives[0].parties)]
    runs += _parties(alternatives[0].parties)
    # the word for a deletion comes from the export language's catalog, not the window's
    delete = translator(language).pgettext("export", "delete")
    for alt in alternatives[1:]:
        runs.append(TextRun(" / ", bold=True))
        runs.append(TextRun(alt.text or delete))
        runs += _parties(alt.parties)
    runs.append(TextRun("]", bold=True))
    return runs


#: (start, end, the markup after the span) of each bracket of one paragraph
Marks = list[tuple[int, int, list[TextRun]]]


def _marked(content: list[Inline], marks: Marks, moved=None) -> list[Inline]:
    """`content` with "[" before and the tail after each span; `moved(position, length)` is
    told of each insertion so anchors can follow it."""
    # at one position: starts go in inner first and ends outer first, so the text reads
    # "[[a] b]" and "[a] [b]" whatever the order of insertion
    points = []
    for start, end, tail in marks:
        points.append((start, 0, end - start, [TextRun("[", bold=True)]))
        points.append((end, 1, -(end - start), tail))
    content = list(content)
    for position, _kind, _rank, runs in sorted(points, key=lambda p: (-p[0], p[1], p[2])):
        # what ReplaceContent does for an insertion, without looking the block up
        # again for each of 1 000 marks in a 300-page draft
        left, right = split_at(content, position)
        content = left + list(runs) + right
        if moved is not None:
            moved(position, content_length(runs))
    return normalise(content)


def _marked_version(draft: Draft, language: str, version: LanguageVersion) -> LanguageVersion:
    by_block: dict[str, Marks] = {}
    for bracket in draft.brackets.values():
        alternatives = counterpart_alternatives(draft, bracket, language)
        if alternatives is None or bracket.anchor.orphaned:
            continue
        item = version.brackets[bracket.id]
        by_block.setdefault(item.block_id, []).append(
            (item.start or 0, item.end or 0, _tail(alternatives, language)))
    if not by_block:
        return version
    blocks = dict(version.blocks)
    for block_id, marks in by_block.items():
        blocks[block_id] = _marked(blocks[block_id], marks)
    return dataclasses.replace(version, blocks=blocks)


def bracketed_copy(draft: Draft) -> Draft:
    by_block: dict[str, list[Bracket]] = {}
    for bracket in draft.brackets.values():
        if not bracket.anchor.orphaned and bracket.anchor.block_id is not None:
            by_block.setdefault(bracket.anchor.block_id, []).append(bracket)
    blocks = [copy.copy(block) if block.id in by_block else block for block in draft.blocks]
    index = {block.id: number for number, block in enumerate(blocks)}
    translations = {language: _marked_version(draft, language, version)
                    for language, version in draft.translations.items()}
    result = dataclasses.replace(
        draft, blocks=blocks, brackets={}, translations=translations,
        comments=copy.deepcopy(draft.comments), reservations=copy.deepcopy(draft.reservations))
    for block_id, brackets in by_block.items():
        marks = [(b.anchor.start or 0, b.anchor.end or 0,
                  _tail(current_alternatives(draft, b), draft.language)) for b in brackets]
        block = blocks[index[block_id]]

        def moved(position: int, length: int, block_id: str = block_id) -> None:
            anchor_maps.map_replace(result, block_id, position, position, length)

        block.content = _marked(block.content, marks, moved)
    return result
