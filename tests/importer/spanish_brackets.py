"""The bracketed Presidency draft (seed 003, `data/clasi_bracketed.txt`) and a Spanish text of
part of it (`data/clasi_partial.es.md`) with square brackets typed as negotiators type them:
§ 3 and § 5 carry the draft's brackets in Spanish, § 4 has one the draft's § 4 lacks (so it
cannot pair and stays as typed), § 2 an ellipsis in brackets that is no negotiation bracket."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).parent / "data"
ENGLISH = DATA / "clasi_bracketed.txt"

#: (words of the Spanish text, the same words as the Spanish negotiating text brackets them)
BRACKETS = [
    ("de las redes delictivas;",
     "de las redes delictivas que [desestabilizan (FR, ES) / socavan (CELAC)] el Estado de "
     "Derecho;"),
    ("el Estado de Derecho y el respeto de todos los derechos humanos son",
     "el Estado de Derecho [y el respeto de todos los derechos humanos] (HU) son"),
    ("los esfuerzos concertados, coordinados", "los esfuerzos [concertados (FR)], coordinados"),
    ("y el bienestar de nuestros ciudadanos;", "y el bienestar [...] de nuestros ciudadanos;"),
]


def spanish_text() -> str:
    text = (DATA / "clasi_partial.es.md").read_text(encoding="utf-8")
    for plain, bracketed in BRACKETS:
        assert text.count(plain) == 1, plain
        text = text.replace(plain, bracketed)
    return text


def write_spanish(folder: Path) -> Path:
    path = folder / "clasi_bracketed.es.md"
    path.write_text(spanish_text(), encoding="utf-8")
    return path
