"""A revision received as text comes in as a version whose paragraphs keep their ids."""

import re

import pytest

from app.compare import compare_drafts, count
from app.compare.revision_import import import_revision
from app.importer.text import import_text_file
from app.store import load_draft, save_draft
from app.store.versions import VersionError, find_version, save_version

_NUMBER = re.compile(r"^(\d+)\. ")


def revised_seed_text(seed_text: str) -> str:
    """Seed 003 as a Presidency would send Rev 2: § 2 reworded, a paragraph inserted after
    § 5, § 18 deleted, § 14 moved after § 22, footnote 1 reworded; numbers typed anew."""
    lines = seed_text.splitlines()

    def find(number: int) -> int:
        return next(i for i, line in enumerate(lines) if line.startswith(f"{number}. "))

    lines[find(2)] = lines[find(2)].replace("Aware of the criminal threats",
                                            "Aware of the serious and growing criminal threats")
    moved = lines.pop(find(14))
    lines.insert(find(22) + 1, moved)
    del lines[find(18)]
    lines.insert(find(5) + 1, "5. Stress the need to protect witnesses and whistle-blowers "
                              "in cases of organised crime;")
    footnote = next(i for i, line in enumerate(lines) if line.startswith("¹"))
    lines[footnote] = "¹ Name changed to European Union Drugs Agency (EUDA) by Regulation 2023/1322."
    counter = 0
    for index, line in enumerate(lines):
        if _NUMBER.match(line):
            counter += 1
            lines[index] = _NUMBER.sub(f"{counter}. ", line)
    return "\n".join(lines) + "\n"


@pytest.fixture
def revision_setup(tmp_path, clasi_seed):
    draft, _ = import_text_file(clasi_seed)
    save_version(draft, "Rev 1", author="Presidency")
    path = tmp_path / "clasi.concordia"
    save_draft(draft, path)
    source = tmp_path / "rev2.txt"
    source.write_text(revised_seed_text(clasi_seed.read_text(encoding="utf-8")), encoding="utf-8")
    return draft, path, source


def test_revision_keeps_ids_and_compares_exactly(revision_setup):
    rev1, path, source = revision_setup
    version, report = import_revision(path, source, "Rev 2", author="ES Presidency")
    assert report.carried == len(rev1.blocks) - 1         # all but the deleted paragraph
    saved = load_draft(path)
    rev2 = find_version(saved, "Rev 2").draft()
    assert saved.blocks[2].text == rev1.blocks[2].text    # the current text is untouched
    by_id = {block.id: block for block in rev1.blocks}
    reworded = next(b for b in rev2.blocks if "serious and growing" in b.text)
    assert reworded.id == rev1.blocks[2].id
    moved = next(b for b in rev2.blocks if b.text.startswith("Undertake to work towards"))
    assert by_id[moved.id].text == moved.text and rev2.blocks[-2] is moved
    assert set(rev2.footnotes) == set(rev1.footnotes)
    comparison = compare_drafts(find_version(saved, "Rev 1").draft(), rev2)
    figures = count(comparison)
    assert (figures.changed, figures.inserted, figures.deleted, figures.moved) == (1, 1, 1, 1)
    assert dict(figures.footnotes) == {"reworded": 1}


def test_revision_name_taken_is_refused_and_file_unchanged(revision_setup):
    _, path, source = revision_setup
    before = path.read_bytes()
    with pytest.raises(VersionError):
        import_revision(path, source, "Rev 1")
    assert path.read_bytes() == before


def test_revision_received_as_docx(tmp_path, clasi_seed):
    from app.docx.writer import export_note

    from .seed_draft import make_revision

    rev1, _ = import_text_file(clasi_seed)
    save_version(rev1, "Rev 1")
    path = tmp_path / "clasi.concordia"
    save_draft(rev1, path)
    rev2, done = make_revision(rev1)
    export_note(rev2, tmp_path / "rev2.docx")
    import_revision(path, tmp_path / "rev2.docx", "Rev 2")
    saved = load_draft(path)
    received = find_version(saved, "Rev 2").draft()
    assert received.block(done["reworded"]).text.startswith("Aware of the serious and growing")
    figures = count(compare_drafts(find_version(saved, "Rev 1").draft(), received))
    assert (figures.changed, figures.inserted, figures.deleted, figures.moved) == (1, 1, 1, 1)
    assert dict(figures.footnotes) == {"reworded": 1}
