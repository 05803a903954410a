"""What you see is what is exported: the La Paz draft's runs as the editor draws them (text,
bold, italic, with the kinds' presentation such as the lead-ins' bold) are the runs of the
Word export, paragraph by paragraph."""

from __future__ import annotations

import zipfile

from lxml import etree
from PySide6.QtGui import QFont, QTextBlock
from PySide6.QtWidgets import QApplication

from app.docx.writer import export_note
from app.importer.text import import_text_file
from app.model.lead_in import lead_in_length
from tests.conftest import LAPAZ_SEED

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
#: Anything heavier than normal reads as bold on screen (the lead-ins were once demi-bold).
HEAVY = int(QFont.Weight.Normal.value)
Run = tuple[str, bool, bool]


def merged(chars: list[Run]) -> list[Run]:
    runs: list[Run] = []
    for text, bold, italic in chars:
        if runs and runs[-1][1:] == (bold, italic):
            runs[-1] = (runs[-1][0] + text, bold, italic)
        else:
            runs.append((text, bold, italic))
    return runs


def editor_runs(block: QTextBlock) -> list[Run]:
    """Per character: the char format's marks, with the highlighter's layout formats over it."""
    overlays = block.layout().formats()
    chars: list[Run] = []
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        it += 1
        fmt = fragment.charFormat()
        for offset, char in enumerate(fragment.text()):
            if char == "\ufffc":                     # a footnote reference: drawn, not text
                continue
            at = fragment.position() - block.position() + offset
            shown = [o.format for o in overlays if o.start <= at < o.start + o.length]
            bold = fmt.fontWeight() > HEAVY or any(f.fontWeight() > HEAVY for f in shown)
            italic = fmt.fontItalic() or any(f.fontItalic() for f in shown)
            chars.append(("\n" if char == "\u2028" else char, bold, italic))
    return merged(chars)


def _on(rpr, name: str) -> bool | None:
    if rpr is None:
        return None
    found = rpr.find(W + name)
    if found is None:
        return None
    return found.get(W + "val") not in ("0", "false")


def style_marks(styles, style_id: str | None) -> tuple[bool, bool]:
    bold = italic = None
    while style_id:
        style = styles.find(f"{W}style[@{W}styleId='{style_id}']")
        if style is None:
            break
        rpr = style.find(W + "rPr")
        bold = _on(rpr, "b") if bold is None else bold
        italic = _on(rpr, "i") if italic is None else italic
        based = style.find(W + "basedOn")
        style_id = based.get(W + "val") if based is not None else None
    return bool(bold), bool(italic)


def word_runs(p, styles) -> list[Run]:
    style = p.find(f"{W}pPr/{W}pStyle")
    base = style_marks(styles, style.get(W + "val") if style is not None else None)
    chars: list[Run] = []
    for r in p.iter(W + "r"):
        if r.find(W + "footnoteReference") is not None:
            continue
        rpr = r.find(W + "rPr")
        bold, italic = _on(rpr, "b"), _on(rpr, "i")
        bold = base[0] if bold is None else bold
        italic = base[1] if italic is None else italic
        for child in r:
            if child.tag == W + "t":
                chars.extend((char, bold, italic) for char in child.text or "")
            elif child.tag == W + "br":
                chars.append(("\n", bold, italic))
    return merged(chars)


def test_editor_runs_are_the_exported_runs_for_la_paz(make_editor, tmp_path):
    draft, _report = import_text_file(LAPAZ_SEED)
    out = tmp_path / "lapaz.docx"
    export_note(draft, out, "en")
    with zipfile.ZipFile(out) as package:
        body = etree.fromstring(package.read("word/document.xml"))
        styles = etree.fromstring(package.read("word/styles.xml"))
    editor = make_editor(draft)
    QApplication.processEvents()
    document = editor.text_edit.document()

    paragraphs = [p for p in body.iter(W + "p")]
    texts = ["".join(t.text or "" for t in p.iter(W + "t")) for p in paragraphs]
    start = texts.index(draft.blocks[0].text.replace("\n", ""))
    annex = [p for p in paragraphs[start:] if "".join(t.text or "" for t in p.iter(W + "t"))
             or p.find(f".//{W}footnoteReference") is not None][:len(draft.blocks)]
    assert len(annex) == len(draft.blocks)

    lead_ins = 0
    for index, (block, p) in enumerate(zip(draft.blocks, annex, strict=True)):
        seen = editor_runs(document.findBlockByNumber(index))
        assert seen == word_runs(p, styles), f"paragraph {index + 1}: {block.text[:50]!r}"
        lead_ins += bool(lead_in_length(block.kind, block.text))
    assert lead_ins >= 10
    # The lead-ins read as bold in both, e.g. "HAVING MET" and "WE REAFFIRM".
    first = {editor_runs(document.findBlockByNumber(i))[0] for i, b in enumerate(draft.blocks)
             if b.text.startswith(("HAVING MET", "WE REAFFIRM"))}
    assert ("HAVING MET", True, False) in first and ("WE REAFFIRM", True, False) in first
