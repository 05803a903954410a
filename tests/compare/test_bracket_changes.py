"""The comparison lists bracket and status changes between versions."""

import subprocess
import sys
from pathlib import Path

from app.compare.bracket_changes import negotiation_changes
from app.model.annotations import Anchor
from app.model.bracket_ops import AddBracket, SetBlockStatus, resolve_bracket
from app.model.brackets import Alternative, Bracket
from app.model.version import make_version
from app.store import save_draft
from tests.cli.test_brackets_cli import hand_made

REPO = Path(__file__).resolve().parents[2]


def revised():
    draft = hand_made()
    old = make_version(draft, "Rev 1")
    resolve_bracket(draft, "k1", 1).apply(draft)
    AddBracket(Bracket("k2", Anchor("p5", 3, 10), [Alternative("welcome"),
                                                   Alternative("note", ["HU"])]).to_json()
               ).apply(draft)
    SetBlockStatus("p2", {"kind": "agreed", "parties": []}).apply(draft)
    draft.versions.append(old)
    return draft, old


def test_opened_closed_and_agreed_are_listed_in_text_order():
    draft, old = revised()
    texts = [change.text for change in negotiation_changes(old.draft(), draft)]
    assert texts == ["bracket closed in § 1", "§ 2 agreed", "bracket opened in § 5 (HU)"]


def test_compare_command_prints_them(tmp_path):
    draft, _old = revised()
    path = tmp_path / "d.concordia"
    save_draft(draft, path)
    out = subprocess.run([sys.executable, "-m", "app", "compare", str(path), "--from", "Rev 1"],
                         cwd=REPO, capture_output=True, text=True, timeout=120).stdout
    assert "Square brackets and paragraph status:" in out and "§ 2 agreed" in out


def test_a_revision_carries_brackets_onto_their_words_or_brings_its_own():
    from app.compare.revision_import import revision_as_version
    from app.importer import import_text

    current = import_text("1. We agree to [strengthen (FR) / promote (CELAC)] ties.\n"
                          "2. We meet again.\n")[0]
    plain = import_text("1. Ministers: we agree to strengthen ties.\n2. We meet again.\n")[0]
    version, _report = revision_as_version(current, plain, "Rev 1")
    carried = version.draft()
    (bracket,) = carried.brackets.values()
    from app.model.brackets import current_alternatives

    assert current_alternatives(carried, bracket)[0].text == "strengthen"
    assert bracket.alternatives[1].parties == ["CELAC"]
    own = import_text("1. We agree to [deepen (ES) / strengthen (FR)] ties.\n"
                      "2. We meet [again (HU)].\n")[0]
    version, _report = revision_as_version(current, own, "Rev 2")
    revised = version.draft()
    ids = {block.id for block in revised.blocks}
    found = sorted(current_alternatives(revised, b)[0].text for b in revised.brackets.values())
    assert found == ["again", "deepen"]
    assert all(b.anchor.block_id in ids for b in revised.brackets.values())
    assert revised.blocks[0].id == current.blocks[0].id
