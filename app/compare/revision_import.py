"""Bringing in a revision received as text or DOCX as a version of an existing draft.

The incoming file has no block ids. Its blocks are aligned with the draft's (identical text,
then word similarity) and take the ids of the paragraphs they continue, and its footnotes take
the ids of the footnotes they continue, so comments, reservations and translations anchored to
those ids carry over, and comparing the revision with an earlier version pairs by id. Span
anchors then follow their words through each paragraph's word diff (app.compare.anchor_carry);
the report says in one sentence each what could not be placed.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path

from app.model import Draft, FootnoteRef, new_id
from app.model.version import Version, make_version
from app.progress import Progress

from .align import Pair, align_blocks
from .anchor_carry import carry_annotations
from .words import similarity


@dataclass
class RevisionReport:
    blocks: int = 0                 # blocks in the revision
    carried: int = 0                # of which took an existing paragraph's id
    footnotes_carried: int = 0
    #: (current index, revision index) of the paragraphs the revision continues
    pairs: list[Pair] = field(default_factory=list)
    #: one sentence per comment or reservation not placed exactly on its words
    unplaced: list[str] = field(default_factory=list)


def read_revision(path: Path, progress: Progress | None = None) -> Draft:
    """Read a revision with the importer that suits its file type."""
    if path.suffix.lower() == ".docx":
        from app.docx.reader import DocxReadError, read_docx
        from app.importer import TextImportError

        try:
            return read_docx(path)
        except DocxReadError as error:   # one sentence, as for a text revision
            raise TextImportError(str(error), path) from error
    from app.importer.text import import_text_file

    draft, _report = import_text_file(path, progress)
    return draft


def carry_ids(current: Draft, incoming: Draft) -> RevisionReport:
    """Give `incoming`'s blocks and footnotes the ids of the ones they continue (in place)."""
    report = RevisionReport(blocks=len(incoming.blocks))
    pairs = align_blocks(current.blocks, incoming.blocks, use_ids=False)
    footnote_map: dict[str, str] = {}
    for i, j in pairs:
        incoming.blocks[j].id = current.blocks[i].id
        # A paragraph's k-th footnote continues its k-th footnote before.
        for old_fid, new_fid in zip(current.blocks[i].footnote_ids, incoming.blocks[j].footnote_ids, strict=False):
            footnote_map.setdefault(new_fid, old_fid)
    report.carried = len(pairs)
    report.pairs = list(pairs)
    _carry_remaining_footnotes(current, incoming, footnote_map)
    taken = {block.id for block in current.blocks}
    for index, block in enumerate(incoming.blocks):
        if index not in {j for _, j in pairs} and block.id in taken:
            block.id = new_id()                       # a new paragraph never borrows an id
    _rename_footnotes(incoming, footnote_map)
    report.footnotes_carried = len(footnote_map)
    return report


def _carry_remaining_footnotes(current: Draft, incoming: Draft, mapping: dict[str, str]) -> None:
    used = set(mapping.values())
    for new_fid, note in incoming.footnotes.items():
        if new_fid in mapping:
            continue
        best, best_score = None, 0.5
        for old_fid, old in current.footnotes.items():
            if old_fid in used:
                continue
            score = similarity(old.text, note.text)
            if score >= best_score:
                best, best_score = old_fid, score
        if best is not None:
            mapping[new_fid] = best
            used.add(best)


def _rename_footnotes(draft: Draft, mapping: dict[str, str]) -> None:
    if not mapping:
        return
    for block in draft.blocks:
        block.content = [
            FootnoteRef(mapping.get(item.footnote_id, item.footnote_id))
            if isinstance(item, FootnoteRef) else item
            for item in block.content
        ]
    renamed = {}
    for fid, note in draft.footnotes.items():
        note.id = mapping.get(fid, fid)
        renamed[note.id] = note
    draft.footnotes = renamed


def revision_as_version(
    current: Draft, incoming: Draft, name: str, author: str = ""
) -> tuple[Version, RevisionReport]:
    """A version holding the incoming text; everything the text does not carry (translations,
    and what later features keep by id) is taken over from the current draft."""
    ids_before = [block.id for block in incoming.blocks]
    report = carry_ids(current, incoming)
    merged = copy.deepcopy(current)
    merged.versions = []
    merged.note, merged.blocks, merged.footnotes = incoming.note, incoming.blocks, incoming.footnotes
    merged.language = incoming.language
    report.unplaced = carry_annotations(current, merged, report.pairs)
    if incoming.brackets:   # the revision's own square brackets are its state of the text
        renamed = dict(zip(ids_before, (block.id for block in incoming.blocks), strict=True))
        for bracket in incoming.brackets.values():
            bracket.anchor.block_id = renamed.get(bracket.anchor.block_id or "",
                                                  bracket.anchor.block_id)
        merged.brackets = incoming.brackets
    return make_version(merged, name, author), report


def import_revision(
    draft_path: Path | str, source: Path | str, name: str, author: str | None = None,
    progress: Progress | None = None,
) -> tuple[Version, RevisionReport]:
    """`concordia import FILE --into DRAFT --as-version NAME`: add the file as a version."""
    from app.store.session import DraftSession
    from app.store.versions import check_new_name, default_author

    incoming = read_revision(Path(source), progress)
    with DraftSession.editing(draft_path) as draft:
        name = check_new_name(draft, name)
        version, report = revision_as_version(
            draft, incoming, name, default_author(draft) if author is None else author)
        draft.versions.append(version)
        return version, report
