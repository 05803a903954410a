"""`concordia export DRAFT --out NOTE.docx [--lang en|es] [--force]`: write the note as DOCX."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.i18n import SUPPORTED_LANGUAGES, _
from app.progress import StderrProgress
from app.store import load_draft


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("export", help=_("export the note to Word (DOCX) in English or Spanish"))
    parser.add_argument("draft", help=_("a .concordia draft file"))
    parser.add_argument("--out", required=True, help=_("the .docx file to write"))
    parser.add_argument("--lang", default="en", choices=SUPPORTED_LANGUAGES,
                        help=_("language of the exported note (default: en)"))
    parser.add_argument("--force", action="store_true", help=_("replace the file if it exists"))
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from app.docx import ExportError, export_note

    target = Path(args.out)
    if target.exists() and not args.force:
        print("concordia: " + _("“{name}” already exists; add --force to replace it.")
              .format(name=target), file=sys.stderr)
        return 1
    draft = load_draft(args.draft)
    try:
        report = export_note(draft, target, args.lang, StderrProgress())
    except ExportError as error:
        print(f"concordia: {error}", file=sys.stderr)
        return 1
    for warning in report.warnings:
        print("concordia: " + warning, file=sys.stderr)
    print(_("Exported {path} ({language}): {blocks} blocks, {footnotes} footnotes.").format(
        path=report.path, language=report.language.upper(), blocks=report.blocks,
        footnotes=report.footnotes))
    return 0
