"""`concordia import FILE --out DRAFT`: turn a markdown / plain-text note into a draft."""

from __future__ import annotations

import argparse

from app.i18n import _


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("import", help=_("import a markdown or text note as a draft"))
    parser.add_argument("source", help=_("a .md or .txt file"))
    parser.add_argument("--out", help=_("the .concordia draft to write"))
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    print("concordia: " + _("import is not ready yet"))
    return 1
