"""Decoding rows of a draft file defensively: a malformed value never becomes a traceback.

A value that only breaks an invariant (an unknown kind, a level that is not a number, an
unknown status …) is kept raw for `app.model.integrity.check_draft` to name and repair; so are
a square bracket's alternatives, a paragraph's status and the silence procedure (app.store.brackets),
since repair can keep every word they hold. A value that holds words Concordia cannot read (a
paragraph's text, the cover, replies) raises `UnreadableRow`, which `load_draft` turns into one
sentence naming the file and the row.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from enum import Enum
from typing import Any, TypeVar

from app.i18n import _

E = TypeVar("E", bound=Enum)


class UnreadableRow(Exception):
    """`what` names the row ("the comment 3"), `why` says what is wrong with it."""

    def __init__(self, what: str, why: str) -> None:
        super().__init__(f"{what}: {why}")
        self.what = what
        self.why = why


@contextmanager
def reading(what: str | Callable[[], str]) -> Iterator[None]:
    """Any decoding error inside becomes UnreadableRow naming `what` (a sentence, or a function
    making it only when needed: thousands of rows are read for each one that fails)."""
    try:
        yield
    except UnreadableRow:
        raise
    except json.JSONDecodeError as error:
        raise UnreadableRow(_name(what), _("it is not valid data")) from error
    except (KeyError, TypeError, AttributeError, ValueError) as error:
        raise UnreadableRow(_name(what), _("a value is missing or has the wrong type")) from error


#: Set while one command of the command line runs: see `one_command`.
_freeze_after_reading = False


@contextmanager
def one_command() -> Iterator[None]:
    """While a command runs (app.cli), what a draft read makes is put out of the cycle
    collector's sight (gc.freeze): its first pass over a large draft's objects would cost a
    short command a fifth of its time, and they hold no reference cycles to collect
    (reference counting frees them). Afterwards the collector sees them again (gc.unfreeze),
    so a process that runs commands in turn, as the tests do, is not left with them."""
    global _freeze_after_reading
    _freeze_after_reading = True
    try:
        yield
    finally:
        _freeze_after_reading = False
        gc.unfreeze()


@contextmanager
def without_cycle_collection() -> Iterator[None]:
    """Python's cycle collector paused while a draft's objects are made (it would walk them
    all again and again as they are made); reference counting still frees as usual."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if _freeze_after_reading:
            gc.freeze()
        if enabled:
            gc.enable()


def _name(what: str | Callable[[], str]) -> str:
    return what if isinstance(what, str) else what()


def decode_rows(rows: list, decode: Callable[[Any], None], what_of: Callable[[int], str]) -> None:
    """`decode(row)` for each row; an error in row n becomes UnreadableRow naming
    `what_of(n)` (as `reading` does, without its cost for each of thousands of rows)."""
    number = 0
    try:
        for number, row in enumerate(rows, start=1):  # noqa: B007  (named in the error)
            decode(row)
    except UnreadableRow as error:
        if error.what:
            raise
        raise UnreadableRow(what_of(number), error.why) from error
    except json.JSONDecodeError as error:
        raise UnreadableRow(what_of(number), _("it is not valid data")) from error
    except (KeyError, TypeError, AttributeError, ValueError) as error:
        raise UnreadableRow(what_of(number),
                            _("a value is missing or has the wrong type")) from error


#: The C scanner behind json.loads, without its wrappers (thousands of cells per draft).
_scan = json.JSONDecoder().scan_once


def json_of(text: Any, expected: type, what: str | Callable[[], str] = "") -> Any:
    """Parse a JSON cell that must hold a `expected` (dict or list)."""
    if not isinstance(text, str):
        raise UnreadableRow(_name(what), _("it is not valid data"))
    try:
        value, end = _scan(text, 0)
    except (StopIteration, ValueError):
        end = -1
    if end != len(text):                 # not one value alone: json.loads says what is wrong
        value = json.loads(text)
    if not isinstance(value, expected):
        why = (_("it is stored as a list, not as named fields") if expected is dict
               else _("it is not a list"))
        raise UnreadableRow(_name(what), why)
    return value


def enum_or_raw(kind: type[E], value: Any) -> E | Any:
    """The enum member, or the raw value for `check_draft` to name."""
    try:
        return kind._value2member_map_[value]
    except (KeyError, TypeError):
        pass
    try:
        return kind(value)
    except ValueError:
        return value


def date_or_raw(value: Any) -> date | Any:
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        return value
