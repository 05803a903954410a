"""`concordia library …` end to end through the real command line entry point."""

from __future__ import annotations

import json

from app.cli import main
from app.model import Block, BlockKind, Draft, TextRun
from app.store import save_draft

from .conftest import DOCX


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_path_add_search_json_and_precedents(tmp_path, capsys, monkeypatch, lapaz_seed, clasi_seed):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    code, out, _ = run(capsys, "library", "path")
    assert code == 0 and out.strip() == str(tmp_path / "data" / "concordia" / "library.sqlite")

    code, out, err = run(capsys, "library", "add", str(lapaz_seed), str(clasi_seed),
                         str(DOCX / "poi__truncated62886.docx"))
    assert code == 0
    assert out.count("added ") == 2 and "skipped" in out and "poi__truncated62886.docx" in out
    assert "Traceback" not in err

    code, out, _ = run(capsys, "library", "search", '"shared responsibility"', "--json", "--limit", "3")
    hits = json.loads(out)
    assert code == 0 and 0 < len(hits) <= 3
    assert set(hits[0]) >= {"clause_id", "text", "score", "sources"}
    assert set(hits[0]["sources"][0]) >= {"title", "number", "date", "paragraph"}
    assert all("shared responsibility" in hit["text"] for hit in hits)

    code, out, _ = run(capsys, "library", "search", "rescision")
    assert code == 0 and "no clause matches" in out

    agreed = next(h for h in hits if h["sources"][0]["number"] == "6914/24")
    edited = agreed["text"].replace("principle", "rule", 1)
    draft = Draft(blocks=[Block(BlockKind.PARAGRAPH, [TextRun(edited)], id="b1")])
    save_draft(draft, tmp_path / "draft.concordia")
    code, out, _ = run(capsys, "library", "precedents", str(tmp_path / "draft.concordia"),
                       "--block", "b1", "--json")
    found = json.loads(out)
    assert code == 0 and found[0]["clause_id"] == agreed["clause_id"]
    assert [-1, "principle"] in found[0]["diff"] and [1, "rule"] in found[0]["diff"]
    code, out, _ = run(capsys, "library", "precedents", str(tmp_path / "draft.concordia"),
                       "--block", "b1")
    assert "[-principle-]{+rule+}" in out and "except for 1 word" in out

    code, out, _ = run(capsys, "library", "clause", agreed["clause_id"], "--json")
    assert json.loads(out)["text"] == agreed["text"]

    code, out, _ = run(capsys, "library", "sources", "--json")
    listed = {row["number"]: row for row in json.loads(out)}
    assert set(listed) == {"6914/24", "10245/23"}
    assert listed["10245/23"]["date"] == "2023-06-08" and listed["10245/23"]["clauses"] > 20


def test_bad_library_is_one_sentence(tmp_path, capsys):
    bogus = tmp_path / "bogus.sqlite"
    bogus.write_text("not a database")
    code, out, err = run(capsys, "library", "search", "x", "--library", str(bogus))
    assert code == 1
    assert err.strip().count("\n") == 0 and "not a Concordia library" in err
