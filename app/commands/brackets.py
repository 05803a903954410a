"""`concordia bracket …` and `concordia status …`: square brackets and paragraph status.

    concordia bracket add DRAFT --block ID --start N --end N [--parties FR,ES] \
        [--alt "promote (CELAC)"] [--alt "delete (HU)"]
    concordia bracket list DRAFT [--json] [--party HU] [--block ID]
    concordia bracket resolve DRAFT --id ID (--choose N | --drop)
    concordia bracket remove DRAFT --id ID
    concordia bracket place DRAFT --id ID --words "…" [--alt "…"] [--lang es] | --clear
    concordia status DRAFT [--json]                  the dashboard
    concordia status set DRAFT --block ID agreed|ad-referendum|pending [--parties HU]
    concordia status silence DRAFT --until 2025-03-03T12:00 [--broken-by HU] | --end

Every change is one operation applied through a DraftSession (app.commands.draft_changes).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime

from app.i18n import _, ui_language
from app.model import Draft, new_id
from app.model.annotations import Anchor
from app.model.bracket_ops import (
    AddBracket,
    RemoveBracket,
    SetBlockStatus,
    SetSilence,
    resolve_bracket,
)
from app.model.brackets import (
    Alternative,
    Bracket,
    crossing_bracket,
    crossing_sentence,
    current_alternatives,
    lost_brackets,
)
from app.model.dashboard import build_dashboard
from app.model.inline import content_length
from app.model.numbering import paragraph_labels
from app.model.ops import Operation
from app.model.parties import PartyRegistry, normalise_code
from app.model.party_input import typed_codes
from app.model.status import BlockStatus, Silence, StatusKind
from app.store import load_draft

from .draft_changes import InputError, change_draft, draft_argument, guarded


# The importer (and all it imports) loads only when a bracket is written or listed.
def describe(alternatives: list[Alternative]) -> str:
    from app.importer.brackets import describe as describe_alternatives

    return describe_alternatives(alternatives)


def typed_alternative(registry: PartyRegistry, text: str) -> tuple[Alternative, list[str]]:
    from app.importer.brackets import typed_alternative as read

    return read(registry, text)

STATUS_WORDS = {"agreed": StatusKind.AGREED, "ad-referendum": StatusKind.AD_REFERENDUM,
                "ad_referendum": StatusKind.AD_REFERENDUM, "pending": StatusKind.PENDING}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("bracket", help=_("add, list and resolve square brackets"))
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    add = actions.add_parser("add", help=_("put a span of a paragraph in square brackets"))
    draft_argument(add)
    add.add_argument("--block", required=True, help=_("id of the paragraph (see show --json)"))
    add.add_argument("--start", type=int, required=True, help=_("first character of the span"))
    add.add_argument("--end", type=int, required=True, help=_("position just after the span"))
    add.add_argument("--parties", default="",
                     help=_("who proposed the words in the text, e.g. FR,ES"))
    add.add_argument("--alt", action="append", default=[],
                     help=_("another alternative with its proponents, e.g. \"promote (CELAC)\"; "
                            "\"delete (HU)\" proposes deleting the passage"))
    add.set_defaults(handler=guarded(run_add))

    listing = actions.add_parser("list", help=_("list the open brackets by paragraph"))
    draft_argument(listing)
    listing.add_argument("--json", action="store_true", help=_("print JSON for scripts"))
    listing.add_argument("--party", help=_("only brackets this party proposed an alternative in"))
    listing.add_argument("--block", help=_("only this paragraph's brackets"))
    listing.set_defaults(handler=guarded(run_list))

    resolve = actions.add_parser("resolve", help=_("settle a bracket on one alternative"))
    draft_argument(resolve)
    resolve.add_argument("--id", required=True, help=_("the bracket's id"))
    choice = resolve.add_mutually_exclusive_group(required=True)
    choice.add_argument("--choose", type=int, help=_("the alternative to keep, 1 = the first"))
    choice.add_argument("--drop", action="store_true", help=_("delete the bracketed passage"))
    resolve.set_defaults(handler=guarded(run_resolve))

    remove = actions.add_parser("remove", help=_("take a bracket away, keeping the text as it reads"))
    draft_argument(remove)
    remove.add_argument("--id", required=True, help=_("the bracket's id"))
    remove.set_defaults(handler=guarded(run_remove))
    from .bracket_counterparts import register as register_counterparts

    register_counterparts(actions)      # bracket place: its counterpart in a language version
    parser.set_defaults(handler=lambda args: parser.print_help() or 2)

    status = subparsers.add_parser(
        "status", help=_("the state of the negotiation; set a paragraph's status"),
        description=_("status DRAFT [--json]: the dashboard. status set DRAFT --block ID "
                      "agreed|ad-referendum|pending [--parties HU]. status silence DRAFT "
                      "--until YYYY-MM-DDTHH:MM [--broken-by HU] | --end."))
    status.add_argument("words", nargs="+", metavar="DRAFT",
                        help=_("a draft, or set/silence and a draft"))
    status.add_argument("--json", action="store_true", help=_("print JSON for scripts"))
    # `status set DRAFT --block ID agreed`: the status may follow the id (argparse would not
    # take a positional after an option), or come before --block
    status.add_argument("--block", nargs="+", metavar="ID",
                        help=_("id of the paragraph (status set), then the status"))
    status.add_argument("--parties", default="", help=_("parties of an ad referendum agreement"))
    status.add_argument("--until", help=_("deadline of the silence procedure"))
    status.add_argument("--broken-by", default="", help=_("parties that broke the silence"))
    status.add_argument("--end", action="store_true", help=_("end the silence procedure"))
    status.set_defaults(handler=guarded(run_status))


# -- helpers ----------------------------------------------------------------------------------

def _codes(registry: PartyRegistry, text: str) -> list[str]:
    """The codes typed (a code in any case, or a party's full name), as the dialogs read them."""
    codes, unknown = typed_codes(registry, text)
    if unknown:
        raise InputError(_("Unknown party “{code}”; add it with `concordia party add`, or "
                           "see `concordia party list`.").format(code=normalise_code(unknown[0])))
    return codes


def _find(draft: Draft, key: str) -> Bracket:
    if key not in draft.brackets:
        raise InputError(_("The draft has no square bracket with id “{id}”.").format(id=key))
    return draft.brackets[key]


def bracket_json(draft: Draft, bracket: Bracket, labels: dict[str, str]) -> dict:
    from app.model.brackets import bracket_public_json

    return {**bracket_public_json(draft, bracket),
            "paragraph": labels.get(bracket.anchor.block_id or "", "?")}


# -- bracket ----------------------------------------------------------------------------------

def run_add(args: argparse.Namespace) -> int:
    key = new_id()

    def build(draft: Draft) -> Operation:
        try:
            block = draft.block(args.block)
        except KeyError:
            raise InputError(_("The draft has no paragraph with id “{id}” (see `concordia show "
                               "--json`).").format(id=args.block)) from None
        length = content_length(block.content)
        if not 0 <= args.start <= args.end <= length:
            raise InputError(_("The span {start}–{end} does not fit paragraph “{id}”, which is "
                               "{length} characters long.").format(
                start=args.start, end=args.end, id=args.block, length=length))
        crossed = crossing_bracket(draft, args.block, args.start, args.end)
        if crossed is not None:
            raise InputError(crossing_sentence(draft, crossed))
        registry = PartyRegistry.for_draft(draft)
        alternatives = [Alternative("", _codes(registry, args.parties))]
        for text in args.alt:
            alternative, unknown = typed_alternative(registry, text)
            if unknown:
                _codes(registry, unknown[0])        # the one sentence for an unknown party
            alternatives.append(alternative)
        bracket = Bracket(key, Anchor(args.block, args.start, args.end), alternatives)
        return AddBracket(bracket.to_json())

    draft = change_draft(args.draft, build)
    alternatives = current_alternatives(draft, draft.brackets[key])
    print(key)
    print(describe(alternatives), file=sys.stderr)
    return 0


def run_list(args: argparse.Namespace) -> int:
    draft = load_draft(args.draft)
    labels = dict(zip((b.id for b in draft.blocks), paragraph_labels(draft.blocks), strict=True))
    order = {block.id: index for index, block in enumerate(draft.blocks)}
    brackets = sorted(
        (b for b in draft.brackets.values() if b.anchor.block_id in order),
        key=lambda b: (order[b.anchor.block_id or ""], b.anchor.start or 0))
    # those whose paragraph is gone come last: their alternatives are all that is left
    brackets += [b for b in lost_brackets(draft) if b.anchor.block_id not in order]
    if args.party:
        code = normalise_code(args.party)
        brackets = [b for b in brackets if code in b.parties]
    if args.block:
        brackets = [b for b in brackets if b.anchor.block_id == args.block]
    if args.json:
        print(json.dumps([bracket_json(draft, b, labels) for b in brackets],
                         ensure_ascii=False, indent=2))
        return 0
    if not brackets:
        print(_("No open square brackets."))
    gone = {b.id for b in lost_brackets(draft)}
    for bracket in brackets:
        label = labels.get(bracket.anchor.block_id or "", "—")
        lost = " " + _("(its words were deleted)") if bracket.id in gone else ""
        print(f"{label}  {describe(current_alternatives(draft, bracket))}{lost}  [{bracket.id}]")
        for language in draft.translations:
            print("    " + _counterpart_line(draft, bracket, language))
    return 0


def _counterpart_line(draft: Draft, bracket: Bracket, language: str) -> str:
    from app.model.counterparts import counterpart_alternatives, counterpart_of

    alternatives = counterpart_alternatives(draft, bracket, language)
    if alternatives is not None:
        return f"{language}: {describe(alternatives)}"
    item = counterpart_of(draft, bracket, language)
    if item is not None and not item.placed:
        return _("{code}: its words “{words}” were deleted from the {code} text").format(
            code=language, words=item.quote)
    if item is not None:
        return _("{code}: “{words}”, lacking the wording of an alternative").format(
            code=language, words=item.quote)
    return _("{code}: no counterpart (see `concordia bracket place`)").format(code=language)


def run_resolve(args: argparse.Namespace) -> int:
    def build(draft: Draft) -> Operation:
        bracket = _find(draft, args.id)
        count = len(bracket.alternatives)
        if args.choose is not None and not 1 <= args.choose <= count:
            raise InputError(_("Bracket “{id}” has alternatives 1 to {count}.").format(
                id=args.id, count=count))
        if bracket.anchor.orphaned:
            raise InputError(_("The words of bracket “{id}” were deleted; remove it with "
                               "`concordia bracket remove`.").format(id=args.id))
        try:
            return resolve_bracket(draft, args.id, None if args.drop else args.choose - 1)
        except ValueError as error:
            raise InputError(_("Bracket “{id}” cannot be resolved: {why}.").format(
                id=args.id, why=error)) from None

    draft = change_draft(args.draft, build)
    print(_("Resolved; {n} square brackets remain open.").format(n=len(draft.brackets)))
    return 0


def run_remove(args: argparse.Namespace) -> int:
    def build(draft: Draft) -> Operation:
        _find(draft, args.id)
        return RemoveBracket(args.id)

    change_draft(args.draft, build)
    return 0


# -- status -----------------------------------------------------------------------------------

def run_status(args: argparse.Namespace) -> int:
    words = list(args.words)
    if args.block:
        args.block, *more = args.block
        words += more
    if words[0] == "set" and len(words) == 3:
        return _status_set(args, words[1], words[2])
    if words[0] == "silence" and len(words) == 2:
        return _silence(args, words[1])
    if len(words) != 1:
        raise InputError(_("Write `concordia status DRAFT`, `concordia status set DRAFT --block "
                           "ID agreed` or `concordia status silence DRAFT --until TIME`."))
    # JSON keeps its English words for scripts; the text speaks the user's language
    board = build_dashboard(load_draft(words[0]), "en" if args.json else ui_language())
    if args.json:
        print(json.dumps(board.to_json(), ensure_ascii=False, indent=2))
        return 0
    print_dashboard(board)
    return 0


def print_dashboard(board) -> None:
    names = {"agreed": _("agreed"), "ad_referendum": _("agreed ad referendum"),
             "pending": _("pending"), "in_brackets": _("in brackets"), "reserved": _("reserved")}
    print(_("Paragraphs:") + " " + ", ".join(
        f"{names[key]} {count}" for key, count in board.counts.items()))
    if board.brackets:
        print(_("Open brackets:"))
        for item in board.brackets:
            print(f"  {item.label}  {item.text}")
    if board.reservations:
        print(_("Reservations:"))
        for party, items in board.reservations.items():
            print(f"  {party}: " + "; ".join(f"{i.text} {i.label}" for i in items))
    if board.comments:
        print(_("Open comments:") + " " + ", ".join(
            f"{party} {count}" for party, count in board.comments.items()))
    if board.silence:
        print(board.silence)
    print(board.summary)


def _status_set(args: argparse.Namespace, path: str, word: str) -> int:
    if word not in STATUS_WORDS:
        raise InputError(_("“{word}” is not a status; use agreed, ad-referendum or "
                           "pending.").format(word=word))
    if not args.block:
        raise InputError(_("status set needs --block ID (see `concordia show --json`)."))

    def build(draft: Draft) -> Operation:
        try:
            draft.block(args.block)
        except KeyError:
            raise InputError(_("The draft has no paragraph with id “{id}”.").format(
                id=args.block)) from None
        kind = STATUS_WORDS[word]
        parties = _codes(PartyRegistry.for_draft(draft), args.parties)
        if kind is StatusKind.AD_REFERENDUM and not parties:
            raise InputError(_("Agreed ad referendum needs --parties (who must confirm)."))
        if kind is StatusKind.PENDING:
            return SetBlockStatus(args.block, None)
        return SetBlockStatus(args.block, BlockStatus(kind, parties).to_json())

    change_draft(path, build)
    return 0


def _silence(args: argparse.Namespace, path: str) -> int:
    def build(draft: Draft) -> Operation:
        if args.end:
            return SetSilence(None)
        if not args.until and draft.silence is None:
            raise InputError(_("status silence needs --until YYYY-MM-DDTHH:MM."))
        try:
            deadline = (datetime.fromisoformat(args.until) if args.until
                        else draft.silence.deadline)  # type: ignore[union-attr]
        except ValueError:
            raise InputError(_("“{value}” is not a time; write it as YYYY-MM-DDTHH:MM.").format(
                value=args.until)) from None
        broken = _codes(PartyRegistry.for_draft(draft), args.broken_by)
        return SetSilence(Silence(deadline, broken).to_json())

    change_draft(path, build)
    return 0
