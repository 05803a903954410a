"""A Word file as a new draft: what File ▸ Open, File ▸ Import, a drop and `import --out` share.

    draft, report = open_word_file("note.docx")

The DOCX reader gives the blocks, footnotes and (when there is one) the Council cover; this
adds what a user needs to trust the result: the draft's language, detected from its text (a
Spanish document becomes an `es` draft), and a report saying what was recognised and what was
guessed. A note Concordia exported comes back exactly (app.docx.restore).
"""

from __future__ import annotations

from pathlib import Path

from app.i18n import _, ngettext
from app.importer.brackets import recognise_brackets
from app.importer.language import detect_language
from app.importer.report import ImportReport
from app.model import Draft
from app.model.inline import plain_text
from app.progress import Progress

from .embedded import read_embedded
from .reader import read_word_file
from .restore import restore_own_data
from .typed_numbers import number_typed_paragraphs

#: Suffixes taken as Word documents by the window and the command line.
WORD_SUFFIXES = (".docx", ".docm")
_ZIP_MAGIC = b"PK\x03\x04"


def looks_like_word(path: Path | str) -> bool:
    """A .docx/.docm name, or any file that starts as a zip package (a renamed attachment)."""
    path = Path(path)
    if path.suffix.lower() in WORD_SUFFIXES:
        return True
    try:
        with path.open("rb") as handle:
            return handle.read(4) == _ZIP_MAGIC
    except OSError:
        return False


def open_word_file(path: Path | str, progress: Progress | None = None) -> tuple[Draft, ImportReport]:
    """Read a Word file into a new draft; DocxReadError (one sentence) when it cannot be read."""
    progress = progress or Progress()
    progress.step(0, 1, _("Reading the Word document"))
    word = read_word_file(path)
    draft = word.draft
    progress.step(1, 1, _("Reading the Word document"))
    report = ImportReport()
    text = "\n".join(plain_text(block.content) for block in draft.blocks)
    language = detect_language(text)
    if language in ("en", "es"):
        draft.language = language
        if not draft.note.number:          # no cover to say otherwise: the text's own language
            draft.note.languages = [language]
    elif language is not None:
        report.warn(_("The text does not read as English or Spanish; it was opened as English."))
    # Concordia's own file: ids, kinds, reservations and comments as exported (language too).
    restore_own_data(word, report)
    typed = number_typed_paragraphs(draft)
    if _may_hold_brackets(word):
        recognise_brackets(draft, report)   # negotiation brackets become bracket data
    if typed:
        report.warn(ngettext(
            "{n} paragraph starts with a typed number: it is a numbered paragraph, keeping its "
            "number as printed.",
            "{n} paragraphs start with a typed number: they are numbered paragraphs, keeping "
            "their numbers as printed.", typed).format(n=typed))
    if not draft.note.number:
        report.warn(_("No Council cover was found: every paragraph is in the annex, and the "
                      "cover fields are empty."))
    if not draft.blocks:
        report.warn(_("The document holds no text."))
    return draft, report


def _may_hold_brackets(word) -> bool:
    """Any Word file may hold negotiation brackets, except one Concordia wrote without them
    (its text is the draft's own words: a "[" there is literal)."""
    found = read_embedded(word.custom_xml)
    if found is None or found.data is None or found.newer or found.damaged:
        return True
    return bool(found.data.get("square_brackets"))
