"""The Spanish catalog against the code as it is now.

The messages are extracted here with Babel's API and the project's `babel.cfg` (the same map
`make i18n` uses), into memory: a string added to the code without its Spanish fails this test
until `make i18n` is run and the entry translated (see translations/README.md).
"""

from __future__ import annotations

import re
import string
from functools import cache

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from tests.conftest import REPO

PO_FILE = REPO / "translations" / "es" / "LC_MESSAGES" / "messages.po"
TAG = "UNVERIFIED:"


@cache
def extracted() -> Catalog:
    with (REPO / "babel.cfg").open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle, "babel.cfg")
    catalog = Catalog(project="Concordia")
    for filename, lineno, message, comments, context in extract_from_dir(
            str(REPO), method_map, options_map, keywords=DEFAULT_KEYWORDS):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog


@cache
def spanish() -> Catalog:
    with PO_FILE.open("rb") as handle:
        return read_po(handle, locale="es", abort_invalid=True)


def first(msgid) -> str:
    return msgid[0] if isinstance(msgid, (tuple, list)) else msgid


def forms(message) -> tuple[str, ...]:
    value = message.string
    return tuple(value) if isinstance(value, (tuple, list)) else (value,)


def entries():
    return [m for m in spanish() if m.id]


def where(message) -> str:
    return f"[{message.context}] {first(message.id)!r}" if message.context else repr(first(message.id))


def placeholders(text: str) -> list[str]:
    """`{name}`, `{old!r}`, `{n:>3}` as written, sorted; literal `{{` and `}}` are not fields."""
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError:
        return [f"unbalanced braces in {text!r}"]
    return sorted(
        "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
        for _literal, name, spec, conversion in parsed if name is not None)


def mnemonics(text: str) -> int:
    return len(re.findall(r"&(?!&)\w", text.replace("&&", "")))


def test_extraction_finds_every_kind_of_marker():
    """The map in babel.cfg reaches _(), N_(), pgettext("export"), and summary.py's plurals."""
    found = {(m.context, first(m.id)): m for m in extracted() if m.id}
    assert (None, "&Save") in found                                   # _()
    assert (None, "Heading") in found                                 # N_()
    assert ("export", "NOTE") in found                                # pgettext(ctx, msg)
    plural = found[(None, "{n} paragraph changed")]                   # n(singular, plural, count)
    assert plural.id == ("{n} paragraph changed", "{n} paragraphs changed")
    assert any(TAG in c for c in found[("export", "COVER NOTE")].auto_comments)


def test_catalog_parses_and_has_spanish_plural_rule():
    catalog = spanish()
    assert catalog.locale.language == "es"
    assert catalog.num_plurals == 2 and catalog.plural_expr.replace(" ", "") == "(n!=1)"


def test_every_extracted_message_has_a_spanish_translation():
    catalog = spanish()
    missing = []
    for message in extracted():
        if not message.id:
            continue
        entry = catalog.get(message.id, context=message.context)
        if entry is None or not all(forms(entry)) or entry.fuzzy:
            missing.append(where(message))
        elif message.pluralizable and len(forms(entry)) != catalog.num_plurals:
            missing.append(where(message) + " (plural forms)")
    assert not missing, (f"{len(missing)} strings lack Spanish; run `make i18n` and translate them "
                         "(translations/README.md):\n" + "\n".join(missing))


def test_no_fuzzy_and_no_obsolete_entries():
    assert not [where(m) for m in entries() if m.fuzzy]
    assert not spanish().obsolete, "obsolete (#~) entries: run `make i18n` (it drops them)"


def test_no_entry_left_behind_by_the_code():
    """Every catalog entry is still in the code (else it is stale and `make i18n` was not run)."""
    in_code = {(m.context, first(m.id)) for m in extracted() if m.id}
    stale = [where(m) for m in entries() if (m.context, first(m.id)) not in in_code]
    assert not stale, "entries the code no longer uses: run `make i18n`\n" + "\n".join(stale)


def test_placeholders_match():
    wrong = []
    for message in entries():
        ids = message.id if isinstance(message.id, (tuple, list)) else (message.id,)
        for index, text in enumerate(forms(message)):
            source = ids[min(index, len(ids) - 1)]
            if text and placeholders(text) != placeholders(source):
                wrong.append(f"{where(message)}: {placeholders(source)} ≠ {placeholders(text)}")
    assert not wrong, "\n".join(wrong)


def test_mnemonics_kept_and_quotes_are_spanish():
    wrong = []
    for message in entries():
        for text in forms(message):
            if text and mnemonics(first(message.id)) != mnemonics(text):
                wrong.append(f"{where(message)}: keyboard mnemonic (&) lost or doubled in {text!r}")
            if "“" in first(message.id) and ("“" in text or "«" not in text):
                wrong.append(f"{where(message)}: use «comillas latinas» in {text!r}")
    assert not wrong, "\n".join(wrong)


def test_unverified_notes_survive_in_the_catalog():
    """A label flagged `# UNVERIFIED:` in the source carries the note in the .po for a reviewer."""
    catalog = spanish()
    flagged = [m for m in extracted() if m.id and any(TAG in c for c in m.auto_comments)]
    assert len(flagged) >= 30  # reservation kinds, party names, cover labels, compilation headings
    lost = [where(m) for m in flagged
            if not any(TAG in c for c in catalog.get(m.id, context=m.context).auto_comments)]
    assert not lost, "UNVERIFIED notes missing from the .po:\n" + "\n".join(lost)


@pytest.mark.parametrize(("context", "msgid", "spanish_text"), [
    ("export", "NOTE", "NOTA"),
    ("export", "From:", "De:"),
    ("export", "Subject:", "Asunto:"),
    ("export", "Interinstitutional File:", "Expediente interinstitucional:"),
    ("export", "scrutiny reservation", "reserva de estudio"),
    (None, "Footnote", "Nota a pie de página"),
    (None, "Comment", "Observación"),
])
def test_terminology_of_the_conventions(context, msgid, spanish_text):
    """Terms fixed in council-conventions.md and kept across the catalog."""
    assert spanish().get(msgid, context=context).string == spanish_text
