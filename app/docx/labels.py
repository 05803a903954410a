"""Export labels in the export language, from that language's message catalog.

Every label is a literal `pgettext("export", …)` call so `pybabel extract` finds it; the
Spanish strings live in `translations/es/LC_MESSAGES/messages.po`, those not seen in a real
Council document flagged `#. UNVERIFIED` there for a reviewer. Never the UI language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.i18n import format_long_date, translator

#: The seats under their Spanish names, as a note drafted in Spanish has them.
_SEATS = {"Bruselas": "Brussels", "Luxemburgo": "Luxembourg"}


@dataclass(frozen=True)
class ExportLabels:
    language: str

    @property
    def _t(self):
        return translator(self.language)

    # -- cover ------------------------------------------------------------------------
    def institution_lines(self) -> tuple[str, str]:
        t = self._t
        return (t.pgettext("export", "Council of the"), t.pgettext("export", "European Union"))

    def place(self, place: str) -> str:
        """Known seats of the Council in the export language; other places as written."""
        t = self._t
        known = {
            "Brussels": t.pgettext("export", "Brussels"),
            # UNVERIFIED: ES "Luxemburgo" not seen in the date line of a Spanish Council note.
            "Luxembourg": t.pgettext("export", "Luxembourg"),
        }
        place = _SEATS.get(place.strip(), place.strip())    # a Spanish note's own names
        return known.get(place, place)

    def place_and_date(self, place: str, when: date) -> str:
        return f"{self.place(place)}, {format_long_date(when, self.language)}"

    def original_languages(self, languages: list[str]) -> str:
        # "(OR. en)" is the same in every language version (verified EN and ES).
        return "(OR. {codes})".format(codes=", ".join(code.lower() for code in languages) or "en")

    def interinstitutional_file(self) -> str:
        return self._t.pgettext("export", "Interinstitutional File:")

    def document_type(self, doc_type: str) -> str:
        t = self._t
        known = {
            "NOTE": t.pgettext("export", "NOTE"),
            # UNVERIFIED: ES "NOTA DE TRANSMISIÓN" not seen in a Council document.
            "COVER NOTE": t.pgettext("export", "COVER NOTE"),
            # UNVERIFIED: neither EN "I/A ITEM NOTE" nor ES "NOTA PUNTO «I/A»" seen in a public copy.
            "I/A ITEM NOTE": t.pgettext("export", "I/A ITEM NOTE"),
        }
        return known.get(doc_type, doc_type)

    def field_labels(self) -> tuple[str, str, str]:
        t = self._t
        return (t.pgettext("export", "From:"), t.pgettext("export", "To:"),
                t.pgettext("export", "Subject:"))

    def party(self, value: str) -> str | None:
        """A usual sender / addressee in the export language, or None when not a known one."""
        t = self._t
        known = {
            # UNVERIFIED: ES name seen in GSC publications, not as the value of a "De:" field.
            "General Secretariat of the Council": t.pgettext("export", "General Secretariat of the Council"),
            # UNVERIFIED: ES "Delegaciones" seen in GSC sentences, not as the value of an "A:" field.
            "Delegations": t.pgettext("export", "Delegations"),
            # UNVERIFIED: ES "Presidencia" seen only in a 2004 IGC note, not a modern Council note.
            "Presidency": t.pgettext("export", "Presidency"),
            # UNVERIFIED: ES seen only with its part, "Comité de Representantes Permanentes (1.ª parte)".
            "Permanent Representatives Committee": t.pgettext("export", "Permanent Representatives Committee"),
            "Council": t.pgettext("export", "Council"),
        }
        return known.get(value.strip())

    def marking(self, marking: str) -> str:
        t = self._t
        # UNVERIFIED: no Spanish LIMITE document seen; other language versions keep "LIMITE".
        limite = t.pgettext("export", "LIMITE")
        return limite if marking.strip().upper() == "LIMITE" else marking

    # -- annex and footer -------------------------------------------------------------
    def annex(self) -> str:
        # UNVERIFIED: ES "ANEXO" seen in document titles, not as a Council annex page header.
        return self._t.pgettext("export", "ANNEX")

    def language_code(self) -> str:
        return self.language.upper()


def catalog_export_labels(language: str) -> dict[str, str]:
    """English label → label in `language`, for every export entry of the catalog (tests)."""
    from babel.messages.pofile import read_po

    from app.i18n import translations_dir

    po_file = translations_dir() / language / "LC_MESSAGES" / "messages.po"
    with po_file.open("rb") as handle:
        catalog = read_po(handle, locale=language)
    return {
        message.id: message.string
        for message in catalog
        if message.context == "export" and message.id and isinstance(message.id, str)
    }
