"""The parties to a negotiation: Member States, CELAC states, institutions and groups.

Codes are the ones printed in Council documents ("BE", "EL" for Greece, "CELAC"). Names of
states come from Babel's territory data in the export language; names of institutions and
groups are export labels in the message catalog (their Spanish forms are not verified against
Council documents, so a reviewer can correct them there). The user can add parties of their own;
those travel with the draft (`Draft.parties`).

Protocol order, as decided here for any mix of parties:
1. EU Member States in Council protocol order (the order of their names in their own language);
2. other states, alphabetically by their name in the export language (accents ignored);
3. groups speaking as one (EU, CELAC, CLASI …), in the order of the registry;
4. institutions (Presidency, Commission, EEAS, General Secretariat), in the order of the registry;
5. codes nobody registered, alphabetically (so a typo is still shown, never dropped).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache


class PartyKind(str, Enum):
    MEMBER_STATE = "member_state"
    STATE = "state"                # a non-EU state (CELAC or any other)
    GROUP = "group"
    INSTITUTION = "institution"


#: Council codes in protocol order; EL is Greece (ISO GR).
MEMBER_STATES = (
    "BE BG CZ DK DE EE IE EL ES FR HR IT CY LV LT LU HU MT NL AT PL PT RO SI SK FI SE".split()
)
#: The 33 member states of CELAC, by ISO 3166 code.
CELAC_STATES = (
    "AG AR BS BB BZ BO BR CL CO CR CU DM DO EC SV GD GT GY HT HN JM MX NI PA PY PE KN LC VC "
    "SR TT UY VE".split()
)
#: Groups and institutions: code, English name (the msgid of its export label).
GROUPS = (
    ("EU", "European Union"),
    ("CELAC", "Community of Latin American and Caribbean States"),
    ("CLASI", "Latin American Committee on Internal Security"),
    ("CARICOM", "Caribbean Community"),
    ("SICA", "Central American Integration System"),
    ("MERCOSUR", "Southern Common Market"),
    ("CAN", "Andean Community"),
)
INSTITUTIONS = (
    ("PRES", "Presidency"),
    ("COM", "Commission"),
    ("EEAS", "European External Action Service"),
    ("GSC", "General Secretariat of the Council"),
)
#: Short forms used where an institution is named in a list of parties ("COM: …").
_INSTITUTION_LABELS = {"PRES": "Presidency", "COM": "Commission", "EEAS": "EEAS", "GSC": "GSC"}

_ISO_FOR_CODE = {"EL": "GR"}
_RANK = {
    PartyKind.MEMBER_STATE: 0,
    PartyKind.STATE: 1,
    PartyKind.GROUP: 2,
    PartyKind.INSTITUTION: 3,
}


@dataclass(frozen=True)
class Party:
    code: str
    kind: PartyKind
    territory: str | None = None   # ISO 3166 code when Babel knows the territory
    name_en: str = ""                 # for groups, institutions and user-added parties
    name_es: str = ""                 # user-added parties only; others use the catalog
    user_added: bool = False

    def to_json(self) -> dict:
        return {
            "code": self.code,
            "kind": self.kind.value,
            "territory": self.territory,
            "name_en": self.name_en,
            "name_es": self.name_es,
        }

    @classmethod
    def from_json(cls, data: dict) -> Party:
        return cls(
            code=data["code"],
            kind=PartyKind(data.get("kind", PartyKind.STATE.value)),
            territory=data.get("territory"),
            name_en=data.get("name_en", ""),
            name_es=data.get("name_es", ""),
            user_added=True,
        )


@lru_cache(maxsize=4)
def _territory_names(language: str) -> dict[str, str]:
    from babel import Locale

    names = dict(Locale.parse("en_GB" if language == "en" else language).territories)
    if language == "en":
        # CLDR's British English uses short forms ("St Lucia", "Antigua & Barbuda"); EU
        # texts spell the names out ("Saint Lucia", "Antigua and Barbuda").
        for key, value in names.items():
            spelled = value.replace(" & ", " and ")
            if spelled.startswith("St "):
                spelled = "Saint " + spelled[3:]
            names[key] = spelled
    return names


def _builtin_parties() -> list[Party]:
    parties = [
        Party(code, PartyKind.MEMBER_STATE, territory=_ISO_FOR_CODE.get(code, code))
        for code in MEMBER_STATES
    ]
    parties += [Party(code, PartyKind.STATE, territory=code) for code in CELAC_STATES]
    parties += [Party(code, PartyKind.GROUP, name_en=name) for code, name in GROUPS]
    parties += [Party(code, PartyKind.INSTITUTION, name_en=name) for code, name in INSTITUTIONS]
    return parties


def _sort_key(text: str) -> str:
    """Alphabetical key that ignores accents and case ("Perú" sorts with "Peru")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


class PartyRegistry:
    """Every known party, by code (codes are upper case and unique)."""

    def __init__(self, extra: Iterable[Party] = ()) -> None:
        self._parties: dict[str, Party] = {}
        self._position: dict[str, int] = {}
        for party in _builtin_parties():
            self._register(party)
        for party in extra:
            self.add(party)

    @classmethod
    def for_draft(cls, draft: object) -> PartyRegistry:
        """The built-in parties plus those the user added to this draft."""
        return cls(getattr(draft, "parties", {}).values())

    def _register(self, party: Party) -> None:
        self._position.setdefault(party.code, len(self._position))
        self._parties[party.code] = party

    def add(self, party: Party) -> Party:
        code = normalise_code(party.code)
        if not code:
            raise ValueError("a party needs a code")
        if code in self._parties and not self._parties[code].user_added:
            raise ValueError(f"{code} is already a registered party")
        if not party.name_en and party.territory is None:
            raise ValueError(f"party {code} needs a name")
        party = Party(code, party.kind, party.territory, party.name_en, party.name_es, True)
        self._register(party)
        return party

    # -- look-ups -------------------------------------------------------------------------
    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and normalise_code(code) in self._parties

    def __iter__(self):
        return iter(self._parties.values())

    def __len__(self) -> int:
        return len(self._parties)

    def get(self, code: str) -> Party:
        try:
            return self._parties[normalise_code(code)]
        except KeyError:
            raise KeyError(f"unknown party {code!r}") from None

    def resolve(self, typed: str) -> str | None:
        """The code of the party `typed` names: its code in any case ("fr" is FR), or its full
        name in English or Spanish, accents and case ignored ("Hungría" is HU); else None."""
        code = normalise_code(typed)
        if code in self._parties:
            return code
        wanted = _sort_key(typed.strip())
        for party in self._parties.values():
            if wanted in (_sort_key(self.name(party.code, "en")),
                          _sort_key(self.name(party.code, "es"))):
                return party.code
        return None

    def of_kind(self, kind: PartyKind) -> list[Party]:
        return [party for party in self._parties.values() if party.kind == kind]

    def name(self, code: str, language: str) -> str:
        """The party's full name in `language` ("Países Bajos", "Comisión")."""
        party = self._parties.get(normalise_code(code))
        if party is None:
            return code
        if party.user_added:
            return (party.name_es if language == "es" else "") or party.name_en or code
        if party.territory:
            return _territory_names(language).get(party.territory, party.name_en or code)
        return _export_label(party.name_en, language)

    def label(self, code: str, language: str) -> str:
        """How the party is written in a list of parties ("BE, DE, Brazil, CELAC, COM: …").

        Member States and groups by their code, institutions by a short name, other states
        by name in the export language (Council texts name third countries in full).
        """
        party = self._parties.get(normalise_code(code))
        if party is None:
            return code
        if party.kind in (PartyKind.MEMBER_STATE, PartyKind.GROUP):
            return party.code
        if party.kind == PartyKind.INSTITUTION and party.code in _INSTITUTION_LABELS:
            return _export_label(_INSTITUTION_LABELS[party.code], language)
        return self.name(code, language)

    # -- ordering -------------------------------------------------------------------------
    def protocol_order(self, codes: Iterable[str], language: str = "en") -> list[str]:
        """`codes` (duplicates dropped) in protocol order; see the module docstring."""
        unique = list(dict.fromkeys(normalise_code(code) for code in codes if code.strip()))
        return sorted(unique, key=lambda code: self._order_key(code, language))

    def _order_key(self, code: str, language: str) -> tuple:
        party = self._parties.get(code)
        if party is None:
            return (9, 0, _sort_key(code))
        rank = _RANK[party.kind]
        if party.kind == PartyKind.MEMBER_STATE and not party.user_added:
            return (rank, MEMBER_STATES.index(code), "")
        if party.kind in (PartyKind.STATE, PartyKind.MEMBER_STATE):
            return (1, 0, _sort_key(self.name(code, language)))
        return (rank, self._position[code], "")


def normalise_code(code: str) -> str:
    return code.strip().upper()


def _export_label(message: str, language: str) -> str:
    from app.i18n import translator

    t = translator(language)
    return _names(t).get(message) or t.pgettext("export", message)


def _names(t) -> dict[str, str]:
    """Names of groups and institutions: literal calls so `pybabel extract` finds them."""
    return {
        # UNVERIFIED: Spanish names of groups are not checked against a Council document.
        "European Union": t.pgettext("export", "European Union"),
        # UNVERIFIED: group name in Spanish.
        "Community of Latin American and Caribbean States": t.pgettext(
            "export", "Community of Latin American and Caribbean States"),
        # UNVERIFIED: group name in Spanish.
        "Latin American Committee on Internal Security": t.pgettext(
            "export", "Latin American Committee on Internal Security"),
        # UNVERIFIED: group name in Spanish.
        "Caribbean Community": t.pgettext("export", "Caribbean Community"),
        # UNVERIFIED: group name in Spanish.
        "Central American Integration System": t.pgettext(
            "export", "Central American Integration System"),
        # UNVERIFIED: group name in Spanish.
        "Southern Common Market": t.pgettext("export", "Southern Common Market"),
        # UNVERIFIED: group name in Spanish.
        "Andean Community": t.pgettext("export", "Andean Community"),
        # UNVERIFIED: "Presidencia" is not verified in a Spanish Council document.
        "Presidency": t.pgettext("export", "Presidency"),
        # UNVERIFIED: institution name in Spanish.
        "Commission": t.pgettext("export", "Commission"),
        # UNVERIFIED: institution name in Spanish.
        "European External Action Service": t.pgettext(
            "export", "European External Action Service"),
        # UNVERIFIED: "Secretaría General del Consejo" is not verified as a field value.
        "General Secretariat of the Council": t.pgettext(
            "export", "General Secretariat of the Council"),
        # UNVERIFIED: short form of the EEAS in a list of parties.
        "EEAS": t.pgettext("export", "EEAS"),
        # UNVERIFIED: short form of the General Secretariat in a list of parties.
        "GSC": t.pgettext("export", "GSC"),
    }
