"""`concordia show DRAFT --json` on imported seeds: the field names scripts rely on."""

from __future__ import annotations

import json

import pytest

from app.cli import main
from tests.conftest import CLASI_SEED, LAPAZ_SEED

NOTE_FIELDS = {"number", "suffix", "date", "place", "languages", "marking", "codes", "type",
               "from", "to", "subject", "intro"}


def _show(tmp_path, capsys, seed) -> dict:
    out = tmp_path / "draft.concordia"
    assert main(["import", str(seed), "--out", str(out)]) == 0
    capsys.readouterr()
    assert main(["show", str(out), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("seed", [LAPAZ_SEED, CLASI_SEED], ids=["lapaz", "clasi"])
def test_field_names(tmp_path, capsys, seed):
    data = _show(tmp_path, capsys, seed)
    assert {"note", "blocks", "footnotes"} <= set(data)
    assert NOTE_FIELDS <= set(data["note"])
    for block in data["blocks"]:
        assert {"id", "kind", "level", "text", "footnotes"} <= set(block)
        assert isinstance(block["footnotes"], list)
        for marker in ("<sup>", "**", "\\_", "❖", "¹"):
            assert marker not in block["text"]          # plain text, no markup
    for footnote in data["footnotes"]:
        assert set(footnote) == {"id", "text"}
    referenced = [fid for block in data["blocks"] for fid in block["footnotes"]]
    assert referenced == [footnote["id"] for footnote in data["footnotes"]]


def test_lapaz_values(tmp_path, capsys):
    data = _show(tmp_path, capsys, LAPAZ_SEED)
    note = data["note"]
    assert note["number"] == "6914/24" and note["suffix"] == ""
    assert note["date"] == "2024-02-28" and note["place"] == "Brussels"
    assert note["languages"] == ["en"] and note["marking"] is None
    assert note["codes"] == ["CORDROGUE 26", "COLAC 27", "SAN 105", "JAI 322"]
    assert note["type"] == "NOTE"
    assert note["from"] == "General Secretariat of the Council" and note["to"] == "Delegations"
    assert note["subject"].endswith("La Paz declaration")
    assert note["intro"].startswith("Delegations will find in the Annex")
    assert len(data["blocks"]) == 92 and len(data["footnotes"]) == 15
    first = data["blocks"][0]
    assert first["kind"] == "title" and "XXIVth High Level meeting" in first["text"]
    having_met = data["blocks"][1]
    assert having_met["kind"] == "preamble" and len(having_met["footnotes"]) == 1
    assert data["footnotes"][0]["text"] == 'Hereinafter, referred as "The Mechanism"'
    nested = [b for b in data["blocks"] if b["kind"] == "list_item" and b["level"] == 2]
    assert len(nested) == 10


def test_clasi_values(tmp_path, capsys):
    data = _show(tmp_path, capsys, CLASI_SEED)
    note = data["note"]
    assert note["number"] == "10245/23" and note["date"] == "2023-06-08"
    assert note["marking"] == "LIMITE" and note["languages"] == ["en", "es"]
    assert len(note["codes"]) == 7 and note["from"] == "Presidency"
    kinds = [b["kind"] for b in data["blocks"]]
    assert kinds == ["title"] + ["numbered"] * 23
    assert data["blocks"][7]["text"].startswith("Reiterate our determination")
    assert len(data["footnotes"]) == 2
