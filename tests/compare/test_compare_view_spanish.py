"""The compare view in Spanish: a language choice compares the Spanish texts of the two
versions (as `compare --language es`), and its Word export is the Spanish comparison."""

from __future__ import annotations

import zipfile

from app.store import load_draft
from app.ui.compare_view import CompareView

from .test_language_and_reservations import spanish_file  # noqa: F401  (fixture)


def test_compare_view_in_spanish_and_its_export(qtbot, spanish_file, tmp_path):  # noqa: F811
    path, changed = spanish_file
    draft = load_draft(path)
    view = CompareView(draft, old_name="Rev 1")
    qtbot.addWidget(view)
    languages = [view.language_box.itemData(i) for i in range(view.language_box.count())]
    assert languages == ["en", "es"]
    assert "Acuerdan" not in view.inline.toPlainText()
    english_summary = view.summary.text()
    view.language_box.setCurrentIndex(1)
    assert view.language == "es"
    shown = view.inline.toPlainText()
    assert "Acuerdan un texto nuevo." in shown and "Nota reformulada." in shown
    assert "Reworded in English." not in shown
    assert view.summary.text() != english_summary and view.anchors
    target = tmp_path / "es.docx"
    view.export(target, "tracked")
    qtbot.waitUntil(lambda: view.export_status.text() != "", timeout=30_000)
    with zipfile.ZipFile(target) as package:
        document = package.read("word/document.xml").decode("utf-8")
    assert "ANEXO" in document and "Acuerdan un texto nuevo." in document


def test_a_version_without_spanish_says_so_in_the_view(qtbot, tmp_path, clasi_seed):
    from app.store.versions import save_version

    from .seed_draft import draft_from_seed
    from .test_language_and_reservations import _with_spanish

    draft = draft_from_seed(clasi_seed)
    save_version(draft, "Rev 1")                  # before the Spanish text existed
    _with_spanish(draft)
    view = CompareView(draft, old_name="Rev 1")
    qtbot.addWidget(view)
    view.language_box.setCurrentIndex(view.language_box.findData("es"))
    assert "Version “Rev 1” has no Spanish text yet" in view.summary.text()
    assert view.comparison is None and view.inline.toPlainText() == ""
    view.language_box.setCurrentIndex(view.language_box.findData("en"))
    assert view.comparison is not None
