"""What the data-entry commands (`comment`, `reservation`, `party`) share: one clear sentence
for bad input, and one operation applied to a draft file under its lock.

This module registers no command (it is not in COMMAND_MODULES).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from app.errors import ConcordiaError
from app.i18n import _
from app.model import Draft
from app.model.ops import Operation
from app.store import DraftSession


class InputError(ConcordiaError):
    """Bad input on the command line: one sentence for the user."""


def draft_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("draft", help=_("a .concordia draft file"))


def guarded(handler: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """The handler, with an InputError printed as one line on stderr and exit code 1."""
    def run(args: argparse.Namespace) -> int:
        try:
            return handler(args)
        except InputError as error:
            print(f"concordia: {error}", file=sys.stderr)
            return 1
    return run


def change_draft(path: str, build: Callable[[Draft], Operation]) -> Draft:
    """Apply one operation to a draft file on the one path every change takes (lock, read,
    change, save, release: DraftSession.editing); nothing is saved on error.

    `build` makes the operation from the draft as read under the lock and raises InputError
    for bad input. A draft another process keeps raises DraftLockedError, one that cannot be
    written SaveError: both are one sentence for the user.
    """
    with DraftSession.changing(path) as session:   # DraftSession.editing, saving what changed
        session.apply(build(session.draft))
        return session.draft
