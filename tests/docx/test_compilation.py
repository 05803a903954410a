"""The compilation of comments: a real table, read back cell by cell, in EN and ES."""

from __future__ import annotations

import shutil
import subprocess
import zipfile

import docx
import pytest

from app.cli import main
from app.docx.compilation import export_compilation
from app.store import save_draft

from .test_comments import SECRET, WITHDRAWN, annotated

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def table_rows(path) -> list[list[str]]:
    document = docx.Document(str(path))
    assert len(document.tables) == 1
    rows = []
    for tr in document.tables[0]._tbl.tr_lst:
        rows.append(["\n".join("".join(t.text or "" for t in p.iter(W + "t"))
                                for p in tc.iter(W + "p")) for tc in tr.tc_lst])
    return rows


def test_english_compilation_table(tmp_path):
    path = tmp_path / "compilation.docx"
    report = export_compilation(annotated(), path, "en")
    rows = table_rows(path)
    assert rows[0] == ["Paragraph", "Text", "Delegation", "Comments and drafting suggestions",
                       "Presidency response"]
    body = rows[1:]
    assert report.rows == len(body) == 5       # 2 circulated comments + 3 outstanding reservations
    # whole-text reservation first, as "General"
    assert body[0][0] == "General" and body[0][2] == "CELAC"
    assert body[0][3] == "CELAC recalls its position on unilateral measures."
    # the paragraph's number and text once, then merged cells; comments and reservations
    reaffirm = [row for row in body if row[2] in ("Hungary (HU)", "BE, DE, HU")]
    assert reaffirm[0][1].startswith("WE REAFFIRM the importance of the European Council")
    assert reaffirm[1][1] == ""                 # vertically merged continuation
    hungary = next(row for row in body if row[2] == "Hungary (HU)")
    assert hungary[3] == "«importance»\nToo vague.\nDrafting suggestion: the key importance"
    assert hungary[4] == "Noted."
    assert any(row[2] == "BE, DE, HU" and row[3] == "Scrutiny reservation" for row in body)
    numbered = next(row for row in body if row[2] == "Mexico (MX)")
    assert numbered[0] == "§ 1"
    # rows follow the text
    order = [row[2] for row in body]
    assert order.index("Hungary (HU)") < order.index("Mexico (MX)") < order.index("PL")


def test_internal_and_withdrawn_stay_out_of_a_circulated_compilation(tmp_path):
    path = tmp_path / "c.docx"
    export_compilation(annotated(), path, "en")
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            data = archive.read(name)
            assert SECRET.encode() not in data and WITHDRAWN.encode() not in data
    full = tmp_path / "all.docx"
    export_compilation(annotated(), full, "en", comments="all")
    assert any(SECRET in row[3] for row in table_rows(full))


def test_spanish_compilation(tmp_path):
    path = tmp_path / "es.docx"
    export_compilation(annotated(), path, "es")
    rows = table_rows(path)
    assert rows[0] == ["Párrafo", "Texto", "Delegación", "Observaciones y propuestas de redacción",
                       "Respuesta de la Presidencia"]
    body = rows[1:]
    assert body[0][0] == "General"
    assert body[0][3] == "La CELAC recuerda su posición sobre las medidas unilaterales."
    hungary = next(row for row in body if row[2] == "Hungría (HU)")
    assert hungary[1].startswith("REAFIRMAMOS la importancia")       # the Spanish text
    assert "Propuesta de redacción: the key importance" in hungary[3]
    assert any(row[3] == "Reserva de estudio" for row in body)
    document = docx.Document(str(path))
    assert document.paragraphs[0].text == "Recopilación de observaciones de las delegaciones"


def test_cli_compilation_and_pandoc(tmp_path, capsys):
    draft_path = tmp_path / "d.concordia"
    save_draft(annotated(), draft_path)
    out = tmp_path / "comp.docx"
    assert main(["export", str(draft_path), "--compilation", "--out", str(out), "--lang", "es"]) == 0
    assert "compilation" in capsys.readouterr().out.lower()
    pandoc = shutil.which("pandoc")
    if not pandoc:
        pytest.skip("pandoc is not installed")
    text = subprocess.run([pandoc, "-f", "docx", "-t", "html", "--wrap=none", str(out)], capture_output=True,
                          text=True, check=True, timeout=120).stdout
    assert "Respuesta de la Presidencia" in text and "Hungría (HU)" in text
    assert SECRET not in text
