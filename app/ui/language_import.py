"""File ▸ Import Spanish Text…: pair another-language text with the draft, as one undo step.

The dialog asks for the file (markdown, plain text or Word) and its language (Spanish unless
the draft itself is Spanish). Reading and pairing run in the background on a copy of the
draft (`app.importer.pairing.prepare_language_version`); the resulting `SetLanguageVersion`
goes through `DraftEditor.apply_operation`, so Ctrl+Z takes the whole version away again.
A report then says what was paired and lists, by paragraph and first words, what was not.
A file that cannot be read gives one sentence in the dialog and changes nothing.

`install(window)` adds a status-bar note ("Spanish: 14 of 24 blocks missing"); the import
installs it too, so it shows from the first import even where the window does not list this
module among its extensions.
"""

from __future__ import annotations

import copy
from dataclasses import replace
from itertools import zip_longest
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.i18n import N_, _, ngettext
from app.importer.language import WrongLanguageError
from app.importer.pairing import PairingReport, prepare_language_version
from app.model import Draft

from .bilingual.bracket_cells import unshown_brackets_note
from .dialog_parts import action_buttons, file_row, status_line
from .editor.widget import DraftEditor
from .worker import BackgroundTask, describe_error, run_in_background

#: Languages a version can be imported in, first the default; names translated when shown.
LANGUAGES = (("es", N_("Spanish")), ("en", N_("English")), ("fr", N_("French")),
             ("pt", N_("Portuguese")))
_FILTERS = (
    N_("Text and Word files (*.md *.markdown *.txt *.text *.docx)"),
    N_("Markdown and plain text (*.md *.markdown *.txt *.text)"),
    N_("Word documents (*.docx)"),
    N_("All files (*)"),
)
STATUS_LABEL_NAME = "language_version_status"


def language_name(code: str) -> str:
    for known, name in LANGUAGES:
        if known == code:
            return _(name)
    return code.upper()


def show_language_import(
    window: QWidget | None, editor: DraftEditor, path: Path | str | None = None,
    language: str | None = None,
) -> LanguageImportDialog:
    """Open the import dialog (window-modal, not blocking). With `path`, the file is taken as
    chosen and the import starts at once (scripts and tests answer the file dialog this way)."""
    if isinstance(window, QMainWindow):
        install(window, editor)
    dialog = LanguageImportDialog(window, editor)
    if language:
        dialog.set_language(language)
    dialog.open()
    if path is not None:
        dialog.path_edit.setText(str(path))
        dialog.start_import()
    return dialog


class LanguageImportDialog(QDialog):
    imported = Signal(object)        # PairingReport, after it was applied

    def __init__(self, parent: QWidget | None, editor: DraftEditor) -> None:
        super().__init__(parent)
        self.setObjectName("language_import_dialog")
        self.setWindowTitle(_("Import Language Version"))
        self.editor = editor
        self.task: BackgroundTask | None = None
        #: Set after a text was refused as another language: the next Import takes it anyway.
        self.force = False
        self.report: PairingReport | None = None
        self.report_dialog: PairingReportDialog | None = None

        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("language_import_path")
        path_row = file_row(self.path_edit, self._browse, "language_import")

        self.language_box = QComboBox()
        self.language_box.setObjectName("language_import_language")
        for code, name in LANGUAGES:
            if code != editor.draft().language:
                self.language_box.addItem(_(name), code)

        self.status = status_line("language_import_status")
        self.buttons, self.import_button = action_buttons(self, _("Import"), self.start_import,
                                                          "language_import_button")

        form = QFormLayout()
        form.addRow(_("File:"), path_row)
        form.addRow(_("Language of the text:"), self.language_box)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("The text is paired with the draft paragraph by paragraph; "
                                  "you can undo the import with Undo.")))
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.path_edit.textChanged.connect(self._choice_changed)
        self.language_box.currentIndexChanged.connect(self._choice_changed)
        self.resize(580, self.sizeHint().height())
        if editor.text_edit.isReadOnly():
            self.import_button.setEnabled(False)
            self._say(_("This draft is open read-only, so no language version can be added."))

    # -- choices ----------------------------------------------------------------------------
    @property
    def language(self) -> str:
        return str(self.language_box.currentData() or "")

    def set_language(self, code: str) -> None:
        index = self.language_box.findData(code)
        if index >= 0:
            self.language_box.setCurrentIndex(index)

    def _browse(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, _("Import {language} Text").format(language=language_name(self.language)),
            self.path_edit.text(), ";;".join(_(f) for f in _FILTERS),
        )
        if chosen:
            self.path_edit.setText(chosen)

    def _choice_changed(self, *_args) -> None:
        if self.force:
            self.force = False
            self.import_button.setText(_("Import"))

    def _say(self, text: str) -> None:
        self.status.setText(text)

    # -- the import -------------------------------------------------------------------------
    def start_import(self) -> None:
        if (self.task is not None and self.task.running) or not self.import_button.isEnabled():
            return
        text = self.path_edit.text().strip()
        if not text:
            self._say(_("Choose the file with the text to import."))
            return
        source, language, force = Path(text).expanduser(), self.language, self.force
        draft = self.editor.draft()
        snapshot = pairing_snapshot(draft)    # the worker never touches the editor's draft
        self.import_button.setEnabled(False)
        self._say(_("Importing…"))
        self.task = run_in_background(
            self, lambda progress: prepare_language_version(snapshot, source, language, progress,
                                                            force),
            title=_("Importing the {language} text").format(language=language_name(language)),
            on_done=lambda report: self._done(report, draft, source),
            on_error=self._failed, on_cancelled=self._cancelled,
        )

    def _done(self, report: PairingReport, draft: Draft, source: Path) -> None:
        self.import_button.setEnabled(True)
        if self.editor.draft() is not draft:
            self._say(_("Another draft was opened meanwhile; nothing was changed. Import again."))
            return
        if report.paired == 0 and report.footnotes_paired == 0:
            self._say(_("No paragraph of “{name}” could be paired with the draft; nothing was "
                        "changed.").format(name=source.name))
            return
        name = language_name(report.language)
        replaced = report.language in draft.translations
        assert report.operation is not None
        self.editor.apply_operation(report.operation,
                                    _("Import {language} text").format(language=name))
        self.report = report
        self.imported.emit(report)
        self.accept()
        self.report_dialog = PairingReportDialog(self.parentWidget(), report, draft, replaced)
        self.report_dialog.open()

    def reject(self) -> None:
        # Closing the dialog while the text is read means: do not import it.
        if self.task is not None and self.task.running:
            self.task.cancel()
        super().reject()

    def _failed(self, error: BaseException) -> None:
        self.import_button.setEnabled(True)
        if isinstance(error, WrongLanguageError):
            # The user may know better (a text mostly of names and figures): offer to go on.
            self.force = True
            self.import_button.setText(_("Import Anyway"))
            self._say(str(error) + " " + _("Choose the right file, or press Import Anyway."))
            return
        self._say(describe_error(error))

    def _cancelled(self) -> None:
        self.import_button.setEnabled(True)
        self._say(_("The import was cancelled; nothing was changed."))


def pairing_snapshot(draft: Draft) -> Draft:
    """What pairing reads of the draft, copied: blocks (their inline items are immutable),
    footnotes, language. A deep copy of a 300-page draft stalls the window for 0.25 s."""
    return Draft(
        note=copy.copy(draft.note),
        blocks=[replace(block, content=list(block.content)) for block in draft.blocks],
        footnotes={fid: replace(footnote) for fid, footnote in draft.footnotes.items()},
        language=draft.language,
    )


# -- the report ------------------------------------------------------------------------------

def report_text(report: PairingReport, draft: Draft, replaced: bool = False) -> tuple[str, str]:
    """(headline, details) of a pairing for the user: counts, then what was left unpaired."""
    name = language_name(report.language)
    footnotes = len(draft.footnotes)
    headline = _("{paired} of {blocks} blocks and {footnotes_paired} of {footnotes} footnotes of "
                 "the draft now have their {language} text.").format(
        paired=report.paired, blocks=report.main_blocks, footnotes_paired=report.footnotes_paired,
        footnotes=footnotes, language=name)
    complete = (not report.unpaired_main and not report.unpaired_version
                and not report.unpaired_main_footnotes and not report.unpaired_version_footnotes)
    if complete:
        headline += " " + _("Every paragraph and footnote was paired.")
    if pairs := report.brackets_paired:
        headline += " " + ngettext("{count} square bracket of the {language} text was paired "
                                   "with the draft's.", "{count} square brackets of the "
                                   "{language} text were paired with the draft's.", pairs
                                   ).format(count=pairs, language=name)
    if replaced:
        headline += " " + _("It replaces the {language} version the draft had.").format(
            language=name)
    undo = QKeySequence(QKeySequence.Undo).toString(QKeySequence.NativeText)
    headline += " " + _("{undo} (Undo) removes it again.").format(undo=undo)

    sections: list[str] = []
    if report.unpaired_main:
        lines = [_("Paragraphs of the draft without {language} text ({count}):").format(
            language=name, count=len(report.unpaired_main))]
        texts = {block.id: block.text for block in draft.blocks}
        unpaired = zip_longest(report.unpaired_main_places, report.unpaired_main, fillvalue="")
        for place, (block_id, quote) in unpaired:
            lines.append(f"  {place}  “{_first_words(texts.get(block_id, quote))}”")
        sections.append("\n".join(lines))
    if report.unpaired_version:
        lines = [_("Paragraphs of the {language} text not paired with the draft ({count}):")
                 .format(language=name, count=len(report.unpaired_version))]
        for place, warning in zip_longest(report.unpaired_version_places, report.unpaired_version,
                                          fillvalue=""):
            where = _(" (line {line})").format(line=warning.line) if warning.line else ""
            lines.append(f"  {place}{where}  “{_first_words(warning.quote)}”")
        sections.append("\n".join(lines))
    if report.joined or report.divided:
        lines = [_("Paragraphs split or merged in the {language} text:").format(language=name)]
        lines.extend("  " + line for line in report.joined_and_divided())
        sections.append("\n".join(lines))
    if report.unpaired_main_footnotes:
        lines = [_("Footnotes of the draft without {language} text ({count}):").format(
            language=name, count=len(report.unpaired_main_footnotes))]
        order = draft.footnote_order()
        for footnote_id in report.unpaired_main_footnotes:
            number = order.index(footnote_id) + 1 if footnote_id in order else "?"
            text = draft.footnotes[footnote_id].text if footnote_id in draft.footnotes else ""
            lines.append("  " + _("footnote {number}").format(number=number)
                         + f"  “{_first_words(text)}”")
        sections.append("\n".join(lines))
    if report.unpaired_version_footnotes:
        lines = [_("Footnotes of the {language} text not paired with the draft ({count}):")
                 .format(language=name, count=len(report.unpaired_version_footnotes))]
        lines.extend(f"  “{_first_words(warning.quote)}”"
                     for warning in report.unpaired_version_footnotes)
        sections.append("\n".join(lines))
    if report.import_report.warnings:
        lines = [_("Notes on reading the file:")]
        lines.extend(f"  {warning}" for warning in report.import_report.warnings)
        sections.append("\n".join(lines))
    return headline, "\n\n".join(sections)


def _first_words(text: str, length: int = 50) -> str:
    """The opening words of a text, cut between words, so the user recognises the paragraph."""
    text = " ".join(text.split())
    if len(text) <= length and not text.endswith("…"):
        return text
    cut = text[:length].rstrip("…")
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:") + "…"


class PairingReportDialog(QDialog):
    def __init__(self, parent: QWidget | None, report: PairingReport, draft: Draft,
                 replaced: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("language_import_report")
        self.setWindowTitle(_("{language} text imported").format(
            language=language_name(report.language)))
        headline, details = report_text(report, draft, replaced)
        self.headline = QLabel(headline)
        self.headline.setObjectName("language_import_headline")
        self.headline.setWordWrap(True)
        self.details = QPlainTextEdit(details)
        self.details.setObjectName("language_import_details")
        self.details.setReadOnly(True)
        self.details.setVisible(bool(details))
        buttons = QDialogButtonBox(QDialogButtonBox.Ok)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(640, 460 if details else self.sizeHint().height())


# -- status bar --------------------------------------------------------------------------------

class LanguageStatus(QObject):
    """Keeps a status-bar label saying whether the draft has its Spanish text, and how much."""

    def __init__(self, window: QMainWindow, editor: DraftEditor, language: str = "es") -> None:
        super().__init__(window)
        self.editor, self.language = editor, language
        self.label = QLabel()
        self.label.setObjectName(STATUS_LABEL_NAME)
        window.statusBar().addPermanentWidget(self.label)
        # Edits come in bursts (typing); one refresh after the burst is enough.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.refresh)
        editor.changed.connect(self._on_changes)
        self.refresh()

    def _on_changes(self, changes) -> None:
        if changes.everything:
            self.refresh()                  # another draft: never say what the last one had
        elif changes.touches(translations=True, structure=True, blocks=True, footnotes=True,
                             annotations=True):     # a bracket added or removed
            self._later()

    def _later(self, *_args) -> None:
        self._timer.start()

    def refresh(self) -> None:
        self.label.setText(status_text(self.editor.draft(), self.language))


def status_text(draft: Draft, language: str = "es") -> str:
    name = language_name(language)
    if draft.language == language:
        return ""
    version = draft.translations.get(language)
    if version is None:
        return _("No {language} version").format(language=name)
    missing = len(version.missing_blocks(draft))
    if missing == 0:
        text = _("{language}: complete").format(language=name)
    else:
        text = _("{language}: {missing} of {total} blocks missing").format(
            language=name, missing=missing, total=len(draft.blocks))
    from app.model.in_step import out_of_step_ids

    flagged = len(out_of_step_ids(draft, language))
    if flagged:       # View ▸ Languages Side by Side shows which
        text += " · " + ngettext("{count} pair out of step", "{count} pairs out of step",
                                 flagged).format(count=flagged)
    from app.model.footnote_step import footnote_states

    notes = sum(1 for state in footnote_states(draft, language) if state.out_of_step)
    if notes:
        text += " · " + ngettext("{count} footnote out of step", "{count} footnotes out of step",
                                 notes).format(count=notes)
    return text + unshown_brackets_note(draft, language, name)


def install(window: QMainWindow, editor: DraftEditor | None = None) -> LanguageStatus:
    """Add the status-bar note to the window, once (a second call returns the first)."""
    for child in window.children():
        if isinstance(child, LanguageStatus):
            return child
    return LanguageStatus(window, editor or window.editor)  # type: ignore[attr-defined]
