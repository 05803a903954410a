"""The Spanish NOTE of a draft with open brackets: the bracketed view writes the Spanish
brackets with their alternatives and the main brackets' proponents, as the English NOTE does;
the clean view reads the first alternatives; the warning names only the paragraphs whose
brackets have no Spanish counterpart. Read back with pandoc, an independent reader."""

from __future__ import annotations

from app.docx.writer import export_note
from app.importer import import_text_file
from app.importer.pairing import import_language_version
from app.model import FootnoteRef, TextRun, plain_text
from app.model.counterparts import Counterpart
from app.model.translation_ops import SetCounterpart, SetTranslationContent
from tests.docx.pandoc_reader import read_with_pandoc
from tests.importer.spanish_brackets import ENGLISH, write_spanish

HARM = "y la reducción de daños"


def bilingual_draft(tmp_path):
    """The bracketed seed with its partial Spanish text, the paragraphs the Spanish file lacks
    given a Spanish sentence of their own (so the Spanish NOTE can be exported), and the
    "harm reduction / delete" bracket placed by hand in the Spanish § it is in."""
    draft = import_text_file(ENGLISH)[0]
    import_language_version(draft, write_spanish(tmp_path), "es")
    version = draft.translations["es"]
    harm = next(b for b in draft.brackets.values() if b.quote == "and harm reduction")
    for index, block in enumerate(draft.blocks, 1):
        if block.id in version.blocks:
            continue
        words = f"Texto del bloque {index} en español"
        if block.id == harm.anchor.block_id:
            words += f", la demanda de drogas {HARM}"
        content = [TextRun(words + "."), *(FootnoteRef(f) for f in block.footnote_ids)]
        SetTranslationContent("es", block.id, content).apply(draft)
    for footnote_id in draft.footnotes:
        version.footnotes.setdefault(footnote_id, "Nota en español.")
    text = plain_text(version.blocks[harm.anchor.block_id])
    start = text.index(HARM)
    SetCounterpart("es", harm.id, Counterpart(harm.anchor.block_id, start, start + len(HARM),
                                              [""]).to_json()).apply(draft)
    return draft


def spanish_paragraphs(path) -> list[str]:
    return [paragraph.text for paragraph in read_with_pandoc(path)]


def test_the_bracketed_spanish_note_shows_the_spanish_brackets_with_proponents(tmp_path):
    draft = bilingual_draft(tmp_path)
    target = tmp_path / "es.docx"
    report = export_note(draft, target, "es", view="bracketed")
    text = "\n".join(spanish_paragraphs(target))
    assert "que [desestabilizan (FR, ES) / socavan (CELAC)] el Estado de Derecho;" in text
    assert "el Estado de Derecho [y el respeto de todos los derechos humanos] (HU) son" in text
    # a deletion reads in the export's language, whatever the window's
    assert f"drogas [{HARM} (CELAC, PT) / suprimir (HU, PL)]." in text
    assert "destabilise" not in text and "undermine" not in text
    # the warning names only paragraphs whose brackets have no Spanish counterpart
    warning = next(w for w in report.warnings if "square brackets" in w)
    assert "no Spanish counterpart" in warning
    for shown in ("para. 3", "para. 5", "para. 16"):
        assert shown + "," not in warning + "," and shown + "." not in warning
    assert "para. 21" in warning
    # the markup the view writes is no edit: §§ 3 and 5, in step at import, stay so
    stepped = next(w for w in report.warnings if "out of step" in w)
    assert "para. 3," not in stepped and "para. 5," not in stepped and "para. 7," in stepped
    # and the draft itself is untouched by the view
    assert "[" not in plain_text(draft.translations["es"].blocks[
        next(b for b in draft.brackets.values() if b.quote == "destabilise").anchor.block_id])


def test_the_clean_spanish_note_reads_the_first_alternatives(tmp_path):
    draft = bilingual_draft(tmp_path)
    target = tmp_path / "es-clean.docx"
    export_note(draft, target, "es", view="clean")
    text = "\n".join(spanish_paragraphs(target))
    assert "que desestabilizan el Estado de Derecho;" in text
    assert f"drogas {HARM}." in text
    assert "socavan" not in text and "suprimir" not in text and "(HU)" not in text


def test_the_english_note_is_as_before(tmp_path):
    draft = bilingual_draft(tmp_path)
    target = tmp_path / "en.docx"
    export_note(draft, target, "en", view="bracketed")
    text = "\n".join(spanish_paragraphs(target))
    assert "to [destabilise (FR, ES) / undermine (CELAC)] the rule of law" in text
    assert "[and harm reduction (CELAC, PT) / delete (HU, PL)]" in text
