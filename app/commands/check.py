"""`concordia check DRAFT [--repair]`: name what is wrong with a draft, and repair it on request.

`show` and `export` refuse a draft whose text breaks an invariant (one sentence per problem on
stderr, exit 1) and never repair on their own; a damaged saved version alone only warns,
since the current text is sound. `check` decodes every version too; `--repair` writes the
repaired draft under the draft's lock, after keeping the original beside it.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from app.i18n import _
from app.model import Draft
from app.store import DamagedDraftError, DraftSession, read_draft
from app.store.lock import COMMAND_LOCK_WAIT


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("check", help=_("check a draft for damage, and repair it"))
    parser.add_argument("draft", help=_("a .concordia draft file"))
    parser.add_argument("--repair", action="store_true",
                        help=_("repair what can be repaired and save (the original is kept "
                               "beside it)"))
    parser.set_defaults(handler=run)


def load_with_warnings(path: Path | str) -> Draft:
    """load_draft for commands that read: problems that spare the text are warnings."""
    draft, problems = read_draft(path)
    if any(problem.affects_text for problem in problems):
        raise DamagedDraftError.for_path(Path(path), problems, draft)
    for problem in problems:
        print("concordia: " + problem.sentence, file=sys.stderr)
    return draft


def _backup_path(path: Path) -> Path:
    candidate = path.with_name(path.name + ".before-repair")
    number = 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{path.name}.before-repair-{number}")
    return candidate


def run(args: argparse.Namespace) -> int:
    path = Path(args.draft)
    if not args.repair:
        _draft, problems = read_draft(path, deep=True)
        for problem in problems:
            print(problem.sentence)
        if not problems:
            print(_("“{name}” has no problems.").format(name=path.name))
        return 1 if problems else 0
    # The one way a draft is changed: lock, read, change (here: repair), save, release.
    session = DraftSession.open(path, wait=COMMAND_LOCK_WAIT, repair=True, deep=True)
    try:
        session.check_writable()
        problems, left = session.problems, session.unrepaired
        if any(problem.repairable for problem in problems):
            backup = _backup_path(path)
            shutil.copy2(path, backup)
            session.save()
            for problem in problems:
                if problem.repairable:
                    print(_("Repaired: {problem}").format(problem=problem.sentence))
            print(_("The draft as it was is kept in “{name}”.").format(name=backup.name))
    finally:
        session.close()
    for problem in left:
        print(_("Not repaired: {problem}").format(problem=problem.sentence))
    if not problems:
        print(_("“{name}” has no problems.").format(name=path.name))
    return 1 if left else 0
