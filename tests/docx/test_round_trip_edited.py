"""Our own note after someone changed it in Word, or after the embedded data was lost."""

from __future__ import annotations

import zipfile
from pathlib import Path

from app.docx import export_note
from app.docx.open_word import open_word_file
from tests.conftest import LAPAZ_SEED
from tests.docx.round_trip_drafts import annotated_seed


def rewrite(source: Path, target: Path, *, drop_custom_xml: bool = False, **replacements) -> None:
    """Copy a DOCX, replacing text in named parts (`word_document=[(old, new)]`)."""
    changes = {name.replace("_", "/", 1) + ".xml": pairs for name, pairs in replacements.items()}
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            if drop_custom_xml and info.filename.startswith("customXml/"):
                continue
            data = old.read(info)
            for before, after in changes.get(info.filename, []):
                assert before.encode() in data, (info.filename, before)
                data = data.replace(before.encode(), after.encode(), 1)
            new.writestr(info, data)


def exported(tmp_path) -> tuple:
    draft = annotated_seed(LAPAZ_SEED)
    path = tmp_path / "note.docx"
    export_note(draft, path, comments="circulation")
    return draft, path


def test_a_paragraph_edited_in_word_keeps_its_id_and_the_report_says_so(tmp_path):
    draft, path = exported(tmp_path)
    edited = tmp_path / "edited.docx"
    rewrite(path, edited, word_document=[(" to reinforce", " to strengthen")])
    back, report = open_word_file(edited)
    assert [b.id for b in back.blocks] == [b.id for b in draft.blocks]
    assert [b.kind for b in back.blocks] == [b.kind for b in draft.blocks]
    changed = [b for b in back.blocks if b.text.startswith("WE COMMIT to strengthen")]
    assert len(changed) == 1
    assert any("1 paragraph was changed in Word" in str(w) for w in report.warnings)
    assert set(back.reservations) == {"r-scrutiny", "r-ling", "r-span", "r-position"}


def test_a_span_comment_on_an_edited_paragraph_covers_the_paragraph(tmp_path):
    draft, path = exported(tmp_path)
    third = draft.blocks[3]
    assert "the third Summit" in third.text
    edited = tmp_path / "edited.docx"
    rewrite(path, edited, word_document=[("the third Summit", "the 3rd Summit")])
    back, _report = open_word_file(edited)
    assert back.comments["c-span"].anchor.to_json() == {
        "block_id": third.id, "start": None, "end": None, "orphaned": False}


def test_a_reservation_footnote_changed_in_word_stays_a_footnote_and_is_not_doubled(tmp_path):
    _draft, path = exported(tmp_path)
    edited = tmp_path / "edited.docx"
    rewrite(path, edited, word_footnotes=[("HU: scrutiny reservation.",
                                           "HU: scrutiny reservation (to be confirmed).")])
    back, report = open_word_file(edited)
    assert "r-scrutiny" not in back.reservations and "r-ling" not in back.reservations
    kept = [n.text for n in back.footnotes.values() if "scrutiny reservation" in n.text]
    assert kept == ["BE, DE, HU: scrutiny reservation (to be confirmed). PL: linguistic reservation."]
    assert any("changed in Word" in str(w) for w in report.warnings)


def test_without_the_embedded_data_reservation_footnotes_are_recognised_by_their_wording(tmp_path):
    draft, path = exported(tmp_path)
    stripped = tmp_path / "stripped.docx"
    rewrite(path, stripped, drop_custom_xml=True)
    back, report = open_word_file(stripped)
    found = sorted((r.kind.value, tuple(r.parties)) for r in back.reservations.values())
    assert found == [("linguistic", ("PL",)), ("scrutiny", ("BE", "DE", "HU")),
                     ("substantive", ("FR",))]
    # The block reservations sit on their paragraph again; the span one where its footnote was.
    first = back.blocks[1].id
    assert {r.anchor.block_id for r in back.reservations.values() if r.kind.value != "substantive"} == {first}
    # The position statement is free wording: it stays a footnote, as the user wrote it.
    texts = [n.text for n in back.footnotes.values()]
    assert "CELAC recalls its position on unilateral measures." in texts
    assert not any("reservation." in text for text in texts)
    assert len(texts) == len(draft.footnotes) + 1
    assert any("read back as reservations from their wording" in str(w) for w in report.warnings)
    assert any("2 Word comments were not made by Concordia" in str(w) for w in report.warnings)


def test_a_file_from_a_newer_concordia_reads_as_an_ordinary_document(tmp_path):
    _draft, path = exported(tmp_path)
    newer = tmp_path / "newer.docx"
    rewrite(path, newer, customXml_item1=[('format="1"', 'format="99"')])
    back, report = open_word_file(newer)
    assert back.blocks and any("newer Concordia" in str(w) for w in report.warnings)


def test_an_empty_paragraph_is_not_reported_missing_and_a_footnote_used_twice_is_one(tmp_path):
    from app.model import Block, BlockKind, FootnoteRef, TextRun

    draft = annotated_seed(LAPAZ_SEED)
    draft.blocks.insert(5, Block(BlockKind.PARAGRAPH, [TextRun("")], id="b-empty"))
    shared = next(iter(draft.footnotes))
    draft.blocks[6].content.append(FootnoteRef(shared))
    path = tmp_path / "note.docx"
    export_note(draft, path)
    back, report = open_word_file(path)
    assert "b-empty" not in [b.id for b in back.blocks]
    assert not any("no longer in the file" in str(w) for w in report.warnings)
    assert back.footnote_order() == draft.footnote_order()
    assert set(back.footnotes) == set(draft.footnotes)
