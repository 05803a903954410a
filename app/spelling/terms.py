"""Words never flagged: party codes and names, and the Council's own vocabulary.

Party names come from the delegation registry (app.model.parties) in English and Spanish, so
a party added there is known here too; the vocabulary below is what Council notes and
EU-CELAC texts use that general dictionaries lack. Compared case-insensitively.
"""

from __future__ import annotations

import re
from functools import lru_cache

from app.model.parties import PartyRegistry

#: Council and EU-CELAC terms (English and Spanish) that general dictionaries do not have.
COUNCIL_VOCABULARY = """
Coreper CELAC CLASI COLAC CORDROGUE COPOLAD EEAS LIMITE Presidency Presidencia GSC SGC
Eurojust Europol Frontex EUDA EMCDDA UNODC CICAD OEA AMERIPOL Interpol EUROsociAL PAcCTO
EL PAcTO Mercosur Caricom Celac Cariforum SICA interinstitutional interinstitucional
birregional biregional bi-regional multilateralism multilateralismo Coreper's eu-LISA
Schengen Lisboa Ecofin Ecofín JAI DGE MAGREB Antici Mertens UE ALC UE-CELAC EU-CELAC
La Paz Santa Marta Bogotá Brussels Bruselas Montevideo Cartagena narcotráfico
narcotrafficking precursores precursors cocaine cocaína Eurofront interagency mainstreaming
""".split()

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@lru_cache(maxsize=1)
def builtin_words() -> frozenset[str]:
    """Every word of every party code and name (EN/ES) and of the vocabulary, case-folded."""
    words: set[str] = set()
    registry = PartyRegistry()
    for party in registry:
        words.add(party.code.casefold())
        for language in ("en", "es"):
            for text in (registry.name(party.code, language), registry.label(party.code, language),
                         party.name_en, party.name_es):
                words.update(match.group().casefold() for match in _WORD.finditer(text or ""))
    for term in COUNCIL_VOCABULARY:
        words.add(term.casefold())
        words.update(match.group().casefold() for match in _WORD.finditer(term))
    return frozenset(words)


def draft_words(draft: object) -> frozenset[str]:
    """The builtin words plus those of the parties the user added to this draft."""
    extra: set[str] = set()
    for party in getattr(draft, "parties", {}).values():
        for text in (party.code, party.name_en, party.name_es):
            extra.update(match.group().casefold() for match in _WORD.finditer(text or ""))
    return builtin_words() | extra
