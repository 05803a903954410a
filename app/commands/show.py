"""`concordia show DRAFT [--json]`: print a draft for people or scripts."""

from __future__ import annotations

import argparse
import json

from app.i18n import _
from app.model import TextRun


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("show", help=_("print a draft (text or JSON)"))
    parser.add_argument("draft", help=_("a .concordia draft file"))
    parser.add_argument("--json", action="store_true", help=_("print JSON for scripts"))
    parser.add_argument("--version", help=_("print this saved version instead (read-only)"))
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from app.commands.check import load_with_warnings
    from app.store.versions import text_of

    draft = text_of(load_with_warnings(args.draft), getattr(args, "version", None))
    if args.json:
        print(json.dumps(draft.to_public_json(), ensure_ascii=False, indent=2))
        return 0
    note = draft.note
    print(f"{note.doc_type} {note.full_number}  {note.place}, {note.date or ''}")
    print(f"{_('Subject:')} {note.subject}")
    numbers = {fid: n for n, fid in enumerate(draft.footnote_order(), start=1)}
    for block in draft.blocks:
        indent = "  " * block.level
        text = "".join(
            item.text if isinstance(item, TextRun) else f"[{numbers.get(item.footnote_id, '?')}]"
            for item in block.content
        )
        print(f"{indent}{text}")
    for fid, number in numbers.items():
        if fid in draft.footnotes:
            print(f"[{number}] {draft.footnotes[fid].text}")
    return 0
