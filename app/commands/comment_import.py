"""`concordia comment import|accept|reject`: delegations' returned Word copies.

    concordia comment import DRAFT FILE.docx… [--party CODE]
    concordia comment accept DRAFT ID
    concordia comment reject DRAFT ID

`import` reads every copy first (a file that cannot be read changes nothing), then adds all
their comments, replies and suggestions under the draft's lock in one save. Each file gets one
line of figures and a line for everything that did not land on its exact words.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from app.i18n import _, ngettext
from app.model import Draft
from app.model.ops import Batch, Operation
from app.model.parties import PartyRegistry
from app.model.suggestion_ops import AcceptSuggestion, reject_suggestion
from app.store import DraftSession

from .draft_changes import InputError, change_draft, draft_argument, guarded

if TYPE_CHECKING:       # the Word readers load only when a copy is imported
    from app.docx.copy_import import CopyImport


def register_copy_actions(actions: argparse._SubParsersAction) -> None:
    take = actions.add_parser(
        "import", help=_("take in delegations' marked-up Word copies (comments and tracked changes)"))
    draft_argument(take)
    take.add_argument("files", nargs="+", metavar="FILE.docx", help=_("the returned copies"))
    take.add_argument("--party", help=_("the delegation that sent them (default: from the authors)"))
    take.set_defaults(handler=guarded(run_comment_import))

    for name, text in (("accept", _("apply a suggestion's wording to the draft (taken on board)")),
                       ("reject", _("mark a suggestion as not taken"))):
        action = actions.add_parser(name, help=text)
        draft_argument(action)
        action.add_argument("id", help=_("the suggestion's id (see comment list)"))
        action.set_defaults(handler=guarded(run_accept if name == "accept" else run_reject))


def figures_line(file_name: str, plan: CopyImport) -> str:
    f = plan.figures
    return _("{file}: {comments} ({exact} on their words, {paragraph} on their paragraph, "
             "{lost} not placed), {replies}, {suggestions}; {again} already imported.").format(
        file=file_name,
        comments=ngettext("{n} Word comment", "{n} Word comments", f.comments_found)
        .format(n=f.comments_found),
        exact=f.placed_exactly, paragraph=f.placed_on_paragraph, lost=f.not_placed,
        replies=ngettext("{n} reply among them", "{n} replies among them", f.replies)
        .format(n=f.replies),
        suggestions=ngettext("{n} suggestion", "{n} suggestions", f.suggestions_found)
        .format(n=f.suggestions_found),
        again=f.already_imported)


def run_comment_import(args: argparse.Namespace) -> int:
    from app.docx.copy_import import plan_copy_import
    from app.docx.word_markup import read_markup

    copies = [read_markup(path) for path in args.files]
    with DraftSession.editing(args.draft) as draft:
        if args.party and args.party not in PartyRegistry.for_draft(draft):
            raise InputError(_("Unknown party “{code}”; add it with `concordia party add`, or see "
                               "`concordia party list`.").format(code=args.party))
        plans = []
        for markup in copies:
            plan = plan_copy_import(draft, markup, args.party)
            Batch(plan.operations).apply(draft)   # the next copy sees this one's comments
            plans.append((markup.file_name, plan))
    for file_name, plan in plans:
        print(figures_line(file_name, plan))
        for line in plan.lines:
            print("  " + line)
    return 0


def _suggestion(draft: Draft, key: str) -> None:
    comment = draft.comments.get(key)
    if comment is None or comment.change is None:
        raise InputError(_("The draft has no suggestion with id “{id}” (see `concordia comment "
                           "list`).").format(id=key))


def run_accept(args: argparse.Namespace) -> int:
    def build(draft: Draft) -> Operation:
        _suggestion(draft, args.id)
        return AcceptSuggestion(args.id)

    change_draft(args.draft, build)
    return 0


def run_reject(args: argparse.Namespace) -> int:
    def build(draft: Draft) -> Operation:
        _suggestion(draft, args.id)
        return reject_suggestion(args.id)

    change_draft(args.draft, build)
    return 0
