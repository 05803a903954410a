"""Writes the bracketed Presidency draft used by the bracket tests, from seed 003 (EU-CLASI):
`clasi_bracketed.txt` and `clasi_bracketed.docx` beside this script. Run it again after
changing the brackets below (python tests/importer/data/make_bracketed_clasi.py)."""

from pathlib import Path

import docx

HERE = Path(__file__).parent
SEED = HERE.parents[2].parent / "shared" / "seeds" / "003_03aa108fa3d7d7eb.txt"

#: (words of the seed, the same words as a negotiating text brackets them)
BRACKETS = [
    ("to destabilise the rule of law", "to [destabilise (FR, ES) / undermine (CELAC)] the rule of law"),
    ("and the respect for all human rights", "[and the respect for all human rights] (HU)"),
    ("as a means of strengthening the ties between the two regions",
     "as a means of [strengthening the [bi-regional] ties (ES) OR deepening the relations "
     "(CELAC)] between the two regions"),
    ("focusing primarily on illicit drugs",
     "[focusing primarily (EU) / with a particular focus (PT)] on illicit drugs"),
    ("drug demand and harm reduction", "drug demand [and harm reduction (CELAC, PT) / delete (HU, PL)]"),
    ("include the gender approach", "include the [gender (FR, ES) / women's rights (PL)] approach"),
    # literal brackets, left alone: an ellipsis in a quotation and a reference
    ("and encourage the continuation of this work;",
     "and encourage the continuation of this work, which “the parties […] shall pursue” [1];"),
]


def bracketed_text() -> str:
    text = SEED.read_text(encoding="utf-8")
    for plain, bracketed in BRACKETS:
        assert text.count(plain) == 1, plain
        text = text.replace(plain, bracketed)
    return text


def main() -> None:
    text = bracketed_text()
    (HERE / "clasi_bracketed.txt").write_text(text, encoding="utf-8")
    document = docx.Document()
    start = text.index("Draft Joint Declaration of the Ministers for the Interior", 1000)
    for paragraph in text[start:].split("\n"):
        if paragraph.strip():
            document.add_paragraph(paragraph.strip())
    document.save(HERE / "clasi_bracketed.docx")


if __name__ == "__main__":
    main()
