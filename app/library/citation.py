"""Citing a clause's place in its source the way a reader of that source finds it.

A numbered paragraph is cited by the number the source prints ("para. 8"), a lettered point by
its letter ("point (a)"). An unnumbered text is cited by part and count: "preamble, 3rd
recital", "operative, 5th", "2nd list item", "4th paragraph". An internal block index is never
shown: a reader cannot find "§50" in the document. The words come from the catalog, so a Spanish
window cites in Spanish.
"""

from __future__ import annotations

from app.i18n import _, ui_language


def ordinal(number: int) -> str:
    """"1st", "2nd", "3rd", "11th" in English; the bare number in Spanish, whose catalog
    cites "considerando 3" as EU texts in Spanish do."""
    if ui_language() == "es":
        return str(number)
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"


def cite(paragraph: str, place: str) -> str:
    """The citation of a clause from its printed number or, without one, its place."""
    if paragraph:
        if paragraph.isdigit():
            return _("para. {number}").format(number=paragraph)
        return _("point ({number})").format(number=paragraph)
    part, _sep, count = place.partition(":")
    if not count.isdigit():
        return ""
    n = int(count)
    values = {"nth": ordinal(n)}
    if part == "preamble":
        return _("preamble, {nth} recital").format(**values)
    if part == "operative":
        return _("operative, {nth}").format(**values)
    if part == "item":
        return _("{nth} list item").format(**values)
    return _("{nth} paragraph").format(**values)
