"""The run-time catalog reader: plural forms by the catalog's own rule, contexts, fuzzy entries,
and the same answers from a compiled .mo as from the .po."""

from __future__ import annotations

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from app.i18n import translator

# A rule with three forms (0 → form 2), so a reader that guesses "singular if 1 else last"
# gives a different answer than one that follows the header.
CATALOG = '''msgid ""
msgstr ""
"Language: es\\n"
"Plural-Forms: nplurals=3; plural=(n==1 ? 0 : n==0 ? 2 : 1);\\n"
"Content-Type: text/plain; charset=utf-8\\n"

msgid "Delegations"
msgstr "Delegaciones (UI)"

msgctxt "export"
msgid "Delegations"
msgstr "Delegaciones (exportación)"

msgid "{n} file"
msgid_plural "{n} files"
msgstr[0] "{n} archivo"
msgstr[1] "{n} archivos"
msgstr[2] "ningún archivo"

msgctxt "export"
msgid "{n} footnote"
msgid_plural "{n} footnotes"
msgstr[0] "{n} nota"
msgstr[1] "{n} notas"
msgstr[2] "sin notas"

msgid "{n} row"
msgid_plural "{n} rows"
msgstr[0] "{n} fila"
msgstr[1] ""
msgstr[2] ""

#, fuzzy
msgid "Subject"
msgstr "Sujeto"
'''


@pytest.fixture
def catalog_folder(tmp_path, monkeypatch):
    folder = tmp_path / "es" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "messages.po").write_text(CATALOG, encoding="utf-8")
    monkeypatch.setenv("CONCORDIA_TRANSLATIONS", str(tmp_path))
    translator.cache_clear()
    yield folder
    translator.cache_clear()  # later tests read the real catalog again


def check_answers(t) -> None:
    assert [t.ngettext("{n} file", "{n} files", n) for n in (1, 5, 0)] == [
        "{n} archivo", "{n} archivos", "ningún archivo"]
    assert t.npgettext("export", "{n} footnote", "{n} footnotes", 0) == "sin notas"
    assert t.npgettext("export", "{n} footnote", "{n} footnotes", 2) == "{n} notas"
    # The same plural msgid without its context is another message: English.
    assert t.ngettext("{n} footnote", "{n} footnotes", 2) == "{n} footnotes"
    assert t.gettext("Delegations") == "Delegaciones (UI)"
    assert t.pgettext("export", "Delegations") == "Delegaciones (exportación)"
    assert t.pgettext("other", "Delegations") == "Delegations"
    # An empty form falls back to English for that count only.
    assert t.ngettext("{n} row", "{n} rows", 1) == "{n} fila"
    assert t.ngettext("{n} row", "{n} rows", 4) == "{n} rows"
    # gettext on a plural msgid gives a string (its first form), never a tuple.
    assert t.gettext("{n} file") == "{n} archivo"


def test_po_catalog_plurals_and_contexts(catalog_folder):
    t = translator("es")
    check_answers(t)
    assert t.gettext("Subject") == "Subject"  # fuzzy: a guess nobody checked, not shown
    assert t.knows("Delegations", "export") and not t.knows("Subject")


def test_compiled_mo_gives_the_same_answers(catalog_folder):
    po_file = catalog_folder / "messages.po"
    with po_file.open("rb") as handle:
        catalog = read_po(handle, locale="es")
    with (catalog_folder / "messages.mo").open("wb") as handle:
        write_mo(handle, catalog)  # leaves fuzzy entries out, as msgfmt does
    po_file.unlink()
    translator.cache_clear()
    t = translator("es")
    check_answers(t)
    assert t.gettext("Subject") == "Subject"


def test_real_spanish_catalog_plural_forms():
    translator.cache_clear()
    t = translator("es")
    changed = ("{n} paragraph changed", "{n} paragraphs changed")
    assert t.ngettext(*changed, 1).format(n=1) == "1 párrafo modificado"
    assert t.ngettext(*changed, 3).format(n=3) == "3 párrafos modificados"
    assert t.ngettext(*changed, 0).format(n=0) == "0 párrafos modificados"
    assert t.pgettext("export", "NOTE") == "NOTA"


def test_ui_ngettext_follows_the_ui_language():
    from app.i18n import ngettext, set_ui_language

    translator.cache_clear()
    forms = ("{n} paragraph moved", "{n} paragraphs moved")
    set_ui_language("es")
    try:
        assert [ngettext(*forms, n).format(n=n) for n in (1, 2)] == [
            "1 párrafo trasladado", "2 párrafos trasladados"]
    finally:
        set_ui_language("en")
    assert ngettext(*forms, 2).format(n=2) == "2 paragraphs moved"
