"""The two views of a text with square brackets, for export: bracketed and clean.

Bracketed (the default while a bracket is open): each bracket is written into the text the
way negotiating texts carry it, `[strengthen (FR, ES) / promote (CELAC)]`, the square brackets
and separators in bold, so the Word file reads as the negotiators' text and Concordia (or
anyone) can read the brackets back from it (app.importer.brackets). Clean: the text as it
reads, each bracket's first alternative, no markup. Both work on a copy: the draft is never
changed, and the copy's comments and reservations move with the inserted markup through the
ordinary operations.
"""

from __future__ import annotations

import copy
import dataclasses

from app.i18n import _
from app.model import Draft, TextRun
from app.model import annotations as anchor_maps
from app.model.brackets import Bracket, current_alternatives
from app.model.inline import content_length, normalise, split_at

VIEWS = ("bracketed", "clean")


def default_view(draft: Draft) -> str:
    return "bracketed" if any(not b.anchor.orphaned for b in draft.brackets.values()) else "clean"


def view_of(draft: Draft, view: str | None, language: str | None = None) -> Draft:
    """The draft to export for `view` ("bracketed", "clean"; None: the default).

    An export in another `language` than the draft's gets the clean view: brackets live on
    the draft's own text, and writing their markup into it would make every bracketed pair
    read as changed since it was confirmed in step (a false "out of step" warning).
    """
    if language is not None and language != draft.language:
        view = "clean"
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


def _tail(draft: Draft, bracket: Bracket) -> list[TextRun]:
    alternatives = current_alternatives(draft, bracket)
    runs: list[TextRun] = []
    if len(alternatives) == 1:
        return [TextRun("]", bold=True), *_parties(alternatives[0].parties)]
    runs += _parties(alternatives[0].parties)
    for alt in alternatives[1:]:
        runs.append(TextRun(" / ", bold=True))
        runs.append(TextRun(alt.text or _("delete")))
        runs += _parties(alt.parties)
    runs.append(TextRun("]", bold=True))
    return runs


def bracketed_copy(draft: Draft) -> Draft:
    by_block: dict[str, list[Bracket]] = {}
    for bracket in draft.brackets.values():
        if not bracket.anchor.orphaned and bracket.anchor.block_id is not None:
            by_block.setdefault(bracket.anchor.block_id, []).append(bracket)
    blocks = [copy.copy(block) if block.id in by_block else block for block in draft.blocks]
    index = {block.id: number for number, block in enumerate(blocks)}
    result = dataclasses.replace(
        draft, blocks=blocks, brackets={},
        comments=copy.deepcopy(draft.comments), reservations=copy.deepcopy(draft.reservations))
    for block_id, brackets in by_block.items():
        # at one position: starts go in inner first and ends outer first, so the text reads
        # "[[a] b]" and "[a] [b]" whatever the order of insertion
        points = []
        for bracket in brackets:
            start, end = bracket.anchor.start or 0, bracket.anchor.end or 0
            points.append((start, 0, end - start, [TextRun("[", bold=True)]))
            points.append((end, 1, -(end - start), _tail(draft, bracket)))
        block = blocks[index[block_id]]
        content = list(block.content)
        for position, _kind, _rank, runs in sorted(points, key=lambda p: (-p[0], p[1], p[2])):
            # what ReplaceContent does for an insertion, without looking the block up
            # again for each of 1 000 marks in a 300-page draft
            left, right = split_at(content, position)
            content = left + list(runs) + right
            anchor_maps.map_replace(result, block_id, position, position, content_length(runs))
        block.content = normalise(content)
    return result
