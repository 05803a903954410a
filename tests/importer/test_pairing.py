"""Language versions: a Spanish text paired with the draft by structure, undoable, saved."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.importer import TextImportError, import_text_file
from app.importer.pairing import import_language_version
from app.model import FootnoteRef, plain_text
from app.store import load_draft, save_draft
from tests.conftest import CLASI_SEED, CORPUS

DATA = Path(__file__).parent / "data"
UDHR_EN = CORPUS / "parallel" / "parallel__udhr.en.txt"
UDHR_ES = CORPUS / "parallel" / "parallel__udhr.es.txt"


@pytest.fixture
def clasi():
    return import_text_file(CLASI_SEED)[0]


def _es(draft, block):
    return plain_text(draft.translations["es"].blocks[block.id])


def test_partial_spanish_text_pairs_by_paragraph_number(clasi):
    report = import_language_version(clasi, DATA / "clasi_partial.es.md", "es")
    version = clasi.translations["es"]
    assert version.meta["sender"] == "Presidencia"
    assert version.meta["recipient"] == "Delegaciones"
    assert version.meta["subject"].startswith("Proyecto de Declaración Conjunta")
    assert version.meta["intro"].startswith("Se remite a las Delegaciones")
    numbered = clasi.blocks[1:]
    paired_numbers = sorted(n for n, b in enumerate(numbered, 1) if b.id in version.blocks)
    assert paired_numbers == [1, 2, 3, 4, 5, 6, 10, 17, 23]
    assert _es(clasi, clasi.blocks[0]).startswith("Proyecto de Declaración Conjunta")
    assert _es(clasi, numbered[9]).startswith("Recordamos que la Unión Europea")
    assert _es(clasi, numbered[16]).startswith("Acogemos con satisfacción")
    assert _es(clasi, numbered[22]).startswith("Nosotros, los Ministros de la UE y del CLASI")
    assert report.paired == 10 and report.main_blocks == 24
    assert len(report.unpaired_main) == 14 and report.unpaired_version == []
    assert report.unpaired_main[0][1].startswith("Reiterate our determination")
    # confirmed against the draft's text as it was at pairing
    assert version.confirmed[numbered[9].id] == numbered[9].text
    assert set(version.confirmed) == set(version.blocks)


def test_footnotes_follow_their_blocks(clasi):
    report = import_language_version(clasi, DATA / "clasi_partial.es.md", "es")
    version = clasi.translations["es"]
    first, second = clasi.footnote_order()
    assert version.footnotes[first].startswith("Nombre que se modificará")
    assert version.footnotes[second].startswith("La Declaración Conjunta UE-CLASI")
    para_10 = clasi.blocks[10]
    refs = [i.footnote_id for i in version.blocks[para_10.id] if isinstance(i, FootnoteRef)]
    assert refs == [first] == para_10.footnote_ids
    before = plain_text(version.blocks[para_10.id][: version.blocks[para_10.id].index(
        FootnoteRef(first))])
    assert before.endswith("Drogas y las Toxicomanías (OEDT)")
    assert report.footnotes_paired == 2 and report.unpaired_version_footnotes == []


def test_undo_and_redo(clasi):
    first = import_language_version(clasi, DATA / "clasi_partial.es.md", "es")
    saved = clasi.translations["es"].to_json()
    second = import_language_version(clasi, UDHR_ES, "es")     # a wrong text, replaced
    assert clasi.translations["es"].to_json() != saved
    second.inverse.apply(clasi)
    assert clasi.translations["es"].to_json() == saved
    first.inverse.apply(clasi)
    assert clasi.translations == {}
    first.operation.apply(clasi)                                  # redo
    assert clasi.translations["es"].to_json() == saved


def test_language_version_survives_save_and_load(clasi, tmp_path):
    import_language_version(clasi, DATA / "clasi_partial.es.md", "es")
    path = tmp_path / "clasi.concordia"
    save_draft(clasi, path)
    loaded = load_draft(path)
    assert loaded.translations["es"].to_json() == clasi.translations["es"].to_json()


def test_udhr_english_draft_with_spanish_version():
    draft, _ = import_text_file(UDHR_EN)
    report = import_language_version(draft, UDHR_ES, "es")
    assert report.unpaired_main == [] and report.unpaired_version == []
    assert report.paired == len(draft.blocks) == 92
    assert _es(draft, draft.blocks[0]) == "Declaración Universal de Derechos Humanos"
    for block in draft.blocks:
        if block.text.startswith("Article "):
            assert _es(draft, block) == "Artículo " + block.text.split()[1]
    last = draft.blocks[-1]
    assert _es(draft, last).startswith("Nada en esta Declaración podrá interpretarse")


def test_extra_and_missing_paragraphs_are_reported(tmp_path):
    draft, _ = import_text_file(UDHR_EN)
    lines = UDHR_ES.read_text(encoding="utf-8").split("\n")
    at = lines.index("Artículo 3") + 4          # after the article's paragraph and blank line
    # Pairing is by structure, not words: an extra paragraph is found by its place and length.
    extra = ("Un párrafo añadido que no tiene equivalente en el texto inglés y que, por su "
             "longitud, no puede confundirse con el breve artículo tercero de la Declaración, "
             "ya que trata de otra cosa y se extiende a lo largo de varias líneas del texto.")
    lines[at:at] = [extra, ""]
    dropped = lines.index("Nadie podrá ser obligado a pertenecer a una asociación.")
    del lines[dropped : dropped + 2]
    source = tmp_path / "udhr.es.txt"
    source.write_text("\n".join(lines), encoding="utf-8")
    report = import_language_version(draft, source, "es")
    assert [w.quote for w in report.unpaired_version] == [
        "Un párrafo añadido que no tiene equivalente en el…"
    ]
    assert report.unpaired_version[0].line == at + 1
    assert [quote for _, quote in report.unpaired_main] == [
        "No one may be compelled to belong to an associati…"
    ]
    article_4 = next(b for b in draft.blocks if b.text == "Article 4")
    after = draft.blocks[draft.blocks.index(article_4) + 1]
    assert _es(draft, after).startswith("Nadie estará sometido a esclavitud")
    summary = "\n".join(report.summary())
    assert "91 of 92 blocks paired" in summary
    assert f"line {at + 1}" in summary


def test_bad_language_codes_refused(clasi):
    with pytest.raises(TextImportError):
        import_language_version(clasi, DATA / "clasi_partial.es.md", "en")
    with pytest.raises(TextImportError):
        import_language_version(clasi, DATA / "clasi_partial.es.md", "spanish!")
    assert clasi.translations == {}


def test_operation_is_serialisable(clasi):
    from app.model import operation_from_json

    report = import_language_version(clasi, DATA / "clasi_partial.es.md", "es")
    saved = clasi.translations["es"].to_json()
    undo = operation_from_json(report.inverse.to_json())
    redo = operation_from_json(report.operation.to_json())
    undo.apply(clasi)
    assert "es" not in clasi.translations
    redo.apply(clasi)
    assert clasi.translations["es"].to_json() == saved


def test_text_or_path(clasi, tmp_path):
    text = (DATA / "clasi_partial.es.md").read_text(encoding="utf-8")
    report = import_language_version(clasi, text, "es")
    assert report.paired == 10
    with pytest.raises(FileNotFoundError):
        import_language_version(clasi, str(tmp_path / "missing.es.md"), "es")
