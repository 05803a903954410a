"""`concordia version save|list|show|checkout`: named, immutable versions of a draft."""

from __future__ import annotations

import argparse
import json

from app.i18n import _
from app.store import load_draft
from app.store.errors import DraftFileError
from app.store.session import save_version_in_file
from app.store.versions import checkout_version, find_version


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("version", help=_("save, list and open versions of a draft"))
    actions = parser.add_subparsers(dest="action", metavar="ACTION")

    save = actions.add_parser("save", help=_("save the current text as a named version"))
    save.add_argument("draft", help=_("a .concordia draft file"))
    save.add_argument("--name", required=True, help=_("the version's name, e.g. “Rev 1”"))
    save.add_argument("--author", help=_("who saves it (default: “Drafted by” on the cover, else From)"))
    save.set_defaults(handler=run_save)

    listing = actions.add_parser("list", help=_("list the versions of a draft"))
    listing.add_argument("draft", help=_("a .concordia draft file"))
    listing.add_argument("--json", action="store_true", help=_("print JSON for scripts"))
    listing.set_defaults(handler=run_list)

    show = actions.add_parser("show", help=_("print a version (read-only)"))
    show.add_argument("draft", help=_("a .concordia draft file"))
    show.add_argument("--name", required=True, help=_("the version to print"))
    show.add_argument("--json", action="store_true", help=_("print JSON for scripts"))
    show.set_defaults(handler=run_show)

    checkout = actions.add_parser("checkout", help=_("start a new draft from a version"))
    checkout.add_argument("draft", help=_("a .concordia draft file"))
    checkout.add_argument("--name", required=True, help=_("the version to start from"))
    checkout.add_argument("--out", required=True, help=_("the new .concordia draft to write"))
    checkout.set_defaults(handler=run_checkout)
    parser.set_defaults(handler=lambda args: parser.print_help() or 2)
    _extend_import(subparsers)


def _extend_import(subparsers: argparse._SubParsersAction) -> None:
    """`concordia import FILE --into DRAFT --as-version NAME`: a revision as a version."""
    from app.commands import importing

    parser = subparsers.choices.get("import")
    if parser is None:
        return
    parser.add_argument("--as-version", metavar="NAME",
                        help=_("with --into: add the text (or DOCX) as a named version of the "
                               "draft, its paragraphs matched to the draft's"))
    importing._MODES["as_version"] = run_import_as_version


def run_import_as_version(args: argparse.Namespace) -> int:
    from app.compare.revision_import import import_revision
    from app.progress import StderrProgress

    if not args.into:
        raise DraftFileError(_("--as-version needs --into DRAFT, the draft the revision belongs "
                               "to."))
    version, report = import_revision(args.into, args.source, args.as_version,
                                      progress=StderrProgress())
    print(_("Added “{name}” to {draft}: {carried} of {blocks} paragraphs continue the draft's, "
            "{footnotes} footnotes too.").format(
        name=version.name, draft=args.into, carried=report.carried, blocks=report.blocks,
        footnotes=report.footnotes_carried))
    for sentence in report.unplaced:
        print(sentence)
    return 0


def run_save(args: argparse.Namespace) -> int:
    version = save_version_in_file(args.draft, args.name, args.author)
    print(_("Saved version “{name}” ({created}).").format(name=version.name,
                                                        created=version.created))
    return 0


def run_list(args: argparse.Namespace) -> int:
    draft = load_draft(args.draft)
    if args.json:
        print(json.dumps([v.info_json() for v in draft.versions], ensure_ascii=False, indent=2))
        return 0
    if not draft.versions:
        print(_("No versions saved yet."))
    for version in draft.versions:
        print(f"{version.name}\t{version.created}\t{version.author}")
    return 0


def run_show(args: argparse.Namespace) -> int:
    from app.commands import show

    find_version(load_draft(args.draft), args.name)      # one clear sentence if unknown
    return show.run(argparse.Namespace(draft=args.draft, json=args.json, version=args.name))


def run_checkout(args: argparse.Namespace) -> int:
    out = checkout_version(load_draft(args.draft), args.name, args.out)
    print(_("Wrote {path} from version “{name}”.").format(path=out, name=args.name))
    return 0
