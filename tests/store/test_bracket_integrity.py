"""Damaged square brackets, paragraph statuses and silence procedures in real draft files
(saved by the program, then hand-edited with sqlite3 the way a half-written or hand-edited
file would be): `concordia check` names each in one sentence, `check --repair` fixes it without
losing a word, and `check` is clean afterwards."""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from app import cli
from app.model import Block, BlockKind, Draft, TextRun
from app.model.integrity import ProblemCode, check_draft, repair
from app.model.status import BlockStatus, Silence, StatusKind
from app.store import save_draft

TEXT = "We agree to strengthen cooperation on drugs."
START, END = TEXT.index("strengthen"), TEXT.index("strengthen") + len("strengthen")


def concordia(*argv: object) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main([str(arg) for arg in argv])
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def base_file(tmp_path_factory) -> Path:
    """A draft made by the program: a bracket entered with `bracket add`, a paragraph
    agreed, one agreed ad referendum, a silence procedure."""
    path = tmp_path_factory.mktemp("base") / "draft.concordia"
    save_draft(Draft(blocks=[
        Block(BlockKind.TITLE, [TextRun("Declaration")], id="t"),
        Block(BlockKind.NUMBERED, [TextRun(TEXT)], id="p1"),
        Block(BlockKind.NUMBERED, [TextRun("We meet again.")], id="p2"),
        Block(BlockKind.NUMBERED, [TextRun("We thank the host.")], id="p3"),
    ]), path)
    code, out, err = concordia("bracket", "add", path, "--block", "p1", "--start", START,
                               "--end", END, "--parties", "FR, es", "--alt", "promote (CELAC)",
                               "--alt", "delete (HU)")
    assert code == 0, err
    for argv in (["status", "set", path, "--block", "p2", "agreed"],
                 ["status", "set", path, "--block", "p3", "ad-referendum", "--parties", "PL"],
                 ["status", "silence", path, "--until", "2026-03-03T12:00", "--broken-by", "HU"],
                 ["comment", "add", path, "--block", "p2", "--party", "ES", "--text", "Why?"]):
        assert concordia(*argv)[0] == 0
    return path


def damaged(base: Path, folder: Path, *statements: str) -> Path:
    path = folder / "draft.concordia"
    shutil.copy(base, path)
    connection = sqlite3.connect(path)
    for statement in statements:
        connection.execute(statement)
    connection.commit()
    connection.close()
    return path


def bracket_words(path: Path) -> list[str]:
    """Every wording of every bracket as `show --json` gives it (orphans included)."""
    code, out, err = concordia("show", path, "--json")
    assert code == 0, err
    return [alt["text"] for item in json.loads(out)["brackets"] for alt in item["alternatives"]]


#: name: (SQL, the sentence `check` prints, words the repaired brackets must still read)
DAMAGES = {
    "on a missing paragraph": (
        "UPDATE brackets SET block_id='gone'",
        "The square bracket {id} (“strengthen”) is on a paragraph that does not exist (“gone”); "
        "repair keeps it and its alternatives, marked orphaned.",
        ["strengthen", "promote", ""]),
    "beyond the end": (
        "UPDATE brackets SET anchor_start=40, anchor_end=90",
        "The square bracket {id} (“strengthen”) on § 1 covers characters 40–90, outside the "
        "paragraph (44 characters); repair moves it to 40–44 and marks it orphaned, keeping "
        "its alternatives.",
        ["strengthen", "promote", ""]),
    "end before start": (
        f"UPDATE brackets SET anchor_start={END}, anchor_end={START}",
        f"The square bracket {{id}} (“strengthen”) on § 1 ends before it starts (characters "
        f"{END}–{START}); repair puts it on characters {START}–{END}.",
        ["strengthen", "promote", ""]),
    "position as text": (
        "UPDATE brackets SET anchor_start='twelve'",
        "The square bracket {id} (“strengthen”) on § 1 has a position that is missing or not a "
        "number; repair keeps it and its alternatives, marked orphaned.",
        ["strengthen", "promote", ""]),
    "parties as a string": (
        """UPDATE brackets SET alternatives='[{"text": "", "parties": "FR, ES"},
           {"text": "promote", "parties": "CELAC"}]'""",
        "The square bracket {id} (“strengthen”) has alternatives that are not well formed "
        "(“[{\"text\": \"\", \"parties\": \"FR, ES\"}, {\"text\": \"promote\", \"pa…”); repair rewrites "
        "them keeping every word: strengthen (FR, ES) / promote (CELAC).",
        ["strengthen", "promote"]),
    "alternatives as plain words": (
        "UPDATE brackets SET alternatives='promote cooperation (CELAC)'",
        "The square bracket {id} (“strengthen”) has alternatives that are not well formed "
        "(“promote cooperation (CELAC)”); repair rewrites them keeping every word: strengthen "
        "/ promote cooperation (CELAC).",
        ["strengthen", "promote cooperation (CELAC)"]),
    "half-written alternatives": (
        """UPDATE brackets SET alternatives='[{"text": "", "parties": ["FR"]}, {"text": "prom'""",
        "The square bracket {id} (“strengthen”) has alternatives that are not well formed "
        "(“[{\"text\": \"\", \"parties\": [\"FR\"]}, {\"text\": \"prom”); repair rewrites them "
        "keeping every word: strengthen / [{\"text\": \"\", \"parties\": [\"FR\"]}, {\"text\": "
        "\"prom.",
        ["strengthen", '[{"text": "", "parties": ["FR"]}, {"text": "prom']),
    "status that is not data": (
        "UPDATE blocks SET status='agreed' WHERE id='p2'",
        "The status of § 2 cannot be read (“agreed”); repair makes the paragraph pending again "
        "(a status holds no words: set it again if need be).",
        ["strengthen", "promote", ""]),
    "status of an unknown kind": (
        """UPDATE blocks SET status='{"kind": "agred", "parties": []}' WHERE id='p2'""",
        "The status of § 2 cannot be read (“{\"kind\": \"agred\", \"parties\": []}”); repair makes "
        "the paragraph pending again (a status holds no words: set it again if need be).",
        ["strengthen", "promote", ""]),
    "silence without a date": (
        """UPDATE draft_info SET value='{"deadline": "Monday", "broken_by": []}'
           WHERE key='silence'""",
        "The silence procedure cannot be read (“{\"deadline\": \"Monday\", \"broken_by\": []}”); "
        "repair ends it (it holds no words): start it again if it still runs.",
        ["strengthen", "promote", ""]),
    "id of a comment": (
        "UPDATE brackets SET id=(SELECT id FROM comments)",
        "The square bracket {id} (“strengthen”) has the id of a comment or reservation; repair "
        "gives the bracket a new id.",
        ["strengthen", "promote", ""]),
}


@pytest.mark.parametrize("name", DAMAGES)
def test_check_names_the_damage_and_repair_keeps_every_word(base_file, tmp_path, name):
    sql, sentence, words = DAMAGES[name]
    path = damaged(base_file, tmp_path, sql)
    key = sqlite3.connect(path).execute("SELECT id FROM brackets").fetchone()[0]

    code, out, err = concordia("check", path)
    assert (code, out.strip(), err) == (1, sentence.replace("{id}", key), "")
    code, _out, err = concordia("show", path)          # one sentence, never a traceback
    assert code == 1 and "internal error" not in err and sentence.replace("{id}", key) in err

    code, out, _err = concordia("check", "--repair", path)
    assert code == 0 and "Repaired: " + sentence.replace("{id}", key) in out
    assert concordia("check", path)[:2] == (0, "“draft.concordia” has no problems.\n")
    assert bracket_words(path) == words
    assert (tmp_path / "draft.concordia.before-repair").exists()


def test_orphaned_bracket_reads_its_words_from_its_quote(base_file, tmp_path):
    """`bracket add` keeps the first wording empty (the span holds it); once repair orphans
    the bracket, its words come from the quote, so `show` still reads "strengthen"."""
    path = damaged(base_file, tmp_path, "UPDATE brackets SET block_id='gone'")
    before = sqlite3.connect(path).execute("SELECT alternatives, quote FROM brackets").fetchone()
    assert json.loads(before[0])[0] == {"text": "", "parties": ["FR", "ES"]}
    assert before[1] == "strengthen"
    concordia("check", "--repair", path)
    code, out, _err = concordia("show", path, "--json")
    bracket = json.loads(out)["brackets"][0]
    assert bracket["orphaned"] is True
    assert bracket["alternatives"][0] == {"text": "strengthen", "parties": ["FR", "ES"]}
    code, out, _err = concordia("bracket", "list", path)     # its paragraph is gone: listed last
    assert out.splitlines() == [f"—  [strengthen (FR, ES) / promote (CELAC) / delete (HU)] "
                                f"(its words were deleted)  [{bracket['id']}]"]


def test_unknown_party_is_reported_left_as_it_is_and_clean_once_added(base_file, tmp_path):
    path = damaged(
        base_file, tmp_path,
        """UPDATE brackets SET alternatives='[{"text": "", "parties": ["FR"]},
           {"text": "promote", "parties": ["XK"]}]'""",
        """UPDATE blocks SET status='{"kind": "ad_referendum", "parties": ["ZZ"]}'
           WHERE id='p3'""",
        """UPDATE draft_info SET value='{"deadline": "2026-03-03T12:00", "broken_by": ["QQ"]}'
           WHERE key='silence'""")
    key = sqlite3.connect(path).execute("SELECT id FROM brackets").fetchone()[0]
    sentences = [
        f"The square bracket {key} (“strengthen”) names XK, not a delegation of this draft; "
        "repair leaves it, since the party may yet be added (`concordia party add`).",
        "§ 3 is agreed ad referendum by ZZ, not a delegation of this draft; repair leaves it, "
        "since the party may yet be added (`concordia party add`).",
        "The silence procedure was broken by QQ, not a delegation of this draft; repair leaves "
        "it, since the party may yet be added (`concordia party add`).",
    ]
    code, out, _err = concordia("check", path)
    assert (code, out.splitlines()) == (1, sentences)
    code, out, _err = concordia("show", path)        # the text is sound: shown, with warnings
    assert code == 0
    code, out, _err = concordia("check", "--repair", path)
    assert (code, out.splitlines()) == (1, ["Not repaired: " + s for s in sentences])
    assert bracket_words(path) == ["strengthen", "promote"]
    for code_, name in (("XK", "Kosovo"), ("ZZ", "Zedland"), ("QQ", "Queensland")):
        assert concordia("party", "add", path, "--code", code_, "--name", name)[0] == 0
    assert concordia("check", path)[:2] == (0, "“draft.concordia” has no problems.\n")


def test_status_of_a_paragraph_not_in_the_draft_is_removed():
    """A paragraph's status travels in its row, so only a draft in memory (a paragraph
    deleted, a version reverted to) can hold one for a paragraph that is gone."""
    draft = Draft(blocks=[Block(BlockKind.NUMBERED, [TextRun("We meet.")], id="p1")],
                  statuses={"p1": BlockStatus(StatusKind.AGREED),
                            "gone": BlockStatus(StatusKind.AD_REFERENDUM, ["HU"])},
                  silence=Silence(datetime(2026, 3, 3, 12, 0), ["HU"]))
    problems = check_draft(draft)
    assert [(p.code, p.subject, p.sentence) for p in problems] == [(
        ProblemCode.STATUS_ON_MISSING_BLOCK, "gone",
        "A paragraph status (“{\"kind\": \"ad_referendum\", \"parties\": [\"HU\"]}”) is set on a "
        "paragraph that does not exist (“gone”); repair removes it, since a status holds no "
        "words.")]
    assert repair(draft, problems) == []
    assert list(draft.statuses) == ["p1"] and check_draft(draft) == []


def test_crossing_brackets_of_an_older_file_are_reported_nested_ones_are_not(base_file, tmp_path):
    """`bracket add` now refuses a crossing span; a file made before (by the model, as the
    old program did) is told about it, and nothing is changed by repair."""
    from app.model.annotations import Anchor
    from app.model.bracket_ops import AddBracket
    from app.model.brackets import Alternative, Bracket
    from app.store import load_draft

    path = damaged(base_file, tmp_path)
    assert concordia("bracket", "add", path, "--block", "p1", "--start", START,
                     "--end", START + 4)[0] == 0                  # nested: fine
    assert concordia("check", path)[0] == 0
    draft = load_draft(path)
    AddBracket(Bracket("x9", Anchor("p1", START + 3, len(TEXT) - 1),
                       [Alternative("", ["HU"])]).to_json()).apply(draft)
    save_draft(draft, path)
    code, out, err = concordia("check", path)
    assert code != 0
    assert "crosses the square bracket" in out + err
    assert "x9" in out + err
    problems = check_draft(load_draft(path))
    # x9 crosses both: the bracket on "strengthen" and the one nested in it
    assert [p.code for p in problems] == [ProblemCode.CROSSING] * 2
    assert all("x9" in p.sentence and not p.repairable for p in problems)
    before = sorted(bracket_words(path))
    concordia("check", path, "--repair")
    assert sorted(bracket_words(path)) == before and "x9" in load_draft(path).brackets

