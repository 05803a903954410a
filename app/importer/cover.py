"""The cover block of a Council note: number, place and date, languages, codes, From/To/Subject.

The cover is read line by line from the top. It ends at the first line that is none of its
parts; the paragraph after the Subject is the introductory sentence. A text whose top does not
look like a cover (no number, date, type or From/To/Subject) has no cover: empty metadata.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.i18n import _
from app.model import DocumentType, NoteMeta

from .chunks import SEPARATOR
from .dates import parse_cover_date
from .inline_md import inline_to_plain
from .report import ImportReport

_INSTITUTION = re.compile(
    r"^(council of the( european union)?|european union|consejo de la( unión europea)?"
    r"|unión europea|general secretariat|secretaría general)$",
    re.IGNORECASE,
)
_PLACE_DATE = re.compile(r"^(?P<place>[^\W\d_][\w .'’-]{1,40}?),\s*(?P<date>.+)$")
_LANGUAGES = re.compile(r"^\(\s*OR\.?\s*(?P<codes>[a-z]{2}(?:\s*[,/]\s*[a-z]{2})*)\s*\)$", re.I)
_NUMBER = re.compile(
    r"^(?P<prefix>(?:ST|EUCO|CM|PE-CONS)\s+)?(?P<serial>\d{1,6})/(?:(?P<rev>\d{1,2})/)?"
    r"(?P<year>\d{2})(?:\s+(?P<suffix>(?:(?:REV|ADD|COR|AMD|DCL|EXT)\s*\d+\s*)+|INIT))?$"
)
_CODE = re.compile(r"[A-Z][A-Z-]{1,15}\s\d{1,5}")
_CODES_LINE = re.compile(r"^(?:[A-Z][A-Z-]{1,15}\s\d{1,5}\s*)+$")
_MARKING = re.compile(r"^(LIMITE|RESTREINT UE(?:/EU RESTRICTED)?)$")
_DOC_TYPES = {
    "NOTE": DocumentType.NOTE.value,
    "NOTA": DocumentType.NOTE.value,
    "COVER NOTE": DocumentType.COVER_NOTE.value,
    "NOTA DE TRANSMISIÓN": DocumentType.COVER_NOTE.value,
    "I/A ITEM NOTE": DocumentType.I_A_ITEM_NOTE.value,
    "NOTA PUNTO «I/A»": DocumentType.I_A_ITEM_NOTE.value,
    'NOTA PUNTO "I/A"': DocumentType.I_A_ITEM_NOTE.value,
}
#: Cover labels (EN and ES, as seen on real notes) → NoteMeta field; None = not kept.
_LABELS: list[tuple[re.Pattern[str], str | None]] = [
    (re.compile(r"^(?:from|de)\s*:\s*(?P<value>.*)$", re.I), "sender"),
    (re.compile(r"^(?:to|a)\s*:\s*(?P<value>.*)$", re.I), "recipient"),
    (re.compile(r"^(?:subject|asunto)\s*:\s*(?P<value>.*)$", re.I), "subject"),
    (re.compile(r"^(?:interinstitutional file|expediente interinstitucional)\s*:\s*(?P<value>.*)$",
                re.I), "interinstitutional_file"),
    (re.compile(r"^(?P<label>no\.\s*prev\.\s*doc\.?|n\.[º°o]?\s*doc\.\s*prec\.|no\.\s*cion\s*"
                r"(?:doc|prop)\.?|n\.[º°o]?\s*doc\.\s*ci[óo]n\.?|date of receipt|fecha de "
                r"recepci[óo]n)\s*:?\s*(?P<value>.*)$", re.I), None),
]
_STRONG = ("number", "date", "doc_type", "sender", "recipient", "subject")


@dataclass
class Cover:
    meta: NoteMeta
    body_start: int                      # index of the first line after the cover
    found: bool = False
    seen: set[str] = field(default_factory=set)


def empty_meta() -> NoteMeta:
    return NoteMeta(place="", languages=[])


def _clean(line: str) -> str:
    """A cover line without markdown dressing: `**NOTE**`, `# NOTE`, trailing hard breaks."""
    text = line.strip()
    text = re.sub(r"^#{1,6}\s+", "", text)
    return inline_to_plain(text).strip()


def read_cover(lines: list[str], report: ImportReport) -> Cover:
    meta = empty_meta()
    cover = Cover(meta, 0)
    pending: str | None = None          # a label whose value is on the next line
    continuing: str | None = None       # a field whose value may wrap onto the next line
    index = 0
    last_cover_line = -1
    while index < len(lines):
        raw = lines[index]
        text = _clean(raw)
        if not text or SEPARATOR.match(raw):
            continuing = None
            index += 1
            continue
        if pending:
            if not _label_of(text):
                _set(cover, pending, text)
                continuing, pending = pending, None
                last_cover_line = index
                index += 1
                continue
            pending = None
        label = _label_of(text)
        if label is not None:
            name, value, source = label
            continuing = None
            if name is None:
                report.warn(_("the cover field “{label}” is not kept").format(label=source),
                            index + 1, text)
            elif value:
                _set(cover, name, value)
                continuing = name
            else:
                pending = name
        elif continuing in ("subject", "sender", "recipient") and not _other_part(text):
            _set(cover, continuing, getattr(meta, continuing) + " " + text)
        elif not _cover_part(cover, text):
            break
        last_cover_line = index
        index += 1
    cover.found = any(name in cover.seen for name in _STRONG)
    if not cover.found:
        return Cover(empty_meta(), 0)
    cover.body_start = last_cover_line + 1
    if cover.seen & {"sender", "recipient", "subject"}:
        cover.body_start = _read_intro(lines, cover)
    return cover


def _label_of(text: str) -> tuple[str | None, str, str] | None:
    for pattern, name in _LABELS:
        match = pattern.match(text)
        if match:
            source = match.groupdict().get("label") or text.split(":")[0]
            return name, match["value"].strip(), source
    return None


def _set(cover: Cover, name: str, value: str) -> None:
    setattr(cover.meta, name, " ".join(value.split()))
    cover.seen.add(name)


def _other_part(text: str) -> bool:
    return _cover_part(Cover(empty_meta(), 0), text)


def _cover_part(cover: Cover, text: str) -> bool:
    """Recognise one cover line and store what it says; False if it is not a cover line."""
    meta = cover.meta
    if _INSTITUTION.match(text):
        return True
    match = _LANGUAGES.match(text)
    if match:
        meta.languages = [code.lower() for code in re.split(r"\s*[,/]\s*", match["codes"])]
        cover.seen.add("languages")
        return True
    match = _NUMBER.match(text)
    if match:
        meta.number = f"{match['prefix'] or ''}{match['serial']}/{match['year']}"
        meta.suffix = " ".join((match["suffix"] or "").split())
        cover.seen.add("number")
        return True
    if _MARKING.match(text):
        meta.marking = text
        cover.seen.add("marking")
        return True
    if text.upper() in _DOC_TYPES and text == text.upper():
        meta.doc_type = _DOC_TYPES[text.upper()]
        cover.seen.add("doc_type")
        return True
    if _CODES_LINE.match(text):
        meta.codes.extend(" ".join(code.split()) for code in _CODE.findall(text))
        cover.seen.add("codes")
        return True
    match = _PLACE_DATE.match(text)
    if match:
        when = parse_cover_date(match["date"])
        if when is not None:
            meta.place, meta.date = match["place"].strip(), when
            cover.seen.add("date")
            return True
    return False


def _read_intro(lines: list[str], cover: Cover) -> int:
    """Take the paragraph after From/To/Subject as the introductory sentence, if it is prose."""
    index = cover.body_start
    while index < len(lines) and (not lines[index].strip() or SEPARATOR.match(lines[index])):
        index += 1
    paragraph: list[str] = []
    end = index
    while end < len(lines) and lines[end].strip() and not SEPARATOR.match(lines[end]):
        paragraph.append(lines[end].strip())
        end += 1
    if not paragraph:
        return index
    first = paragraph[0]
    plain = inline_to_plain(" ".join(paragraph))
    dressed = first.startswith(("#", "**", "__", "- ", "* ")) or re.match(r"^\d+[.)]\s", first)
    # An intro is a sentence; a title or heading has no full stop at the end.
    if dressed or not plain.rstrip().endswith((".", ":", ";")):
        return index
    cover.meta.intro = plain
    cover.seen.add("intro")
    return end
