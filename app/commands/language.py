"""`concordia language status|confirm`: whether the draft and its translation are in step.

    concordia language status DRAFT [--language es] [--json]
    concordia language confirm DRAFT (--block ID | --all) [--language es]
"""

from __future__ import annotations

import argparse
import json

from app.i18n import _, ngettext
from app.model import Draft
from app.model.in_step import PairState, confirm_in_step, language_status, translation_language
from app.model.numbering import paragraph_numbers
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
    which = confirm.add_mutually_exclusive_group(required=True)
    which.add_argument("--block", action="append", metavar="ID",
                       help=_("the block whose pair to confirm (may be repeated)"))
    which.add_argument("--all", action="store_true", help=_("confirm every pair out of step"))
    confirm.set_defaults(handler=guarded(run_confirm))
    parser.set_defaults(handler=lambda args: parser.print_help() or 2)


def describe_pair(state: PairState, labels: list[str]) -> str:
    """“¶7 (ab12cd34ef56): English changed” for a person reading the status."""
    label = labels[state.index] or _("block {number}").format(number=state.index + 1)
    if state.never_confirmed:
        why = _("never confirmed")
    elif state.main_changed and state.other_changed:
        why = _("both sides changed")
    elif state.main_changed:
        why = _("the draft's text changed")
    else:
        why = _("the translation changed")
    return f"{label} ({state.block_id}): {why}"


def run_status(args: argparse.Namespace) -> int:
    from app.commands.check import load_with_warnings

    draft = load_with_warnings(args.draft)
    status = language_status(draft, args.language)
    if args.json:
        print(json.dumps(status.to_json(), ensure_ascii=False, indent=2))
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
    return 0


def run_confirm(args: argparse.Namespace) -> int:
    confirmed: list[str] = []

    def build(draft: Draft) -> Operation:
        language = translation_language(draft, args.language)
        if language not in draft.translations:
            raise InputError(_("The draft has no {language} text to confirm.")
                             .format(language=language.upper()))
        ids = None if args.all else list(args.block)
        for block_id in ids or []:
            try:
                draft.block(block_id)
            except KeyError:
                raise InputError(_("The draft has no block “{id}”.").format(id=block_id)) from None
            if block_id not in draft.translations[language].blocks:
                raise InputError(_("Block “{id}” has no {language} text to confirm.")
                                 .format(id=block_id, language=language.upper()))
        operation = confirm_in_step(draft, language, ids)
        confirmed.extend(operation.records)
        return operation

    change_draft(args.draft, build)
    print(ngettext("Confirmed {count} pair in step.", "Confirmed {count} pairs in step.",
                   len(confirmed)).format(count=len(confirmed)))
    return 0
