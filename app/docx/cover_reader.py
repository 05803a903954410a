"""The cover block of a Council note read from a Word file's first paragraphs.

    body = take_cover(draft.note, paragraphs)    # paragraphs from app.docx.reader

Number and suffix, place and date with the original languages, the marking, subject codes,
interinstitutional file, document type, From/To/Subject and the introductory text, in
English or Spanish; the annexed text's paragraphs are returned.
"""

from __future__ import annotations

import re

from app.model import BlockKind, Inline, NoteMeta, TextRun

from .recognise import subject_codes

Paragraph = tuple[BlockKind, int, list[Inline]]

_COUNCIL = re.compile(r"^(council of the|consejo de la)\b", re.IGNORECASE)
_NUMBER = re.compile(r"^(\d{3,5}/(?:\d+/)?\d{2})(?:\s+((?:REV|ADD|COR)\s*\d+))?$")
_PLACE_DATE = re.compile(r"^(Brussels|Bruselas|Luxembourg|Luxemburgo),\s+(.+)$")
_ORIGINAL = re.compile(r"^\(OR\.\s*([a-z, ]+)\)$", re.IGNORECASE)
#: "Brussels, 28 February 2024 (OR. en)": the two cover lines of one paragraph of ours.
_ORIGINAL_AFTER = re.compile(r"\s+(\(OR\.\s*[a-z, ]+\))$", re.IGNORECASE)
_FILE = re.compile(r"^(?:Interinstitutional File|Expediente interinstitucional):\s*(\S.*)$",
                   re.IGNORECASE)
#: Places as the model keeps them (English), from either language's cover.
_PLACES = {"bruselas": "Brussels", "luxemburgo": "Luxembourg"}
_FIELDS = {"from": "sender", "de": "sender", "to": "recipient", "a": "recipient",
           "subject": "subject", "asunto": "subject"}
_FIELD = re.compile(r"^(From|To|Subject|De|A|Asunto)\s*:\s*(.*)$", re.DOTALL)
_ANNEX = re.compile(r"^(ANNEX|ANEXO)(\s+[IVX\d]+)?$")
_COVER_SCAN = 80


def plain(content: list[Inline]) -> str:
    return " ".join("".join(i.text for i in content if isinstance(i, TextRun)).split())


def take_cover(note: NoteMeta, paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Fill `note` from a Council cover block and return the annexed text's paragraphs.

    A document whose first paragraphs do not name the Council is returned unchanged.
    """
    texts = [plain(content) for _kind, _level, content in paragraphs]
    if not any(_COUNCIL.match(text) for text in texts[:_COVER_SCAN]):
        return paragraphs
    from app.library.dates import parse_long_date

    pending = ""           # a field label alone in its table cell: the value is the next one
    doc_type_seen = False
    subject_at = -1
    for index, text in enumerate(texts[:_COVER_SCAN]):
        if _ANNEX.match(text):
            break
        if pending:
            setattr(note, pending, text)
            subject_at = index if pending == "subject" else subject_at
            pending = ""
            continue
        if (match := _NUMBER.match(text)) and not note.number:
            note.number, note.suffix = match.group(1), " ".join((match.group(2) or "").split())
            parts = note.number.split("/")
            if len(parts) == 3 and note.suffix.startswith("REV"):
                note.number = f"{parts[0]}/{parts[2]}"   # the model keeps "6914/24" + "REV 1"
        elif match := _PLACE_DATE.match(text):
            rest = match.group(2)
            if original := _ORIGINAL_AFTER.search(rest):
                rest = rest[:original.start()]
                _set_languages(note, _ORIGINAL.match(original.group(1)))
            place = match.group(1)
            note.place, note.date = _PLACES.get(place.lower(), place), parse_long_date(rest)
        elif match := _FILE.match(text):
            note.interinstitutional_file = match.group(1).strip()
        elif not note.codes and not doc_type_seen and (codes := subject_codes(text)):
            note.codes = codes
        elif match := _ORIGINAL.match(text):
            _set_languages(note, match)
        elif text == "LIMITE":
            note.marking = "LIMITE"
        elif text in ("NOTE", "NOTA", "COVER NOTE", "I/A ITEM NOTE"):
            note.doc_type = "NOTE" if text == "NOTA" else text
            doc_type_seen = True      # subject codes come before the document type
        elif match := _FIELD.match(text):
            name = _FIELDS[match.group(1).lower()]
            if match.group(2).strip():
                setattr(note, name, match.group(2).strip())
                subject_at = index if name == "subject" else subject_at
            else:
                pending = name
    annex_at = next((i for i, text in enumerate(texts) if _ANNEX.match(text)), None)
    if annex_at is not None:
        if subject_at >= 0:
            # Paragraphs of the intro are separated by a blank line in the model (app.docx.cover).
            note.intro = "\n\n".join(texts[subject_at + 1:annex_at]).strip()
        return paragraphs[annex_at + 1:]
    if subject_at >= 0:
        # No ANNEX line: the intro is the paragraph after the subject, the text follows it.
        note.intro = texts[subject_at + 1] if subject_at + 1 < len(texts) else ""
        return paragraphs[subject_at + 2:]
    return paragraphs


def _set_languages(note: NoteMeta, match: re.Match | None) -> None:
    if match is not None:
        note.languages = [code.strip().lower() for code in match.group(1).split(",") if code.strip()]
