"""What a translated export says about the draft's footnotes: those out of step with their
translation, those the translated text leaves out, and position statements that would be
printed in English. One sentence each, naming the footnotes by number and first words."""

from __future__ import annotations

from app.i18n import _, ngettext
from app.model import Draft
from app.model.footnote_step import (
    FootnotePairState,
    footnote_status,
    position_statements_in_english,
)

#: Footnotes named in one sentence before "and N more".
SHOWN = 10


def _first_words(text: str, count: int = 5) -> str:
    words = text.split()
    return " ".join(words[:count]) + ("…" if len(words) > count else "")


def _why(state: FootnotePairState, main: str, language: str) -> str:
    if state.never_confirmed:
        return _("never confirmed in step")
    if state.main_changed and state.other_changed:
        return _("changed on both sides since it was confirmed")
    if state.main_changed:
        return _("changed in {main} since its {language} was confirmed").format(
            main=main, language=language)
    return _("its {language} changed since it was confirmed").format(language=language)


def _named(states: list[FootnotePairState], numbers: dict[str, int], reason=None) -> str:
    """“3 (“UNODC/WHO International…”: never confirmed), 5 (…)”, at most SHOWN of them."""
    shown = [
        f"{numbers.get(state.footnote_id, '?')} (“{_first_words(state.main_text)}”"
        + (f": {reason(state)}" if reason else "") + ")"
        for state in states[:SHOWN]
    ]
    if len(states) > SHOWN:
        shown.append(_("{count} more").format(count=len(states) - SHOWN))
    return ", ".join(shown)


def footnote_warnings(draft: Draft, language: str, name: str) -> list[str]:
    """The sentences for a `language` export (`name`: that language's name in the UI)."""
    from .localise import _LANGUAGE_NAMES

    if language == draft.language:
        return []
    main = _(_LANGUAGE_NAMES.get(draft.language, draft.language))
    status = footnote_status(draft, language)
    warnings: list[str] = []
    left_out = {state.footnote_id for state in status.left_out}   # said below, once
    out_of_step = [state for state in status.out_of_step if state.footnote_id not in left_out]
    if len(out_of_step) == 1:
        state = out_of_step[0]
        warnings.append(_("Footnote {note} is out of step in the {language} text: {why}.").format(
            note=_named(out_of_step, status.numbers), language=name, why=_why(state, main, name)))
    elif out_of_step:
        warnings.append(_("{count} footnotes are out of step in the {language} text: {notes}.")
                        .format(count=len(out_of_step), language=name, notes=_named(
                            out_of_step, status.numbers, lambda s: _why(s, main, name))))
    if status.left_out:
        count = len(status.left_out)
        warnings.append(ngettext(
            "Footnote {notes} of the draft is not in the {language} text (no {language} "
            "paragraph refers to it), so the {language} export leaves it out.",
            "{count} footnotes of the draft are not in the {language} text (no {language} "
            "paragraph refers to them), so the {language} export leaves them out: {notes}.",
            count).format(count=count, language=name,
                          notes=_named(status.left_out, status.numbers)))
    statements = position_statements_in_english(draft, language)
    if statements:
        count = len(statements)
        warnings.append(ngettext(
            "{count} position statement has no {language} wording, so its reservation "
            "footnote prints the {main} one: {quotes}.",
            "{count} position statements have no {language} wording, so their reservation "
            "footnotes print the {main} ones: {quotes}.", count).format(
                count=count, language=name, main=main,
                quotes=", ".join(f"“{_first_words(text, 8)}”" for text in statements)))
    return warnings
