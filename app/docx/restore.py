"""Concordia's own note read back exactly: ids, kinds, footnotes, reservations, comments.

    restore_own_data(word_file, report)     # after app.docx.reader.read_word_file

With the embedded data (app.docx.embedded) a paragraph whose text hash still matches gets its
block id, kind and level back; a paragraph edited in Word keeps the id of the paragraph in its
place and is named in the report. Footnotes generated from reservations are removed from the
footnotes and become the reservations again (never both: a re-export would print them twice);
one edited in Word stays an ordinary footnote and the report says so. Comments come back from
comments.xml (text, suggestion, replies) with their ids, statuses and visibility.

Without the data (Word or LibreOffice dropped it, or another program wrote the file) the
reservation footnotes are recognised by their wording (app.docx.reservation_recognition).
"""

from __future__ import annotations

import difflib
from datetime import date

from lxml import etree

from app.i18n import _, ngettext, translator
from app.importer.report import ImportReport
from app.model import Draft, Footnote, FootnoteRef
from app.model.annotations import (
    Anchor,
    Comment,
    CommentStatus,
    Reply,
    Reservation,
    ReservationKind,
    ReservationStatus,
    Visibility,
)
from app.model.draft import BlockKind
from app.model.inline import normalise
from app.model.parties import Party, PartyRegistry

from .embedded import first_line_hash, read_embedded, text_hash
from .properties import internal_label
from .reader import WordFile
from .reservation_recognition import recognise_reservation_footnotes


def restore_own_data(word: WordFile, report: ImportReport) -> None:
    draft = word.draft
    found = read_embedded(word.custom_xml)
    if found is not None and found.newer:
        report.warn(_("The file was written by a newer Concordia; it was read as an ordinary "
                      "Word document."))
    elif found is not None and found.damaged:
        report.warn(_("Concordia's data in the file is damaged; it was read as an ordinary "
                      "Word document."))
    if found is None or found.data is None:
        if draft.note.number:
            recognise_reservation_footnotes(draft, report)
        _report_foreign_comments(word.comments, set(), report)
        return
    data = found.data
    if data.get("language") in ("en", "es"):
        draft.language = data["language"]
    for item in data.get("parties", []):
        party = Party.from_json(item)
        draft.parties.setdefault(party.code, party)
    kept = _drop_reservation_footnotes(draft, data.get("reservation_footnotes", []), report)
    present, edited = _restore_blocks(draft, data.get("blocks", []), report)
    _restore_footnote_ids(draft, data.get("footnotes", []))
    for record in kept:
        for item in record["reservations"]:
            reservation = _reservation(item, draft.language, present, edited)
            draft.reservations[reservation.id] = reservation
    _restore_comments(draft, data.get("comments", []), word.comments, present, edited, report)


# -- reservation footnotes ----------------------------------------------------------------

def _drop_reservation_footnotes(draft: Draft, records: list[dict], report: ImportReport) -> list[dict]:
    """Remove the footnotes printed from reservations; returns the records found unchanged."""
    order = draft.footnote_order()
    kept, dropped, changed = [], set(), 0
    for record in records:
        number = int(record.get("number", 0))
        fid = order[number - 1] if 0 < number <= len(order) else None
        if fid is not None and text_hash(draft.footnotes[fid].text) == record.get("hash"):
            dropped.add(fid)
            kept.append(record)
        else:
            changed += 1
    if dropped:
        for block in draft.blocks:
            if any(isinstance(i, FootnoteRef) and i.footnote_id in dropped for i in block.content):
                block.content = normalise([i for i in block.content if not (
                    isinstance(i, FootnoteRef) and i.footnote_id in dropped)])
        for fid in dropped:
            del draft.footnotes[fid]
    if changed:
        report.warn(ngettext(
            "{n} footnote printed from reservations was changed in Word: it is kept as an "
            "ordinary footnote and its reservations were not restored.",
            "{n} footnotes printed from reservations were changed in Word: they are kept as "
            "ordinary footnotes and their reservations were not restored.", changed).format(n=changed))
    return kept


# -- blocks and footnotes -------------------------------------------------------------------

_EMPTY = text_hash("")


def _restore_blocks(draft: Draft, records: list[dict], report: ImportReport
                    ) -> tuple[set[str], set[str]]:
    """Give the read paragraphs their ids, kinds and levels; returns (present ids, edited ids)."""
    hashes = [text_hash(block.text) for block in draft.blocks]
    matcher = difflib.SequenceMatcher(None, [r.get("hash") for r in records], hashes, autojunk=False)
    edited: set[str] = set()
    added = missing = 0
    for tag, a_low, a_high, b_low, b_high in matcher.get_opcodes():
        pairs = list(zip(range(a_low, a_high), range(b_low, b_high), strict=False))  # by place
        for a, b in pairs:
            record, block = records[a], draft.blocks[b]
            block.id = str(record["id"])
            try:
                block.kind, block.level = BlockKind(record["kind"]), int(record.get("level", 0))
            except ValueError:
                pass
            if tag != "equal":
                edited.add(block.id)
        added += (b_high - b_low) - len(pairs)
        # An empty paragraph is never read as a block: not missing, just empty.
        missing += sum(1 for a in range(a_low + len(pairs), a_high)
                       if records[a].get("hash") != _EMPTY)
    if edited:
        report.warn(ngettext(
            "{n} paragraph was changed in Word since Concordia exported it: it keeps the id of "
            "the paragraph in its place, and comments and reservations on it now cover the "
            "whole paragraph.",
            "{n} paragraphs were changed in Word since Concordia exported them: each keeps the "
            "id of the paragraph in its place, and comments and reservations on them now cover "
            "the whole paragraph.", len(edited)).format(n=len(edited)))
    if added:
        report.warn(ngettext("{n} paragraph was added in Word; it is a new block.",
                             "{n} paragraphs were added in Word; they are new blocks.", added)
                    .format(n=added))
    if missing:
        report.warn(ngettext(
            "{n} exported paragraph is no longer in the file; comments and reservations on it "
            "are kept, marked orphaned.",
            "{n} exported paragraphs are no longer in the file; comments and reservations on "
            "them are kept, marked orphaned.", missing).format(n=missing))
    return {block.id for block in draft.blocks}, edited


def _restore_footnote_ids(draft: Draft, records: list[dict]) -> None:
    """Drafting footnotes get their ids back; one footnote referenced twice is one again."""
    order = draft.footnote_order()
    if len(order) != len(records):
        return
    renamed: dict[str, str] = {}
    texts: dict[str, Footnote] = {}
    for fid, record in zip(order, records, strict=True):
        new = str(record.get("id") or fid)
        if text_hash(draft.footnotes[fid].text) != record.get("hash") or (
                new in texts and texts[new].text != draft.footnotes[fid].text):
            new = fid           # edited in Word: the footnote keeps a new id
        renamed[fid] = new
        texts.setdefault(new, Footnote(draft.footnotes[fid].text, new))
    for block in draft.blocks:
        block.content = [FootnoteRef(renamed[i.footnote_id])
                         if isinstance(i, FootnoteRef) and i.footnote_id in renamed else i
                         for i in block.content]
    others = {fid: note for fid, note in draft.footnotes.items() if fid not in renamed}
    draft.footnotes = {**texts, **others}


# -- reservations and comments --------------------------------------------------------------

def _anchor(data: dict, present: set[str], edited: set[str]) -> Anchor:
    anchor = Anchor.from_json(data)
    if anchor.block_id is not None and anchor.block_id not in present:
        anchor.orphaned = True
    elif anchor.block_id in edited and anchor.scope == "span":
        anchor = Anchor(anchor.block_id)        # the offsets belong to the text before the edit
    return anchor


def _reservation(item: dict, language: str, present: set[str], edited: set[str]) -> Reservation:
    wording = str(item.get("wording", ""))
    return Reservation(
        id=str(item["id"]), anchor=_anchor(item.get("anchor", {}), present, edited),
        parties=[str(code) for code in item.get("parties", [])],
        kind=ReservationKind(item["kind"]), status=ReservationStatus(item.get("status", "entered")),
        text_en=wording if language != "es" else "", text_es=wording if language == "es" else "",
        date=date.fromisoformat(item["date"]),
    )


def word_comment_paragraphs(root: etree._Element | None) -> dict[str, list[str]]:
    """Word comment id → its paragraphs' texts (line breaks kept as newlines)."""
    found: dict[str, list[str]] = {}
    if root is None:
        return found
    for comment in root.iter("{*}comment"):
        key = next((v for k, v in comment.attrib.items() if etree.QName(k).localname == "id"), "")
        paragraphs = []
        for p in comment.iter("{*}p"):
            pieces = []
            for element in p.iter("{*}t", "{*}tab", "{*}br"):
                name = etree.QName(element).localname
                pieces.append(element.text or "" if name == "t" else "\t" if name == "tab" else "\n")
            paragraphs.append("".join(pieces))
        found[key] = paragraphs
    return found


def _restore_comments(draft: Draft, records: list[dict], root: etree._Element | None,
                      present: set[str], edited: set[str], report: ImportReport) -> None:
    paragraphs = word_comment_paragraphs(root)
    registry = PartyRegistry.for_draft(draft)
    language = draft.language
    t = translator(language)
    prefix, _sep, suffix = t.pgettext("export", "Drafting suggestion: {text}").partition("{text}")
    lost = 0
    for record, key in _match_comments(records, paragraphs):
        if key is None:
            lost += 1
            continue
        texts = paragraphs[key]
        visibility = Visibility(record.get("visibility", "circulation"))
        replies = record.get("replies", [])
        tail = len(replies) + (1 if record.get("suggestion") else 0)
        head, rest = texts[:max(1, len(texts) - tail)], texts[max(1, len(texts) - tail):]
        text = "\n".join(head)
        if visibility == Visibility.INTERNAL:
            text = _strip(text, internal_label(language) + " ", "")
        suggestion = ""
        if record.get("suggestion") and rest:
            suggestion, rest = _strip(rest[0], prefix, suffix), rest[1:]
        comment = Comment(
            id=str(record["id"]), anchor=_anchor(record.get("anchor", {}), present, edited),
            party=str(record["party"]), text=text, suggestion=suggestion,
            status=CommentStatus(record.get("status", "open")), visibility=visibility,
            date=date.fromisoformat(record["date"]),
            replies=[Reply(str(item["party"]),
                           _strip(body, registry.name(str(item["party"]), language) + ": ", ""),
                           date.fromisoformat(item["date"]), str(item["id"]))
                     for item, body in zip(replies, rest, strict=False)],
        )
        draft.comments[comment.id] = comment
    if lost:
        report.warn(ngettext("{n} exported comment was deleted in Word.",
                             "{n} exported comments were deleted in Word.", lost).format(n=lost))
    _report_foreign_comments(root, {key for _r, key in _match_comments(records, paragraphs)},
                             report)


def _match_comments(records: list[dict], paragraphs: dict[str, list[str]]
                    ) -> list[tuple[dict, str | None]]:
    """Each record with its Word comment: same id and text, else the first with its text."""
    def digest(key: str) -> str:
        return first_line_hash(paragraphs[key][0]) if paragraphs[key] else ""

    used: set[str] = set()
    matched: dict[int, str] = {}
    for index, record in enumerate(records):
        key = str(record.get("word_id"))
        if key in paragraphs and record.get("hash", digest(key)) == digest(key):
            matched[index] = key
            used.add(key)
    for index, record in enumerate(records):
        if index not in matched:
            key = next((k for k in paragraphs if k not in used and digest(k) == record.get("hash")),
                       None)
            if key is not None:
                matched[index] = key
                used.add(key)
    return [(record, matched.get(index)) for index, record in enumerate(records)]


def _report_foreign_comments(root: etree._Element | None, known: set[str],
                             report: ImportReport) -> None:
    others = [key for key in word_comment_paragraphs(root) if key not in known]
    if others:
        report.warn(ngettext(
            "{n} Word comment was not made by Concordia and was not imported; take it in "
            "with File ▸ Import Delegations' Comments… (concordia comment import).",
            "{n} Word comments were not made by Concordia and were not imported; take them "
            "in with File ▸ Import Delegations' Comments… (concordia comment import).",
            len(others)).format(n=len(others)))


def _strip(text: str, prefix: str, suffix: str) -> str:
    if prefix and text.startswith(prefix):
        text = text[len(prefix):]
    if suffix and text.endswith(suffix):
        text = text[:-len(suffix)]
    return text
