"""A Spanish export of a draft whose pairs are out of step says so and names them."""

from __future__ import annotations

from app.cli import main
from app.model.in_step import confirm_in_step
from app.model.ops import insert_text
from app.store import save_draft

from .drafts import sample_draft


def test_spanish_export_warns_and_lists_the_pairs_out_of_step(tmp_path, capsys):
    draft = sample_draft()
    confirm_in_step(draft, "es", [b.id for b in draft.blocks]).apply(draft)
    insert_text("b-agree", 0, "FINALLY, ").apply(draft)
    path = tmp_path / "d.concordia"
    save_draft(draft, path)
    assert main(["export", str(path), "--out", str(tmp_path / "es.docx"), "--lang", "es"]) == 0
    err = [line for line in capsys.readouterr().err.splitlines() if "out of step" in line]
    assert len(err) == 1
    assert "1 paragraph of the Spanish text is out of step" in err[0] and "(“FINALLY," in err[0]
    # English export: nothing to say; after confirming, the Spanish export says nothing either
    assert main(["export", str(path), "--out", str(tmp_path / "en.docx")]) == 0
    assert "out of step" not in capsys.readouterr().err
    assert main(["language", "confirm", str(path), "--all"]) == 0
    assert main(["export", str(path), "--out", str(tmp_path / "es2.docx"), "--lang", "es"]) == 0
    assert "out of step" not in capsys.readouterr().err


def test_export_dialog_lists_the_pairs_out_of_step(qtbot, tmp_path):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

    from app.ui.export_dialog import show_export_dialog

    parent = QWidget()
    qtbot.addWidget(parent)
    draft = sample_draft()
    confirm_in_step(draft, "es", [b.id for b in draft.blocks]).apply(draft)
    insert_text("b-agree", 0, "FINALLY, ").apply(draft)
    dialog = show_export_dialog(parent, draft, tmp_path / "d.concordia")
    dialog.spanish.setChecked(True)
    qtbot.mouseClick(dialog.export_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.Accepted, timeout=20000)
    box = parent.findChild(QMessageBox, "export_done_message")
    assert "1 paragraph of the Spanish text is out of step" in box.informativeText()
    assert "FINALLY" in box.informativeText()


def test_spanish_export_warns_of_paragraphs_still_in_brackets(tmp_path, capsys):
    """Brackets are kept on the draft's own text: a Spanish export must not pass an unagreed
    paragraph off as clean without saying so."""
    draft = sample_draft()
    confirm_in_step(draft, "es", [b.id for b in draft.blocks]).apply(draft)
    path = tmp_path / "d.concordia"
    save_draft(draft, path)
    block = draft.blocks[-1]
    assert main(["bracket", "add", str(path), "--block", block.id, "--start", "0",
                 "--end", "3"]) == 0
    capsys.readouterr()
    assert main(["export", str(path), "--out", str(tmp_path / "es.docx"), "--lang", "es"]) == 0
    err = [line for line in capsys.readouterr().err.splitlines() if "square brackets" in line]
    assert len(err) == 1 and err[0].count("1 paragraph has open square brackets with no Spanish counterpart") == 1
    assert "Spanish export does not show" in err[0]
    # once the bracket is settled, nothing to say
    assert main(["bracket", "list", str(path), "--json"]) == 0
    import json
    bracket_id = json.loads(capsys.readouterr().out)[0]["id"]
    assert main(["bracket", "resolve", str(path), "--id", bracket_id, "--choose", "1"]) == 0
    capsys.readouterr()
    assert main(["export", str(path), "--out", str(tmp_path / "es2.docx"), "--lang", "es"]) == 0
    assert "square brackets" not in capsys.readouterr().err


def test_a_bracket_in_the_draft_does_not_put_its_pair_out_of_step_in_spanish(tmp_path, capsys):
    """The bracketed view writes the markup into the draft's own text; the Spanish export does
    not show it, and must not compare it with the confirmed text and call the pair changed."""
    draft = sample_draft()
    confirm_in_step(draft, "es", [b.id for b in draft.blocks]).apply(draft)
    path = tmp_path / "d.concordia"
    save_draft(draft, path)
    block = draft.blocks[-1]
    assert main(["bracket", "add", str(path), "--block", block.id, "--start", "0",
                 "--end", "3", "--parties", "FR", "--alt", "other words (CELAC)"]) == 0
    assert main(["language", "status", str(path)]) == 0
    assert "0 pairs out of step" in capsys.readouterr().out
    for view in ("bracketed", "clean"):
        out = tmp_path / f"es-{view}.docx"
        assert main(["export", str(path), "--out", str(out), "--lang", "es", "--view", view]) == 0
        err = capsys.readouterr().err
        assert "out of step" not in err
        assert "square brackets" in err          # the brackets themselves are still reported
