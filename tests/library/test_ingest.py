"""Adding sources: provenance, idempotence, dedup, skipped files, cancel, one transaction each."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.library import Library
from app.library.db import clauses, provenances, sources
from app.progress import Cancelled, Progress

from .conftest import DOCX


def _provenance_rows(library: Library, fragment: str):
    with library.engine.connect() as connection:
        return connection.execute(
            select(clauses.c.clause_id, clauses.c.text, provenances.c.paragraph,
                   provenances.c.context, provenances.c.footnotes, sources.c.number,
                   sources.c.date, sources.c.language)
            .join(provenances, provenances.c.clause_num == clauses.c.num)
            .join(sources, sources.c.id == provenances.c.source_id)
            .where(clauses.c.text.like(f"%{fragment}%"))
        ).all()


def test_seeds_become_sources_with_their_cover_facts(seeded: Library):
    with seeded.engine.connect() as connection:
        rows = {row.number: row for row in connection.execute(select(sources))}
    assert set(rows) == {"6914/24", "10245/23"}
    assert rows["6914/24"].date == date(2024, 2, 28)
    assert rows["10245/23"].date == date(2023, 6, 8)
    assert "La Paz declaration" in rows["6914/24"].title
    assert {row.language for row in rows.values()} == {"en"}
    assert all(len(row.content_hash) == 64 for row in rows.values())
    assert seeded.counts()["clauses"] > 80


def test_footnote_stays_attached_to_its_clause(seeded: Library):
    (row,) = _provenance_rows(seeded, "HAVING MET in La Paz")
    assert row.number == "6914/24"
    assert json.loads(row.footnotes) == ['Hereinafter, referred as "The Mechanism"']


def test_numbered_paragraph_keeps_its_number(seeded: Library):
    (row,) = _provenance_rows(seeded, "Reiterate our determination to continue")
    assert row.number == "10245/23"
    assert row.paragraph == "7"
    assert not row.text.startswith("7")


def test_list_item_keeps_its_lead_in_as_context(seeded: Library):
    (row,) = _provenance_rows(seeded, "Addressing and countering the manufacture and trafficking of New")
    assert row.context.startswith("WE AGREE to focus our bi-regional cooperation")


def test_readding_changes_nothing(seeded: Library, lapaz_seed: Path, clasi_seed: Path, tmp_path):
    before = seeded.counts()
    report = seeded.add([lapaz_seed, clasi_seed])
    assert [outcome.status for outcome in report.outcomes] == ["unchanged", "unchanged"]
    assert seeded.counts() == before
    # A copy under another name is the same source too: identity is the content, not the path.
    copy = tmp_path / "copy.txt"
    copy.write_bytes(lapaz_seed.read_bytes())
    assert seeded.add([copy]).outcomes[0].status == "unchanged"
    assert seeded.counts() == before


def test_shared_paragraph_is_one_clause_with_two_provenances(seeded: Library, tmp_path: Path):
    reused = (
        "WE RECOGNISE that disrupting illicit drug trafficking requires joint strategies and "
        "actions based on the bi-regional cooperation between the EU and CELAC."
    )
    later = tmp_path / "madrid.md"
    later.write_text(
        "Madrid declaration of the XXVth High Level Meeting\n\n"
        # Typographic drift that must not make a new clause: case, a curly quote, trailing ';'.
        + reused.replace("WE RECOGNISE", "We recognise").replace(".", ";") + "\n\n"
        "WE WELCOME the progress made by both regions since the La Paz declaration of 2024.\n",
        encoding="utf-8",
    )
    before = seeded.counts()
    outcome = seeded.add([later], overrides={"number": "7001/25", "date": "2025-03-01"}).outcomes[0]
    assert outcome.status == "added"
    assert outcome.new_clauses == outcome.clauses - 1
    rows = _provenance_rows(seeded, "disrupting illicit drug trafficking requires joint")
    assert len({row.clause_id for row in rows}) == 1
    assert sorted(row.number for row in rows) == ["6914/24", "7001/25"]
    assert seeded.counts()["clauses"] == before["clauses"] + outcome.new_clauses
    hits = seeded.search('"disrupting illicit drug trafficking"')
    assert len(hits) == 1
    assert [s.number for s in hits[0].sources] == ["6914/24", "7001/25"]   # oldest first


def test_bad_files_are_skipped_with_a_reason_and_the_rest_goes_on(library: Library, tmp_path, lapaz_seed):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    unsupported = tmp_path / "slides.pptx"
    unsupported.write_bytes(b"PK\x03\x04")
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")
    report = library.add([empty, binary, unsupported, DOCX / "poi__truncated62886.docx",
                          DOCX / "poi__protected_agile.docx", lapaz_seed, folder])
    status = {Path(o.path).name: (o.status, o.reason) for o in report.outcomes}
    assert status[lapaz_seed.name][0] == "added"
    for name in ("empty.txt", "image.txt", "slides.pptx", "notes.pdf",
                 "poi__truncated62886.docx", "poi__protected_agile.docx"):
        assert status[name][0] == "skipped", name
        reason = status[name][1]
        assert reason and "\n" not in reason and "Traceback" not in reason, (name, reason)
    assert "password" in status["poi__protected_agile.docx"][1]
    assert "unsupported" in status["slides.pptx"][1]
    assert library.counts()["sources"] == 1


def test_cancel_stops_between_sources_and_leaves_nothing_half_done(library: Library, lapaz_seed, clasi_seed):
    class CancelAfterFirst(Progress):
        def changed(self) -> None:
            if self.done == 1:
                self.cancel()

    with pytest.raises(Cancelled):
        library.add([lapaz_seed, clasi_seed], CancelAfterFirst())
    with library.engine.connect() as connection:
        numbers = [row.number for row in connection.execute(select(sources.c.number))]
        orphans = connection.execute(
            select(func.count()).select_from(clauses).where(
                ~clauses.c.num.in_(select(provenances.c.clause_num)))
        ).scalar_one()
    assert numbers == ["6914/24"]
    assert orphans == 0
    # The cancelled source is added whole by the next run.
    report = library.add([lapaz_seed, clasi_seed])
    assert [o.status for o in report.outcomes] == ["unchanged", "added"]


def test_failed_source_rolls_back_entirely(library: Library, lapaz_seed: Path, tmp_path: Path):
    """A database error in the middle of a source leaves none of its rows behind."""
    from sqlalchemy import text

    sqlite = library.engine.dialect.name == "sqlite"
    with library.engine.begin() as connection:
        # A trigger standing in for a failure half-way: the 40th provenance insert fails.
        if sqlite:
            connection.execute(text(
                "CREATE TRIGGER fail_midway BEFORE INSERT ON provenances "
                "WHEN (SELECT count(*) FROM provenances) >= 0 AND NEW.position >= 40 "
                "BEGIN SELECT RAISE(ABORT, 'disk full'); END"))
        else:
            connection.execute(text(
                "CREATE FUNCTION fail_midway() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                "IF NEW.position >= 40 THEN RAISE EXCEPTION 'disk full'; END IF; RETURN NEW; "
                "END $$"))
            connection.execute(text(
                "CREATE TRIGGER fail_midway BEFORE INSERT ON provenances FOR EACH ROW "
                "EXECUTE FUNCTION fail_midway()"))
    from app.library import LibraryError

    with pytest.raises(LibraryError):
        library.add([lapaz_seed])
    assert library.counts() == {"sources": 0, "clauses": 0, "provenances": 0}
    with library.engine.connect() as connection:
        index = "clause_fts" if sqlite else "clauses"
        assert connection.execute(text(f"SELECT count(*) FROM {index}")).scalar_one() == 0
        assert connection.execute(text("SELECT count(*) FROM shingles")).scalar_one() == 0


def test_docx_sources_spanish_footnotes_and_tracked_changes(library: Library):
    report = library.add([DOCX / "poi__stress018_es_footnotes.docx",
                          DOCX / "pandoc__track_changes_insertion.docx",
                          DOCX / "poi__stress025_theme_not_document.docx"])
    status = {Path(o.path).name: o for o in report.outcomes}
    assert status["poi__stress018_es_footnotes.docx"].status == "added"
    assert status["poi__stress025_theme_not_document.docx"].status == "skipped"
    assert "not a Word document" in status["poi__stress025_theme_not_document.docx"].reason
    with library.engine.connect() as connection:
        languages = dict(connection.execute(select(sources.c.origin_file, sources.c.language)).all())
    assert languages[str(DOCX / "poi__stress018_es_footnotes.docx")] == "es"
    # Accent-free query, Spanish clause; its footnote came along.
    hits = library.search("politica nacional de desarrollo urbano", language="es", limit=50)
    assert hits and any("Política" in h.text or "política" in h.text for h in hits)
    notes = [n for r in _provenance_rows(library, "") if r.language == "es" for n in json.loads(r.footnotes)]
    assert len(notes) >= 5
    assert any(n.startswith("Política Nacional de Desarrollo Urbano, Ámbito 1") for n in notes)
    # Tracked changes are read as accepted text.
    accepted = library.search('"two exciting insertions"')
    assert len(accepted) == 1


def test_windows_1252_text_keeps_its_accents(library: Library, tmp_path: Path):
    old = tmp_path / "old.txt"
    old.write_bytes("La Declaraci\xf3n de Madrid sobre la cooperaci\xf3n birregional contra la droga."
                    .encode("cp1252"))
    assert library.add([old]).outcomes[0].status == "added"
    (hit,) = library.search("declaracion birregional")
    assert "Declaración de Madrid" in hit.text
