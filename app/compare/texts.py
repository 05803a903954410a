"""The texts a comparison is made of: a version in another language, and with its
reservations as footnotes.

A language version shares the block and footnote ids of the main text, so the Spanish texts
of two versions align exactly as their English texts do. A version without a complete
Spanish text is refused in one sentence, as the Spanish note export is: never would English
paragraphs appear in a Spanish redline.

Reservation footnotes get ids that follow their paragraph ("reservation:<block id>:<n>")
rather than the note export's reading-order numbers, so that between two versions a
reservation entered or lifted is one footnote inserted or deleted, not every later one
renumbered and reworded.
"""

from __future__ import annotations

import copy
import dataclasses

from app.i18n import N_, _, ngettext
from app.model import Block, Draft, plain_text
from app.model.draft import TRANSLATED_META_FIELDS, Footnote
from app.model.inline import FootnoteRef, content_length
from app.model.parties import PartyRegistry
from app.model.reservation_text import FOOTNOTE, insert_into, reservation_footnotes
from app.store.errors import DraftFileError

_LANGUAGE_NAMES = {"en": N_("English"), "es": N_("Spanish")}


class LanguageTextError(DraftFileError):
    """A version lacks the text of the language asked for: one sentence for the user."""


def language_name(language: str) -> str:
    return _(_LANGUAGE_NAMES.get(language, language))


def _first_words(text: str, count: int = 5) -> str:
    words = text.split()
    return " ".join(words[:count]) + ("…" if len(words) > count else "")


def language_text(draft: Draft, language: str, version_name: str = "") -> Draft:
    """`draft` with its annex, footnotes and cover texts in `language` (same ids).

    The draft's own language is returned as it is. `version_name` names the version in
    the refusal ("Rev 1"); an empty name means the current text.
    """
    if language == draft.language:
        return draft
    name = language_name(language)
    which = (_("version “{name}”").format(name=version_name) if version_name
             else _("the current text"))
    version = draft.translations.get(language)
    if version is None or not version.blocks:
        if version_name:     # a saved version cannot gain a text: say what can be done
            raise LanguageTextError(
                _("Version “{name}” has no {language} text yet: it was saved before the "
                  "{language} text was imported; compare it in the draft's language, or compare "
                  "a version saved since.").format(name=version_name, language=name))
        raise LanguageTextError(
            _("The current draft has no {language} text yet: import it (File ▸ Import Spanish "
              "Text…, or `concordia import FILE --into DRAFT --language {code}`) before comparing "
              "in {language}.").format(language=name, code=language))
    missing = [(index, block) for index, block in enumerate(draft.blocks, 1)
               if block.id not in version.blocks]
    if missing:
        shown = ", ".join(f"{index} (“{_first_words(plain_text(block.content))}”)"
                          for index, block in missing[:5])
        if len(missing) > 5:
            shown += " " + _("and {count} more").format(count=len(missing) - 5)
        raise LanguageTextError(
            ngettext("The {language} text of {which} lacks {count} paragraph: {blocks}; "
                     "import or pair it before comparing in {language}.",
                     "The {language} text of {which} lacks {count} paragraphs: {blocks}; "
                     "import or pair them before comparing in {language}.", len(missing)).format(
                language=name, which=which, count=len(missing), blocks=shown))
    blocks = [Block(block.kind, copy.deepcopy(version.blocks[block.id]), block.level,
                    id=block.id, origin=block.origin) for block in draft.blocks]
    footnotes = {fid: Footnote(version.footnotes.get(fid, ""), fid) for fid in draft.footnotes}
    translated = {key: value for key, value in version.meta.items()
                  if key in TRANSLATED_META_FIELDS and value.strip()}
    note = dataclasses.replace(draft.note, **translated)
    return dataclasses.replace(draft, blocks=blocks, footnotes=footnotes, note=note,
                               language=language, versions=[])


def with_reservation_footnotes(draft: Draft, language: str, own_text: bool = True) -> Draft:
    """A copy of `draft` with its outstanding reservations as footnotes with stable ids.

    `own_text` is False when the blocks are a language version: span offsets belong to the
    main text, so every reservation then goes at the end of its paragraph (as in the note
    export).
    """
    registry = PartyRegistry.for_draft(draft)
    lengths = None if own_text else {b.id: content_length(b.content) for b in draft.blocks}
    notes = reservation_footnotes(draft, language, registry, lengths)
    if not notes:
        return draft
    insertions: dict[str, list] = {}
    footnotes = dict(draft.footnotes)
    for note in notes:
        items = insertions.setdefault(note.place.block_id, [])
        footnote_id = f"reservation:{note.place.block_id}:{len(items) + 1}"
        footnotes[footnote_id] = Footnote(note.text, footnote_id)
        items.append((note.place.offset, FOOTNOTE, FootnoteRef(footnote_id)))
    blocks = [
        dataclasses.replace(block, content=insert_into(block.content, insertions[block.id]))
        if block.id in insertions else block
        for block in draft.blocks
    ]
    return dataclasses.replace(draft, blocks=blocks, footnotes=footnotes)


def export_text(draft: Draft, language: str, version_name: str = "") -> Draft:
    """What a Word comparison shows of one version: its text in `language`, reservations
    as footnotes."""
    own = language == draft.language
    text = language_text(draft, language, version_name)
    return with_reservation_footnotes(text, language, own_text=own)
