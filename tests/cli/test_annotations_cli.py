"""The secretariat's data entry from the command line, on the imported La Paz seed."""

from __future__ import annotations

import json
import zipfile

import pytest

from app.cli import main
from app.store import DraftSession, load_draft
from tests.conftest import LAPAZ_SEED


@pytest.fixture
def draft_path(tmp_path, capsys):
    out = tmp_path / "lapaz.concordia"
    assert main(["import", str(LAPAZ_SEED), "--out", str(out)]) == 0
    capsys.readouterr()
    return out


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(item) for item in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def paragraph(path, starting: str) -> dict:
    data = load_draft(path).to_public_json()
    return next(b for b in data["blocks"] if b["text"].startswith(starting))


def test_comment_add_list_status(draft_path, capsys):
    block = paragraph(draft_path, "WE RECOGNISE the value")
    start = block["text"].index("COPOLAD III")
    code, out, err = run(capsys, "comment", "add", draft_path, "--block", block["id"],
                         "--start", start, "--end", start + len("COPOLAD III"), "--party", "hu",
                         "--text", "Name the programme in full.", "--suggestion", "COPOLAD III programme")
    assert code == 0, err
    comment_id = out.strip()
    code, out, _ = run(capsys, "comment", "add", draft_path, "--block", block["id"],
                       "--party", "FR", "--text", "Our red line", "--internal")
    assert code == 0
    internal_id = out.strip()

    code, out, _ = run(capsys, "comment", "list", draft_path, "--json")
    listed = {c["id"]: c for c in json.loads(out)}
    assert listed[comment_id]["party"] == "HU"
    assert listed[comment_id]["anchor"] == {"block_id": block["id"], "start": start,
                                            "end": start + 11, "orphaned": False,
                                            "quote": "COPOLAD III"}
    assert listed[internal_id]["visibility"] == "internal"
    assert listed[internal_id]["anchor"]["start"] is None

    assert run(capsys, "comment", "status", draft_path, "--id", comment_id, "--status", "taken")[0] == 0
    assert run(capsys, "comment", "reply", draft_path, "--id", comment_id, "--text", "Done.")[0] == 0
    shown = json.loads(run(capsys, "show", draft_path, "--json")[1])
    mine = next(c for c in shown["comments"] if c["id"] == comment_id)
    assert mine["status"] == "taken" and mine["replies"][0]["party"] == "PRES"

    code, out, _ = run(capsys, "comment", "list", draft_path, "--party", "HU")
    assert "«COPOLAD III»" in out and "Our red line" not in out


def test_reservations_and_export(draft_path, tmp_path, capsys):
    block = paragraph(draft_path, "WE RECOGNISE the value")
    code, out, err = run(capsys, "reservation", "add", draft_path, "--block", block["id"],
                         "--parties", "PL,HU", "--kind", "scrutiny")
    assert code == 0, err
    first = out.strip()
    _, out, _ = run(capsys, "reservation", "add", draft_path, "--whole", "--parties", "CELAC",
                    "--kind", "position", "--text", "CELAC recalls its position on sanctions.",
                    "--text-es", "La CELAC recuerda su posición sobre las sanciones.")
    _, out, _ = run(capsys, "reservation", "add", draft_path, "--block", block["id"],
                    "--parties", "NL", "--kind", "general")
    lifted = out.strip()
    assert run(capsys, "reservation", "lift", draft_path, "--id", lifted)[0] == 0
    assert run(capsys, "reservation", "maintain", draft_path, "--id", first)[0] == 0

    shown = json.loads(run(capsys, "show", draft_path, "--json")[1])
    by_id = {r["id"]: r for r in shown["reservations"]}
    assert by_id[first]["parties"] == ["HU", "PL"]             # stored in protocol order
    assert by_id[first]["status"] == "maintained"
    assert by_id[lifted]["status"] == "lifted"

    _, out, _ = run(capsys, "reservation", "list", draft_path)
    assert "HU, PL" in out and "NL" not in out

    docx = tmp_path / "note.docx"
    code, _, err = run(capsys, "export", draft_path, "--out", docx)
    assert code == 0, err
    with zipfile.ZipFile(docx) as archive:
        notes = archive.read("word/footnotes.xml").decode()
    assert "HU, PL: scrutiny reservation." in notes
    assert "CELAC recalls its position on sanctions." in notes
    assert "NL: general reservation." not in notes


@pytest.mark.parametrize(
    "argv, expected",
    [
        (["comment", "add", "{d}", "--block", "nope", "--party", "HU", "--text", "x"], "no paragraph"),
        (["comment", "add", "{d}", "--block", "{b}", "--party", "XX", "--text", "x"], "Unknown party"),
        (["comment", "add", "{d}", "--block", "{b}", "--start", "5", "--end", "99999",
          "--party", "HU", "--text", "x"], "does not fit"),
        (["comment", "status", "{d}", "--id", "missing", "--status", "taken"], "no comment"),
        (["reservation", "add", "{d}", "--whole", "--parties", "HU", "--kind", "position"],
         "needs its wording"),
        (["reservation", "lift", "{d}", "--id", "missing"], "no reservation"),
        (["comment", "add", "{d}", "--block", "{b}", "--party", "HU", "--text", "x",
          "--date", "yesterday"], "not a date"),
    ],
)
def test_bad_input_one_sentence_nothing_changed(draft_path, capsys, argv, expected):
    block = paragraph(draft_path, "WE RECOGNISE the value")
    before = draft_path.read_bytes()
    code, out, err = run(capsys, *[a.format(d=draft_path, b=block["id"]) for a in argv])
    assert code == 1
    assert expected in err and "Traceback" not in err
    assert err.count("\n") == 1
    assert draft_path.read_bytes() == before


def test_locked_draft_is_refused(draft_path, capsys):
    block = paragraph(draft_path, "WE RECOGNISE the value")
    session = DraftSession.open(draft_path)                  # the window has it open
    try:
        code, _, err = run(capsys, "comment", "add", draft_path, "--block", block["id"],
                           "--party", "HU", "--text", "x")
    finally:
        session.close()
    assert code == 1 and err.strip()
    assert load_draft(draft_path).comments == {}


def test_party_add_then_use(draft_path, capsys):
    assert run(capsys, "party", "add", draft_path, "--code", "ua", "--name", "Ukraine",
               "--name-es", "Ucrania")[0] == 0
    block = paragraph(draft_path, "WE RECOGNISE the value")
    assert run(capsys, "comment", "add", draft_path, "--block", block["id"], "--party", "UA",
               "--text", "Support.")[0] == 0
    _, out, _ = run(capsys, "party", "list", draft_path, "--lang", "es")
    lines = out.splitlines()
    assert lines[0] == "BE\tBélgica" and "UA\tUcrania" in lines
    assert lines.index("SE\tSuecia") < lines.index("UA\tUcrania") < lines.index("EU\tUnión Europea")
