"""Render the La Paz note, EN and ES, to PNG pages for a look (and for docs/).

    python -m tests.docx.render_lapaz OUTDIR

EN: the whole seed as imported. ES: no Spanish text of the La Paz declaration is public
(council-conventions §5), so the Spanish annex here is a working translation of its first
sixteen blocks, made for this rendering only, exported from a draft cut to those blocks.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from app.docx import export_note
from app.importer.text import import_text_file
from app.model import FootnoteRef, LanguageVersion, TextRun
from tests.conftest import LAPAZ_SEED

SPANISH_BLOCKS = [
    [TextRun("Declaración de La Paz de la XXIV"), TextRun("a", superscript=True),
     TextRun(" Reunión de Alto Nivel del Mecanismo de Coordinación y Cooperación en materia de "
             "drogas CELAC-UE, 22 de febrero de 2024, La Paz (Bolivia)")],
    [TextRun("REUNIDOS en La Paz (Bolivia) el 22 de febrero de 2024, bajo la copresidencia de "
             "Bélgica y Bolivia, en la XXIV"), TextRun("a", superscript=True),
     TextRun(" Reunión de Alto Nivel del Mecanismo de Coordinación y Cooperación en materia de "
             "drogas CELAC-UE"), FootnoteRef("fn1"), TextRun(" («el Mecanismo»).")],
    [TextRun("REAFIRMAMOS la importancia del Mecanismo como foro birregional de diálogo y "
             "cooperación basado en el entendimiento mutuo, sobre la base del principio de "
             "responsabilidad común y compartida y de un enfoque equilibrado, integral, integrado y "
             "basado en datos contrastados, en plena conformidad con los tres convenios "
             "internacionales de fiscalización de drogas y otros instrumentos internacionales "
             "pertinentes, con los propósitos y principios de la Carta de las Naciones Unidas, el "
             "Derecho internacional y la Declaración Universal de Derechos Humanos.")],
    [TextRun("TOMAMOS NOTA de que la declaración de la tercera Cumbre de jefes de Estado o de "
             "Gobierno de la Unión Europea (UE) y de la Comunidad de Estados Latinoamericanos y "
             "Caribeños (CELAC), y de los presidentes del "), TextRun("Consejo Europeo", bold=True),
     TextRun(" y de la Comisión Europea, reunidos en Bruselas los días 17 y 18 de julio de 2023, "
             "acoge con satisfacción la labor del Mecanismo de Coordinación y Cooperación en "
             "materia de drogas UE-CELAC y desea proseguirla.")],
    [TextRun("NOS COMPROMETEMOS a reforzar el Mecanismo como principal plataforma de cooperación "
             "birregional para promover e intensificar el diálogo político, la coordinación y la "
             "cooperación, incluida la cooperación operativa y técnica entre ambas regiones, para "
             "abordar y contrarrestar eficazmente todos los aspectos del problema mundial de las "
             "drogas.")],
    [TextRun("RECONOCEMOS el valor de la cooperación bilateral entre los países de la UE y de la "
             "CELAC para impulsar, promover y reforzar la aplicación de políticas eficaces en materia "
             "de drogas, así como la importancia de programas de la UE como COPOLAD III, Eurofront, "
             "EL PAcCTO y el futuro EL PAcCTO 2.0.")],
    [TextRun("RECONOCEMOS el papel fundamental de la cooperación internacional para prevenir y "
             "contrarrestar todos los aspectos del problema mundial de las drogas y subrayamos la "
             "importancia de responder eficazmente a los retos y obstáculos internacionales y "
             "regionales."), FootnoteRef("fn2")],
    [TextRun("ACORDAMOS centrar nuestra cooperación birregional en el Mecanismo durante los "
             "próximos cinco años abordando en particular los siguientes temas de interés común:")],
    [TextRun("Abordar y contrarrestar la producción y el tráfico ilícitos de drogas, incluida la "
             "cocaína, y sus consecuencias para la seguridad ciudadana y la salud pública.")],
    [TextRun("Abordar y contrarrestar la fabricación y el tráfico de nuevas sustancias "
             "psicoactivas (NSP) y otras drogas sintéticas, incluso mediante la alerta temprana.")],
    [TextRun("Abordar el consumo de sustancias y los trastornos por consumo de sustancias, "
             "centrándose en las normas de calidad de la prevención y el tratamiento."),
     FootnoteRef("fn3")],
    [TextRun("Abordar el vínculo entre las drogas y los delitos que afectan al medio ambiente.")],
    [TextRun("Abordar y contrarrestar otras formas de delincuencia organizada vinculadas al "
             "tráfico de drogas, como el blanqueo de capitales y el tráfico de armas de fuego.")],
    [TextRun("ACORDAMOS celebrar la próxima XXV"), TextRun("a", superscript=True),
     TextRun(" Reunión de Alto Nivel UE-CELAC del Mecanismo en 2025.")],
    [TextRun("1. Abordar y contrarrestar la producción y el tráfico ilícitos de drogas, incluida la "
             "cocaína, y sus consecuencias para la seguridad ciudadana y la salud pública:",
             bold=True)],
    [TextRun("RECONOCEMOS que desarticular el tráfico ilícito de drogas exige estrategias y "
             "acciones conjuntas basadas en la cooperación birregional entre la UE y la CELAC.")],
]
SPANISH_NOTES = [
    "En lo sucesivo, «el Mecanismo».",
    "La CELAC recuerda su posición sobre las medidas que obstaculizan la cooperación internacional "
    "para abordar y contrarrestar todos los aspectos del problema mundial de las drogas.",
    "Normas internacionales UNODC/OMS para el tratamiento de los trastornos por consumo de drogas, "
    "normas internacionales UNODC/OMS sobre la prevención del consumo de drogas y normas de calidad "
    "de COPOLAD.",
]


def lapaz_drafts():
    english, _report = import_text_file(LAPAZ_SEED)
    english.note.initials, english.note.directorate = "MR/mdc", "JAI.B"
    spanish, _report = import_text_file(LAPAZ_SEED)
    spanish.note.initials, spanish.note.directorate = "MR/mdc", "JAI.B"
    spanish.blocks = spanish.blocks[:len(SPANISH_BLOCKS)]
    order = spanish.footnote_order()
    spanish.footnotes = {fid: spanish.footnotes[fid] for fid in order}
    names = dict(zip(("fn1", "fn2", "fn3"), order, strict=True))
    version = LanguageVersion("es", meta={
        "subject": "Mecanismo de Coordinación y Cooperación en materia de drogas CELAC-UE - "
                   "Declaración de La Paz",
        "intro": "Adjunto se remite a las Delegaciones la Declaración de La Paz aprobada en la XXIV "
                 "Reunión de Alto Nivel del Mecanismo de Coordinación y Cooperación en materia de "
                 "drogas CELAC-UE, celebrada en La Paz (Bolivia) el 22 de febrero de 2024.",
    })
    for block, content in zip(spanish.blocks, SPANISH_BLOCKS, strict=True):
        version.blocks[block.id] = [FootnoteRef(names[i.footnote_id]) if isinstance(i, FootnoteRef) else i
                                    for i in content]
    version.footnotes = {names[f"fn{n}"]: text for n, text in enumerate(SPANISH_NOTES, 1)}
    spanish.translations["es"] = version
    return english, spanish


def render(out_dir: Path) -> dict[str, list[Path]]:
    out_dir.mkdir(parents=True, exist_ok=True)
    english, spanish = lapaz_drafts()
    files = {"en": out_dir / "lapaz-en.docx", "es": out_dir / "lapaz-es.docx"}
    export_note(english, files["en"], "en")
    export_note(spanish, files["es"], "es")
    subprocess.run(["soffice", f"-env:UserInstallation=file://{out_dir / 'lo-profile'}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(out_dir), *map(str, files.values())],
                   check=True, capture_output=True, timeout=300)
    pages = {}
    for language, docx_file in files.items():
        prefix = out_dir / f"lapaz-{language}"
        subprocess.run(["pdftoppm", "-r", "60", "-png", str(docx_file.with_suffix(".pdf")), str(prefix)],
                       check=True, timeout=120)
        pages[language] = sorted(out_dir.glob(f"lapaz-{language}-*.png"))
    return pages


if __name__ == "__main__":
    for language, found in render(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/lapaz")).items():
        print(language, *found, sep="\n  ")
