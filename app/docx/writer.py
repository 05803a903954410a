"""Export a draft as a Council NOTE in DOCX: cover, annex, real footnotes, footers.

    report = export_note(draft, "6914-24.docx", language="es", progress=progress)

The file is written to a temporary file in the target folder and renamed over the target,
so a failed or cancelled export leaves any previous file as it was; the draft is only read.
"""

from __future__ import annotations

import errno
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Protocol

import docx
from docx.enum.section import WD_SECTION

from app.atomic import ReadOnlyTargetError, replace_file
from app.i18n import _
from app.model import Draft
from app.model.footnote_numbers import number_notes
from app.progress import Cancelled, Progress

from .annex import AnnexNumbering, annex_marker, annex_paragraphs
from .bracket_view import default_view, view_of
from .comments import annotate
from .cover import cover_elements
from .embedded import BeforeMarks, attach_embedded, embedded_data
from .footer import fill_footer
from .footnotes import FootnoteCollector
from .labels import ExportLabels
from .localise import ExportError, MissingTranslationError, localise, open_bracket_warnings
from .ooxml import w
from .properties import internal_warning, set_document_properties

__all__ = ["ExportError", "ExportReport", "MissingTranslationError", "TargetNotWritableError",
           "export_note", "reference_document_path"]


class TargetNotWritableError(ExportError):
    pass


@dataclass
class ExportReport:
    path: Path
    language: str
    blocks: int
    footnotes: int
    seconds: float
    warnings: list[str] = field(default_factory=list)


class AnnexRenderer(Protocol):
    """Renders the annex in place of the draft's blocks (see app.docx.redline)."""

    def after_cover(self, labels: ExportLabels) -> list: ...
    def footnotes(self, texts: dict[str, str]) -> FootnoteCollector: ...
    def paragraphs(self, footnotes: FootnoteCollector,
                   on_block: Callable[[int], None] | None = None) -> Iterable: ...


def reference_document_path() -> Path:
    packaged = Path(__file__).resolve().parent / "templates" / "reference.docx"
    if packaged.exists():
        return packaged
    return Path(__file__).resolve().parents[2] / "templates" / "reference.docx"


def export_note(draft: Draft, path: Path | str, language: str = "en",
                progress: Progress | None = None, comments: str = "none",
                annex: AnnexRenderer | None = None, view: str | None = None) -> ExportReport:
    """Write `draft` as a note in `language` to `path` (replacing it); see the module doc.

    `annex`, when given, renders the annex paragraphs and footnote bodies in place of the
    draft's blocks, under the same cover (the comparison export marks changes this way).

    Outstanding reservations become footnotes; `comments` ("none", "circulation", "all")
    chooses which delegations' comments go in as Word comments (app.docx.comments).
    """
    started = time.perf_counter()
    progress = progress or Progress()
    target = Path(path)
    # square brackets: `view` "bracketed" (default while one is open) or "clean"; the file says
    # when its text carries bracket markup, so importing it back reads the brackets again
    bracketed = (annex is None and language == draft.language and bool(draft.brackets)
                 and (view or default_view(draft)) == "bracketed")
    unshown_brackets = open_bracket_warnings(draft, language)   # before a view drops them
    judged = draft
    if annex is None:
        draft = view_of(draft, view)
    local = localise(draft, language, judged)
    before = BeforeMarks.of(draft, local)
    marks = annotate(local, draft, language, comments)
    labels = ExportLabels(language)
    warnings = list(local.warnings) + unshown_brackets
    when = draft.note.date
    if when is None:
        when = date.today()
        warnings.append(_("The note has no date; today's date was used."))

    total = len(local.blocks) + 2
    progress.step(0, total, _("Preparing the document"))
    document = docx.Document(str(reference_document_path()))
    body = document.element.body
    body_sect_pr = body.find(w("sectPr"))
    for element in cover_elements(draft.note, local, labels, when):
        body_sect_pr.addprevious(element)
    for element in annex.after_cover(labels) if annex else []:
        body_sect_pr.addprevious(element)
    _start_annex_section(document)

    final_sect_pr = body.find(w("sectPr"))
    final_sect_pr.addprevious(annex_marker(labels.annex()))
    # The one footnote rule: the text as exported (reservation marks already in) numbered by
    # the model; the collector checks the annex references footnotes in that order.
    note_marks = number_notes(draft, language, {b.id: b.content for b in local.blocks},
                              local.footnotes, reservations=False).marks
    footnotes = (annex.footnotes(local.footnotes) if annex
                 else FootnoteCollector(local.footnotes, note_marks))
    numbering = AnnexNumbering()
    message = _("Writing the annex")
    step_every = max(1, len(local.blocks) // 100)

    def on_block(index: int) -> None:
        if index % step_every == 0:
            progress.step(index + 1, total, message)

    paragraphs = (annex.paragraphs(footnotes, on_block) if annex
                  else annex_paragraphs(local.blocks, footnotes, on_block, numbering))
    for element in paragraphs:
        final_sect_pr.addprevious(element)
    footnotes.attach(document)
    numbering.attach(document)
    marks.attach(document)
    if annex is None:   # our own note: what an import needs to read it back exactly
        data = embedded_data(draft, local, before, marks.comments)
        if bracketed:
            data["square_brackets"] = True
        attach_embedded(document, data)

    cover_section, annex_section = document.sections[0], document.sections[1]
    for section, is_annex in ((cover_section, False), (annex_section, True)):
        section.footer.is_linked_to_previous = False
        fill_footer(section.footer, draft.note, labels, annex=is_annex)
    internal = marks.internal_count
    if internal:
        warnings.append(internal_warning(internal))
    set_document_properties(document, title=f"{draft.note.full_number} {local.subject}",
                            subject=local.subject, language=language, internal=bool(internal))

    progress.step(total - 1, total, _("Saving"))
    save_atomically(document, target, progress)
    progress.step(total, total, _("Exported"))
    return ExportReport(target, language, len(local.blocks), len(footnotes.numbered),
                        time.perf_counter() - started, warnings)


def _start_annex_section(document) -> None:
    """End the cover section; the annex starts on a new page with its own footer."""
    document.add_section(WD_SECTION.NEW_PAGE)


def save_atomically(document, target: Path, progress: Progress) -> None:
    """Save a python-docx document over `target` (see app.atomic); one sentence on failure."""
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise TargetNotWritableError(_("“{name}” is a folder; choose a file name for the note.")
                                     .format(name=target))
    if not folder.is_dir():
        raise TargetNotWritableError(_("The folder “{folder}” does not exist.").format(folder=folder))

    def last_chance_to_cancel() -> None:  # the target is still untouched
        if progress.cancelled:
            raise Cancelled()

    try:
        replace_file(target, lambda temp: document.save(str(temp)), last_chance_to_cancel)
    except ReadOnlyTargetError as error:
        raise TargetNotWritableError(_("“{name}” is read-only; choose another file name.")
                                     .format(name=target.name)) from error
    except OSError as error:
        raise _not_writable(folder, error) from error


def _not_writable(folder: Path, error: OSError) -> ExportError:
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return TargetNotWritableError(
            _("Concordia cannot write in the folder “{folder}”: it is read-only or you lack "
              "permission; choose another folder.").format(folder=folder))
    if error.errno == errno.ENOSPC:
        return TargetNotWritableError(_("The disk holding “{folder}” is full; the note was not written.")
                                      .format(folder=folder))
    return TargetNotWritableError(_("The note could not be written to “{folder}”: {reason}.")
                                  .format(folder=folder, reason=error.strerror or error))
