"""What a note says in the export language: cover texts, annex blocks, footnote texts.

The draft's own language is taken as it is; another language comes from the draft's
language version, and the export is refused (one sentence naming what is missing) rather
than ever putting text of the draft's language under a cover in another.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.errors import ConcordiaError
from app.i18n import N_, SUPPORTED_LANGUAGES, _, ngettext
from app.model import Block, BlockKind, Draft, FootnoteRef, Inline, plain_text
from app.model.draft import UnplacedText

from .labels import ExportLabels


class ExportError(ConcordiaError):
    """An export that cannot be done; the message is one sentence for the user."""


class MissingTranslationError(ExportError):
    pass


@dataclass
class LocalBlock:
    kind: BlockKind
    level: int
    content: list[Inline]
    number: str | None = None      # the source's printed number, as Block.number
    id: str = ""                   # the draft block's id


@dataclass
class LocalisedNote:
    language: str
    sender: str
    recipient: str
    subject: str
    intro: str
    blocks: list[LocalBlock]
    footnotes: dict[str, str]                     # footnote id → text in this language
    warnings: list[str] = field(default_factory=list)


_LANGUAGE_NAMES = {"en": N_("English"), "es": N_("Spanish")}


def localise(draft: Draft, language: str, judged: Draft | None = None) -> LocalisedNote:
    """The note's texts in `language`; ExportError (one sentence) when that cannot be exported.

    `judged` is the draft whose pairs are judged in step, when `draft` is a view of it with
    bracket markup written into both texts (app.docx.bracket_view): the markup is no edit."""
    if language not in SUPPORTED_LANGUAGES:
        raise ExportError(_("Concordia cannot export in “{language}”; choose one of: {choices}.")
                          .format(language=language, choices=", ".join(SUPPORTED_LANGUAGES)))
    if language == draft.language:
        return _own_language(draft)
    version = draft.translations.get(language)
    name = _(_LANGUAGE_NAMES.get(language, language))
    if version is None or not version.blocks:
        raise MissingTranslationError(
            _("The draft has no {language} text yet: import it (File ▸ Import Spanish Text…, "
              "or `concordia import FILE --into DRAFT`) before exporting in {language}."
              ).format(language=name)
        )
    missing = [(index, block) for index, block in enumerate(draft.blocks, 1)
               if block.id not in version.blocks]
    if missing:
        raise MissingTranslationError(
            ngettext("The {language} text lacks {count} block of the annex: {blocks}; import "
                     "or pair it before exporting in {language}.",
                     "The {language} text lacks {count} blocks of the annex: {blocks}; import "
                     "or pair them before exporting in {language}.", len(missing)).format(
                language=name, count=len(missing), blocks=_describe_blocks(missing))
        )
    if version.unplaced:
        raise MissingTranslationError(
            ngettext("The {language} text has {count} paragraph that pairs with no block of "
                     "the annex: {paragraphs}; correct the {language} file and import it "
                     "again, so that no {language} text is left out of the export.",
                     "The {language} text has {count} paragraphs that pair with no block of "
                     "the annex: {paragraphs}; correct the {language} file and import it "
                     "again, so that no {language} text is left out of the export.",
                     len(version.unplaced)).format(
                language=name, count=len(version.unplaced),
                paragraphs=_describe_unplaced(version.unplaced))
        )
    blocks = [LocalBlock(block.kind, block.level, version.blocks[block.id], block.number, block.id) for block in draft.blocks]
    referenced = [item.footnote_id for block in blocks for item in block.content
                  if isinstance(item, FootnoteRef)]
    lacking = [fid for fid in referenced if not version.footnotes.get(fid, "").strip()]
    if lacking:
        described = ", ".join(
            f"{referenced.index(fid) + 1} (“{_first_words(draft.footnotes[fid].text)}”)"
            if fid in draft.footnotes else str(referenced.index(fid) + 1)
            for fid in lacking[:5]
        )
        raise MissingTranslationError(
            ngettext("The {language} text lacks the text of footnote {notes}; import or pair "
                     "it before exporting in {language}.",
                     "The {language} text lacks the text of footnotes {notes}; import or pair "
                     "them before exporting in {language}.",
                     len(lacking)).format(language=name, notes=described)
        )
    cover = _cover_fields(draft, version.meta, language, name)
    from .footnote_warnings import footnote_warnings

    return LocalisedNote(language, *cover, blocks=blocks,
                         footnotes={fid: version.footnotes[fid] for fid in referenced},
                         warnings=out_of_step_warnings(judged or draft, language, name)
                         + footnote_warnings(draft, language, name))


def _paragraph_names(draft: Draft, block_ids: set[str]) -> list[str]:
    """"para. 5" where the text prints a number, else the block's first words; at most 30."""
    from app.model.numbering import paragraph_numbers

    labels = paragraph_numbers(draft.blocks)
    named = [
        _("para. {number}").format(number=labels[index]) if labels[index]
        else _("block {number} (“{words}”)").format(number=index + 1,
                                                   words=_first_words(block.text))
        for index, block in enumerate(draft.blocks) if block.id in block_ids
    ]
    if len(named) > 30:
        named = named[:30] + [_("{count} more").format(count=len(named) - 30)]
    return named


def open_bracket_warnings(draft: Draft, language: str) -> list[str]:
    """A bracket shows in a translated export through its counterpart in that language
    (app.model.counterparts); one with none (or unplaced, or lacking an alternative's wording)
    would leave its paragraph reading as agreed there: say which paragraphs."""
    from app.model.counterparts import missing_counterparts

    if language == draft.language:
        return []
    name = _(_LANGUAGE_NAMES.get(language, language))
    bracketed = {bracket.anchor.block_id for bracket in missing_counterparts(draft, language)
                 if bracket.anchor.block_id}
    if not bracketed:
        return []
    return [ngettext(
        "{count} paragraph has open square brackets with no {language} counterpart, which "
        "the {language} export does not show: {blocks}.",
        "{count} paragraphs have open square brackets with no {language} counterpart, which "
        "the {language} export does not show: {blocks}.", len(bracketed)).format(
            count=len(bracketed), language=name,
            blocks=", ".join(_paragraph_names(draft, bracketed)))]


def out_of_step_warnings(draft: Draft, language: str, name: str) -> list[str]:
    """One sentence naming the pairs not confirmed in step since either side changed."""
    from app.model.in_step import out_of_step_ids

    flagged = set(out_of_step_ids(draft, language))
    if not flagged:
        return []
    named = _paragraph_names(draft, flagged)
    return [ngettext(
        "{count} paragraph of the {language} text is out of step with the draft (changed "
        "since it was last confirmed): {blocks}.",
        "{count} paragraphs of the {language} text are out of step with the draft (changed "
        "since they were last confirmed): {blocks}.", len(flagged)).format(
            count=len(flagged), language=name, blocks=", ".join(named))]


def _own_language(draft: Draft) -> LocalisedNote:
    note = draft.note
    blocks = [LocalBlock(block.kind, block.level, block.content, block.number, block.id) for block in draft.blocks]
    footnotes: dict[str, str] = {}
    warnings: list[str] = []
    for fid in draft.footnote_order():
        if fid in draft.footnotes:
            footnotes[fid] = draft.footnotes[fid].text
        else:
            footnotes[fid] = ""
            warnings.append(_("A footnote reference has no footnote text; it is exported empty."))
    unused = draft.unreferenced_footnotes()
    if unused:
        warnings.append(ngettext(
            "{count} footnote is not referenced in the text and was left out.",
            "{count} footnotes are not referenced in the text and were left out.",
            len(unused)).format(count=len(unused)))
    return LocalisedNote(draft.language, note.sender, note.recipient, note.subject, note.intro,
                         blocks, footnotes, warnings)


def _cover_fields(draft: Draft, meta: dict[str, str], language: str, name: str
                  ) -> tuple[str, str, str, str]:
    labels = ExportLabels(language)
    note = draft.note
    values: list[str] = []
    lacking: list[str] = []
    for field_name, english, label in (
        ("sender", note.sender, _("From")),
        ("recipient", note.recipient, _("To")),
        ("subject", note.subject, _("Subject")),
        ("intro", note.intro, _("introductory sentence")),
    ):
        value = (meta.get(field_name) or "").strip()
        if not value and english.strip():
            # Usual senders and addressees have a catalog entry; free text must be translated.
            value = labels.party(english) if field_name in ("sender", "recipient") else None
            if not value:
                lacking.append(label)
                value = ""
        values.append(value)
    if lacking:
        raise MissingTranslationError(
            # The cover form holds the draft's own cover: say where the translation's is.
            _("The {language} cover lacks: {fields}; fill them in with File ▸ Cover of the "
              "Translation… (or import the {language} text with its cover: `concordia import "
              "FILE --into DRAFT`) before exporting in {language}.").format(
                language=name, fields=", ".join(lacking))
        )
    return values[0], values[1], values[2], values[3]


def _first_words(text: str, count: int = 5) -> str:
    words = text.split()
    return " ".join(words[:count]) + ("…" if len(words) > count else "")


def _describe_blocks(missing: list[tuple[int, Block]]) -> str:
    shown = ", ".join(f"{index} (“{_first_words(plain_text(block.content))}”)"
                      for index, block in missing[:5])
    if len(missing) > 5:
        shown += " " + _("and {count} more").format(count=len(missing) - 5)
    return shown


def _describe_unplaced(unplaced: list[UnplacedText]) -> str:
    shown = ", ".join(
        (_("line {line}").format(line=item.line) + " " if item.line else "")
        + f"(“{_first_words(plain_text(item.content))}”)"
        for item in unplaced[:5])
    if len(unplaced) > 5:
        shown += " " + _("and {count} more").format(count=len(unplaced) - 5)
    return shown
