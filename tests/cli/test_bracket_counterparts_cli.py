"""`concordia bracket place` and `bracket list` with a Spanish version: a counterpart placed by
quoting the Spanish words, refused in one sentence when they are not unique, listed in --json
and text, cleared; and carried by `show --json`. In-process (the CLI's own main), real files."""

from __future__ import annotations

import contextlib
import io
import json

from app.cli import main
from app.store import load_draft
from tests.importer.spanish_brackets import ENGLISH, write_spanish


def cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def bilingual(tmp_path) -> str:
    path = str(tmp_path / "clasi.concordia")
    assert cli("import", str(ENGLISH), "--out", path)[0] == 0
    assert cli("import", str(write_spanish(tmp_path)), "--into", path, "--language", "es")[0] == 0
    return path


def test_place_list_and_clear_a_spanish_counterpart(tmp_path):
    path = bilingual(tmp_path)
    listed = json.loads(cli("bracket", "list", path, "--json")[1])
    first = next(item for item in listed if item["alternatives"][0]["text"] == "destabilise")
    assert first["counterparts"]["es"]["alternatives"] == [
        {"text": "desestabilizan", "parties": ["FR", "ES"]},
        {"text": "socavan", "parties": ["CELAC"]}]
    assert cli("bracket", "place", path, "--id", first["id"], "--clear")[0] == 0
    assert "es" not in json.loads(cli("bracket", "list", path, "--json")[1])[0].get(
        "counterparts", {})
    code, _out, err = cli("bracket", "place", path, "--id", first["id"], "--words", "de",
                          "--alt", "socavan")
    assert code == 1 and err.count("\n") == 1 and "exactly once" in err
    code, _out, err = cli("bracket", "place", path, "--id", first["id"], "--words",
                          "desestabilizan")
    assert code == 1 and "give the wording of each with --alt" in err
    code, _out, err = cli("bracket", "place", path, "--id", first["id"], "--words",
                          "desestabilizan", "--alt", "menoscaban (CELAC)")
    assert code == 0, err
    draft = load_draft(path)
    item = draft.translations["es"].brackets[first["id"]]
    assert item.alternatives == ["menoscaban"] and item.quote == "desestabilizan"
    shown = json.loads(cli("show", path, "--json")[1])
    on_show = next(b for b in shown["brackets"] if b["id"] == first["id"])
    assert on_show["counterparts"]["es"]["placed"] is True
    text = cli("bracket", "list", path)[1]
    assert "es: [desestabilizan (FR, ES) / menoscaban (CELAC)]" in text
    assert "es: no counterpart" in text       # § 9's bracket: the Spanish text lacks § 9


def test_language_status_names_a_counterpart_whose_spanish_words_were_deleted(tmp_path):
    from app.model import TextRun, plain_text
    from app.model.translation_ops import SetTranslationContent
    from app.store import save_draft

    path = bilingual(tmp_path)
    draft = load_draft(path)
    bracket = next(b for b in draft.brackets.values() if b.quote == "destabilise")
    block_id = bracket.anchor.block_id
    text = plain_text(draft.translations["es"].blocks[block_id])
    SetTranslationContent("es", block_id, [TextRun(text.replace(" que desestabilizan", ""))]
                          ).apply(draft)
    save_draft(draft, path)
    code, out, _err = cli("language", "status", path)
    assert code == 0
    line = next(line for line in out.splitlines() if bracket.id in line)
    assert "§ 3" in line and "“desestabilizan” were deleted" in line
    data = json.loads(cli("language", "status", path, "--json")[1])
    assert bracket.id in data["counterparts_unplaced"]
    assert bracket.id in data["brackets_without_counterpart"]
    # its wording is kept: placing it again needs only the words
    assert load_draft(path).translations["es"].brackets[bracket.id].alternatives == ["socavan"]
    assert cli("bracket", "place", path, "--id", bracket.id, "--words", "redes delictivas")[0] == 0
    again = load_draft(path).translations["es"].brackets[bracket.id]
    assert again.placed and again.alternatives == ["socavan"]
