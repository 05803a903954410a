"""What the side-by-side view says about a footnote pair: whether it needs the translator and
why, in one sentence (row tooltips, the footnote pane)."""

from __future__ import annotations

from app.i18n import _
from app.importer.language import language_name
from app.model.footnote_step import FootnotePairState


def needs_translator(state: FootnotePairState) -> bool:
    """Out of step, without a translation, or left out of the translated paragraph: each
    means the translated NOTE does not carry this footnote as the draft has it."""
    return state.out_of_step or not state.paired or not state.referenced_there


def footnote_why(state: FootnotePairState, number: int | None, main: str, language: str) -> str:
    """“Footnote 3 changed in English since its Spanish was confirmed.” and the like."""
    note = _("Footnote {number}").format(number=number or "?")
    main_name, name = _(language_name(main)), _(language_name(language))
    if not state.paired:
        return _("{note} has no {language} text yet.").format(note=note, language=name)
    if not state.referenced_there:
        return _("{note}: the {language} paragraph does not refer to it, so the {language} "
                 "export leaves it out.").format(note=note, language=name)
    if state.never_confirmed:
        return _("{note} was never confirmed in step.").format(note=note)
    if state.main_changed and state.other_changed:
        return _("{note} changed on both sides since it was confirmed in step.").format(
            note=note)
    if state.main_changed:
        return _("{note} changed in {main} since its {language} was confirmed.").format(
            note=note, main=main_name, language=name)
    return _("{note}: its {language} changed since it was confirmed.").format(
        note=note, language=name)
