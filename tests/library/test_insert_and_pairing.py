"""Inserting a clause with provenance, departures from it, and the EN/ES pair coming along."""

from __future__ import annotations

from app.library import Library
from app.model import Draft, TextRun
from app.model.ops import ReplaceContent
from app.store import load_draft, save_draft

from .conftest import UDHR_EN, UDHR_ES


def test_inserted_clause_remembers_its_origin_and_flags_edits(seeded: Library, tmp_path):
    hit = seeded.search('"disrupting illicit drug trafficking"')[0]
    insertion = seeded.insertion(hit.clause_id, "en")
    block = insertion.block
    assert block.text == hit.text
    assert block.origin.clause_id == hit.clause_id
    assert "6914/24" in block.origin.source
    draft = Draft()
    undo_insert = insertion.operation(0).apply(draft)
    assert not draft.blocks[0].departs_from_origin
    # The drafter changes one word: the block now departs from agreed language.
    start = block.text.index("joint")
    undo_edit = ReplaceContent(block.id, start, start + len("joint"), [TextRun("common")]).apply(draft)
    assert draft.blocks[0].departs_from_origin
    from app.library import departure

    assert [part for part in departure(draft.blocks[0]) if part[0]] == [(-1, "joint"), (1, "common")]
    # Saved and reopened, the origin is still there.
    save_draft(draft, tmp_path / "d.concordia")
    reopened = load_draft(tmp_path / "d.concordia")
    assert reopened.blocks[0].departs_from_origin
    assert reopened.blocks[0].origin.clause_id == hit.clause_id
    undo_edit.apply(draft)
    assert not draft.blocks[0].departs_from_origin
    undo_insert.apply(draft)
    assert draft.blocks == []


def test_english_and_spanish_udhr_clauses_are_paired(library: Library):
    library.add([UDHR_EN, UDHR_ES])
    english = library.search('"inherent dignity"', language="en")[0]
    insertion = library.insertion(english.clause_id, "en")
    assert insertion.block.text.startswith("Whereas recognition of the inherent dignity")
    spanish = insertion.translations["es"][0].text
    assert spanish.startswith("Considerando que la libertad, la justicia y la paz")
    assert "dignidad intrínseca" in spanish

    # Asking for the Spanish text of an English clause gives the Spanish block, English alongside.
    in_spanish = library.insertion(english.clause_id, "es")
    assert in_spanish.block.text == spanish
    assert in_spanish.translations["en"][0].text == insertion.block.text

    # Article pairs by position: article 3 in both languages.
    right_to_life = library.search('"right to life"', language="en")[0]
    paired = library.insertion(right_to_life.clause_id, "en").translations["es"][0].text
    assert paired.startswith("Todo individuo tiene derecho a la vida")

    draft = Draft()
    insertion.operation(0).apply(draft)
    insertion.apply_translations(draft)
    assert draft.translations["es"].blocks[insertion.block.id][0].text == spanish
    assert draft.translations["es"].missing_blocks(draft) == []

    # In one undoable step, into a draft that already has a Spanish version.
    from app.model import LanguageVersion

    other = Draft(translations={"es": LanguageVersion("es", meta={"subject": "Asunto"})})
    undo = library.insertion(english.clause_id, "en").operation(0, other).apply(other)
    (block,) = other.blocks
    assert other.translations["es"].blocks[block.id][0].text == spanish
    assert other.translations["es"].meta == {"subject": "Asunto"}
    undo.apply(other)
    assert other.blocks == [] and other.translations["es"].blocks == {}
    # A draft without a Spanish version is not given one unasked.
    bare = Draft()
    library.insertion(english.clause_id, "en").operation(0, bare).apply(bare)
    assert bare.translations == {} and len(bare.blocks) == 1


def test_unpaired_clause_has_no_translation(seeded: Library):
    hit = seeded.search("Ameripol")[0]
    assert seeded.insertion(hit.clause_id, "en").translations == {}


def test_clause_block_takes_the_library_and_a_language(seeded: Library):
    from app.library import clause_block

    hit = seeded.search("Ameripol")[0]
    block = clause_block(seeded, hit.clause_id, "en")
    assert block.origin.clause_id == hit.clause_id and block.text == hit.text


def test_a_concordia_draft_is_a_source(library: Library, tmp_path):
    from datetime import date

    from app.model import Block, BlockKind, NoteMeta

    draft = Draft(
        note=NoteMeta(number="5555/25", date=date(2025, 5, 5), subject="Lima declaration"),
        blocks=[Block(BlockKind.OPERATIVE, [TextRun("WE ENDORSE the Lima roadmap on chemical precursors.")]),
                Block(BlockKind.OPERATIVE, [TextRun("WE AGREE to meet again in Brussels in 2026.")])],
    )
    save_draft(draft, tmp_path / "lima.concordia")
    outcome = library.add([tmp_path / "lima.concordia"]).outcomes[0]
    assert (outcome.status, outcome.clauses) == ("added", 2)
    hit = library.search("lima roadmap")[0]
    assert hit.sources[0].number == "5555/25" and hit.sources[0].title == "Lima declaration"
    assert hit.sources[0].date == date(2025, 5, 5)


def test_pairing_survives_an_extra_heading_in_one_language(library: Library, tmp_path):
    """The Spanish file has one title line more: positions shift, clause ranks do not."""
    english = UDHR_EN.read_text(encoding="utf-8")
    spanish = "Texto oficial\n\n" + UDHR_ES.read_text(encoding="utf-8")
    (tmp_path / "udhr_en.txt").write_text(english, encoding="utf-8")
    (tmp_path / "udhr_es.txt").write_text(spanish, encoding="utf-8")
    library.add([tmp_path / "udhr_en.txt", tmp_path / "udhr_es.txt"])
    hit = library.search('"right to life"', language="en")[0]
    paired = library.insertion(hit.clause_id, "en").translations["es"][0].text
    assert paired.startswith("Todo individuo tiene derecho a la vida")


def test_numbered_paragraphs_pair_by_number(library: Library, tmp_path):
    (tmp_path / "d.en.md").write_text(
        "1. We reaffirm our commitment to the joint fight against drug trafficking.\n\n"
        "2. We welcome the progress made on early warning systems in both regions.\n", "utf-8")
    (tmp_path / "d.es.md").write_text(
        "Declaración\n\n"
        "1. Reafirmamos nuestro compromiso con la lucha conjunta contra el narcotráfico.\n\n"
        "2. Acogemos con satisfacción los avances en los sistemas de alerta temprana.\n", "utf-8")
    library.add([tmp_path / "d.en.md", tmp_path / "d.es.md"])
    hit = library.search("early warning")[0]
    assert library.insertion(hit.clause_id, "en").translations["es"][0].text.startswith("Acogemos")


def test_a_draft_with_a_spanish_version_gives_two_paired_sources(library: Library, tmp_path):
    from app.model import Block, BlockKind, Footnote, FootnoteRef, LanguageVersion, NoteMeta

    first = Block(BlockKind.OPERATIVE, [TextRun("WE ENDORSE the Lima roadmap on chemical precursors."),
                                        FootnoteRef("f1")], id="b1")
    second = Block(BlockKind.OPERATIVE, [TextRun("WE AGREE to meet again in Brussels in 2026.")], id="b2")
    spanish = LanguageVersion(
        "es", meta={"subject": "Declaración de Lima"},
        blocks={"b1": [TextRun("RESPALDAMOS la hoja de ruta de Lima sobre precursores químicos."),
                       FootnoteRef("f1")],
                "b2": [TextRun("ACORDAMOS volver a reunirnos en Bruselas en 2026.")]},
        footnotes={"f1": "Adoptada por consenso."},
    )
    draft = Draft(note=NoteMeta(subject="Lima declaration"), blocks=[first, second],
                  footnotes={"f1": Footnote("Adopted by consensus.", "f1")}, translations={"es": spanish})
    save_draft(draft, tmp_path / "lima.concordia")
    report = library.add([tmp_path / "lima.concordia"])
    assert [(o.status, o.clauses) for o in report.outcomes] == [("added", 2), ("added", 2)]
    hit = library.search("hoja de ruta", language="es")[0]
    assert hit.sources[0].title == "Declaración de Lima"
    assert hit.sources[0].footnotes == ["Adoptada por consenso."]
    insertion = library.insertion(hit.clause_id, "en")
    assert insertion.block.text == "WE ENDORSE the Lima roadmap on chemical precursors."
    assert insertion.translations["es"][0].text.startswith("RESPALDAMOS")
    assert [o.status for o in library.add([tmp_path / "lima.concordia"]).outcomes] == ["unchanged"] * 2
