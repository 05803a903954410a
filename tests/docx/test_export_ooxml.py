"""The exported note, opened and checked at the OOXML level (parts, footnotes, footers, labels)."""

from __future__ import annotations

import os
import posixpath
import re
from dataclasses import replace

import pytest

from app.docx import ExportError, MissingTranslationError, export_note
from app.docx.labels import catalog_export_labels
from app.docx.ooxml import parse_xml_safely
from app.i18n import format_long_date
from app.model import BlockKind, FootnoteRef, TextRun
from app.progress import Cancelled, Progress

from .drafts import sample_draft
from .ooxml_reader import Package, W, footnote_references, normalise, paragraph_text, style_of


@pytest.fixture
def exported(tmp_path):
    def run(draft=None, language="en", name=None):
        draft = draft or sample_draft()
        target = tmp_path / (name or f"note-{language}.docx")
        report = export_note(draft, target, language)
        return draft, Package(target), report
    return run


def annex_paragraphs(package: Package) -> list:
    body = package.body()
    paragraphs = [child for child in body if child.tag == W + "p"]
    markers = [i for i, p in enumerate(paragraphs) if style_of(p) == "AnnexMarker"]
    assert len(markers) == 1, "exactly one ANNEX marker paragraph"
    return paragraphs[markers[0] + 1:]


def expected_references(draft, language="en") -> list[tuple[int, str, str]]:
    """From the model: (block index, word before, footnote id) for each reference, in order."""
    found = []
    for index, block in enumerate(draft.blocks):
        content = block.content if language == draft.language else draft.translations[language].blocks[block.id]
        text = ""
        for item in content:
            if isinstance(item, FootnoteRef):
                words = text.split()
                found.append((index, words[-1] if words else "", item.footnote_id))
            else:
                text += item.text
    return found


# -- package ---------------------------------------------------------------------------------

def test_parts_relationships_and_content_types(exported):
    _draft, package, _report = exported()
    rels = package.relationships()
    kinds = sorted(kind for kind, _target in rels.values())
    for needed in ("styles", "numbering", "settings", "footnotes", "footer"):
        assert needed in kinds, f"document.xml.rels lacks a {needed} relationship"
    assert kinds.count("footer") == 2, "cover and annex sections have their own footer"
    # Targets are relative to word/ ("../customXml/item1.xml" for Concordia's data part).
    targets = {posixpath.normpath("word/" + target) for _kind, target in rels.values()}
    assert "customXml/item1.xml" in targets
    assert targets <= set(package.names), "every related part is in the package"
    _defaults, overrides = package.content_types()
    assert overrides["/word/document.xml"].endswith("document.main+xml")
    assert overrides["/word/footnotes.xml"] == \
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
    footers = [name for kind, name in rels.values() if kind == "footer"]
    for name in footers:
        assert overrides["/word/" + name].endswith("wordprocessingml.footer+xml")
    settings = package.xml("word/settings.xml")
    declared = [e.get(W + "id") for e in settings.iter(W + "footnote")]
    assert declared == ["-1", "0"]


def test_real_footnotes_numbered_at_their_place(exported):
    draft, package, report = exported()
    notes = package.xml("word/footnotes.xml")
    all_notes = notes.findall(W + "footnote")
    kinds = [(n.get(W + "id"), n.get(W + "type")) for n in all_notes[:2]]
    assert kinds == [("-1", "separator"), ("0", "continuationSeparator")]
    real = {int(n.get(W + "id")): normalise("".join(n.itertext())) for n in all_notes[2:]}
    expected = expected_references(draft)
    assert report.footnotes == len(expected) == len(real) == 3
    assert sorted(real) == list(range(1, len(expected) + 1))

    paragraphs = annex_paragraphs(package)
    found = footnote_references(paragraphs)
    assert [ref.number for ref in found] == list(range(1, len(expected) + 1))
    for ref, (block_index, word, footnote_id) in zip(found, expected, strict=True):
        assert ref.paragraph_index == block_index
        assert ref.word_before == word
        assert ref.style == "FootnoteReference"
        assert real[ref.number] == normalise(draft.footnotes[footnote_id].text)
        # the reference is a run of its own: no text in the same run
        assert ref.word_before and not re.search(r"\d$", ref.word_before)
    for note in all_notes[2:]:
        assert note.find(f"{W}p/{W}pPr/{W}pStyle").get(W + "val") == "FootnoteText"
        assert note.find(f".//{W}footnoteRef") is not None


def test_annex_structure_and_marks(exported):
    draft, package, _ = exported()
    paragraphs = annex_paragraphs(package)
    assert len(paragraphs) == len(draft.blocks)
    for p, block in zip(paragraphs, draft.blocks, strict=True):
        assert normalise(paragraph_text(p)) == normalise(block.text)
    styles = [style_of(p) for p in paragraphs]
    kinds = [block.kind for block in draft.blocks]
    assert styles[kinds.index(BlockKind.TITLE)] == "AnnexTitle"
    assert styles[kinds.index(BlockKind.HEADING)] == "Heading1"
    # numbered paragraphs and list items carry real Word numbering, at their level
    numbering = package.xml("word/numbering.xml")
    formats = {}
    for num in numbering.iter(W + "num"):
        abstract_id = num.find(W + "abstractNumId").get(W + "val")
        abstract = next(a for a in numbering.iter(W + "abstractNum")
                        if a.get(W + "abstractNumId") == abstract_id)
        formats[num.get(W + "numId")] = {
            lvl.get(W + "ilvl"): (lvl.find(W + "numFmt").get(W + "val"), lvl.find(W + "lvlText").get(W + "val"))
            for lvl in abstract.iter(W + "lvl")
        }
    for p, block in zip(paragraphs, draft.blocks, strict=True):
        num_pr = p.find(f"{W}pPr/{W}numPr")
        if block.kind is BlockKind.NUMBERED:
            fmt = formats[num_pr.find(W + "numId").get(W + "val")][num_pr.find(W + "ilvl").get(W + "val")]
            assert fmt == ("decimal", "%1.")
        elif block.kind is BlockKind.LIST_ITEM:
            assert num_pr.find(W + "ilvl").get(W + "val") == str(block.level - 1)
            fmt = formats[num_pr.find(W + "numId").get(W + "val")][str(block.level - 1)]
            assert fmt[0] == "bullet"
        else:
            assert num_pr is None
    numbered = [p for p, b in zip(paragraphs, draft.blocks, strict=True) if b.kind is BlockKind.NUMBERED]
    assert len({p.find(f"{W}pPr/{W}numPr/{W}numId").get(W + "val") for p in numbered}) == 1, \
        "one list: numbered paragraphs run 1..n through the annex"

    def run_props(text):
        for p in paragraphs:
            for r in p.iter(W + "r"):
                if "".join(t.text or "" for t in r.iter(W + "t")) == text:
                    return r.find(W + "rPr")
        raise AssertionError(f"no run {text!r}")
    assert run_props("European Council").find(W + "b") is not None
    assert run_props("mutual respect").find(W + "i") is not None
    assert run_props("States").find(W + "u").get(W + "val") == "single"
    assert run_props("th").find(W + "vertAlign").get(W + "val") == "superscript"


def footer_texts(package: Package) -> dict[str, str]:
    rels = package.relationships()
    texts = {}
    for rel_id, (kind, target) in rels.items():
        if kind == "footer":
            root = package.xml("word/" + target)
            texts[rel_id] = "\n".join(paragraph_text(p) for p in root.iter(W + "p"))
    return texts


def test_two_sections_with_their_footers(exported):
    draft, package, _ = exported()
    body = package.body()
    sections = list(body.iter(W + "sectPr"))
    assert len(sections) == 2
    cover_section, annex_section = sections
    assert annex_section.getparent() is body
    start = annex_section.find(W + "type")
    assert start is None or start.get(W + "val") == "nextPage", "the annex starts on a new page"
    # the paragraph right after the cover's section break is the ANNEX marker
    paragraphs = [child for child in body if child.tag == W + "p"]
    carrier = cover_section.getparent().getparent()
    assert style_of(paragraphs[paragraphs.index(carrier) + 1]) == "AnnexMarker"

    texts = footer_texts(package)
    cover_rel = cover_section.find(W + "footerReference").get(
        "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
    annex_rel = annex_section.find(W + "footerReference").get(
        "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
    assert cover_rel != annex_rel
    note = draft.note
    for rel_id in (cover_rel, annex_rel):
        first, second = texts[rel_id].split("\n")
        assert first.split("\t")[0] == note.full_number == "6914/1/24 REV 1"
        assert note.initials in first.split("\t")
        assert first.split("\t")[-1] == "1", "the PAGE field's cached result"
        fields = [f for f in second.split("\t") if f]
        assert fields[-3:] == [note.directorate, "LIMITE", "EN"]
    assert texts[annex_rel].split("\n")[1].startswith("ANNEX")
    assert "ANNEX" not in texts[cover_rel]
    for rel_id in (cover_rel, annex_rel):
        target = package.relationships()[rel_id][1]
        root = package.xml("word/" + target)
        instructions = [t.text.strip() for t in root.iter(W + "instrText")]
        assert instructions == ["PAGE"]
        kinds = [f.get(W + "fldCharType") for f in root.iter(W + "fldChar")]
        assert kinds == ["begin", "separate", "end"]


def test_english_cover(exported):
    draft, package, _ = exported()
    text = package.all_text()
    note = draft.note
    for line in ("Council of the", "European Union", "Brussels, 28 February 2024", "(OR. en)",
                 "6914/1/24 REV 1", "LIMITE", "NOTE", "From:", "To:", "Subject:", note.sender,
                 note.recipient, note.subject, note.intro, *note.codes):
        assert line in text, line
    assert "ANNEX" in text


def test_no_marking_no_limite(exported):
    _draft, package, _ = exported(sample_draft(marking=None, suffix=""))
    text = package.all_text()
    assert "LIMITE" not in text
    assert "6914/24" in text and "REV" not in text


def test_spanish_cover_annex_and_footer_from_catalog(exported):
    draft, package, report = exported(language="es")
    labels = catalog_export_labels("es")
    text = package.all_text()
    for english in ("Council of the", "European Union", "NOTE", "From:", "To:", "Subject:",
                    "General Secretariat of the Council", "Delegations", "ANNEX"):
        assert labels[english] and labels[english] in text, english
    assert f"{labels['Brussels']}, {format_long_date(draft.note.date, 'es')}" in text
    assert "28 de febrero de 2024" in text
    spanish = draft.translations["es"]
    assert spanish.meta["subject"] in text and spanish.meta["intro"] in text
    paragraphs = annex_paragraphs(package)
    for p, block in zip(paragraphs, draft.blocks, strict=True):
        expected = "".join(i.text for i in spanish.blocks[block.id] if isinstance(i, TextRun))
        assert normalise(paragraph_text(p)) == normalise(expected)
    notes = package.xml("word/footnotes.xml").findall(W + "footnote")[2:]
    assert [normalise("".join(n.itertext())) for n in notes] == \
        [normalise(spanish.footnotes[fid]) for _i, _w, fid in expected_references(draft, "es")]
    assert report.footnotes == 3
    for footer in footer_texts(package).values():
        assert footer.split("\n")[1].split("\t")[-1] == "ES"


def test_no_english_label_in_a_spanish_export(exported):
    _draft, package, _ = exported(language="es")
    text = package.all_text()
    checked = 0
    for english, spanish in catalog_export_labels("es").items():
        if spanish and spanish != english:
            checked += 1
            assert not re.search(rf"(?<!\w){re.escape(english)}(?!\w)", text), \
                f"English label {english!r} in the Spanish export"
    assert checked >= 10, "the catalog's export labels were read"


def test_spanish_export_refused_when_blocks_are_missing(tmp_path):
    draft = sample_draft()
    spanish = draft.translations["es"]
    del spanish.blocks["b-reaffirm"], spanish.blocks["b-n2"]
    target = tmp_path / "note.docx"
    target.write_bytes(b"previous export")
    with pytest.raises(MissingTranslationError) as caught:
        export_note(draft, target, "es")
    message = str(caught.value)
    assert "\n" not in message and message.count(". ") == 0
    assert "3 (“WE REAFFIRM the importance of" in message
    assert "9 (“Affirm the significance of" in message
    assert target.read_bytes() == b"previous export"
    assert list(tmp_path.iterdir()) == [target]


def test_spanish_export_refused_without_spanish_text_or_cover(tmp_path):
    draft = sample_draft()
    draft.translations.clear()
    with pytest.raises(MissingTranslationError, match="no Spanish text"):
        export_note(draft, tmp_path / "x.docx", "es")
    draft = sample_draft()
    del draft.translations["es"].meta["subject"]
    with pytest.raises(MissingTranslationError, match="Subject"):
        export_note(draft, tmp_path / "x.docx", "es")
    draft = sample_draft()
    draft.translations["es"].footnotes.pop("fn-celac")
    with pytest.raises(MissingTranslationError, match="footnote"):
        export_note(draft, tmp_path / "x.docx", "es")
    assert not (tmp_path / "x.docx").exists()


def test_cancel_leaves_the_previous_file(tmp_path):
    class CancelAt(Progress):
        def changed(self):
            if self.done >= 3:
                self.cancel()
    target = tmp_path / "note.docx"
    target.write_bytes(b"previous export")
    with pytest.raises(Cancelled):
        export_note(sample_draft(), target, "en", CancelAt())
    assert target.read_bytes() == b"previous export"
    assert list(tmp_path.iterdir()) == [target], "no temporary file left behind"


def test_replaces_an_existing_file_atomically(tmp_path):
    target = tmp_path / "note.docx"
    target.write_bytes(b"previous export")
    export_note(sample_draft(), target, "en")
    assert Package(target).body() is not None
    assert list(tmp_path.iterdir()) == [target]


def test_bad_targets_give_one_sentence(tmp_path):
    with pytest.raises(ExportError, match="does not exist"):
        export_note(sample_draft(), tmp_path / "missing" / "note.docx")
    with pytest.raises(ExportError, match="is a folder"):
        export_note(sample_draft(), tmp_path)
    with pytest.raises(ExportError, match="cannot export in"):
        export_note(sample_draft(), tmp_path / "n.docx", "fr")


def test_awkward_text_is_exported(exported):
    draft = sample_draft()
    block = draft.blocks[2]
    block.content = [TextRun("Tab\there, line\nbreak, control\x0bchar,  double  spaces ")] + block.content
    draft.note = replace(draft.note, date=None)
    _draft, package, report = exported(draft)
    paragraph = annex_paragraphs(package)[2]
    assert paragraph_text(paragraph).startswith("Tab\there, line\nbreak, controlchar,  double  spaces ")
    assert any("date" in warning for warning in report.warnings)


def test_safe_parser_does_not_resolve_entities(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    data = (f'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file://{secret}">]>'
            '<x>&e;</x>').encode()
    root = parse_xml_safely(data)
    assert "TOP-SECRET" not in "".join(root.itertext())


def test_draft_is_untouched(tmp_path):
    draft = sample_draft()
    before = (draft.to_public_json(), {k: v.to_json() for k, v in draft.translations.items()})
    export_note(draft, tmp_path / "en.docx", "en")
    export_note(draft, tmp_path / "es.docx", "es")
    assert (draft.to_public_json(), {k: v.to_json() for k, v in draft.translations.items()}) == before


def test_reference_document_is_what_make_reference_builds(tmp_path):
    """templates/reference.docx is reproducible: rebuilding gives the same styles and page."""
    import importlib.util

    from tests.conftest import REPO

    spec = importlib.util.spec_from_file_location("make_reference", REPO / "templates" / "make_reference.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rebuilt = Package(module.build(tmp_path / "reference.docx"))
    committed = Package(REPO / "templates" / "reference.docx")
    for part in ("word/styles.xml", "word/numbering.xml", "word/document.xml", "word/settings.xml"):
        assert rebuilt.raw[part] == committed.raw[part], f"{part} differs: run templates/make_reference.py"
    page = committed.body().find(f"{W}sectPr/{W}pgSz")
    assert (page.get(W + "w"), page.get(W + "h")) == ("11906", "16838"), "A4"


def test_lead_ins_stay_with_what_they_introduce(exported):
    draft = sample_draft()
    draft.blocks.insert(3, replace(draft.blocks[9], id="lead", content=[TextRun("WE ENCOURAGE", bold=True)]))
    draft.translations.clear()
    _draft, package, _ = exported(draft)
    paragraphs = annex_paragraphs(package)
    keeps = [p.find(f"{W}pPr/{W}keepNext") is not None for p in paragraphs]
    ids = [block.id for block in draft.blocks]
    assert keeps[ids.index("lead")], "a short lead-in keeps with the next paragraph"
    assert keeps[ids.index("b-recognise")], "a paragraph followed by a list keeps with it"
    assert not keeps[ids.index("b-reaffirm")] and not keeps[ids.index("b-li1")]


def test_exported_file_is_readable_by_others_and_keeps_an_existing_mode(tmp_path):
    fresh = tmp_path / "fresh.docx"
    export_note(sample_draft(), fresh)
    umask = os.umask(0o022)
    os.umask(umask)
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~umask
    kept = tmp_path / "kept.docx"
    kept.write_bytes(b"old")
    kept.chmod(0o640)
    export_note(sample_draft(), kept)
    assert kept.stat().st_mode & 0o777 == 0o640


@pytest.mark.parametrize("language, label", [("en", "Interinstitutional File:"),
                                             ("es", "Expediente interinstitucional:")])
def test_interinstitutional_file_on_the_cover(exported, language, label):
    draft = sample_draft()
    draft.note.interinstitutional_file = "2018/0330(COD)"
    draft.note.doc_type = "COVER NOTE"
    _draft, package, _ = exported(draft, language)
    cover_table = package.body().find(W + "tbl")
    cells = cover_table.findall(f"{W}tr/{W}tc")
    left = "\n".join(paragraph_text(p) for p in cells[0].iter(W + "p"))
    assert f"{label}\n2018/0330(COD)" in left
    expected_type = catalog_export_labels("es")["COVER NOTE"] if language == "es" else "COVER NOTE"
    doc_types = [paragraph_text(p) for p in package.body().iter(W + "p") if style_of(p) == "DocumentType"]
    assert doc_types == [expected_type]


def test_paragraphs_with_addresses_are_not_stretched(exported):
    draft = sample_draft()
    draft.note.intro = "Delegations are invited to send comments to cosi.UE2023ES.maec.es@reper.maec.es by June."
    draft.footnotes["fn-std"].text = "See https://www.unodc.org/documents/commissions/CND/CND_Sessions/x.pdf"
    draft.translations.clear()
    _draft, package, _ = exported(draft)
    intro = [p for p in package.body().iter(W + "p") if style_of(p) == "IntroText"]
    assert intro[0].find(f"{W}pPr/{W}jc").get(W + "val") == "left"
    paragraphs = annex_paragraphs(package)
    assert all(p.find(f"{W}pPr/{W}jc") is None for p in paragraphs), "ordinary text stays justified"
    notes = package.xml("word/footnotes.xml").findall(W + "footnote")[2:]
    aligned = [n.find(f"{W}p/{W}pPr/{W}jc") is not None for n in notes]
    assert aligned == [False, False, True]


def test_lapaz_spanish_export_has_no_english_label_and_opens_in_python_docx(tmp_path):
    import docx

    from .render_lapaz import lapaz_drafts

    _english, spanish = lapaz_drafts()
    target = tmp_path / "lapaz-es.docx"
    report = export_note(spanish, target, "es")
    assert report.footnotes == 3
    text = Package(target).all_text()
    for english, translated in catalog_export_labels("es").items():
        if translated and translated != english:
            assert not re.search(rf"(?<!\w){re.escape(english)}(?!\w)", text), english
    reopened = docx.Document(str(target))
    assert [s.page_width for s in reopened.sections] == [reopened.sections[0].page_width] * 2
    assert any(p.text == "ANEXO" for p in reopened.paragraphs)
