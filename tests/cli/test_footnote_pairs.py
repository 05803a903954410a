"""Footnote pairs on a real draft (the La Paz seed and its Spanish, imported with the
program's commands): an English footnote edited after the Spanish was confirmed shows in
`language status` (text and JSON), in the Spanish export's warnings, is cleared by
confirming its paragraph or the footnote, comes back with the undo of that confirmation,
and a footnote the Spanish text lacks is reported, never exported in English."""

from __future__ import annotations

import zipfile

import pytest

from app.cli import main
from app.commands.draft_changes import change_draft
from app.model import FootnoteRef, operation_from_json
from app.model.footnote_step import footnote_states
from app.model.in_step import ConfirmPairs, confirm_in_step
from app.model.ops import AddFootnote, Batch, ReplaceContent, SetFootnoteText
from app.model.translation_ops import SetTranslationFootnote
from app.store import load_draft
from app.store.versions import open_version
from tests.lapaz_bilingual import NOTE_3_EN, NOTE_3_ES, cli, cli_json, lapaz_with_spanish


@pytest.fixture
def lapaz(tmp_path):
    return lapaz_with_spanish(tmp_path)


def _note(path, number: int) -> str:
    """The id of the draft's footnote printed with `number`."""
    marks = cli_json("show", str(path), "--json")["note_marks"]
    return next(mark["footnote"] for mark in marks
                if mark["number"] == number and not mark["reservation"])


def _export_warnings(path, tmp_path, capsys, name="es.docx") -> list[str]:
    capsys.readouterr()
    assert main(["export", str(path), "--out", str(tmp_path / name), "--lang", "es",
                 "--force"]) == 0
    return [line for line in capsys.readouterr().err.splitlines()
            if line.startswith("concordia: ")]


def test_an_import_pairs_the_footnotes_in_step(lapaz):
    status = cli_json("language", "status", str(lapaz), "--json")
    # the block names scripts rely on are unchanged
    assert {"language", "pairs", "unpaired", "unplaced", "out_of_step"} <= set(status)
    assert status["pairs"] == 92 and status["out_of_step"] == []
    assert status["footnote_pairs"] == 15
    assert status["unpaired_footnotes"] == [] and status["footnotes_left_out"] == []
    assert status["footnotes_out_of_step"] == []
    text = cli("language", "status", str(lapaz))
    assert "15 footnote pairs\n0 footnote pairs out of step" in text


def test_english_footnote_edit_status_export_confirm_and_undo(lapaz, tmp_path, capsys):
    note = _note(lapaz, 3)
    draft = load_draft(lapaz)
    assert draft.footnotes[note].text.startswith(NOTE_3_EN)
    assert draft.translations["es"].footnotes[note].startswith(NOTE_3_ES)
    change_draft(str(lapaz), lambda d: SetFootnoteText(note, d.footnotes[note].text
                                                       + " (2024 edition)"))

    status = cli_json("language", "status", str(lapaz), "--json")
    assert status["out_of_step"] == []                     # no paragraph changed
    [flagged] = status["footnotes_out_of_step"]
    assert flagged["id"] == note and flagged["number"] == 3
    assert flagged["changed"] == ["main"] and flagged["confirmed_at"]
    assert f"1 footnote pair out of step\n  footnote 3 ({note}): the draft's text changed" \
        in cli("language", "status", str(lapaz))
    shown = cli_json("show", str(lapaz), "--json")["footnotes"]
    assert [item["id"] for item in shown if item.get("out_of_step")] == [note]

    [warning] = [w for w in _export_warnings(lapaz, tmp_path, capsys) if "ootnote" in w]
    assert warning == ("concordia: Footnote 3 (“UNODC/WHO International Standards for "
                       "Treatment…”) is out of step in the Spanish text: changed in English "
                       "since its Spanish was confirmed.")

    # confirming the paragraph that refers to it confirms the footnote with it
    block = flagged["block"]
    out = cli("language", "confirm", str(lapaz), "--block", block)
    assert out == "Confirmed 1 pair in step.\nConfirmed 1 footnote pair in step.\n"
    assert cli_json("language", "status", str(lapaz), "--json")["footnotes_out_of_step"] == []
    assert not [w for w in _export_warnings(lapaz, tmp_path, capsys, "es2.docx")
                if "ootnote" in w]

    # the confirmation is one invertible step: its undo brings the mark back
    draft = load_draft(lapaz)
    confirm = confirm_in_step(draft, "es", [block])
    assert isinstance(confirm, ConfirmPairs) and list(confirm.footnotes) == []  # in step now
    change_draft(str(lapaz), lambda d: SetFootnoteText(note, d.footnotes[note].text + "!"))
    draft = load_draft(lapaz)
    step = operation_from_json(confirm_in_step(draft, "es", [block]).to_json())
    assert list(step.footnotes) == [note]
    undo = step.apply(draft)
    assert not any(state.out_of_step for state in footnote_states(draft))
    undo.apply(draft)
    [state] = [state for state in footnote_states(draft) if state.out_of_step]
    assert state.footnote_id == note and state.main_changed
    assert state.confirmed_main == draft.footnotes[note].text[:-1]


def test_spanish_footnote_edit_and_confirming_the_footnote_alone(lapaz):
    note = _note(lapaz, 1)
    change_draft(str(lapaz), lambda d: SetTranslationFootnote("es", note, "En adelante, "
                                                              "«el Mecanismo»."))
    [flagged] = cli_json("language", "status", str(lapaz), "--json")["footnotes_out_of_step"]
    assert flagged["changed"] == ["translation"] and flagged["number"] == 1
    assert f"footnote 1 ({note}): the translation changed" in cli(
        "language", "status", str(lapaz))
    assert cli("language", "confirm", str(lapaz), "--footnote", note) == (
        "Confirmed 0 pairs in step.\nConfirmed 1 footnote pair in step.\n")
    assert cli_json("language", "status", str(lapaz), "--json")["footnotes_out_of_step"] == []


def test_confirming_an_unknown_or_untranslated_footnote_is_one_sentence(lapaz, capsys):
    capsys.readouterr()
    assert main(["language", "confirm", str(lapaz), "--footnote", "nosuchnote"]) != 0
    assert capsys.readouterr().err.strip() == (
        "concordia: The draft's text refers to no footnote “nosuchnote”.")
    note = _note(lapaz, 2)
    change_draft(str(lapaz), lambda d: SetTranslationFootnote("es", note, None))
    capsys.readouterr()
    assert main(["language", "confirm", str(lapaz), "--footnote", note]) != 0
    assert capsys.readouterr().err.strip() == (
        f"concordia: Footnote “{note}” has no ES text to confirm.")


def test_a_footnote_added_in_english_is_unpaired_and_left_out_never_in_english(
        lapaz, tmp_path, capsys):
    draft = load_draft(lapaz)
    block = next(b for b in draft.blocks if b.text.startswith("WE NOTE that the declaration"))
    assert block.id in draft.translations["es"].blocks
    english = "See the EU-CELAC Summit declaration of 17-18 July 2023."
    change_draft(str(lapaz), lambda d: Batch([
        AddFootnote("new-note", english),
        ReplaceContent(block.id, len(block.text), len(block.text), [FootnoteRef("new-note")]),
    ]))
    status = cli_json("language", "status", str(lapaz), "--json")
    assert [item["id"] for item in status["unpaired_footnotes"]] == ["new-note"]
    assert [item["id"] for item in status["footnotes_left_out"]] == ["new-note"]
    assert status["footnotes_out_of_step"] == []           # unpaired: nothing to be in step
    assert "1 footnote without a translation\n  footnote 2 (new-note): no ES text" in cli(
        "language", "status", str(lapaz))

    warnings = _export_warnings(lapaz, tmp_path, capsys)
    assert ("concordia: Footnote 2 (“See the EU-CELAC Summit declaration…”) of the draft is "
            "not in the Spanish text (no Spanish paragraph refers to it), so the Spanish "
            "export leaves it out.") in warnings
    with zipfile.ZipFile(tmp_path / "es.docx") as package:
        texts = package.read("word/footnotes.xml").decode("utf-8")
    assert english not in texts and NOTE_3_ES in texts      # left out, not in English

    # a Spanish text for it is still not placed in the Spanish paragraphs: still said
    change_draft(str(lapaz), lambda d: SetTranslationFootnote("es", "new-note", "Véase …"))
    status = cli_json("language", "status", str(lapaz), "--json")
    assert status["unpaired_footnotes"] == []
    assert [item["id"] for item in status["footnotes_left_out"]] == ["new-note"]
    assert any("leaves it out" in w for w in _export_warnings(lapaz, tmp_path, capsys, "b.docx"))


def test_a_footnote_the_spanish_text_refers_to_without_its_text_stops_the_export(
        lapaz, tmp_path, capsys):
    note = _note(lapaz, 1)
    change_draft(str(lapaz), lambda d: SetTranslationFootnote("es", note, None))
    [item] = cli_json("language", "status", str(lapaz), "--json")["unpaired_footnotes"]
    assert item == {"id": note, "number": 1, "block": item["block"]}
    capsys.readouterr()
    assert main(["export", str(lapaz), "--out", str(tmp_path / "es.docx"), "--lang", "es"]) != 0
    err = capsys.readouterr().err
    assert "The Spanish text lacks the text of footnote 1 (“Hereinafter, referred as" in err
    assert not (tmp_path / "es.docx").exists()


def test_versions_keep_the_footnote_records(lapaz):
    note = _note(lapaz, 3)
    cli("version", "save", str(lapaz), "--name", "Rev 1")
    change_draft(str(lapaz), lambda d: SetFootnoteText(note, "Changed after Rev 1."))
    cli("language", "confirm", str(lapaz), "--all")
    draft = load_draft(lapaz)
    now = draft.translations["es"]
    assert now.footnotes_confirmed[note] == "Changed after Rev 1."
    rev1 = open_version(draft, "Rev 1")
    old = rev1.translations["es"]
    assert old.footnotes_confirmed[note].startswith(NOTE_3_EN)
    assert not any(state.out_of_step for state in footnote_states(rev1))


def test_a_position_statement_without_spanish_wording_is_named(lapaz, tmp_path, capsys):
    cli("reservation", "add", str(lapaz), "--whole", "--parties", "CELAC", "--kind",
        "position", "--text", "CELAC recalls its position on alternative development.",
        "--date", "2024-03-15")
    warnings = _export_warnings(lapaz, tmp_path, capsys)
    assert ("concordia: 1 position statement has no Spanish wording, so its reservation "
            "footnote prints the English one: “CELAC recalls its position on alternative "
            "development.”.") in warnings
