"""`concordia library …`: build the clause library, search it, find precedents for a paragraph.

    concordia library add FILE_OR_FOLDER… [--library URL] [--status adopted|draft]
    concordia library search "QUERY" [--json] [--lang en|es] [--source S] [--year Y] [--limit N]
    concordia library precedents DRAFT --block ID [--json]
    concordia library clause CLAUSE_ID [--lang es] [--json]
    concordia library sources [--json]
    concordia library path

--library takes a file (SQLite) or a server URL: postgresql://user@host/database for a team's
shared library (created and migrated by Concordia on first use).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from app.i18n import _
from app.progress import StderrProgress


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("library", help=_("the clause library of agreed language"))
    parser.set_defaults(handler=lambda args: parser.print_help() or 2)
    commands = parser.add_subparsers(dest="library_command", metavar="ACTION")

    def with_library(sub: argparse.ArgumentParser) -> argparse.ArgumentParser:
        sub.add_argument("--library", metavar="URL",
                         help=_("library file, or postgresql://user@host/database for a "
                                "shared library (default: the user's library)"))
        return sub

    add = with_library(commands.add_parser("add", help=_("add documents to the library")))
    add.add_argument("paths", nargs="+", metavar="FILE_OR_FOLDER")
    add.add_argument("--title", help=_("title to record for the given files"))
    add.add_argument("--number", help=_("document number or symbol to record (e.g. 6914/24)"))
    add.add_argument("--date", help=_("date to record, YYYY-MM-DD"))
    add.add_argument("--lang", choices=["en", "es"], help=_("language of the given files"))
    add.add_argument("--status", choices=["adopted", "draft"],
                     help=_("adopted (agreed language) or draft (a working text); default: "
                            "draft when the document invites comments or is titled a draft"))
    add.set_defaults(handler=run_add)

    find = with_library(commands.add_parser("search", help=_("search the library")))
    find.add_argument("query", help=_('words, "exact phrases", prefixes (coop*)'))
    find.add_argument("--json", action="store_true", help=_("print JSON for scripts"))
    find.add_argument("--lang", choices=["en", "es"])
    find.add_argument("--source", help=_("only clauses from sources whose number or title contains this"))
    find.add_argument("--year", type=int, help=_("only clauses from sources of this year"))
    find.add_argument("--limit", type=int, default=10)
    find.set_defaults(handler=run_search)

    near = with_library(commands.add_parser("precedents", help=_("closest agreed language for a block")))
    near.add_argument("draft", help=_("a .concordia draft file"))
    near.add_argument("--block", required=True, metavar="ID", help=_("the block's id"))
    near.add_argument("--json", action="store_true")
    near.add_argument("--limit", type=int, default=5)
    near.add_argument("--lang", choices=["en", "es"], help=_("only precedents in this language"))
    near.set_defaults(handler=run_precedents)

    one = with_library(commands.add_parser("clause", help=_("a clause, its history and its translation")))
    one.add_argument("clause_id")
    one.add_argument("--lang", choices=["en", "es"], default="en")
    one.add_argument("--json", action="store_true")
    one.set_defaults(handler=run_clause)

    listing = with_library(commands.add_parser("sources", help=_("list the documents in the library")))
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=run_sources)

    where = with_library(commands.add_parser("path", help=_("print where the library is")))
    where.set_defaults(handler=run_path)


def _open(args: argparse.Namespace):
    from app.library import Library

    return Library(args.library)


def _guarded(function):
    """Library problems are one sentence on stderr and exit code 1, never a traceback."""

    def run(args: argparse.Namespace) -> int:
        from app.library import LibraryError

        try:
            return function(args)
        except LibraryError as error:
            print(f"concordia: {error}", file=sys.stderr)
            return 1

    return run


@_guarded
def run_path(args: argparse.Namespace) -> int:
    from sqlalchemy.engine import make_url

    from app.library.db import library_url

    url = library_url(args.library)
    if url.startswith("sqlite:///") and "?" not in url:
        print(url[len("sqlite:///"):])
    else:
        print(make_url(url).render_as_string(hide_password=True))
    return 0


@_guarded
def run_sources(args: argparse.Namespace) -> int:
    from sqlalchemy import func, select

    from app.library.db import provenances, sources

    with _open(args) as library, library.engine.connect() as connection:
        rows = connection.execute(
            select(sources.c.id, sources.c.number, sources.c.date, sources.c.language,
                   sources.c.title, sources.c.origin_file, sources.c.status,
                   func.count(provenances.c.id).label("clauses"))
            .join(provenances, provenances.c.source_id == sources.c.id, isouter=True)
            .group_by(sources.c.id)
            .order_by(sources.c.date, sources.c.id)
        ).all()
    if args.json:
        print(json.dumps([
            {"id": r.id, "number": r.number, "date": r.date.isoformat() if r.date else None,
             "language": r.language, "title": r.title, "origin_file": r.origin_file,
             "status": r.status, "clauses": r.clauses} for r in rows], ensure_ascii=False, indent=2))
        return 0
    for r in rows:
        print(f"{r.number or '—':>12}  {r.date.isoformat() if r.date else '':10}  {r.language}  "
              f"{r.status:7}  {r.clauses:5}  {r.title[:70]}")
    return 0


@_guarded
def run_add(args: argparse.Namespace) -> int:
    from app.library.ingest import ADDED, SKIPPED, UNCHANGED

    overrides = {"title": args.title, "number": args.number, "date": args.date, "language": args.lang,
                 "status": args.status}
    if args.date:
        from datetime import date

        try:
            date.fromisoformat(args.date)
        except ValueError:
            print("concordia: " + _("the date must be written YYYY-MM-DD"), file=sys.stderr)
            return 2
    with _open(args) as library:
        report = library.add([Path(p) for p in args.paths], StderrProgress(), overrides)
        for outcome in report.outcomes:
            if outcome.status == ADDED:
                print(_("added      {path}: {count} clauses, {new} new").format(
                    path=outcome.path, count=outcome.clauses, new=outcome.new_clauses))
            elif outcome.status == UNCHANGED:
                print(_("unchanged  {path}: already in the library").format(path=outcome.path))
            else:
                print(_("skipped    {path}: {reason}").format(path=outcome.path, reason=outcome.reason))
        counts = library.counts()
    print(_("{added} added, {unchanged} unchanged, {skipped} skipped; the library holds {clauses} "
            "clauses from {sources} sources").format(
        added=report.count(ADDED), unchanged=report.count(UNCHANGED),
        skipped=report.count(SKIPPED), **counts))
    nothing_read = report.count(ADDED) + report.count(UNCHANGED) == 0
    return 1 if nothing_read and report.count(SKIPPED) else 0


@_guarded
def run_search(args: argparse.Namespace) -> int:
    from app.library.search import snippet_plain

    with _open(args) as library:
        hits = library.search(args.query, language=args.lang, source=args.source, year=args.year,
                              limit=max(1, args.limit))
    if args.json:
        print(json.dumps([hit.to_json() for hit in hits], ensure_ascii=False, indent=2))
        return 0
    if not hits:
        print(_("no clause matches “{query}”").format(query=args.query))
        return 0
    bold, plain = ("\033[1m", "\033[0m") if sys.stdout.isatty() else ("«", "»")
    for number, hit in enumerate(hits, start=1):
        print(f"{number:2}. [{hit.clause_id}] {snippet_plain(hit.snippet, bold, plain)}")
        for source in hit.sources:
            print(f"      — {source.label}  {source.title[:70]}")
    return 0


@_guarded
def run_precedents(args: argparse.Namespace) -> int:
    from app.store import load_draft

    draft = load_draft(args.draft)
    try:
        block = draft.block(args.block)
    except KeyError:
        print("concordia: " + _("the draft has no block {id}").format(id=args.block), file=sys.stderr)
        return 1
    with _open(args) as library:
        # The draft (and its language versions) is never its own precedent.
        found = library.precedents(block.text, limit=max(1, args.limit), language=args.lang,
                                   exclude_origin=str(Path(args.draft)),
                                   exclude_number=draft.note.number)
    if args.json:
        print(json.dumps([item.to_json() for item in found], ensure_ascii=False, indent=2))
        return 0
    if not found:
        print(_("no precedent found for this block"))
        return 0
    for item in found:
        print(f"{item.rank:6.1%}  [{item.hit.clause_id}] {item.summary()}")
        if item.is_rewording:
            print("        " + render_diff(item.diff))
        for passage in item.passages:
            print("        «" + passage.text + "»")
        for lang, (clause_id, body) in item.translations.items():
            print(f"        {lang}: [{clause_id}] {body}")
    return 0


def render_diff(diff: list[tuple[int, str]]) -> str:
    """[-agreed-]{+new+} word diff, as `git diff --word-diff` prints it."""
    parts = []
    for op, text in diff:
        parts.append(text if op == 0 else (f"[-{text}-]" if op < 0 else f"{{+{text}+}}"))
    return "".join(parts)


@_guarded
def run_clause(args: argparse.Namespace) -> int:
    from app.library.pairing import clause_row, counterparts
    from app.library.search import Hit, attach_provenance

    with _open(args) as library:
        with library.engine.connect() as connection:
            row = clause_row(connection, args.clause_id)
            if row is None:
                print("concordia: " + _("the library has no clause {id}").format(id=args.clause_id),
                      file=sys.stderr)
                return 1
            hit = Hit(row.clause_id, row.text, 0.0, "", row.language, row.kind, num=row.num)
            attach_provenance(connection, [hit])
            pairs = counterparts(connection, row)
    data = hit.to_json()
    data["translations"] = {lang: {"clause_id": p.clause_id, "text": p.text} for lang, p in pairs.items()}
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    print(f"[{hit.clause_id}] ({hit.language}) {hit.text}")
    for source in hit.sources:
        print(f"  — {source.label}  {source.title[:70]}")
    for lang, pair in pairs.items():
        print(f"  {lang}: [{pair.clause_id}] {pair.text}")
    return 0
