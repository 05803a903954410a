"""The `concordia` command: the window by default, sub-commands for scripts.

    concordia [DRAFT]                       open the window (optionally with a draft)
    concordia import TEXT --out DRAFT       and the other sub-commands: see --help

Exit codes: 0 done; 1 a problem the user can fix, said in one sentence on stderr (a
ConcordiaError, a missing or unreadable file); 2 the command line itself is wrong; 3 an
internal error (a bug: one line on stderr, the traceback in the log, see app.log); 130
interrupted (Ctrl+C) or cancelled.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable

from app.commands import COMMAND_MODULES, COMMAND_OF_NAME
from app.errors import (
    EXIT_INTERNAL_ERROR,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    EXIT_USER_ERROR,
    ConcordiaError,
)
from app.i18n import _, guess_ui_language, set_ui_language
from app.log import one_line, record_bug
from app.progress import Cancelled
from app.store.row_decoding import one_command


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole command line; with `command`, only the module that registers it (the
    other commands' parsers are not built: a short command's start-up is what it costs)."""
    parser = argparse.ArgumentParser(
        prog="concordia",
        description=_("Concordia: drafting assistant for Council notes and joint declarations."),
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    modules = COMMAND_OF_NAME.get(command or "", COMMAND_MODULES)
    for name in modules:
        importlib.import_module(name).register(subparsers)
    return parser


def command_names(parser: argparse.ArgumentParser) -> set[str]:
    for action in parser._subparsers._group_actions:  # type: ignore[union-attr]
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    set_ui_language(guess_ui_language())
    if not argv or (argv[0] not in COMMAND_OF_NAME and not argv[0].startswith("-")):
        return launch_gui(argv)
    parser = build_parser(argv[0])
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return EXIT_USAGE
    with one_command():
        return run_handler(args.handler, args, where="concordia " + str(args.command))


def run_handler(handler: Callable[[argparse.Namespace], int | None], args: argparse.Namespace,
                where: str = "concordia") -> int:
    """Run one sub-command; every way out becomes an exit code and at most one line on stderr."""
    try:
        code = int(handler(args) or EXIT_OK)
        sys.stdout.flush()  # a reader that went away (`| head`) is found here, not at exit
        return code
    except ConcordiaError as error:
        _say(str(error))
        return error.exit_code
    except (Cancelled, KeyboardInterrupt) as stop:
        if isinstance(stop, Cancelled):
            _say(_("cancelled"))
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # output piped into `head` and the like: the reader has enough
        _discard_output()
        return EXIT_OK
    except OSError as error:
        _say(describe_os_error(error))
        return EXIT_USER_ERROR
    except Exception as error:  # anything else is a bug: say so in one line, keep the details
        return report_internal_error(where, error)


def report_internal_error(where: str, error: BaseException) -> int:
    import traceback

    logged = record_bug(where, error)
    summary = one_line(error)
    if logged is not None:
        _say(_("internal error ({error}); details in {path}").format(error=summary, path=logged))
    else:  # no log to point at: the details must go somewhere
        _say(_("internal error ({error}); the log could not be written, details follow").format(
            error=summary))
        traceback.print_exception(type(error), error, error.__traceback__, file=sys.stderr)
    return EXIT_INTERNAL_ERROR


def _say(sentence: str) -> None:
    try:
        print(f"concordia: {sentence}", file=sys.stderr, flush=True)
    except (BrokenPipeError, ValueError):  # stderr itself is gone: nothing more to tell
        pass


def _discard_output() -> None:
    """Point stdout at /dev/null so Python's final flush does not complain about the pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


def describe_os_error(error: OSError) -> str:
    name = error.filename or ""
    if isinstance(error, FileNotFoundError):
        return _("no such file: {name}").format(name=name)
    if isinstance(error, IsADirectoryError):
        return _("{name} is a folder, not a file").format(name=name)
    if isinstance(error, PermissionError):
        return _("permission denied: {name}").format(name=name)
    detail = error.strerror or str(error)
    return _("{name}: {detail}").format(name=name, detail=detail) if name else detail


def missing_display() -> str | None:
    """The sentence to print when the window has nowhere to appear (Linux without X or Wayland)."""
    if sys.platform in ("win32", "darwin"):
        return None
    platforms = [name.strip() for name in os.environ.get("QT_QPA_PLATFORM", "").split(";")]
    needs_display = all(name in ("", "xcb", "wayland", "wayland-egl") for name in platforms)
    if not needs_display or os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return _("there is no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY "
             "is set): start Concordia in a desktop session, or use the command line "
             "(concordia --help).")


def launch_gui(argv: list[str]) -> int:
    problem = missing_display()
    if problem is not None:
        _say(problem)
        return EXIT_USER_ERROR
    try:
        from app.ui.application import run_application
    except ImportError as error:  # Qt libraries missing on this machine
        _say(_("the window cannot start: {error}").format(error=error))
        return EXIT_USER_ERROR
    try:
        return run_application(argv)
    except Exception as error:  # before the event loop runs, the crash hook cannot see it
        return report_internal_error("window start-up", error)


if __name__ == "__main__":
    sys.exit(main())
