"""The `concordia` command: the window by default, sub-commands for scripts.

    concordia [DRAFT]                       open the window (optionally with a draft)
    concordia import TEXT --out DRAFT       and the other sub-commands: see --help
"""

from __future__ import annotations

import argparse
import importlib
import sys

from app.commands import COMMAND_MODULES
from app.i18n import _, guess_ui_language, set_ui_language
from app.progress import Cancelled
from app.store import DraftFileError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="concordia",
        description=_("Concordia: drafting assistant for Council notes and joint declarations."),
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
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
    parser = build_parser()
    if not argv or (argv[0] not in command_names(parser) and not argv[0].startswith("-")):
        return launch_gui(argv)
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    try:
        return int(args.handler(args) or 0)
    except (DraftFileError, FileNotFoundError, PermissionError, IsADirectoryError) as error:
        message = str(error) if isinstance(error, DraftFileError) else _describe_os_error(error)
        print(f"concordia: {message}", file=sys.stderr)
        return 1
    except Cancelled:
        print("concordia: " + _("cancelled"), file=sys.stderr)
        return 130
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return 0


def _describe_os_error(error: OSError) -> str:
    name = error.filename or ""
    if isinstance(error, FileNotFoundError):
        return _("no such file: {name}").format(name=name)
    if isinstance(error, IsADirectoryError):
        return _("{name} is a folder, not a file").format(name=name)
    return _("permission denied: {name}").format(name=name)


def launch_gui(argv: list[str]) -> int:
    try:
        from app.ui.application import run_application
    except ImportError as error:  # Qt libraries missing on this machine
        print(
            "concordia: " + _("the window cannot start: {error}").format(error=error),
            file=sys.stderr,
        )
        return 1
    return run_application(argv)


if __name__ == "__main__":
    sys.exit(main())
