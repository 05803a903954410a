"""`concordia backup list|restore`: the rotating backups taken when a draft is saved.

    concordia backup list DRAFT [--json]
    concordia backup restore DRAFT --backup NAME [--out NEW.concordia]

Without --out the backup replaces the draft in place, under the draft's lock like any change;
the draft as it was is backed up first, so a restore can itself be undone.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from app.i18n import _
from app.store.backups import (
    describe_size,
    describe_time,
    list_backups,
    restore_in_place,
    restore_to,
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("backup", help=_("list or restore the backups of a draft"))
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    listing = actions.add_parser("list", help=_("list a draft's backups, newest first"))
    listing.add_argument("draft", help=_("a .concordia draft file"))
    listing.add_argument("--json", action="store_true", help=_("print JSON for scripts"))
    listing.set_defaults(handler=run_list)
    restore = actions.add_parser("restore", help=_("bring back a backup of a draft"))
    restore.add_argument("draft", help=_("a .concordia draft file"))
    restore.add_argument("--backup", required=True, metavar="NAME",
                         help=_("the backup's name, as `backup list` shows it"))
    restore.add_argument("--out", metavar="PATH",
                         help=_("write the backup as this new draft instead of replacing DRAFT"))
    restore.set_defaults(handler=run_restore)
    parser.set_defaults(handler=lambda args: parser.print_help() or 2)


def run_list(args: argparse.Namespace) -> int:
    draft = Path(args.draft)
    if not draft.exists():
        raise FileNotFoundError(2, "no such file", str(draft))
    backups = list_backups(draft)
    if args.json:
        print(json.dumps([{"name": b.name, "taken": b.taken.isoformat(), "size": b.size}
                          for b in backups], ensure_ascii=False, indent=2))
        return 0
    if not backups:
        print(_("“{name}” has no backups yet: one is taken when it is saved.").format(
            name=draft.name))
        return 0
    for backup in backups:
        print(f"{backup.name}\t{describe_time(backup.taken)}\t{describe_size(backup.size)}")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    if args.out:
        target = restore_to(args.draft, args.backup, args.out)
        print(_("Wrote backup “{backup}” as {out}.").format(backup=args.backup, out=target))
        return 0
    before = restore_in_place(args.draft, args.backup)
    print(_("Restored “{backup}” into {draft}; the draft as it was is backup “{before}”.").format(
        backup=args.backup, draft=args.draft, before=before.name))
    return 0
