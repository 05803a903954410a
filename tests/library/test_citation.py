"""Citations as the source prints them, in English and (through the catalog) in Spanish."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.library import citation
from app.library.citation import cite, ordinal
from app.library.segment import places

REPO = Path(__file__).resolve().parents[2]


def test_english_citations():
    assert cite("8", "") == "para. 8"
    assert cite("a", "item:1") == "point (a)"
    assert cite("", "preamble:3") == "preamble, 3rd recital"
    assert cite("", "operative:5") == "operative, 5th"
    assert cite("", "item:2") == "2nd list item"
    assert cite("", "paragraph:11") == "11th paragraph"
    assert cite("", "") == ""            # nothing known: no invented index
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st"]


def test_places_count_recitals_operative_clauses_and_each_list():
    kinds = ["preamble", "preamble", "operative", "list_item", "list_item", "operative", "list_item"]
    contexts = ["", "", "", "WE ENCOURAGE", "WE ENCOURAGE", "", "WE SUPPORT"]
    assert places(kinds, contexts) == ["preamble:1", "preamble:2", "operative:1", "item:1", "item:2",
                                       "operative:2", "item:1"]
    # Two lists one after the other, under different lead-ins, count from 1 each.
    assert places(["list_item"] * 3, ["A", "A", "B"]) == ["item:1", "item:2", "item:1"]


def spanish_catalog() -> dict[str, str]:
    from babel.messages.pofile import read_po

    messages: dict[str, str] = {}
    for path in (REPO / "translations" / "es" / "LC_MESSAGES" / "messages.po",
                 REPO / "translations" / "pending" / "library.po"):
        if path.exists():
            with path.open(encoding="utf-8") as handle:
                messages.update({m.id: m.string for m in read_po(handle) if m.id and m.string})
    return messages


def test_spanish_citations_come_from_the_catalog(monkeypatch: pytest.MonkeyPatch):
    catalog = spanish_catalog()
    monkeypatch.setattr(citation, "_", lambda message: catalog[message])
    monkeypatch.setattr(citation, "ui_language", lambda: "es")
    assert cite("", "preamble:3") == "preámbulo, considerando 3"
    assert cite("", "operative:5") == "parte dispositiva, apartado 5"
    assert cite("8", "") == "apdo. 8"
