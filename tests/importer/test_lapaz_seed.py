"""The La Paz declaration seed (NOTE 6914/24) imported exactly: cover, blocks, 15 footnotes."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from app.importer import import_text_file
from app.model import BlockKind

from .helpers import around_footnote, numbered_footnotes, runs


@pytest.fixture(scope="module")
def imported(request):
    from tests.conftest import LAPAZ_SEED

    return import_text_file(LAPAZ_SEED)


@pytest.fixture(scope="module")
def draft(imported):
    return imported[0]


def test_cover_metadata(draft):
    note = draft.note
    assert note.number == "6914/24"
    assert note.suffix == ""
    assert note.date == date(2024, 2, 28)
    assert note.place == "Brussels"
    assert note.languages == ["en"]
    assert note.marking is None
    assert note.codes == ["CORDROGUE 26", "COLAC 27", "SAN 105", "JAI 322"]
    assert note.doc_type == "NOTE"
    assert note.sender == "General Secretariat of the Council"
    assert note.recipient == "Delegations"
    assert note.subject == (
        "EU-CELAC Coordination and Cooperation Mechanism on Drugs - La Paz declaration"
    )
    assert note.intro.startswith("Delegations will find in the Annex the La Paz declaration")
    assert note.intro.endswith("which took place in La Paz (Bolivia) on 22 February 2024.")


def test_no_warnings(imported):
    assert [str(w) for w in imported[1].warnings] == []


def test_title_is_one_block_with_superscript(draft):
    title = draft.blocks[0]
    assert title.kind is BlockKind.TITLE
    assert title.text == (
        "La Paz declaration of the XXIVth High Level meeting of the EU-CELAC Coordination and "
        "Cooperation Mechanism on Drugs 22 February 2024, La Paz (Bolivia)"
    )
    sup = [run.text for run in runs(title) if run.superscript]
    assert sup == ["th"]
    assert runs(title)[0].text.endswith("XXIV")
    assert not any(run.bold for run in runs(title))   # bold throughout = the title style
    assert sum(1 for b in draft.blocks if b.kind is BlockKind.TITLE) == 1


def test_block_kinds_and_levels(draft):
    counts = Counter((b.kind, b.level) for b in draft.blocks)
    assert counts == {
        (BlockKind.TITLE, 0): 1,
        (BlockKind.PREAMBLE, 0): 1,
        (BlockKind.OPERATIVE, 0): 17,
        (BlockKind.HEADING, 0): 6,
        (BlockKind.LIST_ITEM, 1): 56,
        (BlockKind.LIST_ITEM, 2): 10,
        (BlockKind.PARAGRAPH, 0): 1,
    }
    kinds = [b.kind for b in draft.blocks]
    assert kinds[:8] == [BlockKind.TITLE, BlockKind.PREAMBLE] + [BlockKind.OPERATIVE] * 6
    assert draft.blocks[1].text.startswith("HAVING MET in La Paz (Bolivia)")


def test_headings(draft):
    headings = [b.text for b in draft.blocks if b.kind is BlockKind.HEADING]
    assert headings[0].startswith("1. Addressing and countering the illicit production")
    assert headings[0].endswith("impact on people and communities:")
    assert headings[1].startswith("2. Addressing and countering the manufacture")
    assert [h[:2] for h in headings[:5]] == ["1.", "2.", "3.", "4.", "5."]
    assert headings[5] == "ANNEX: SUPPORTING DOCUMENTS"


def test_stand_alone_lead_ins_are_operative_and_keep_bold(draft):
    lead_ins = [b for b in draft.blocks if b.text in ("WE ENCOURAGE", "WE RECOGNISE")]
    assert len(lead_ins) == 7          # 4 × WE ENCOURAGE, 3 × WE RECOGNISE
    assert all(b.kind is BlockKind.OPERATIVE for b in lead_ins)
    assert all(run.bold for b in lead_ins for run in runs(b))
    underscore = next(b for b in draft.blocks if b.text.startswith("WE UNDERScore"))
    assert underscore.kind is BlockKind.OPERATIVE
    assert [(r.text, r.bold) for r in runs(underscore)][0] == ("WE UNDERScore", True)
    assert runs(underscore)[1].bold is False


def test_inline_bold_kept(draft):
    note = next(b for b in draft.blocks if b.text.startswith("WE NOTE"))
    assert [r.text for r in runs(note) if r.bold] == ["European Council"]


def test_level_two_items(draft):
    items = [b for b in draft.blocks if b.kind is BlockKind.LIST_ITEM and b.level == 2]
    assert items[0].text.startswith("Bi-regional cooperation between the EU and CELAC to address")
    assert all("❖" not in b.text and not b.text.startswith(("-", " ")) for b in items)
    parent = draft.blocks[draft.blocks.index(items[0]) - 1]
    assert parent.level == 1 and parent.text.startswith("In particular in relation to money")


def test_nothing_of_the_layout_left(draft):
    for block in draft.blocks:
        text = block.text
        assert text == text.strip() and "  " not in text
        for debris in ("<sup>", "**", "\\", "---", "___", "❖", "Hereinafter", "https://"):
            assert debris not in text, (debris, text)


EXPECTED_FOOTNOTES = [
    # number, start of the block, text just before the reference, text after it, footnote text
    (1, "HAVING MET", "Mechanism on Drugs", " ('the Mechanism').",
     'Hereinafter, referred as "The Mechanism"'),
    (2, "WE RECOGNISE the fundamental role", "challenges and barriers.", "",
     "CELAC recalls its position on measures that hinder international cooperation to address "
     "and counter all aspects of world drug problem"),
    (3, "Addressing substance use and substance use disorders", "treatment quality standards.",
     "", "UNODC/WHO International Standards for Treatment and Drug Use Disorders, UNODC/WHO "
     "International Standards for Drug Use Prevention and COPOLAD Quality Standards."),
    (4, "That drug traffickers accept or demand firearms", "countering and addressing this threat",
     ".", "As stated in CND Resolution 65/2: Strengthening international cooperation to address "
     "the links between illicit drug trafficking and illicit firearms trafficking."),
    (5, "The UNODC-WHO International standards", "treatment of drug use disorders", "",
     "https://www.who.int/publications/i/item/international-standards-for-the-treatment-of-drug"
     "-use-disorders"),
    (6, "The UNODC-WHO International Standards for Drug Use Prevention",
     "Standards for Drug Use Prevention", "",
     "https://www.who.int/publications/i/item/international-standards-for-drug-use-prevention-"
     "second-edition-2018"),
    (7, "66th CND Session", "A scoping review of the literature”", "",
     "https://www.unodc.org/documents/commissions/CND/CND_Sessions/CND_66/ECN72023_CRP9_23037_"
     "92E.pdf"),
    (8, "66th CND Session", "early prevention”", "",
     "https://www.unodc.org/documents/commissions/CND/CND_Sessions/CND_66/ECN72023_CRP8_23036_"
     "57E.pdf"),
    (9, "66th CND Session", "Towards more inclusive Alternative Development”", "",
     "https://www.unodc.org/documents/commissions/CND/CND_Sessions/CND_66/ECN72023_CRP7_23031_"
     "81E.pdf"),
    (10, "The UNODC 2021-2025 Strategy", "The UNODC 2021-2025 Strategy", ".",
     "https://www.unodc.org/unodc/strategy/index.html"),
    (11, "World Drug Report. Booklet 5", "Drugs and the environment", "",
     "https://www.unodc.org/unodc/en/data-and-analysis/wdr-2022_booklet-5.html"),
    (12, "The Sofia Declaration (2018)", "socio-economic issues and inequalities.", "",
     "http://sisco.copolad.eu/web/uploads/documentos/Sofia_Declaration_2018.pdf"),
    (13, "CND Resolution 66/4", "recognizing the rights of Indigenous Peoples", "",
     "https://www.unodc.org/documents/commissions/CND/CND_Sessions/CND_66/ECN72023_L3_approved_"
     "in_CoW.pdf"),
    (14, "EU Drug Market Cocaine", "EU Drug Market Cocaine. Europol and EMCDDA", "",
     "https://www.emcdda.europa.eu/publications/eu-drug-markets/cocaine_en"),
    (15, "European drug prevention quality standards", "European drug prevention quality standards",
     "", "https://www.emcdda.europa.eu/news/2015/eu-minimum-quality-standards_en"),
]


def test_fifteen_footnotes_at_their_reference_points(draft):
    found = numbered_footnotes(draft)
    assert len(found) == 15 == len(draft.footnotes)
    assert draft.unreferenced_footnotes() == []
    for (number, block, text), expected in zip(found, EXPECTED_FOOTNOTES, strict=True):
        exp_number, block_start, before_end, after, exp_text = expected
        assert number == exp_number
        assert block.text.startswith(block_start), (number, block.text[:60])
        footnote_id = draft.footnote_order()[number - 1]
        before, rest = around_footnote(block, footnote_id)
        assert before.endswith(before_end), (number, before[-60:])
        assert rest == after, (number, rest)
        assert text == exp_text, number


def test_footnotes_in_supporting_documents(draft):
    annex = next(i for i, b in enumerate(draft.blocks) if b.text.startswith("ANNEX:"))
    holders = {i for i, b in enumerate(draft.blocks) if b.footnote_ids}
    annex_holders = sorted(i for i in holders if i > annex)
    assert len(annex_holders) == 11                       # footnotes 5 … 15, one per item
    assert all(draft.blocks[i].kind is BlockKind.LIST_ITEM for i in annex_holders)


def test_item_after_footnote_page_break_is_not_merged(draft):
    """The list items after footnote 4's page foot stay separate items."""
    item = next(b for b in draft.blocks if b.text.startswith("The development and strengthening"))
    assert item.kind is BlockKind.LIST_ITEM and item.level == 2
