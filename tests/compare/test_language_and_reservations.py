"""Word comparison with reservations as footnotes, and comparison of the Spanish texts."""

from __future__ import annotations

import copy
import json
import zipfile

import pytest
from lxml import etree

from app.cli import main
from app.compare.texts import LanguageTextError, language_text
from app.docx.redline import export_versions
from app.model import LanguageVersion, TextRun
from app.model.annotations import Anchor, Reservation, ReservationKind, ReservationStatus
from app.store import load_draft, save_draft
from app.store.versions import save_version

from .seed_draft import draft_from_seed, make_revision, numbered

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _parts(path):
    with zipfile.ZipFile(path) as package:
        return (etree.fromstring(package.read("word/document.xml")),
                etree.fromstring(package.read("word/footnotes.xml")))


def _text(element) -> str:
    return "".join(t.text or "" for t in element.iter(W + "t", W + "delText"))


def _inside(element, *names: str) -> str | None:
    """The first of w:ins / w:del … enclosing `element`, by local name."""
    for ancestor in element.iterancestors():
        local = etree.QName(ancestor).localname
        if local in names:
            return local
    return None


def _footnotes(document, footnotes) -> dict[str, dict]:
    """Footnote text → how its reference and its body are marked."""
    bodies = {note.get(W + "id"): note for note in footnotes.iter(W + "footnote")}
    found = {}
    for reference in document.iter(W + "footnoteReference"):
        note = bodies[reference.get(W + "id")]
        text = _text(note).strip()
        body_runs = [r for r in note.iter(W + "r") if r.find(W + "footnoteRef") is None]
        flags = set()
        for r in body_runs:
            props = r.find(W + "rPr")
            for flag in ("b", "u", "strike"):
                if props is not None and props.find(W + flag) is not None and _text(r).strip():
                    flags.add(flag)
        run = reference.getparent()
        ref_props = run.find(W + "rPr")
        found[text] = {
            "reference": _inside(reference, "ins", "del"),
            "body": {_inside(t, "ins", "del") for t in note.iter(W + "t", W + "delText")},
            "body_flags": flags,
            "reference_flags": {f for f in ("b", "u", "strike")
                                if ref_props is not None and ref_props.find(W + f) is not None},
        }
    return found


def _reserve(draft, rid, block, parties, kind, status=ReservationStatus.ENTERED):
    draft.reservations[rid] = Reservation(rid, Anchor(block.id), parties, kind, status)


@pytest.fixture
def reserved_versions(clasi_seed):
    """Rev 1 → Rev 2: HU's scrutiny reservation stands, PL's is lifted, DE's is entered."""
    rev1 = draft_from_seed(clasi_seed)
    _reserve(rev1, "hu", numbered(rev1, 3), ["HU"], ReservationKind.SCRUTINY)
    _reserve(rev1, "pl", numbered(rev1, 8), ["PL"], ReservationKind.LINGUISTIC)
    rev2, _done = make_revision(rev1)
    rev2.reservations["pl"].status = ReservationStatus.LIFTED
    _reserve(rev2, "de", numbered(rev2, 10), ["DE"], ReservationKind.GENERAL)
    return rev1, rev2


def test_tracked_export_inserts_and_deletes_reservation_footnotes(tmp_path, reserved_versions):
    rev1, rev2 = reserved_versions
    target = tmp_path / "tracked.docx"
    comparison, report = export_versions(rev1, rev2, target, "Rev 1", "Rev 2", style="tracked",
                                         author="ES Presidency")
    notes = _footnotes(*_parts(target))
    standing = notes["HU: scrutiny reservation."]
    assert standing["reference"] is None and standing["body"] == {None}
    entered = notes["DE: general reservation."]
    assert entered["reference"] == "ins" and entered["body"] == {"ins"}
    lifted = notes["PL: linguistic reservation."]
    assert lifted["reference"] == "del" and lifted["body"] == {"del"}
    # The seed's own footnotes are still there, once each, with the reworded one tracked.
    assert len(notes) == len(rev2.footnotes) + 3
    assert report.footnotes == len(notes)
    added = [c for c in comparison.footnotes if c.kind == "added"]
    assert [c.new_text for c in added] == ["DE: general reservation."]


def test_council_export_marks_reservation_footnotes(tmp_path, reserved_versions):
    rev1, rev2 = reserved_versions
    target = tmp_path / "council.docx"
    export_versions(rev1, rev2, target, "Rev 1", "Rev 2", style="council")
    document, footnotes = _parts(target)
    assert not list(document.iter(W + "ins")) and not list(footnotes.iter(W + "del"))
    notes = _footnotes(document, footnotes)
    assert notes["HU: scrutiny reservation."]["body_flags"] == set()
    assert notes["DE: general reservation."]["body_flags"] == {"b", "u"}
    assert notes["DE: general reservation."]["reference_flags"] >= {"b", "u"}
    assert notes["PL: linguistic reservation."]["body_flags"] == {"strike"}
    assert "strike" in notes["PL: linguistic reservation."]["reference_flags"]


def test_a_second_reservation_on_a_paragraph_rewords_its_footnote(tmp_path, reserved_versions):
    """Another party joining at the same place: one footnote reworded, not one replaced."""
    rev1, rev2 = reserved_versions
    _reserve(rev2, "fr", numbered(rev2, 3), ["FR"], ReservationKind.SCRUTINY)
    target = tmp_path / "tracked.docx"
    export_versions(rev1, rev2, target, "Rev 1", "Rev 2", style="tracked")
    notes = _footnotes(*_parts(target))
    # Merged into one sentence at the same place: the footnote is reworded, not replaced.
    merged = next(text for text in notes if "scrutiny reservation" in text)
    assert "FR" in merged and "HU" in merged
    assert notes[merged]["reference"] is None


# -- Spanish -------------------------------------------------------------------------------

def _spanish(content):
    """A stand-in Spanish text: every run marked, footnote references kept in place."""
    return [TextRun("ES " + item.text) if isinstance(item, TextRun) else copy.copy(item)
            for item in content]


def _with_spanish(draft):
    draft.translations["es"] = LanguageVersion(
        "es", meta={"subject": "Proyecto de Declaración", "intro": "Se adjunta el proyecto."},
        blocks={b.id: _spanish(b.content) for b in draft.blocks},
        footnotes={fid: "ES " + note.text for fid, note in draft.footnotes.items()})
    return draft


@pytest.fixture
def spanish_file(tmp_path, clasi_seed):
    """A file whose Rev 1 and current text both have Spanish; one paragraph reworded in
    Spanish only, one footnote reworded in both."""
    rev1 = _with_spanish(draft_from_seed(clasi_seed))
    save_version(rev1, "Rev 1")
    current = copy.deepcopy(rev1)
    target = numbered(current, 4)
    current.translations["es"].blocks[target.id] = [TextRun("Acuerdan un texto nuevo.")]
    fid = current.footnote_order()[0]
    current.footnotes[fid].text = "Reworded in English."
    current.translations["es"].footnotes[fid] = "Nota reformulada."
    path = tmp_path / "es.concordia"
    save_draft(current, path)
    return path, target.id


def test_cli_compares_the_spanish_texts(spanish_file, capsys):
    path, changed = spanish_file
    assert main(["compare", str(path), "--from", "Rev 1", "--language", "es", "--json",
                 "--changes-only"]) == 0
    data = json.loads(capsys.readouterr().out)
    text = json.dumps(data, ensure_ascii=False)
    assert "Acuerdan un texto nuevo." in text and "Nota reformulada." in text
    assert "Reworded in English." not in text
    # In English the same paragraph did not change.
    assert main(["compare", str(path), "--from", "Rev 1", "--json", "--changes-only"]) == 0
    english = capsys.readouterr().out
    assert "Acuerdan" not in english and "Reworded in English." in english


def test_spanish_redline_has_a_spanish_annex(spanish_file, tmp_path, capsys):
    path, changed = spanish_file
    out = tmp_path / "es-redline.docx"
    assert main(["compare", str(path), "--from", "Rev 1", "--out", str(out), "--language", "es",
                 "--style", "tracked"]) == 0
    document, footnotes = _parts(out)
    paragraphs = [_text(p) for p in document.iter(W + "p")]
    start = next(i for i, text in enumerate(paragraphs) if text.strip() == "ANEXO")
    body = [text for text in paragraphs[start + 1:] if text.strip()]
    assert body and all(text.startswith("ES ") or "Acuerdan" in text for text in body)
    inserted = "".join(_text(e) for e in document.iter(W + "ins"))
    assert "Acuerdan un texto nuevo." in inserted
    assert "Nota reformulada." in _text(footnotes)
    assert "Proyecto de Declaración" in "".join(paragraphs[:start])


def test_a_version_without_spanish_is_refused(tmp_path, clasi_seed, capsys):
    draft = draft_from_seed(clasi_seed)
    save_version(draft, "Rev 1")                  # before the Spanish text was imported
    _with_spanish(draft)
    path = tmp_path / "half.concordia"
    save_draft(draft, path)
    out = tmp_path / "half.docx"
    for extra in ([], ["--out", str(out)]):
        assert main(["compare", str(path), "--from", "Rev 1", "--language", "es", *extra]) == 1
        err = capsys.readouterr().err
        assert "Version “Rev 1” has no Spanish text yet" in err and "Traceback" not in err
        # what can be done with a saved version, not a window menu that cannot change it
        assert "saved before the Spanish text was imported" in err and "File ▸" not in err
    assert not out.exists()
    # A paragraph added in English only: the current text lacks it in Spanish.
    current = load_draft(path)
    current.blocks.append(copy.deepcopy(current.blocks[-1]))
    current.blocks[-1].id = "new-block"
    current.blocks[-1].content = [TextRun("A paragraph with no Spanish yet.")]
    with pytest.raises(LanguageTextError) as refused:
        language_text(current, "es")
    assert "lacks 1 paragraph:" in str(refused.value)
    assert "A paragraph with no Spanish" in str(refused.value)
