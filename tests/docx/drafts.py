"""Drafts built in code for the export tests: every block kind, marks, footnotes, EN + ES."""

from __future__ import annotations

from datetime import date

from app.model import (
    Block,
    BlockKind,
    Draft,
    Footnote,
    FootnoteRef,
    LanguageVersion,
    NoteMeta,
    TextRun,
)


def sample_draft(*, marking: str | None = "LIMITE", suffix: str = "REV 1") -> Draft:
    note = NoteMeta(
        number="6914/24", suffix=suffix, date=date(2024, 2, 28), place="Brussels",
        languages=["en"], marking=marking, codes=["CORDROGUE 26", "COLAC 27", "SAN 105", "JAI 322"],
        doc_type="NOTE", sender="General Secretariat of the Council", recipient="Delegations",
        subject="EU-CELAC Coordination and Cooperation Mechanism on Drugs - La Paz declaration",
        intro="Delegations will find in the Annex the La Paz declaration endorsed at the XXIVth "
              "High-Level Meeting in La Paz (Bolivia) on 22 February 2024.",
        initials="MR/mdc", directorate="JAI.B",
    )
    notes = {
        "fn-mech": Footnote('Hereinafter, referred as "The Mechanism"', "fn-mech"),
        "fn-celac": Footnote("CELAC recalls its position on measures that hinder cooperation", "fn-celac"),
        "fn-std": Footnote("UNODC/WHO International Standards for Drug Use Prevention.", "fn-std"),
    }
    blocks = [
        Block(BlockKind.TITLE, [TextRun("La Paz declaration of the XXIV"), TextRun("th", superscript=True),
                                TextRun(" High Level meeting")], id="b-title"),
        Block(BlockKind.PREAMBLE, [TextRun("HAVING MET in La Paz (Bolivia) under the co-presidencies "
                                           "of Belgium and Bolivia, at the Mechanism"),
                                   FootnoteRef("fn-mech"), TextRun(" ('the Mechanism').")], id="b-met"),
        Block(BlockKind.OPERATIVE, [TextRun("WE REAFFIRM the importance of the "),
                                    TextRun("European Council", bold=True),
                                    TextRun(" and of "), TextRun("mutual respect", italic=True),
                                    TextRun(" among "), TextRun("States", underline=True),
                                    TextRun(".")], id="b-reaffirm"),
        Block(BlockKind.HEADING, [TextRun("1. Addressing illicit production and trafficking")],
              id="b-head"),
        Block(BlockKind.OPERATIVE, [TextRun("WE RECOGNISE the fundamental role of international "
                                            "cooperation and barriers."), FootnoteRef("fn-celac")],
              id="b-recognise"),
        Block(BlockKind.LIST_ITEM, [TextRun("Addressing substance use disorders and quality "
                                            "standards."), FootnoteRef("fn-std")], level=1, id="b-li1"),
        Block(BlockKind.LIST_ITEM, [TextRun("Early warning systems for synthetic drugs.")], level=2,
              id="b-li2"),
        Block(BlockKind.NUMBERED, [TextRun("Reiterate our determination to continue working together.")],
              id="b-n1"),
        Block(BlockKind.NUMBERED, [TextRun("Affirm the significance of the creation of CLASI.")],
              id="b-n2"),
        Block(BlockKind.PARAGRAPH, [TextRun("WE AGREE to convene the next meeting in 2025.")],
              id="b-agree"),
    ]
    draft = Draft(note=note, blocks=blocks, footnotes=notes)
    draft.translations["es"] = spanish_version()
    return draft


def spanish_version() -> LanguageVersion:
    return LanguageVersion(
        language="es",
        meta={
            "subject": "Mecanismo de Coordinación y Cooperación en materia de drogas CELAC-UE - "
                       "Declaración de La Paz",
            "intro": "Adjunto se remite a las Delegaciones la Declaración de La Paz aprobada en la "
                     "XXIV Reunión de Alto Nivel celebrada en La Paz (Bolivia) el 22 de febrero de 2024.",
        },
        blocks={
            "b-title": [TextRun("Declaración de La Paz de la XXIV"), TextRun("a", superscript=True),
                        TextRun(" Reunión de Alto Nivel")],
            "b-met": [TextRun("REUNIDOS en La Paz (Bolivia) bajo la copresidencia de Bélgica y "
                              "Bolivia, en el Mecanismo"), FootnoteRef("fn-mech"),
                      TextRun(" («el Mecanismo»).")],
            "b-reaffirm": [TextRun("REAFIRMAMOS la importancia del "), TextRun("Consejo Europeo", bold=True),
                           TextRun(" y del "), TextRun("respeto mutuo", italic=True),
                           TextRun(" entre "), TextRun("Estados", underline=True), TextRun(".")],
            "b-head": [TextRun("1. Abordar y contrarrestar la producción y el tráfico ilícitos")],
            "b-recognise": [TextRun("RECONOCEMOS el papel fundamental de la cooperación "
                                    "internacional y los obstáculos."), FootnoteRef("fn-celac")],
            "b-li1": [TextRun("Abordar el consumo de sustancias y las normas de calidad."),
                      FootnoteRef("fn-std")],
            "b-li2": [TextRun("Sistemas de alerta temprana para drogas sintéticas.")],
            "b-n1": [TextRun("Reiteramos nuestra determinación de seguir trabajando juntos.")],
            "b-n2": [TextRun("Afirmamos la importancia de la creación de CLASI.")],
            "b-agree": [TextRun("ACORDAMOS convocar la próxima reunión en 2025.")],
        },
        footnotes={
            "fn-mech": "En lo sucesivo, «el Mecanismo»",
            "fn-celac": "La CELAC recuerda su posición sobre las medidas que obstaculizan la cooperación",
            "fn-std": "Normas internacionales UNODC/OMS para la prevención del consumo de drogas.",
        },
    )
