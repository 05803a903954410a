"""`concordia language status|confirm`: whether the draft and its translation are in step.

    concordia language status DRAFT [--language es] [--json]
    concordia language confirm DRAFT (--block ID … | --footnote ID … | --all) [--language es]

Footnote pairs are counted and listed beside the block pairs (app.model.footnote_step);
confirming a block confirms its footnotes with it.
"""

from __future__ import annotations

import argparse
import json

from app.i18n import _, ngettext
from app.model import Draft
from app.model.footnote_step import FootnotePairState, FootnoteStatus, footnote_states
from app.model.in_step import PairState, confirm_in_step, language_status, translation_language
from app.model.numbering import paragraph_labels, paragraph_numbers
from app.model.ops import Operation

from .draft_changes import InputError, change_draft, draft_argument, guarded


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "language", help=_("see and confirm whether the translation is in step with the draft"))
    actions = parser.add_subparsers(dest="action", metavar="ACTION")

    status = actions.add_parser("status", help=_("count the pairs, the unpaired blocks and the "
                                                 "pairs out of step"))
    draft_argument(status)
    status.add_argument("--language", metavar="CODE",
                        help=_("the translation to look at (default: the draft's only one)"))
    status.add_argument("--json", action="store_true", help=_("print JSON for scripts"))
    status.set_defaults(handler=run_status)

    confirm = actions.add_parser("confirm", help=_("confirm pairs in step as they stand now"))
    draft_argument(confirm)
    confirm.add_argument("--language", metavar="CODE",
                         help=_("the translation to confirm (default: the draft's only one)"))
    confirm.add_argument("--block", action="append", metavar="ID",
                         help=_("the block whose pair to confirm, with its footnotes (may be "
                                "repeated)"))
    confirm.add_argument("--footnote", action="append", metavar="ID",
                         help=_("the footnote whose pair to confirm (may be repeated)"))
    confirm.add_argument("--all", action="store_true",
                         help=_("confirm every pair out of step, footnotes included"))
    confirm.set_defaults(handler=guarded(run_confirm))
    parser.set_defaults(handler=lambda args: parser.print_help() or 2)


def describe_pair(state: PairState, labels: list[str]) -> str:
    """“¶7 (ab12cd34ef56): English changed” for a person reading the status."""
    label = labels[state.index] or _("block {number}").format(number=state.index + 1)
    return f"{label} ({state.block_id}): {_why_out_of_step(state)}"


def _why_out_of_step(state: PairState | FootnotePairState) -> str:
    """Which side of a paired text moved since it was confirmed (or that nobody confirmed it)."""
    if state.never_confirmed:
        return _("never confirmed")
    if state.main_changed and state.other_changed:
        return _("both sides changed")
    if state.main_changed:
        return _("the draft's text changed")
    return _("the translation changed")


def describe_footnote(state: FootnotePairState, numbers: dict[str, int],
                      language: str) -> str:
    """“footnote 3 (ab12cd34ef56): the draft's text changed” for a person reading the status."""
    label = _("footnote {number}").format(number=numbers.get(state.footnote_id, "?"))
    why = (_("no {language} text").format(language=language.upper()) if not state.paired
           else _why_out_of_step(state))
    return f"{label} ({state.footnote_id}): {why}"


def _print_footnotes(notes: FootnoteStatus, language: str) -> None:
    print(ngettext("{count} footnote pair", "{count} footnote pairs", notes.pairs)
          .format(count=notes.pairs))
    if notes.unpaired:
        print(ngettext("{count} footnote without a translation",
                       "{count} footnotes without a translation", len(notes.unpaired))
              .format(count=len(notes.unpaired)))
        for state in notes.unpaired:
            print("  " + describe_footnote(state, notes.numbers, language))
    referenced = [state for state in notes.left_out if state.paired]
    if referenced:
        print(ngettext("{count} footnote has a translation the translated paragraphs never "
                       "refer to", "{count} footnotes have a translation the translated "
                       "paragraphs never refer to", len(referenced))
              .format(count=len(referenced)))
        for state in referenced:
            print("  " + _("footnote {number} ({id})").format(
                number=notes.numbers.get(state.footnote_id, "?"), id=state.footnote_id))
    print(ngettext("{count} footnote pair out of step", "{count} footnote pairs out of step",
                   len(notes.out_of_step)).format(count=len(notes.out_of_step)))
    for state in notes.out_of_step:
        print("  " + describe_footnote(state, notes.numbers, language))


def run_status(args: argparse.Namespace) -> int:
    from app.commands.check import load_with_warnings

    draft = load_with_warnings(args.draft)
    status = language_status(draft, args.language)
    if args.json:
        print(json.dumps({**status.to_json(), **_bracket_json(draft, status.language)},
                         ensure_ascii=False, indent=2))
        return 0
    print(ngettext("{language}: {count} pair", "{language}: {count} pairs", status.pairs)
          .format(language=status.language.upper(), count=status.pairs))
    print(ngettext("{count} block without a translation", "{count} blocks without a translation",
                   len(status.unpaired)).format(count=len(status.unpaired)))
    if status.unplaced:
        print(ngettext("{count} translated paragraph pairs with no block",
                       "{count} translated paragraphs pair with no block",
                       status.unplaced).format(count=status.unplaced))
    print(ngettext("{count} pair out of step", "{count} pairs out of step",
                   len(status.out_of_step)).format(count=len(status.out_of_step)))
    labels = [f"¶{label}" if label else "" for label in paragraph_numbers(draft.blocks)]
    for state in status.out_of_step:
        print("  " + describe_pair(state, labels))
    if status.footnotes is not None and (status.footnotes.pairs or status.footnotes.unpaired):
        _print_footnotes(status.footnotes, status.language)
    _print_brackets(draft, status.language)
    return 0


def _bracket_json(draft: Draft, language: str) -> dict:
    """Beside the pair names: square brackets a `language` export could not show."""
    from app.model.counterparts import missing_counterparts, unplaced_counterparts

    if language not in draft.translations:
        return {}
    return {"brackets_without_counterpart": [b.id for b in missing_counterparts(draft, language)],
            "counterparts_unplaced": [b.id for b, _c in unplaced_counterparts(draft, language)]}


def _print_brackets(draft: Draft, language: str) -> None:
    from app.model.counterparts import missing_counterparts, unplaced_counterparts

    if language not in draft.translations:
        return
    missing = missing_counterparts(draft, language)
    if not missing:
        return
    labels = dict(zip((b.id for b in draft.blocks), paragraph_labels(draft.blocks), strict=True))
    print(ngettext("{count} open square bracket the {code} text cannot show yet",
                   "{count} open square brackets the {code} text cannot show yet",
                   len(missing)).format(count=len(missing), code=language))
    unplaced = {bracket.id: item for bracket, item in unplaced_counterparts(draft, language)}
    for bracket in missing:
        label = labels.get(bracket.anchor.block_id or "", "?")
        if bracket.id in unplaced:
            why = _("its words “{words}” were deleted from the {code} text; place it again "
                    "with `concordia bracket place`").format(
                words=unplaced[bracket.id].quote, code=language)
        else:
            why = _("no counterpart, or one lacking an alternative's wording")
        print(f"  {label} “{bracket.quote}” [{bracket.id}]: {why}")


def run_confirm(args: argparse.Namespace) -> int:
    confirmed: list[str] = []

    def build(draft: Draft) -> Operation:
        language = translation_language(draft, args.language)
        if language not in draft.translations:
            raise InputError(_("The draft has no {language} text to confirm.")
                             .format(language=language.upper()))
        if args.all == bool(args.block or args.footnote):
            raise InputError(_("Say which pairs to confirm: --block or --footnote, or --all."))
        ids = None if args.all else list(args.block or [])
        for block_id in ids or []:
            try:
                draft.block(block_id)
            except KeyError:
                raise InputError(_("The draft has no block “{id}”.").format(id=block_id)) from None
            if block_id not in draft.translations[language].blocks:
                raise InputError(_("Block “{id}” has no {language} text to confirm.")
                                 .format(id=block_id, language=language.upper()))
        notes = {state.footnote_id: state for state in footnote_states(draft, language)}
        for footnote_id in args.footnote or []:
            if footnote_id not in notes:
                raise InputError(_("The draft's text refers to no footnote “{id}”.")
                                 .format(id=footnote_id))
            if not notes[footnote_id].paired:
                raise InputError(_("Footnote “{id}” has no {language} text to confirm.")
                                 .format(id=footnote_id, language=language.upper()))
        operation = confirm_in_step(draft, language, ids, footnote_ids=args.footnote)
        confirmed.extend(operation.records)
        confirmed_notes.extend(operation.footnotes)
        return operation

    confirmed_notes: list[str] = []
    change_draft(args.draft, build)
    print(ngettext("Confirmed {count} pair in step.", "Confirmed {count} pairs in step.",
                   len(confirmed)).format(count=len(confirmed)))
    if confirmed_notes:
        print(ngettext("Confirmed {count} footnote pair in step.",
                       "Confirmed {count} footnote pairs in step.", len(confirmed_notes))
              .format(count=len(confirmed_notes)))
    return 0
