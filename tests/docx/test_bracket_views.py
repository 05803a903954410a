"""DOCX export of a bracketed draft in both views: pandoc reads the bracketed text back as
negotiators write it; the clean view has no markup; our own import reads the brackets back."""

from pathlib import Path

import pytest

from app.docx import export_note
from app.docx.open_word import open_word_file
from app.importer import import_text_file
from app.model.brackets import current_alternatives
from tests.docx.pandoc_reader import read_with_pandoc

DATA = Path(__file__).resolve().parents[1] / "importer" / "data"


@pytest.fixture(scope="module")
def draft():
    return import_text_file(DATA / "clasi_bracketed.txt")[0]


def texts(path: Path) -> str:
    return "\n".join(paragraph.text for paragraph in read_with_pandoc(path))


def test_bracketed_view_is_the_default_and_pandoc_reads_it(draft, tmp_path):
    before = [block.to_json() for block in draft.blocks]
    export_note(draft, tmp_path / "b.docx")
    read = texts(tmp_path / "b.docx")
    assert "to [destabilise (FR, ES) / undermine (CELAC)] the rule of law" in read
    assert "[and the respect for all human rights] (HU)" in read
    assert "[strengthening the [bi-regional] ties (ES) / deepening the relations (CELAC)]" in read
    assert "drug demand [and harm reduction (CELAC, PT) / delete (HU, PL)], including" in read
    assert "“the parties […] shall pursue” [1];" in read
    assert [block.to_json() for block in draft.blocks] == before     # the draft is untouched


def test_clean_view_has_no_markup(draft, tmp_path):
    export_note(draft, tmp_path / "c.docx", view="clean")
    read = texts(tmp_path / "c.docx")
    assert "to destabilise the rule of law" in read
    assert "as a means of strengthening the bi-regional ties between" in read
    assert "undermine" not in read and "(CELAC)" not in read
    assert read.count("[") == 2                     # the literal "[…]" and "[1]" only
    assert "“the parties […] shall pursue” [1];" in read


def test_the_bracketed_word_file_imports_back_with_its_brackets(draft, tmp_path):
    export_note(draft, tmp_path / "b.docx", view="bracketed")
    back, _report = open_word_file(tmp_path / "b.docx")
    assert [b.text for b in back.blocks] == [b.text for b in draft.blocks]
    wanted = sorted((current_alternatives(draft, b)[0].text,
                     [a.to_json() for a in b.alternatives[1:]]) for b in draft.brackets.values())
    found = sorted((current_alternatives(back, b)[0].text,
                    [a.to_json() for a in b.alternatives[1:]]) for b in back.brackets.values())
    assert found == wanted


def test_the_compilation_lists_open_brackets_with_their_proponents(draft, tmp_path):
    from app.docx.compilation import compilation_rows, export_compilation

    rows = [row for row in compilation_rows(draft, "en") if row.comment[0].startswith("Square")]
    assert len(rows) == 7
    first = rows[0]
    assert first.comment == ["Square brackets: [destabilise (FR, ES) / undermine (CELAC)]"]
    assert "CELAC" in first.delegation
    export_compilation(draft, tmp_path / "c.docx")
    assert "[and harm reduction (CELAC, PT) / delete (HU, PL)]" in texts(tmp_path / "c.docx")


def test_a_clean_export_reads_back_without_brackets(draft, tmp_path):
    export_note(draft, tmp_path / "c.docx", view="clean")
    back, _report = open_word_file(tmp_path / "c.docx")
    assert not back.brackets
    assert [b.text for b in back.blocks] == [b.text for b in draft.blocks]


def test_the_bracketed_copy_keeps_comments_on_their_words():
    from datetime import date

    from app.docx.bracket_view import bracketed_copy
    from app.model.annotations import Anchor, Comment, span_words
    from tests.cli.test_brackets_cli import hand_made

    draft = hand_made()
    draft.comments["c3"] = Comment("c3", Anchor("p1", 12, 28), "HU", "Hm.", date=date(2025, 1, 1))
    copy = bracketed_copy(draft)
    block = copy.block("p1")
    assert block.text == "We agree to [strengthen (FR) / promote (CELAC)] ties."
    anchor = copy.comments["c3"].anchor
    assert span_words(block.content, anchor.start, anchor.end).startswith("strengthen")
    assert draft.block("p1").text == "We agree to strengthen ties."
    assert draft.comments["c3"].anchor.start == 12
