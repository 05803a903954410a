"""Parties typed in a box ("fr, ES; Hungary"): their codes, and one sentence for those that
name no delegation of the draft. The command line (`concordia bracket add --parties`) and
the window's dialogs read a box the same way.
"""

from __future__ import annotations

from collections.abc import Iterable

from app.i18n import _, ngettext

from .parties import PartyRegistry, _sort_key

#: How many known parties an "unknown party" sentence lists before "…".
KNOWN_SHOWN = 8


def split_codes(text: str) -> list[str]:
    """What was typed between the commas (or semicolons), trimmed, empty pieces left out."""
    return [piece.strip() for piece in text.replace(";", ",").split(",") if piece.strip()]


def typed_codes(registry: PartyRegistry, text: str) -> tuple[list[str], list[str]]:
    """The codes of the parties `text` names, in its order without repeats, and what in it
    names no party (as typed)."""
    codes: list[str] = []
    unknown: list[str] = []
    for piece in split_codes(text):
        code = registry.resolve(piece)
        if code is None:
            unknown.append(piece)
        elif code not in codes:
            codes.append(code)
    return codes, unknown


def _close(registry: PartyRegistry, typed: str) -> list[str]:
    """Known codes a typist may have meant: same first letter, or a name holding the text."""
    wanted = _sort_key(typed)
    return [party.code for party in registry
            if party.code.casefold().startswith(wanted[:1])
            or len(wanted) >= 3 and wanted in _sort_key(registry.name(party.code, "en")
                                                     + " " + registry.name(party.code, "es"))]


def unknown_parties_sentence(registry: PartyRegistry, unknown: list[str],
                             in_use: Iterable[str] = (), language: str = "en") -> str:
    """“XX” is not a delegation of this draft; known: FR, FI, ES … — those close to what
    was typed first, then the parties the draft already names, in protocol order."""
    close = [code for typed in unknown for code in _close(registry, typed)]
    used = [code for code in in_use if code in registry]
    known = list(dict.fromkeys(registry.protocol_order(close, language)
                               + registry.protocol_order(used, language)))
    if len(known) < KNOWN_SHOWN:         # the draft names few parties: the first in order
        everyone = registry.protocol_order([party.code for party in registry], language)
        known = list(dict.fromkeys(known + everyone))
    shown = ", ".join(known[:KNOWN_SHOWN]) + (" …" if len(known) > KNOWN_SHOWN else ".")
    quoted = ", ".join(_("“{code}”").format(code=typed) for typed in unknown)
    return ngettext("{typed} is not a delegation of this draft; known: {known}",
                    "{typed} are not delegations of this draft; known: {known}",
                    len(unknown)).format(typed=quoted, known=shown)


def parties_named(draft: object) -> list[str]:
    """Every party the draft already names (brackets, reservations, comments), first mention
    first: what a negotiator most likely meant."""
    named: list[str] = []
    for bracket in getattr(draft, "brackets", {}).values():
        named += bracket.parties
    for reservation in getattr(draft, "reservations", {}).values():
        named += list(reservation.parties)
    named += [comment.party for comment in getattr(draft, "comments", {}).values()]
    return list(dict.fromkeys(code for code in named if isinstance(code, str)))
