"""`concordia show DRAFT`: the first line names the note without dangling punctuation."""

from __future__ import annotations

from datetime import date

from app.cli import main
from app.model import Block, BlockKind, Draft, TextRun
from app.store import save_draft


def first_line(tmp_path, capsys, draft: Draft) -> str:
    path = tmp_path / "d.concordia"
    save_draft(draft, path)
    assert main(["show", str(path)]) == 0
    return capsys.readouterr().out.splitlines()[0]


def test_a_draft_without_number_or_date_has_no_dangling_comma(tmp_path, capsys):
    draft = Draft(blocks=[Block(BlockKind.PARAGRAPH, [TextRun("Lorem ipsum.")], id="b")])
    draft.note.place = "Brussels"
    assert first_line(tmp_path, capsys, draft) == "NOTE  Brussels"


def test_a_full_cover_reads_as_before(tmp_path, capsys):
    draft = Draft(blocks=[Block(BlockKind.PARAGRAPH, [TextRun("Lorem ipsum.")], id="b")])
    draft.note.number, draft.note.place, draft.note.date = "6914/24", "Brussels", date(2024, 2, 28)
    assert first_line(tmp_path, capsys, draft) == "NOTE 6914/24  Brussels, 2024-02-28"
