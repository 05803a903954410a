"""Agreed means adopted: each source's status, from the document or `--status`, on both backends."""

from __future__ import annotations

import json
from pathlib import Path

from app.cli import main
from app.library import Library
from app.model import Block, BlockKind, Draft, NoteMeta, TextRun
from app.store import save_draft

from .conftest import CLASI_SEED, LAPAZ_SEED

#: From seed 003, the draft EU-CLASI declaration that invites delegations' written comments.
CLASI_CLAUSE = "Recognise that concerted, coordinated and solidarity-based efforts"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_status_comes_from_the_document_and_shows_in_json(library_url: str, capsys):
    code, out, _ = run(capsys, "library", "add", str(LAPAZ_SEED), str(CLASI_SEED), "--library", library_url)
    assert code == 0
    code, out, _ = run(capsys, "library", "sources", "--json", "--library", library_url)
    status = {row["number"]: row["status"] for row in json.loads(out)}
    # The La Paz NOTE circulates an endorsed declaration; the CLASI text invites comments.
    assert status == {"6914/24": "adopted", "10245/23": "draft"}

    code, out, _ = run(capsys, "library", "search", '"solidarity-based efforts"', "--json",
                       "--library", library_url)
    (hit,) = [h for h in json.loads(out) if h["text"].startswith(CLASI_CLAUSE)]
    assert hit["sources"][0]["status"] == "draft"
    assert hit["sources"][0]["citation"] == "para. 4"

    # `--status` corrects it: the same document re-added is unchanged, its status updated.
    code, out, _ = run(capsys, "library", "add", str(CLASI_SEED), "--status", "adopted",
                       "--library", library_url)
    assert code == 0 and "unchanged" in out
    code, out, _ = run(capsys, "library", "sources", "--json", "--library", library_url)
    assert {row["number"]: row["status"] for row in json.loads(out)}["10245/23"] == "adopted"


def test_a_precedent_from_a_draft_is_not_agreed_language(library: Library):
    library.add([CLASI_SEED])
    with library.engine.connect() as connection:
        from sqlalchemy import select

        from app.library.db import clauses

        text = next(t for t in connection.execute(select(clauses.c.text)).scalars()
                    if t.startswith(CLASI_CLAUSE))
    best = library.precedents(text)[0]
    assert best.similarity == 1.0 and not best.agreed
    assert best.summary().startswith("similar wording in a draft: 10245/23, para. 4")
    assert "[draft]" in best.summary()
    data = best.to_json()
    assert data["agreed"] is False and data["sources"][0]["status"] == "draft"
    # An adopted precedent ranks before a draft one.
    library.add([LAPAZ_SEED])
    mixed = library.precedents(text + " WE REAFFIRM the principle of common and shared responsibility.")
    assert mixed and all(a.agreed >= b.agreed for a, b in zip(mixed, mixed[1:], strict=False))


def test_the_open_draft_and_its_versions_are_never_its_own_precedent(library_url: str, tmp_path: Path,
                                                                      capsys):
    wording = "WE ENDORSE the Lima roadmap on chemical precursors and on synthetic drugs."
    draft = Draft(note=NoteMeta(number="5555/25", subject="Lima declaration"),
                  blocks=[Block(BlockKind.OPERATIVE, [TextRun(wording)], id="b1")])
    save_draft(draft, tmp_path / "lima.concordia")
    earlier = Draft(note=NoteMeta(number="5555/25", suffix="REV 1", subject="Lima declaration"),
                    blocks=[Block(BlockKind.OPERATIVE, [TextRun(wording)])])
    save_draft(earlier, tmp_path / "lima-rev1.concordia")
    other = Draft(note=NoteMeta(number="4444/24", subject="Quito declaration"),
                  blocks=[Block(BlockKind.OPERATIVE, [TextRun(wording)])])
    save_draft(other, tmp_path / "quito.concordia")
    run(capsys, "library", "add", str(tmp_path / "lima.concordia"), str(tmp_path / "lima-rev1.concordia"),
        "--library", library_url)
    code, out, _ = run(capsys, "library", "precedents", str(tmp_path / "lima.concordia"), "--block", "b1",
                       "--json", "--library", library_url)
    assert code == 0 and json.loads(out) == []
    run(capsys, "library", "add", str(tmp_path / "quito.concordia"), "--library", library_url)
    code, out, _ = run(capsys, "library", "precedents", str(tmp_path / "lima.concordia"), "--block", "b1",
                       "--json", "--library", library_url)
    (found,) = json.loads(out)
    assert [source["number"] for source in found["sources"]] == ["4444/24"]


def test_a_clause_inserted_from_a_draft_is_not_marked_agreed(library: Library, tmp_path: Path):
    from app.store import load_draft
    from app.ui.editor.agreed import AgreedMarks, summary

    library.add([CLASI_SEED, LAPAZ_SEED])
    from_draft = library.search('"solidarity-based efforts"')[0]
    block = library.block(from_draft.clause_id)
    assert block.origin.status == "draft" and not block.origin.agreed
    assert summary(block).startswith("Wording from a draft, not agreed language: 10245/23, para. 4")
    assert AgreedMarks().state(block) is None            # no green/amber bar
    adopted = library.block(library.search('"common and shared responsibility"')[0].clause_id)
    assert adopted.origin.agreed and summary(adopted).startswith("Agreed language from 6914/24, ")
    # The status survives saving the draft; an adopted origin is written as before.
    save_draft(Draft(blocks=[block, adopted]), tmp_path / "mine.concordia")
    reread = load_draft(tmp_path / "mine.concordia").blocks
    assert [b.origin.status for b in reread] == ["draft", "adopted"]
    assert "status" not in adopted.origin.to_json()
