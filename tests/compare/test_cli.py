"""`concordia version …`, `concordia import --as-version` and `concordia compare`, end to end
on real draft files."""

import json
import zipfile

from app.cli import main
from app.importer.text import import_text_file
from app.store import load_draft, save_draft

from .test_revision_import import revised_seed_text


def _draft_file(tmp_path, clasi_seed):
    draft, _ = import_text_file(clasi_seed)
    path = tmp_path / "clasi.concordia"
    save_draft(draft, path)
    return path


def test_version_save_list_show_checkout(tmp_path, clasi_seed, capsys):
    path = _draft_file(tmp_path, clasi_seed)
    assert main(["version", "save", str(path), "--name", "Rev 1", "--author", "MR"]) == 0
    assert main(["version", "save", str(path), "--name", "Rev 1"]) == 1
    assert "already exists" in capsys.readouterr().err
    assert main(["version", "list", str(path), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(v["name"], v["author"]) for v in listed] == [("Rev 1", "MR")]
    assert main(["show", str(path), "--version", "Rev 1", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["blocks"] == load_draft(path).to_public_json()["blocks"]
    assert main(["show", str(path), "--version", "Rev 9"]) == 1
    assert "no version named “Rev 9”" in capsys.readouterr().err
    new = tmp_path / "from-rev1.concordia"
    assert main(["version", "checkout", str(path), "--name", "Rev 1", "--out", str(new)]) == 0
    assert load_draft(new).to_public_json() == shown
    assert load_draft(new).versions == []
    assert main(["version", "checkout", str(path), "--name", "Rev 1", "--out", str(new)]) == 1


def test_import_as_version_then_compare_json_and_word(tmp_path, clasi_seed, capsys):
    path = _draft_file(tmp_path, clasi_seed)
    main(["version", "save", str(path), "--name", "Rev 1"])
    source = tmp_path / "rev2.md"
    source.write_text(revised_seed_text(clasi_seed.read_text(encoding="utf-8")), encoding="utf-8")
    assert main(["import", str(source), "--into", str(path), "--as-version", "Rev 2"]) == 0
    capsys.readouterr()
    assert main(["compare", str(path), "--from", "Rev 1", "--to", "Rev 2", "--json",
                 "--changes-only"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["summary"] == (
        "1 paragraph changed, 1 inserted, 1 deleted, 1 moved; 1 footnote reworded")
    assert [p["status"] for p in data["pairs"]] == [
        "changed", "inserted", "moved_away", "deleted", "moved_here"]
    assert main(["compare", str(path), "--from", "Rev 1"]) == 0      # to: current text
    assert "No changes." in capsys.readouterr().out
    out = tmp_path / "rev1-rev2.docx"
    assert main(["compare", str(path), "--from", "Rev 1", "--to", "Rev 2", "--out", str(out),
                 "--style", "tracked"]) == 0
    with zipfile.ZipFile(out) as package:
        document = package.read("word/document.xml").decode()
    assert "<w:moveFrom " in document and "<w:ins " in document


def test_compare_export_problems_are_one_sentence(tmp_path, clasi_seed, capsys):
    path = _draft_file(tmp_path, clasi_seed)
    main(["version", "save", str(path), "--name", "Rev 1"])
    capsys.readouterr()
    out = tmp_path / "es.docx"
    assert main(["compare", str(path), "--from", "Rev 1", "--out", str(out),
                 "--language", "es"]) == 1
    err = capsys.readouterr().err
    assert "no Spanish text" in err and "Traceback" not in err
    assert not out.exists()
    assert main(["compare", str(path), "--from", "Rev 7"]) == 1
    assert "no version named “Rev 7”" in capsys.readouterr().err
