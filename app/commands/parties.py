"""`concordia party …`: the parties (delegations, groups, institutions) a draft knows.

    concordia party list [DRAFT] [--lang es] [--json]
    concordia party add DRAFT --code UA --name "Ukraine" [--name-es "Ucrania"] [--kind state]
"""

from __future__ import annotations

import argparse
import json

from app.i18n import _
from app.model import Draft
from app.model.annotation_ops import AddParty
from app.model.ops import Operation
from app.model.parties import Party, PartyKind, PartyRegistry, normalise_code
from app.store import load_draft

from .draft_changes import InputError, change_draft, draft_argument, guarded

KINDS = {"state": PartyKind.STATE, "group": PartyKind.GROUP, "institution": PartyKind.INSTITUTION}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("party", help=_("list parties or add one to a draft"))
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    add = actions.add_parser("add", help=_("add a party (delegation or group) to a draft"))
    draft_argument(add)
    add.add_argument("--code", required=True, help=_("its code, e.g. UA"))
    add.add_argument("--name", required=True, help=_("its name in English"))
    add.add_argument("--name-es", default="", help=_("its name in Spanish"))
    add.add_argument("--kind", default="state", choices=list(KINDS),
                     help=_("state (default), group or institution"))
    add.set_defaults(handler=guarded(run_party_add))
    listing = actions.add_parser("list", help=_("list the known parties in protocol order"))
    listing.add_argument("draft", nargs="?", help=_("a draft, to include its added parties"))
    listing.add_argument("--lang", default="en", choices=["en", "es"], help=_("language of names"))
    listing.add_argument("--json", action="store_true", help=_("print JSON for scripts"))
    listing.set_defaults(handler=guarded(run_party_list))
    parser.set_defaults(handler=lambda args: parser.print_help() or 2)


def run_party_add(args: argparse.Namespace) -> int:
    kind = KINDS[args.kind]

    def build(draft: Draft) -> Operation:
        registry = PartyRegistry.for_draft(draft)
        code = normalise_code(args.code)
        if not code.replace("-", "").isalnum():
            raise InputError(_("A party code is letters and digits, e.g. UA."))
        if code in registry:
            raise InputError(_("“{code}” is already a party.").format(code=code))
        if not args.name.strip():
            raise InputError(_("A party needs a name."))
        party = Party(code, kind, None, args.name.strip(), args.name_es.strip(), True)
        return AddParty(party.to_json())

    change_draft(args.draft, build)
    return 0


def run_party_list(args: argparse.Namespace) -> int:
    draft = load_draft(args.draft) if args.draft else Draft()
    registry = PartyRegistry.for_draft(draft)
    codes = registry.protocol_order([party.code for party in registry], args.lang)
    if args.json:
        print(json.dumps([{"code": code, "kind": registry.get(code).kind.value,
                           "name": registry.name(code, args.lang)} for code in codes],
                         ensure_ascii=False, indent=2))
        return 0
    for code in codes:
        print(f"{code}\t{registry.name(code, args.lang)}")
    return 0
