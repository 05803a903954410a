"""The one family of errors a user should read.

Every layer (store, import, DOCX, library, commands) raises a subclass of `ConcordiaError`
when the user can act on the problem; `str(error)` is the one sentence to show. The command
line catches the family once (app.cli: the sentence on stderr, `exit_code`), the window once
(a dialog). Any other exception that escapes is a bug: it is logged with its traceback
(app.log) and reported as an internal error.
"""

from __future__ import annotations

#: Exit codes of the `concordia` command (README "Exit codes").
EXIT_OK = 0
EXIT_USER_ERROR = 1       # the input or a file is wrong: the sentence says how
EXIT_USAGE = 2            # the command line itself is wrong (argparse uses 2 as well)
EXIT_INTERNAL_ERROR = 3   # a bug: the traceback is in the log
EXIT_INTERRUPTED = 130    # Ctrl+C or a cancelled task (128 + SIGINT, as shells report it)


class ConcordiaError(Exception):
    """Root class: `str(error)` is the one sentence shown to the user, never a traceback."""

    exit_code: int = EXIT_USER_ERROR


class UsageError(ConcordiaError):
    """A command line that cannot be understood (an option that needs another, a bad value)."""

    exit_code = EXIT_USAGE
