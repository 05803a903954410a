"""`concordia bracket …` and `concordia status …` on a real draft file, through the CLI; the
dashboard's counts checked against a hand-made draft."""

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

from app.model import Block, BlockKind, Draft, TextRun
from app.model.annotations import Anchor, Comment, Reservation, ReservationKind
from app.model.bracket_ops import AddBracket, SetBlockStatus
from app.model.brackets import Alternative, Bracket
from app.model.dashboard import build_dashboard
from app.store import load_draft, save_draft

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "importer" / "data"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=REPO, capture_output=True,
                          text=True, timeout=120)


def hand_made() -> Draft:
    draft = Draft(blocks=[
        Block(BlockKind.TITLE, [TextRun("Declaration")], id="t"),
        Block(BlockKind.NUMBERED, [TextRun("We agree to strengthen ties.")], id="p1"),
        Block(BlockKind.NUMBERED, [TextRun("We note the plan.")], id="p2"),
        Block(BlockKind.NUMBERED, [TextRun("We meet again.")], id="p3"),
        Block(BlockKind.NUMBERED, [TextRun("We thank the host.")], id="p4"),
        Block(BlockKind.NUMBERED, [TextRun("We welcome CLASI.")], id="p5"),
    ])
    AddBracket(Bracket("k1", Anchor("p1", 12, 22), [Alternative("strengthen", ["FR"]),
                                                    Alternative("promote", ["CELAC"])]).to_json()
               ).apply(draft)
    SetBlockStatus("p3", {"kind": "agreed", "parties": []}).apply(draft)
    SetBlockStatus("p4", {"kind": "ad_referendum", "parties": ["HU"]}).apply(draft)
    draft.reservations["r1"] = Reservation("r1", Anchor("p5"), ["HU", "PL"],
                                           ReservationKind.SCRUTINY, date=date(2025, 1, 1))
    draft.comments["c1"] = Comment("c1", Anchor("p2"), "ES", "Why?", date=date(2025, 1, 1))
    draft.comments["c2"] = Comment("c2", Anchor("p2"), "ES", "And?", date=date(2025, 1, 1))
    return draft


def test_dashboard_counts_on_a_hand_made_draft():
    board = build_dashboard(hand_made())
    assert board.counts == {"agreed": 1, "ad_referendum": 1, "pending": 1, "in_brackets": 1,
                            "reserved": 1}
    assert [item.block_id for item in board.brackets] == ["p1"]
    assert board.brackets[0].text == "[strengthen (FR) / promote (CELAC)]"
    assert list(board.reservations) == ["HU", "PL"]
    assert board.reservations["HU"][0].block_id == "p5"
    assert board.comments == {"ES": 2}
    assert [item.block_id for item in board.pending] == ["p2", "p4"]
    assert board.summary == ("2 paragraphs pending, 1 open bracket, 1 reservation "
                             "(HU scrutiny reservation § 5, PL scrutiny reservation § 5).")


def test_import_list_resolve_status_through_the_cli(tmp_path):
    path = tmp_path / "clasi.concordia"
    imported = run("import", str(DATA / "clasi_bracketed.txt"), "--out", str(path))
    assert imported.returncode == 0, imported.stderr
    assert "square bracket “[destabilise (FR, ES) / undermine (CELAC)]”" in imported.stdout
    listed = json.loads(run("bracket", "list", str(path), "--json").stdout)
    assert len(listed) == 7
    first = listed[0]
    assert set(first) >= {"id", "block", "start", "end", "alternatives"}
    assert first["alternatives"] == [{"text": "destabilise", "parties": ["FR", "ES"]},
                                     {"text": "undermine", "parties": ["CELAC"]}]
    resolved = run("bracket", "resolve", str(path), "--id", first["id"], "--choose", "2")
    assert resolved.returncode == 0, resolved.stderr
    shown = json.loads(run("show", str(path), "--json").stdout)
    block = next(b for b in shown["blocks"] if b["id"] == first["block"])
    assert "to undermine the rule of law" in block["text"]
    assert block["status"]["in_brackets"] is False
    assert len(shown["brackets"]) == 6
    bad = run("bracket", "resolve", str(path), "--id", listed[1]["id"], "--choose", "5")
    assert bad.returncode == 1 and "alternatives 1 to 1" in bad.stderr
    assert run("status", "set", str(path), "--block", first["block"], "agreed").returncode == 0
    adref = run("status", "set", str(path), "--block", listed[1]["block"], "ad-referendum",
                "--parties", "HU")
    assert adref.returncode == 0, adref.stderr
    board = json.loads(run("status", str(path), "--json").stdout)
    assert board["paragraphs"]["agreed"] == 1
    assert len(board["brackets"]) == 6
    text = run("status", str(path)).stdout
    assert "6 open brackets" in text
    added = run("bracket", "add", str(path), "--block", first["block"], "--start", "0",
                "--end", "9", "--parties", "FR", "--alt", "Noting (CELAC)", "--alt", "delete (HU)")
    assert added.returncode == 0, added.stderr
    key = added.stdout.strip()
    assert load_draft(path).brackets[key].alternatives[2].text == ""
    assert run("bracket", "remove", str(path), "--id", key).returncode == 0
    assert key not in load_draft(path).brackets
    silence = run("status", "silence", str(path), "--until", "2025-03-03T12:00", "--broken-by", "HU")
    assert silence.returncode == 0, silence.stderr
    assert "broken by HU" in run("status", str(path)).stdout


def test_hand_made_draft_status_json(tmp_path):
    path = tmp_path / "hand.concordia"
    save_draft(hand_made(), path)
    board = json.loads(run("status", str(path), "--json").stdout)
    assert board["paragraphs"] == {"agreed": 1, "ad_referendum": 1, "pending": 1,
                                   "in_brackets": 1, "reserved": 1}
    assert board["comments_open"] == {"ES": 2}


def test_show_prints_the_brackets_unless_clean(tmp_path):
    path = tmp_path / "hand.concordia"
    save_draft(hand_made(), path)
    text = run("show", str(path)).stdout
    assert "We agree to [strengthen (FR) / promote (CELAC)] ties." in text
    clean = run("show", str(path), "--view", "clean").stdout
    assert "We agree to strengthen ties." in clean and "CELAC" not in clean


def test_bracket_add_reads_parties_in_any_case_and_by_name(tmp_path):
    """"(celac)" names CELAC, as "--parties hungary" names HU: the same reading as the
    window's Bracket dialog; an unknown code in an alternative is refused in one sentence."""
    path = tmp_path / "draft.concordia"
    save_draft(hand_made(), path)
    refused = run("bracket", "add", str(path), "--block", "p2", "--start", "3", "--end", "7",
                  "--alt", "observe (XX)")
    assert refused.returncode == 1
    assert "Unknown party “XX”" in refused.stderr
    added = run("bracket", "add", str(path), "--block", "p2", "--start", "3", "--end", "7",
                "--parties", "hungary, fr", "--alt", "observe (celac)")
    assert added.returncode == 0, added.stderr
    bracket = load_draft(path).brackets[added.stdout.strip()]
    assert [(alt.text, alt.parties) for alt in bracket.alternatives] == [
        ("", ["HU", "FR"]), ("observe", ["CELAC"])]


def test_bracket_add_refuses_words_that_cross_a_bracket(tmp_path):
    """"We agree to [strengthen] ties": a bracket over "to strength" would cross it, and the
    export would write one bracket's proponents into the other; nested and apart are fine."""
    path = tmp_path / "draft.concordia"
    save_draft(hand_made(), path)
    before = path.read_bytes()
    crossing = run("bracket", "add", str(path), "--block", "p1", "--start", "9", "--end", "18",
                   "--parties", "HU")
    assert crossing.returncode == 1
    assert "cross the square bracket “strengthen”" in crossing.stderr
    assert "Traceback" not in crossing.stderr
    assert path.read_bytes() == before
    for start, end in ((12, 18), (3, 27), (23, 27)):     # inside, around, apart
        added = run("bracket", "add", str(path), "--block", "p1", "--start", str(start),
                    "--end", str(end), "--parties", "HU")
        assert added.returncode == 0, (start, end, added.stderr)
    assert len(load_draft(path).brackets) == 4
