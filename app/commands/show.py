"""`concordia show DRAFT [--json]`: print a draft for people or scripts."""

from __future__ import annotations

import argparse
import json

from app.i18n import _
from app.model import TextRun
from app.model.footnote_numbers import number_notes
from app.model.numbering import paragraph_numbers


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("show", help=_("print a draft (text or JSON)"))
    parser.add_argument("draft", help=_("a .concordia draft file"))
    parser.add_argument("--json", action="store_true", help=_("print JSON for scripts"))
    parser.add_argument("--version", help=_("print this saved version instead (read-only)"))
    parser.add_argument("--view", choices=("bracketed", "clean"), default=None,
                        help=_("square brackets in the text: bracketed (the default while any "
                               "is open) or clean"))
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from app.commands.check import load_with_warnings
    from app.store.versions import text_of

    draft = text_of(load_with_warnings(args.draft), getattr(args, "version", None))
    if args.json:
        print(json.dumps(draft.to_public_json(), ensure_ascii=False, indent=2))
        return 0
    from app.docx.bracket_view import view_of

    draft = view_of(draft, getattr(args, "view", None))   # brackets written into the text
    note = draft.note
    # a draft imported without a cover has no number or date: no dangling "Brussels, "
    where = ", ".join(part for part in (note.place, str(note.date or "")) if part)
    print("  ".join(part for part in (f"{note.doc_type} {note.full_number}".strip(), where)
                    if part))
    print(f"{_('Subject:')} {note.subject}")
    # Footnote marks as the note prints them: one number per reference, reservations included.
    notes = number_notes(draft)
    numbers = iter(notes.marks)
    labels = paragraph_numbers(draft.blocks)
    for block, label in zip(draft.blocks, labels, strict=True):
        indent = "  " * block.level
        text = "".join(
            item.text if isinstance(item, TextRun) else f"[{next(numbers).number}]"
            for item in notes.contents.get(block.id, block.content)
        )
        print(f"{indent}{label + '. ' if label else ''}{text}")
    for mark in notes.marks:
        print(f"[{mark.number}] {mark.text}")
    return 0
