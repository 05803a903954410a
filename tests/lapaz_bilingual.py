"""The La Paz declaration (a shared seed with 15 footnotes, a CELAC position among them) with a
Spanish version, both brought in with Concordia's own `import` command.

The Spanish text is the seed with its cover, a few paragraphs' opening words and three
footnotes in Spanish: enough Spanish to pair by structure and to tell the sides apart (the
rest stays English, so the import is forced past the language check).
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

from app.cli import main
from tests.conftest import LAPAZ_SEED

SPANISH = (
    ("Council of the", "Consejo de la"),
    ("European Union", "Unión Europea"),
    ("Brussels, 28 February 2024", "Bruselas, 28 de febrero de 2024"),
    ("**NOTE**", "**NOTA**"),
    ("From:\tGeneral Secretariat of the Council", "De:\tSecretaría General del Consejo"),
    ("To:\tDelegations", "A:\tDelegaciones"),
    ("Subject:", "Asunto:"),
    ('Hereinafter, referred as "The Mechanism"', "En lo sucesivo, «el Mecanismo»"),
    ("CELAC recalls its position on measures", "La CELAC recuerda su posición sobre las medidas"),
    ("UNODC/WHO International Standards for Treatment and Drug Use Disorders",
     "Normas internacionales UNODC/OMS para el tratamiento de los trastornos por consumo"),
    ("WE REAFFIRM", "REAFIRMAMOS"),
    ("WE RECOGNISE", "RECONOCEMOS"),
    ("WE AGREE", "ACORDAMOS"),
)

#: The English footnote 3 and its Spanish, as the fixture imports them.
NOTE_3_EN = "UNODC/WHO International Standards for Treatment and Drug Use Disorders"
NOTE_3_ES = "Normas internacionales UNODC/OMS para el tratamiento"


def spanish_text() -> str:
    text = LAPAZ_SEED.read_text(encoding="utf-8")
    for english, spanish in SPANISH:
        assert english in text, english
        text = text.replace(english, spanish)
    return text


def cli(*args: str) -> str:
    """Run the command; its standard output (a failure fails the test)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(list(args)) == 0, args
    return out.getvalue()


def cli_json(*args: str) -> dict:
    return json.loads(cli(*args))


def lapaz_with_spanish(folder: Path) -> Path:
    """A draft file of the seed with its Spanish version, as a user makes it."""
    path = folder / "lapaz.concordia"
    spanish = folder / "lapaz.es.txt"
    spanish.write_text(spanish_text(), encoding="utf-8")
    cli("import", str(LAPAZ_SEED), "--out", str(path))
    cli("import", str(spanish), "--into", str(path), "--language", "es", "--force")
    return path
