"""`concordia export DRAFT --out NOTE.docx [--lang en|es] [--force]`: write the note as DOCX,
or as PDF when the file name ends in .pdf (the Word file rendered by LibreOffice)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.i18n import SUPPORTED_LANGUAGES, _
from app.progress import StderrProgress


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("export", help=_("export the note to Word (DOCX) in English or Spanish"))
    parser.add_argument("draft", help=_("a .concordia draft file"))
    parser.add_argument("--out", required=True,
                        help=_("the .docx file to write (.pdf: the same pages as PDF)"))
    parser.add_argument("--lang", default="en", choices=SUPPORTED_LANGUAGES,
                        help=_("language of the exported note (default: en)"))
    parser.add_argument("--force", action="store_true", help=_("replace the file if it exists"))
    parser.add_argument("--comments", choices=("none", "circulation", "all"), default=None,
                        help=_("delegations' comments to include: none, circulation or all "
                               "(default: none in the note, circulation in a compilation)"))
    parser.add_argument("--view", choices=("bracketed", "clean"), default=None,
                        help=_("square brackets: bracketed (the default while any is open) "
                               "or clean (the text as it reads, no markup)"))
    parser.add_argument("--compilation", action="store_true",
                        help=_("write the compilation of comments (table) instead of the note"))
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from app.docx import export_note

    target = Path(args.out)
    if target.exists() and not args.force:
        print("concordia: " + _("“{name}” already exists; add --force to replace it.")
              .format(name=target), file=sys.stderr)
        return 1
    from app.commands.check import load_with_warnings

    draft = load_with_warnings(args.draft)
    if getattr(args, "compilation", False):
        return _run_compilation(draft, target, args)
    if target.suffix.lower() == ".pdf":
        from app.docx.pdf import export_pdf

        # the view is the Word export's, so the warnings judge the draft, not its markup
        report = export_pdf(draft, target, args.lang, StderrProgress(),
                            comments=args.comments or "none", view=args.view)
    else:
        report = export_note(draft, target, args.lang, StderrProgress(),
                             comments=args.comments or "none", view=args.view)
    for warning in report.warnings:
        print("concordia: " + warning, file=sys.stderr)
    print(_("Exported {path} ({language}): {blocks} blocks, {footnotes} footnotes.").format(
        path=report.path, language=report.language.upper(), blocks=report.blocks,
        footnotes=report.footnotes))
    return 0


def _run_compilation(draft, target: Path, args: argparse.Namespace) -> int:
    from app.docx.compilation import export_compilation

    report = export_compilation(draft, target, args.lang, args.comments or "circulation",
                                StderrProgress())
    for warning in report.warnings:
        print("concordia: " + warning, file=sys.stderr)
    print(_("Exported the compilation {path} ({language}): {rows} rows.").format(
        path=report.path, language=report.language.upper(), rows=report.rows))
    return 0
