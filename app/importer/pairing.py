"""Adding a language version: import the other-language text and pair it with the draft.

Blocks are paired by structure, not by words (the languages differ): an order-keeping
alignment where only blocks of the same kind pair, numbered paragraphs by their number, helped
by level, footnote count, the figures in the text and length. Blocks left between two pairs
are paired in order when both sides have as many (a heading on one side, a paragraph on the
other). Footnotes
follow their blocks' pairs. The result goes in through `SetLanguageVersion`, so it is undoable.

`prepare_language_version` does the reading and pairing without touching the draft (the window
runs it on a copy in a worker and applies `report.operation` as one undo step); a DOCX is read
with `app.docx.reader` and paired with looser kinds, since Word keeps no preamble/operative
distinction and writes numbered paragraphs as list numbering.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from app.i18n import _, ngettext
from app.model import (
    TRANSLATED_META_FIELDS,
    Block,
    BlockKind,
    Draft,
    FootnoteRef,
    LanguageVersion,
    TextRun,
)
from app.model.in_step import record_confirmation, record_footnote_confirmation
from app.model.inline import footnote_ids
from app.model.numbering import paragraph_labels
from app.model.ops import Operation, SetLanguageVersion
from app.progress import Progress

from .language import check_language, language_name
from .language_brackets import pair_version_brackets
from .pair_align import Link, align, fill_gaps
from .pair_anchors import block_anchors
from .pair_placing import DivideNote, JoinNote, place
from .reading import TextImportError, read_source
from .report import ImportReport, TextWarning, short_quote
from .text import import_text

_LANGUAGE = re.compile(r"^[a-z]{2,3}$")


@dataclass
class PairingReport:
    language: str
    paired: int = 0
    main_blocks: int = 0
    version_blocks: int = 0
    unpaired_main: list[tuple[str, str]] = field(default_factory=list)     # (block id, quote)
    unpaired_version: list[TextWarning] = field(default_factory=list)      # line + quote
    #: Paragraph labels ("§ 7", "¶ 3") of the unpaired blocks, parallel to the two lists above;
    #: the version's numbered paragraphs keep the number they had in the source.
    unpaired_main_places: list[str] = field(default_factory=list)
    unpaired_version_places: list[str] = field(default_factory=list)
    footnotes_paired: int = 0
    brackets_paired: int = 0          # square brackets typed in the text, now counterparts
    unpaired_main_footnotes: list[str] = field(default_factory=list)       # footnote ids
    unpaired_version_footnotes: list[TextWarning] = field(default_factory=list)
    joined: list[JoinNote] = field(default_factory=list)      # split paragraphs put together
    divided: list[DivideNote] = field(default_factory=list)   # merged paragraphs cut apart
    import_report: ImportReport = field(default_factory=ImportReport)
    operation: Operation | None = None    # what was applied
    inverse: Operation | None = None      # applying it undoes the import

    def summary(self) -> list[str]:
        lines = [
            _("{language}: {paired} of {total} blocks paired, {footnotes} footnotes paired.")
            .format(language=self.language, paired=self.paired, total=self.main_blocks,
                    footnotes=self.footnotes_paired)
        ]
        for _block_id, quote in self.unpaired_main:
            lines.append(_("no {language} text for the block “{quote}”").format(
                language=self.language, quote=quote))
        for warning in self.unpaired_version:
            lines.append(_("{place}: not paired with any block of the draft").format(
                place=_("line {line} (“{quote}”)").format(line=warning.line, quote=warning.quote)))
        if self.brackets_paired:
            lines.append(ngettext(
                "{count} square bracket of the {language} text paired with the draft's.",
                "{count} square brackets of the {language} text paired with the draft's.",
                self.brackets_paired).format(count=self.brackets_paired,
                                             language=self.language))
        lines.extend(self.joined_and_divided())
        for footnote_id in self.unpaired_main_footnotes:
            lines.append(_("no {language} text for footnote {id}").format(
                language=self.language, id=footnote_id))
        for warning in self.unpaired_version_footnotes:
            lines.append(str(warning))
        return lines

    def joined_and_divided(self) -> list[str]:
        """One sentence per split paragraph joined and per merged paragraph divided."""
        lines: list[str] = []
        name = _(language_name(self.language))
        for note in self.joined:
            lines.append(_("{language} paragraphs at lines {lines} were joined as the text of "
                           "the block “{quote}”").format(
                language=name, lines=_and_list(note.lines), quote=note.quote))
        for note in self.divided:
            if len(note.block_ids) == 2:
                lines.append(_("the {language} paragraph at line {line} was divided between "
                               "the blocks “{first}” and “{second}”, after “{words}”").format(
                    language=name, line=note.line, first=note.quotes[0],
                    second=note.quotes[1], words=note.cut_after))
            else:
                lines.append(_("the {language} paragraph at line {line} covers the blocks "
                               "“{first}” and “{second}” but has no sentence end to divide it "
                               "at, so the first block got all of it").format(
                    language=name, line=note.line, first=note.quotes[0],
                    second=note.quotes[1]))
        return lines


def _and_list(items: list) -> str:
    shown = [str(item) for item in items]
    return shown[0] if len(shown) == 1 else _("{first} and {last}").format(
        first=", ".join(shown[:-1]), last=shown[-1])


def import_language_version(
    draft: Draft, text_or_path: str | Path, language: str, progress: Progress | None = None,
    force: bool = False,
) -> PairingReport:
    """Import the `language` text of the draft and store it as its language version."""
    report = prepare_language_version(draft, text_or_path, language, progress, force)
    assert report.operation is not None
    report.inverse = report.operation.apply(draft)
    return report


def prepare_language_version(
    draft: Draft, text_or_path: str | Path, language: str, progress: Progress | None = None,
    force: bool = False,
) -> PairingReport:
    """Read and pair the `language` text; `report.operation` stores it, the draft is untouched.

    A path ending in .docx is read as a Word document; any other path or text as markdown.
    A text that reads as another language is refused (WrongLanguageError) unless `force`.
    """
    language = language.strip().lower()
    if not _LANGUAGE.match(language):
        raise TextImportError(_("“{code}” is not a language code such as “es”.").format(
            code=language))
    if language == draft.language:
        raise TextImportError(_("The draft is already in “{code}”; choose the other language.")
                              .format(code=language))
    import_report = ImportReport()
    loose = False
    if isinstance(text_or_path, (str, Path)) and str(text_or_path).lower().endswith(".docx") \
            and _is_path(text_or_path):
        other = _read_docx_version(Path(text_or_path), import_report, progress)
        loose = True
    else:
        if _is_path(text_or_path):
            text = read_source(text_or_path, import_report)
        else:
            text = text_or_path
        # brackets stay as typed until the paragraphs are paired (language_brackets)
        other, import_report = import_text(
            text, progress, import_report,
            name=Path(text_or_path).name if _is_path(text_or_path) else "", brackets=False)
    if not force:
        source_path = Path(text_or_path) if _is_path(text_or_path) else None
        check_language("\n".join(block.text for block in other.blocks), language, source_path)
    if not other.blocks:
        raise TextImportError(_("No paragraphs were found in the text, so there is nothing to "
                                "pair with the draft."))
    report = PairingReport(language, import_report=import_report,
                           main_blocks=len(draft.blocks), version_blocks=len(other.blocks))
    version = build_version(draft, other, language, report, loose_kinds=loose)
    report.operation = SetLanguageVersion(language, version.to_json())
    return report


#: A paragraph number typed into a Word paragraph ("7. ", "7) ") rather than list numbering.
_TYPED_NUMBER = re.compile(r"^\s*(\d{1,3})[.)]\s+")


def _read_docx_version(path: Path, import_report: ImportReport,
                       progress: Progress | None) -> Draft:
    from dataclasses import replace

    from app.docx.reader import DocxReadError, read_docx

    if progress is not None:
        progress.step(0, 1, _("reading the Word document"))
    try:
        other = read_docx(path)
    except DocxReadError as error:
        raise TextImportError(str(error), path) from error
    # Typed numbers become the paragraph's number, as the markdown importer does with "7.".
    for block in other.blocks:
        first = block.content[0] if block.content else None
        if isinstance(first, TextRun) and (match := _TYPED_NUMBER.match(first.text)):
            block.content[0] = replace(first, text=first.text[match.end():])
            block.kind = BlockKind.NUMBERED
            import_report.block_numbers[block.id] = int(match.group(1))
    if progress is not None:
        progress.step(1, 1, _("reading the Word document"))
    return other


def _is_path(text_or_path: str | Path) -> bool:
    if isinstance(text_or_path, Path):
        return True
    if "\n" in text_or_path or len(text_or_path) > 4096:
        return False
    candidate = Path(text_or_path)
    return candidate.suffix.lower() in {".md", ".txt", ".markdown", ".text"} or candidate.exists()


def build_version(draft: Draft, other: Draft, language: str, report: PairingReport,
                  loose_kinds: bool = False) -> LanguageVersion:
    version = LanguageVersion(language)
    for name in TRANSLATED_META_FIELDS:
        value = getattr(other.note, name)
        if value:
            version.meta[name] = value
    lines = report.import_report.block_lines
    links = pair_blocks(draft.blocks, other.blocks, report.import_report.block_numbers,
                        loose_kinds=loose_kinds)
    placement = place(links, draft.blocks, other.blocks, lines)
    report.paired = len(placement.contents)
    report.joined, report.divided = placement.joined, placement.divided
    footnote_map = _pair_footnotes(draft, other, placement, version, report)
    for main_index, translated in sorted(placement.contents.items()):
        main = draft.blocks[main_index]
        content = []
        for item in translated:
            if isinstance(item, FootnoteRef):
                item = FootnoteRef(footnote_map.get(item.footnote_id, item.footnote_id))
            content.append(item)
        version.blocks[main.id] = content
    report.brackets_paired = pair_version_brackets(draft, version, report.import_report)
    for main_index in sorted(placement.contents):
        main = draft.blocks[main_index]
        record_confirmation(version, main.id, main.text)
    version.unplaced = [unplaced for _j, unplaced in placement.unplaced]
    report.unpaired_main = [
        (block.id, short_quote(block.text))
        for i, block in enumerate(draft.blocks) if i not in placement.contents
    ]
    report.unpaired_version = [
        TextWarning(_("not paired"), lines.get(other.blocks[j].id),
                    short_quote(other.blocks[j].text))
        for j, _unplaced in placement.unplaced
    ]
    main_labels = paragraph_labels(draft.blocks)
    other_labels = paragraph_labels(other.blocks)
    numbers = report.import_report.block_numbers
    report.unpaired_main_places = [main_labels[i] for i in range(len(draft.blocks))
                                   if i not in placement.contents]
    report.unpaired_version_places = [
        f"§ {numbers[other.blocks[j].id]}" if other.blocks[j].id in numbers else other_labels[j]
        for j, _unplaced in placement.unplaced
    ]
    return version


def _pair_footnotes(draft, other, placement, version, report) -> dict[str, str]:
    """Version footnote id → draft footnote id; texts go into the version under the draft's id."""
    mapping: dict[str, str] = {}
    main_left: list[str] = []
    other_left: list[str] = []
    for main_index, content in placement.contents.items():
        mains = draft.blocks[main_index].footnote_ids
        others = footnote_ids(content)
        mapping.update(zip(others, mains, strict=False))       # extra ones reported below
        main_left.extend(mains[len(others):])
        other_left.extend(others[len(mains):])
    for i, block in enumerate(draft.blocks):
        if i not in placement.contents:
            main_left.extend(block.footnote_ids)
    for j, _unplaced in placement.unplaced:
        other_left.extend(other.blocks[j].footnote_ids)
    # Footnotes nobody refers to pair in order with the draft's.
    mapping.update(
        zip(other.unreferenced_footnotes(), draft.unreferenced_footnotes(), strict=False)
    )
    for other_id, main_id in mapping.items():
        version.footnotes[main_id] = other.footnotes[other_id].text
        if main_id in draft.footnotes:      # imported together: in step, as the blocks are
            record_footnote_confirmation(version, main_id, draft.footnotes[main_id].text)
    report.footnotes_paired = len(mapping)
    report.unpaired_main_footnotes = [f for f in main_left if f in draft.footnotes
                                      and f not in version.footnotes]
    for other_id in other_left + [f for f in other.unreferenced_footnotes() if f not in mapping]:
        if other_id in mapping:
            continue
        text = other.footnotes[other_id].text
        version.footnotes[other_id] = text          # kept under its own id, reported
        report.unpaired_version_footnotes.append(TextWarning(
            _("footnote not paired with any footnote of the draft"), None, short_quote(text)))
    return mapping


# -- block pairing ------------------------------------------------------------------------------

def pair_blocks(
    main: list[Block], other: list[Block], other_numbers: dict[str, int] | None = None,
    loose_kinds: bool = False,
) -> list[Link]:
    """Links between draft and version blocks, in order. `other_numbers`: source paragraph
    numbers; `loose_kinds`: pair blocks whatever their kinds (a Word document's are unreliable)."""
    mine = block_anchors(main, None, loose_kinds)
    theirs = block_anchors(other, other_numbers or {}, loose_kinds)
    return fill_gaps(align(mine, theirs), len(main), len(other))
