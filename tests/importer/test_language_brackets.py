"""A Spanish text imported as the Spanish version, square brackets typed in it: the k-th
bracket of a paragraph pairs with the k-th of the draft's paragraph, its markup leaves the
Spanish text; a paragraph whose brackets cannot pair keeps its words as typed and is named."""

from __future__ import annotations

from app.importer import import_text_file
from app.importer.pairing import import_language_version
from app.model import plain_text
from app.model.counterparts import counterpart_alternatives, missing_counterparts
from app.model.in_step import out_of_step_ids
from tests.importer.spanish_brackets import ENGLISH, write_spanish


def test_typed_spanish_brackets_pair_with_the_drafts_and_leave_the_text(tmp_path):
    draft = import_text_file(ENGLISH)[0]
    report = import_language_version(draft, write_spanish(tmp_path), "es")
    version = draft.translations["es"]
    by_words = {b.quote: b for b in draft.brackets.values()}
    destabilise = by_words["destabilise"]
    alternatives = counterpart_alternatives(draft, destabilise, "es")
    assert [(a.text, a.parties) for a in alternatives] == [
        ("desestabilizan", ["FR", "ES"]), ("socavan", ["CELAC"])]
    rights = counterpart_alternatives(draft, by_words["and the respect for all human rights"], "es")
    assert [(a.text, a.parties) for a in rights] == [
        ("y el respeto de todos los derechos humanos", ["HU"])]
    assert report.brackets_paired == 2 and len(version.brackets) == 2
    # the markup is data now: the Spanish paragraphs read their first alternatives
    spanish = {bid: plain_text(content) for bid, content in version.blocks.items()}
    para3 = spanish[destabilise.anchor.block_id]
    assert para3.endswith("de las redes delictivas que desestabilizan el Estado de Derecho;")
    assert "[" not in para3 and "CELAC" not in para3
    # § 4's bracket has no partner in the draft's § 4: kept as typed, and one sentence says so
    para4 = next(text for text in spanish.values() if text.startswith("Reconocemos que los"))
    assert "los esfuerzos [concertados (FR)], coordinados" in para4
    warnings = [str(w) for w in report.import_report.warnings if "square brackets" in str(w)]
    assert len(warnings) == 1 and "§ 4" in warnings[0] and "§ 3" not in warnings[0]
    # an ellipsis in brackets is no negotiation bracket: left alone, named nowhere
    assert any("bienestar [...] de" in text for text in spanish.values())
    assert "§ 2" not in warnings[0]
    # the pairs were confirmed as they stand after the markup went: none is out of step
    assert not set(out_of_step_ids(draft, "es")) & {destabilise.anchor.block_id}
    assert destabilise.id not in {b.id for b in missing_counterparts(draft, "es")}
    assert any("2 square brackets of the es text paired" in line for line in report.summary())


def test_a_spanish_bracket_with_another_count_of_alternatives_is_kept_as_typed(tmp_path):
    draft = import_text_file(ENGLISH)[0]
    source = write_spanish(tmp_path)
    source.write_text(source.read_text(encoding="utf-8").replace(
        "[desestabilizan (FR, ES) / socavan (CELAC)]", "[desestabilizan (FR, ES)]"),
        encoding="utf-8")
    report = import_language_version(draft, source, "es")
    assert report.brackets_paired == 1
    spanish = [plain_text(c) for c in draft.translations["es"].blocks.values()]
    assert any("que [desestabilizan (FR, ES)] el Estado" in text for text in spanish)
    warning = next(str(w) for w in report.import_report.warnings if "square brackets" in str(w))
    assert "§ 3" in warning and "§ 4" in warning
