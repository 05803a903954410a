"""`concordia import`: a markdown / plain-text note into a draft, or into a draft's language.

    concordia import NOTE.md --out DRAFT.concordia [--force]
    concordia import NOTE.es.md --into DRAFT.concordia --language es [--force]

With --into, a text that reads as another language than --language (the English export given
as Spanish) is refused unless --force.

Warnings and progress go to stderr; they never fail the import. Bad input is one sentence
and exit code 1 (the errors are DraftFileError subclasses, reported by app.cli).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from app.i18n import _, ngettext
from app.progress import StderrProgress
from app.store import DraftSession, save_draft
from app.store.session import holding_lock

if TYPE_CHECKING:
    from app.importer import ImportReport

# The importers (and what they import) load only when a text is imported: `concordia` builds
# every command's parser for each run, and a `comment add` should not pay for them.


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import", help=_("import a Word, markdown or text note as a draft, or as a draft's language")
    )
    parser.add_argument("source", help=_("a .docx, .md or .txt file (text in UTF-8 or Windows-1252)"))
    parser.add_argument("--out", metavar="DRAFT", help=_("the new .concordia draft to write"))
    parser.add_argument("--force", action="store_true",
                        help=_("replace the --out draft if it exists; with --into, import a text "
                               "even if it reads as another language than --language"))
    parser.add_argument("--into", metavar="DRAFT",
                        help=_("an existing draft to add the text to as a language version"))
    parser.add_argument("--language", metavar="CODE",
                        help=_("the language of the text for --into, e.g. es"))
    # `--as-version NAME` (import as a named version of an existing draft) is added by the
    # versions command group; `_mode` below is where it slots in.
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    mode = _mode(args)
    if mode == "out":
        return _import_new(args)
    if mode == "into":
        return _import_language(args)
    return _MODES[mode](args)


#: Further modes (e.g. "as_version") register a handler here.
_MODES: dict = {}


def _mode(args: argparse.Namespace) -> str:
    from app.importer import TextImportError

    chosen = [name for name in ("out", "into", *_MODES) if getattr(args, name, None)]
    if "into" in chosen and any(name in chosen for name in _MODES):
        chosen.remove("into")         # a registered mode names its draft with --into
    if len(chosen) != 1:
        raise TextImportError(_("Give either --out NEW_DRAFT or --into DRAFT --language CODE."))
    if chosen[0] == "into" and not args.language:
        raise TextImportError(_("--into needs --language, the language of the text (e.g. es)."))
    return chosen[0]


def _import_new(args: argparse.Namespace) -> int:
    from app.importer import TextImportError

    out = Path(args.out)
    if out.exists() and not args.force:
        raise TextImportError(
            _("“{name}” already exists; use --force to replace it.").format(name=out.name), out
        )
    if out.is_dir():
        raise IsADirectoryError(21, "is a directory", str(out))
    draft, report = _read_new(Path(args.source))
    _print_warnings(report)
    with holding_lock(out):  # a draft open in a window holds its lock: never replaced
        if out.exists() and not args.force:   # made by another process meanwhile
            raise TextImportError(
                _("“{name}” already exists; use --force to replace it.").format(name=out.name),
                out)
        save_draft(draft, out)
    blocks, footnotes = len(draft.blocks), len(draft.footnotes)
    warnings = len(report.warnings)
    print(_("Imported {blocks} and {footnotes} into {name} ({warnings}).").format(
        blocks=ngettext("{count} block", "{count} blocks", blocks).format(count=blocks),
        footnotes=ngettext("{count} footnote", "{count} footnotes", footnotes).format(
            count=footnotes),
        name=out.name,
        warnings=ngettext("{count} warning", "{count} warnings", warnings).format(
            count=warnings)))
    for line in report.brackets:        # the negotiation brackets it turned into data
        print(line)
    return 0


def _read_new(source: Path):
    """A Word file through the DOCX reader, anything else through the text importer."""
    from app.docx.open_word import looks_like_word, open_word_file
    from app.importer import import_text_file

    if source.is_file() and looks_like_word(source):
        return open_word_file(source, StderrProgress())
    return import_text_file(source, StderrProgress())


def _import_language(args: argparse.Namespace) -> int:
    from app.importer import TextImportError
    from app.importer.language import WrongLanguageError, language_name
    from app.importer.pairing import import_language_version

    with DraftSession.editing(args.into) as draft:  # refuses a draft locked elsewhere
        try:
            report = import_language_version(draft, Path(args.source), args.language,
                                             StderrProgress(), force=args.force)
        except WrongLanguageError as error:
            raise TextImportError(
                _("This text reads as {detected}, not {expected}; use --force to import it "
                  "anyway.").format(detected=_(language_name(error.detected)),
                                    expected=_(language_name(error.expected))), error.path
            ) from error
        _print_warnings(report.import_report)
    for line in report.summary():
        print(line)
    return 0


def _print_warnings(report: ImportReport) -> None:
    for warning in report.warnings:
        print("concordia: " + _("warning: {warning}").format(warning=warning), file=sys.stderr)
