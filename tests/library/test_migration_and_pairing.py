"""A version-1 library is migrated in place; pairing never crosses documents (both backends)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from app.library import Library
from app.library.db import SCHEMA_VERSION

from .conftest import LAPAZ_SEED, UDHR_EN, UDHR_ES


def test_a_version_1_library_is_migrated_and_keeps_working(library_url: str):
    with Library(library_url) as library:
        library.add([LAPAZ_SEED])
        counts = library.counts()
        with library.engine.begin() as connection:   # back to what version 1 had
            connection.execute(text("DROP TABLE shingles"))
            connection.execute(text("ALTER TABLE sources DROP COLUMN status"))
            connection.execute(text("ALTER TABLE provenances DROP COLUMN place"))
            connection.execute(text("UPDATE schema_version SET version = 1"))
    with Library(library_url) as library:
        assert library.counts() == counts
        with library.engine.connect() as connection:
            assert connection.execute(text("SELECT version FROM schema_version")).scalar_one() == SCHEMA_VERSION
            assert connection.execute(text("SELECT count(*) FROM shingles")).scalar_one() > 500
            assert set(connection.execute(text("SELECT status FROM sources")).scalars()) == {"adopted"}
        block = ("We recognise the significant challenge and the efforts made in the fight against "
                 "international criminal groups, especially those involved in illicit drugs "
                 "production and trafficking")
        best = library.precedents(block)[0]
        assert best.shared_words == 25
        # Unnumbered clauses got their place: cited as a reader counts, not by block index.
        assert best.hit.sources[0].citation.startswith("operative, ")


def test_pairs_stay_within_one_document_pair(library: Library, tmp_path: Path):
    library.add([UDHR_EN, UDHR_ES])
    # A Spanish text of ANOTHER document, with as many clauses, is never taken for a pair.
    other = tmp_path / "other.es.txt"
    other.write_text("Otra declaración\n\n" + "\n\n".join(
        f"{n}. Las partes acuerdan cooperar en la materia número {n} de esta declaración."
        for n in range(1, 4)), encoding="utf-8")
    english = tmp_path / "lone.en.txt"
    english.write_text("A lone declaration\n\n" + "\n\n".join(
        f"{n}. The parties agree to cooperate on matter number {n} of this declaration."
        for n in range(1, 4)), encoding="utf-8")
    library.add([other, english])
    lone = library.search('"matter number 2"', language="en")[0]
    assert library.insertion(lone.clause_id, "en").translations == {}
    # Within the UDHR pair, structure pairs them: the 4th recital with the 4th recital.
    recital = library.search('"friendly relations"', language="en")[0]
    spanish = library.insertion(recital.clause_id, "en").translations["es"][0].text
    assert spanish.startswith("Considerando también esencial promover el desarrollo de relaciones amistosas")


def test_a_clause_without_its_counterpart_has_none(library: Library, tmp_path: Path):
    (tmp_path / "pair.en.txt").write_text(
        "Title\n\nWHEREAS the parties met in Lima to discuss drugs;\n\n"
        "WE AGREE to meet again in Brussels in 2026.\n\nWE ENCOURAGE the exchange of good practices.\n",
        encoding="utf-8")
    (tmp_path / "pair.es.txt").write_text(
        "Título\n\nCONSIDERANDO que las partes se reunieron en Lima para tratar de drogas;\n\n"
        "ACORDAMOS reunirnos de nuevo en Bruselas en 2026.\n", encoding="utf-8")
    library.add([tmp_path / "pair.en.txt", tmp_path / "pair.es.txt"])
    met = library.search("Lima", language="en")[0]
    assert library.insertion(met.clause_id, "en").translations["es"][0].text.startswith("CONSIDERANDO")
    exchange = library.search('"good practices"', language="en")[0]
    assert library.insertion(exchange.clause_id, "en").translations == {}
