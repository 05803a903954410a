"""`concordia comment …`, `concordia reservation …`: the secretariat's data entry of
delegations' comments and reservations (parties: app.commands.parties).

    concordia comment add DRAFT --block ID [--start N --end N] --party HU --text "…" [--internal]
    concordia comment list DRAFT [--json]
    concordia comment status DRAFT --id ID --status taken
    concordia reservation add DRAFT (--block ID | --whole) [--start N --end N] --parties HU,PL \
        --kind scrutiny [--text "…" --text-es "…"]
    concordia reservation lift|maintain DRAFT --id ID
    concordia reservation list DRAFT [--json]

Every change goes through an operation and is saved through a DraftSession, so the draft's
lock is respected and a bad value changes nothing.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from datetime import date

from app.i18n import _
from app.model import Draft, new_id
from app.model.annotation_ops import (
    AddComment,
    AddReply,
    AddReservation,
    RemoveComment,
    RemoveReservation,
    SetCommentStatus,
    SetReservationStatus,
)
from app.model.annotations import (
    Anchor,
    Comment,
    CommentStatus,
    Reply,
    Reservation,
    ReservationKind,
    ReservationStatus,
    Visibility,
)
from app.model.inline import content_length
from app.model.ops import Operation
from app.model.parties import PartyRegistry, normalise_code
from app.store import load_draft

from .annotation_listing import comment_json, print_comments, print_reservations
from .comment_import import register_copy_actions
from .draft_changes import InputError, change_draft, draft_argument, guarded

STATUS_WORDS = {
    "open": CommentStatus.OPEN, "taken": CommentStatus.TAKEN,
    "taken-on-board": CommentStatus.TAKEN, "not-taken": CommentStatus.NOT_TAKEN,
    "not_taken": CommentStatus.NOT_TAKEN, "withdrawn": CommentStatus.WITHDRAWN,
}
KIND_WORDS = {
    "scrutiny": ReservationKind.SCRUTINY,
    "parliamentary-scrutiny": ReservationKind.PARLIAMENTARY_SCRUTINY,
    "parliamentary_scrutiny": ReservationKind.PARLIAMENTARY_SCRUTINY,
    "linguistic": ReservationKind.LINGUISTIC, "general": ReservationKind.GENERAL,
    "substantive": ReservationKind.SUBSTANTIVE, "position": ReservationKind.POSITION,
}


def register(subparsers: argparse._SubParsersAction) -> None:
    _register_comment(subparsers)
    _register_reservation(subparsers)


def _span_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--start", type=int, help=_("first character of the span (0 = start)"))
    parser.add_argument("--end", type=int, help=_("position just after the span"))


def _register_comment(subparsers) -> None:
    parser = subparsers.add_parser("comment", help=_("add, list and answer delegations' comments"))
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    add = actions.add_parser("add", help=_("add a delegation's comment on a paragraph or a span"))
    draft_argument(add)
    add.add_argument("--block", required=True, help=_("id of the paragraph (see show --json)"))
    _span_arguments(add)
    add.add_argument("--party", required=True, help=_("the delegation's code, e.g. HU"))
    add.add_argument("--text", required=True, help=_("the comment"))
    add.add_argument("--suggestion", default="", help=_("proposed wording, if any"))
    add.add_argument("--internal", action="store_true",
                     help=_("internal to our side: never in a circulated document"))
    add.add_argument("--date", help=_("date of the comment, YYYY-MM-DD (default: today)"))
    add.set_defaults(handler=guarded(run_comment_add))

    listing = actions.add_parser("list", help=_("list the comments by paragraph"))
    draft_argument(listing)
    listing.add_argument("--json", action="store_true", help=_("print JSON for scripts"))
    listing.add_argument("--party", help=_("only this delegation's comments"))
    listing.add_argument("--status", choices=sorted(STATUS_WORDS), help=_("only this status"))
    listing.set_defaults(handler=guarded(run_comment_list))

    status = actions.add_parser("status", help=_("set a comment's status"))
    draft_argument(status)
    status.add_argument("--id", required=True, help=_("the comment's id"))
    status.add_argument("--status", required=True, choices=sorted(STATUS_WORDS),
                        help=_("open, taken (on board), not-taken or withdrawn"))
    status.set_defaults(handler=guarded(run_comment_status))

    reply = actions.add_parser("reply", help=_("answer a comment"))
    draft_argument(reply)
    reply.add_argument("--id", required=True, help=_("the comment's id"))
    reply.add_argument("--party", default="PRES", help=_("who answers (default: PRES)"))
    reply.add_argument("--text", required=True, help=_("the answer"))
    reply.set_defaults(handler=guarded(run_comment_reply))

    remove = actions.add_parser("remove", help=_("delete a comment"))
    draft_argument(remove)
    remove.add_argument("--id", required=True, help=_("the comment's id"))
    remove.set_defaults(handler=guarded(run_comment_remove))
    register_copy_actions(actions)
    parser.set_defaults(handler=lambda args: parser.print_help() or 2)


def _register_reservation(subparsers) -> None:
    parser = subparsers.add_parser("reservation", help=_("enter, lift and list reservations"))
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    add = actions.add_parser("add", help=_("enter a reservation on a span, a paragraph or the text"))
    draft_argument(add)
    where = add.add_mutually_exclusive_group(required=True)
    where.add_argument("--block", help=_("id of the paragraph"))
    where.add_argument("--whole", action="store_true", help=_("on the whole text"))
    _span_arguments(add)
    add.add_argument("--parties", required=True, help=_("codes separated by commas, e.g. HU,PL"))
    add.add_argument("--kind", required=True, choices=sorted(KIND_WORDS),
                     help=_("scrutiny, parliamentary-scrutiny, linguistic, general, substantive "
                            "or position"))
    add.add_argument("--text", default="", help=_("wording of a position statement (English)"))
    add.add_argument("--text-es", default="", help=_("wording of a position statement (Spanish)"))
    add.add_argument("--date", help=_("date entered, YYYY-MM-DD (default: today)"))
    add.set_defaults(handler=guarded(run_reservation_add))

    for name, status, text in (
        ("lift", ReservationStatus.LIFTED, _("lift a reservation")),
        ("maintain", ReservationStatus.MAINTAINED, _("mark a reservation as maintained")),
    ):
        action = actions.add_parser(name, help=text)
        draft_argument(action)
        action.add_argument("--id", required=True, help=_("the reservation's id"))
        action.set_defaults(handler=guarded(run_reservation_status), status=status)

    remove = actions.add_parser("remove", help=_("delete a reservation entered by mistake"))
    draft_argument(remove)
    remove.add_argument("--id", required=True, help=_("the reservation's id"))
    remove.set_defaults(handler=guarded(run_reservation_remove))

    listing = actions.add_parser("list", help=_("list outstanding reservations by paragraph"))
    draft_argument(listing)
    listing.add_argument("--json", action="store_true", help=_("print JSON for scripts"))
    listing.add_argument("--all", action="store_true", help=_("include lifted reservations"))
    listing.set_defaults(handler=guarded(run_reservation_list))
    parser.set_defaults(handler=lambda args: parser.print_help() or 2)


# -- helpers ----------------------------------------------------------------------------------

def _change_existing(args: argparse.Namespace, find: Callable[[Draft, str], object],
                     operation: Operation) -> int:
    """Apply `operation` to the comment or reservation `args.id`, after `find` has checked
    that the draft has it (one clear sentence if not, rather than the operation's KeyError)."""
    def build(draft: Draft) -> Operation:
        find(draft, args.id)
        return operation

    change_draft(args.draft, build)
    return 0


def _date(value: str | None) -> date:
    if not value:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(_("“{value}” is not a date; write it as YYYY-MM-DD.").format(value=value)) from None


def _party(registry: PartyRegistry, code: str) -> str:
    if code not in registry:
        raise InputError(_("Unknown party “{code}”; add it with `concordia party add`, or see "
                           "`concordia party list`.").format(code=code))
    return registry.get(code).code


def _anchor(draft: Draft, block_id: str | None, start: int | None, end: int | None) -> Anchor:
    if block_id is None:
        if start is not None or end is not None:
            raise InputError(_("--start and --end need --block."))
        return Anchor(None)
    try:
        block = draft.block(block_id)
    except KeyError:
        raise InputError(_("The draft has no paragraph with id “{id}” (see `concordia show "
                           "--json`).").format(id=block_id)) from None
    if start is None and end is None:
        return Anchor(block_id)
    length = content_length(block.content)
    if start is None or end is None or not 0 <= start < end <= length:
        raise InputError(_("The span {start}–{end} does not fit paragraph “{id}”, which is "
                           "{length} characters long; give 0 ≤ start < end ≤ {length}.").format(
            start=start, end=end, id=block_id, length=length))
    return Anchor(block_id, start, end)


def _comment(draft: Draft, key: str) -> Comment:
    if key not in draft.comments:
        raise InputError(_("The draft has no comment with id “{id}”.").format(id=key))
    return draft.comments[key]


def _reservation(draft: Draft, key: str) -> Reservation:
    if key not in draft.reservations:
        raise InputError(_("The draft has no reservation with id “{id}”.").format(id=key))
    return draft.reservations[key]


# -- comments ---------------------------------------------------------------------------------

def run_comment_add(args: argparse.Namespace) -> int:
    key = new_id()

    def build(draft: Draft) -> Operation:
        if not args.text.strip():
            raise InputError(_("A comment needs some text."))
        comment = Comment(
            id=key,
            anchor=_anchor(draft, args.block, args.start, args.end),
            party=_party(PartyRegistry.for_draft(draft), args.party),
            text=args.text.strip(),
            suggestion=args.suggestion.strip(),
            visibility=Visibility.INTERNAL if args.internal else Visibility.CIRCULATION,
            date=_date(args.date),
        )
        return AddComment(comment.to_json())

    change_draft(args.draft, build)
    print(key)
    return 0


def run_comment_list(args: argparse.Namespace) -> int:
    draft = load_draft(args.draft)
    comments = list(draft.comments.values())
    if args.party:
        code = normalise_code(args.party)
        comments = [c for c in comments if c.party == code]
    if args.status:
        comments = [c for c in comments if c.status == STATUS_WORDS[args.status]]
    if args.json:
        print(json.dumps([comment_json(draft, c) for c in comments], ensure_ascii=False, indent=2))
    else:
        print_comments(draft, comments)
    return 0


def run_comment_status(args: argparse.Namespace) -> int:
    return _change_existing(args, _comment, SetCommentStatus(args.id, STATUS_WORDS[args.status].value))


def run_comment_reply(args: argparse.Namespace) -> int:
    def build(draft: Draft) -> Operation:
        _comment(draft, args.id)
        party = _party(PartyRegistry.for_draft(draft), args.party)
        return AddReply(args.id, Reply(party, args.text.strip(), date.today(), new_id()).to_json())

    change_draft(args.draft, build)
    return 0


def run_comment_remove(args: argparse.Namespace) -> int:
    return _change_existing(args, _comment, RemoveComment(args.id))


# -- reservations -----------------------------------------------------------------------------

def run_reservation_add(args: argparse.Namespace) -> int:
    key = new_id()
    kind = KIND_WORDS[args.kind]

    def build(draft: Draft) -> Operation:
        registry = PartyRegistry.for_draft(draft)
        codes = [code for code in args.parties.split(",") if code.strip()]
        if not codes:
            raise InputError(_("Name at least one party with --parties, e.g. --parties HU,PL."))
        parties = [_party(registry, code) for code in codes]
        if kind == ReservationKind.POSITION and not args.text.strip():
            raise InputError(_("A position statement needs its wording: add --text (and --text-es)."))
        reservation = Reservation(
            id=key,
            anchor=_anchor(draft, None if args.whole else args.block, args.start, args.end),
            parties=registry.protocol_order(parties),
            kind=kind,
            text_en=args.text.strip(),
            text_es=args.text_es.strip(),
            date=_date(args.date),
        )
        return AddReservation(reservation.to_json())

    change_draft(args.draft, build)
    print(key)
    return 0


def run_reservation_status(args: argparse.Namespace) -> int:
    return _change_existing(args, _reservation, SetReservationStatus(args.id, args.status.value))


def run_reservation_remove(args: argparse.Namespace) -> int:
    return _change_existing(args, _reservation, RemoveReservation(args.id))


def run_reservation_list(args: argparse.Namespace) -> int:
    draft = load_draft(args.draft)
    items = [r for r in draft.reservations.values() if args.all or r.outstanding]
    if args.json:
        print(json.dumps([r.to_json() for r in items], ensure_ascii=False, indent=2))
    else:
        print_reservations(draft, items)
    return 0


