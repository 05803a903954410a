"""`concordia compare DRAFT --from "Rev 1" [--to "Rev 2"]`: what changed between two versions,
as a marked text, JSON, or a Word file with Council marking or tracked changes."""

from __future__ import annotations

import argparse
import dataclasses
import json
from pathlib import Path

from app.i18n import _
from app.model import Draft
from app.model.annotations import Visibility
from app.progress import StderrProgress
from app.store import load_draft
from app.store.errors import DraftFileError
from app.store.versions import CURRENT, text_of


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("compare", help=_("compare two versions of a draft"))
    parser.add_argument("draft", help=_("a .concordia draft file"))
    parser.add_argument("--from", dest="old", required=True, help=_("the older version"))
    parser.add_argument("--to", dest="new", default=CURRENT,
                        help=_("the newer version (default: the current text)"))
    parser.add_argument("--json", action="store_true", help=_("print JSON for scripts"))
    parser.add_argument("--changes-only", action="store_true",
                        help=_("with --json: leave unchanged paragraphs out"))
    parser.add_argument("--out", help=_("write the comparison to this .docx file"))
    parser.add_argument("--style", choices=("council", "tracked"), default="council",
                        help=_("Word marking: Council (bold underline / strikethrough) or "
                               "tracked changes"))
    parser.add_argument("--language", choices=("en", "es"),
                        help=_("language of the texts compared and of the exported labels "
                               "(default: the draft's)"))
    parser.add_argument("--author", help=_("author of tracked changes (default: the version's)"))
    parser.add_argument("--internal", action="store_true",
                        help=_("include internal comments (left out by default)"))
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from app.compare import compare_drafts, comparison_to_json
    from app.compare.to_text import comparison_to_text

    draft = load_draft(args.draft)
    old, new = text_of(draft, args.old), text_of(draft, args.new)
    if not args.internal:             # nothing internal in what may be pasted or forwarded
        old, new = without_internal_comments(old), without_internal_comments(new)
    if args.out:
        return _export(args, draft, old, new)
    if args.language and args.language != new.language:
        # The texts of that language version, same block ids: a Spanish comparison.
        from app.compare.texts import language_text

        old = language_text(old, args.language, _shown(args.old))
        new = language_text(new, args.language, _shown(args.new))
    comparison = compare_drafts(old, new, args.old, args.new, StderrProgress())
    from app.compare.bracket_changes import negotiation_changes

    negotiation = negotiation_changes(old, new)    # brackets opened/closed, status changed
    if args.json:
        data = comparison_to_json(comparison, changes_only=args.changes_only)
        data["negotiation"] = [change.to_json() for change in negotiation]
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(comparison_to_text(comparison), end="")
        if negotiation:
            print(_("Square brackets and paragraph status:"))
            for change in negotiation:
                print("  " + change.text)
    return 0


def without_internal_comments(draft: Draft) -> Draft:
    """A shallow copy of `draft` whose comments are only those for circulation."""
    kept = {key: comment for key, comment in draft.comments.items()
            if comment.visibility != Visibility.INTERNAL}
    return dataclasses.replace(draft, comments=kept)


def _shown(name: str) -> str:
    """How a refusal names the version: "" for the current text."""
    return "" if name.strip().lower() == CURRENT else name


def _export(args, draft, old, new) -> int:
    from app.compare import summary_line

    try:
        from app.docx.redline import export_versions
    except ImportError as error:
        raise DraftFileError(_("Word export of a comparison is not available: {error}")
                             .format(error=error)) from error
    author = args.author
    if author is None:
        author = next((v.author for v in draft.versions if v.name == args.new), "") or "Concordia"
    date = next((v.created for v in draft.versions if v.name == args.new), None)
    target = Path(args.out)
    from app.docx.localise import ExportError

    try:
        comparison, _report = export_versions(
            old, new, target, args.old, args.new, style=args.style,
            language=args.language or new.language, author=author, date=date,
            progress=StderrProgress())
    except ExportError as error:          # one sentence from the writer, no traceback
        raise DraftFileError(str(error), target) from error
    print(_("Wrote {path} ({summary}).").format(path=target, summary=summary_line(comparison)))
    return 0
