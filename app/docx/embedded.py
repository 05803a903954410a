"""Concordia's own data inside the notes it exports, so its own files read back exactly.

Every exported note carries one custom XML part (`/customXml/item1.xml`, with its
`itemProps1.xml` and a `customXml` relationship from the document, as Word keeps its own data
store items):

    <concordia xmlns="urn:concordia:docx-data" format="1"><data>{ JSON }</data></concordia>

The JSON (format 1) holds only ids and structure, never text the file does not show:

- `language`: the language of the exported text;
- `blocks`: per annex paragraph in order, the block's id, kind, level and a short hash of its
  text (so an import can tell a paragraph edited in Word from an untouched one);
- `footnotes`: per drafting-footnote reference in reading order, the footnote's id and hash;
- `reservation_footnotes`: per footnote generated from reservations, its reading-order number
  (1…n among all footnotes), its hash and the reservations it prints (id, parties, kind,
  status, date, anchor as exported, and a position statement's wording in this language);
- `comments`: per exported Word comment, its Word id and the comment's id, party, status,
  visibility, date, anchor, whether it has a suggestion, its replies' ids, parties and dates,
  and a hash of its first line (the texts are in comments.xml; LibreOffice renumbers
  Word comments in reading order, the hash finds them again). Internal comments are listed only when they were
  exported ("all"), so a circulation file holds nothing of them;
- `parties`: user-added parties named in the file.

Anchors are "as exported": a span of the draft's own text; the whole paragraph when the file
is another language version (span offsets belong to the other text).
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass

from lxml import etree

from app.model import Draft, FootnoteRef
from app.model.annotations import Anchor, Comment, ReservationKind, Visibility
from app.model.inline import content_length, plain_text
from app.model.parties import PartyRegistry
from app.model.reservation_text import reservation_footnotes

from .localise import LocalisedNote
from .ooxml import add_xml_part
from .properties import internal_label

NAMESPACE = "urn:concordia:docx-data"
FORMAT = 1
ITEM_PART = "/customXml/item1.xml"
PROPS_PART = "/customXml/itemProps1.xml"
CT_ITEM = "application/xml"
CT_PROPS = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
RT_ITEM = _RELS + "customXml"
RT_PROPS = _RELS + "customXmlProps"
DS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"


def first_line_hash(text: str) -> str:
    """A comment's hash: its first line (LibreOffice makes each line a paragraph of its own)."""
    return text_hash(text.strip().split("\n", 1)[0])


def text_hash(text: str) -> str:
    """A short hash of a text as any reader sees it (spacing folded)."""
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()[:12]


@dataclass
class BeforeMarks:
    """What the localised text looked like before reservation footnotes and comment markers."""

    hashes: list[str]
    lengths: dict[str, int]
    footnote_ids: set[str]

    @classmethod
    def of(cls, draft: Draft, local: LocalisedNote) -> BeforeMarks:
        return cls(
            [text_hash(plain_text(block.content)) for block in local.blocks],
            {block.id: content_length(lb.content) for block, lb in zip(draft.blocks, local.blocks,
                                                                       strict=True)},
            set(local.footnotes),
        )


def exported_anchor(anchor: Anchor, own_text: bool) -> dict:
    if not own_text and anchor.scope == "span":
        return Anchor(anchor.block_id).to_json()
    return anchor.to_json()


def embedded_data(draft: Draft, local: LocalisedNote, before: BeforeMarks,
                  comments: list[Comment]) -> dict:
    """The JSON for a note just annotated (app.docx.comments.annotate); see the module doc."""
    language = local.language
    own_text = language == draft.language
    registry = PartyRegistry.for_draft(draft)
    generated = [fid for fid in local.footnotes if fid not in before.footnote_ids]
    notes = reservation_footnotes(draft, language, registry, None if own_text else before.lengths)
    by_footnote = dict(zip(generated, notes, strict=True))
    footnotes, reserved = [], []
    number = 0
    for block in local.blocks:
        for item in block.content:
            if not isinstance(item, FootnoteRef):
                continue
            number += 1
            note = by_footnote.get(item.footnote_id)
            if note is None:
                footnotes.append({"id": item.footnote_id,
                                  "hash": text_hash(local.footnotes.get(item.footnote_id, ""))})
                continue
            reserved.append({"number": number, "hash": text_hash(note.text), "reservations": [
                _reservation_record(draft.reservations[key], language, own_text)
                for key in note.reservation_ids]})
    used = {code for record in reserved for r in record["reservations"] for code in r["parties"]}
    used |= {c.party for c in comments} | {r.party for c in comments for r in c.replies}
    return {
        "format": FORMAT,
        "language": language,
        "blocks": [{"id": block.id, "kind": block.kind.value, "level": block.level, "hash": digest}
                   for block, digest in zip(draft.blocks, before.hashes, strict=True)],
        "footnotes": footnotes,
        "reservation_footnotes": reserved,
        "comments": [_comment_record(number, comment, own_text, language)
                     for number, comment in enumerate(comments)],
        "parties": [party.to_json() for code, party in draft.parties.items() if code in used],
    }


def _reservation_record(reservation, language: str, own_text: bool) -> dict:
    position = reservation.kind == ReservationKind.POSITION
    return {
        "id": reservation.id,
        "parties": list(reservation.parties),
        "kind": reservation.kind.value,
        "status": reservation.status.value,
        "date": reservation.date.isoformat(),
        "anchor": exported_anchor(reservation.anchor, own_text),
        "wording": reservation.wording(language) if position else "",
    }


def _comment_record(number: int, comment: Comment, own_text: bool, language: str) -> dict:
    shown = comment.text
    if comment.visibility == Visibility.INTERNAL:
        shown = f"{internal_label(language)} {shown}"
    return {
        "word_id": str(number),        # as app.docx.comments numbers them
        "hash": first_line_hash(shown),   # LibreOffice renumbers comments: this finds them
        "id": comment.id,
        "party": comment.party,
        "status": comment.status.value,
        "visibility": comment.visibility.value,
        "date": comment.date.isoformat(),
        "anchor": exported_anchor(comment.anchor, own_text),
        "suggestion": bool(comment.suggestion),
        "replies": [{"id": r.id, "party": r.party, "date": r.date.isoformat()}
                    for r in comment.replies],
    }


# -- the part ---------------------------------------------------------------------------

def attach_embedded(document, data: dict) -> None:
    """Add the data part, its properties part and their relationships to a python-docx Document."""
    root = etree.Element(f"{{{NAMESPACE}}}concordia", nsmap={None: NAMESPACE})
    root.set("format", str(FORMAT))
    etree.SubElement(root, f"{{{NAMESPACE}}}data").text = json.dumps(
        data, ensure_ascii=False, separators=(",", ":"))
    add_xml_part(document.part, ITEM_PART, CT_ITEM, RT_ITEM, root)
    item = next(part for part in document.part.package.iter_parts()
                if str(part.partname) == ITEM_PART)
    props = etree.Element(f"{{{DS_NS}}}datastoreItem", nsmap={"ds": DS_NS})
    props.set(f"{{{DS_NS}}}itemID", "{" + str(uuid.uuid4()).upper() + "}")
    etree.SubElement(props, f"{{{DS_NS}}}schemaRefs")
    add_xml_part(item, PROPS_PART, CT_PROPS, RT_PROPS, props)


@dataclass
class EmbeddedRead:
    """The data found in a file: `data` when readable, else `newer` or `damaged` says why not."""

    data: dict | None = None
    newer: bool = False
    damaged: bool = False


def read_embedded(roots: list[etree._Element]) -> EmbeddedRead | None:
    """Find Concordia's part among the custom XML roots of a file; None when there is none."""
    for root in roots:
        if not isinstance(root.tag, str) or root.tag != f"{{{NAMESPACE}}}concordia":
            continue
        try:
            version = int(root.get("format") or "0")
        except ValueError:
            return EmbeddedRead(damaged=True)
        if version > FORMAT:
            return EmbeddedRead(newer=True)
        element = root.find(f"{{{NAMESPACE}}}data")
        try:
            data = json.loads(element.text or "") if element is not None else None
        except ValueError:
            data = None
        if not isinstance(data, dict) or not isinstance(data.get("blocks"), list):
            return EmbeddedRead(damaged=True)
        return EmbeddedRead(data)
    return None
