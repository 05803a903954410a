"""The EU-CLASI seed (10245/23 LIMITE): cover, 23 numbered paragraphs, 2 unicode footnotes."""

from __future__ import annotations

from datetime import date

import pytest

from app.importer import import_text_file
from app.model import BlockKind

from .helpers import around_footnote


@pytest.fixture(scope="module")
def imported():
    from tests.conftest import CLASI_SEED

    return import_text_file(CLASI_SEED)


@pytest.fixture(scope="module")
def draft(imported):
    return imported[0]


def test_cover(draft):
    note = draft.note
    assert note.number == "10245/23"
    assert note.date == date(2023, 6, 8)
    assert note.place == "Brussels"
    assert note.languages == ["en", "es"]
    assert note.marking == "LIMITE"
    assert note.codes == [
        "JAI 814", "JAIEX 31", "COLAC 58", "COSI 115", "CRIMORG 89", "ENFOPOL 284",
        "CORDROGUE 57",
    ]
    assert note.doc_type == "NOTE"
    assert note.sender == "Presidency"
    assert note.recipient == "Delegations"
    assert note.subject.startswith("Draft Joint Declaration of the Ministers for the Interior")
    assert note.intro.startswith("Delegations are provided in the ANNEX with the draft")
    assert note.intro.endswith("by 22 June 2023, COB.")


def test_title_and_23_numbered_paragraphs(draft):
    assert draft.blocks[0].kind is BlockKind.TITLE
    assert draft.blocks[0].text.startswith("Draft Joint Declaration of the Ministers")
    numbered = [b for b in draft.blocks if b.kind is BlockKind.NUMBERED]
    assert len(numbered) == 23 == len(draft.blocks) - 1
    # numbers are not part of the text any more
    assert numbered[0].text.startswith("We, the Ministers for the Interior")
    assert numbered[6].text.startswith("Reiterate our determination")
    assert numbered[22].text.startswith("We, the Ministers of the EU and of CLASI, look forward")
    assert numbered[22].text.endswith("at a date to be determined.")
    assert not any(b.text[:3].rstrip(". ").isdigit() for b in numbered)


def test_two_unicode_footnotes(draft):
    assert len(draft.footnotes) == 2
    order = draft.footnote_order()
    first = next(b for b in draft.blocks if order[0] in b.footnote_ids)
    before, after = around_footnote(first, order[0])
    assert before.endswith("European Monitoring Centre for Drugs and Drug Addiction (EMCDDA)")
    assert after.startswith(", Eurojust and the European Border")
    assert draft.footnotes[order[0]].text == (
        "Name to be changed following publication of the new EU Drugs Agency Regulation."
    )
    second = next(b for b in draft.blocks if order[1] in b.footnote_ids)
    before, after = around_footnote(second, order[1])
    assert before.endswith("Counter Narcotics Task Force on combatting drug trafficking")
    assert draft.footnotes[order[1]].text.startswith("The EU-CLASI Joint Declaration (3 March 2022)")
    assert not any("¹" in b.text or "²" in b.text for b in draft.blocks)


def test_only_the_stray_dash_is_reported(imported):
    warnings = imported[1].warnings
    assert len(warnings) == 1
    assert warnings[0].line == 64 and warnings[0].quote == "-"
