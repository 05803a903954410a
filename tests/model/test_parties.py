"""The registry of parties: codes, names from Babel and the catalog, protocol order."""

import random

import pytest

from app.model.parties import (
    CELAC_STATES,
    MEMBER_STATES,
    Party,
    PartyKind,
    PartyRegistry,
)

PROTOCOL = "BE BG CZ DK DE EE IE EL ES FR HR IT CY LV LT LU HU MT NL AT PL PT RO SI SK FI SE".split()
# Spanish protocol names from the Interinstitutional Style Guide (council-conventions.md §3).
ES_NAMES = (
    "Bélgica, Bulgaria, Chequia, Dinamarca, Alemania, Estonia, Irlanda, Grecia, España, Francia, "
    "Croacia, Italia, Chipre, Letonia, Lituania, Luxemburgo, Hungría, Malta, Países Bajos, Austria, "
    "Polonia, Portugal, Rumanía, Eslovenia, Eslovaquia, Finlandia, Suecia"
).split(", ")


def test_counts_and_kinds():
    registry = PartyRegistry()
    assert len(registry.of_kind(PartyKind.MEMBER_STATE)) == 27
    assert len(CELAC_STATES) == len(set(CELAC_STATES)) == 33
    assert {"EU", "CELAC", "CLASI", "CARICOM"} <= {p.code for p in registry.of_kind(PartyKind.GROUP)}
    assert {"PRES", "COM", "EEAS", "GSC"} == {p.code for p in registry.of_kind(PartyKind.INSTITUTION)}
    assert not set(MEMBER_STATES) & set(CELAC_STATES)


def test_spanish_names_match_the_style_guide():
    registry = PartyRegistry()
    assert [registry.name(code, "es") for code in PROTOCOL] == ES_NAMES


def test_names_in_english_spelled_out():
    registry = PartyRegistry()
    assert registry.name("EL", "en") == "Greece"
    assert registry.name("NL", "en") == "Netherlands"
    assert registry.name("LC", "en") == "Saint Lucia"
    assert registry.name("AG", "en") == "Antigua and Barbuda"
    assert registry.name("MX", "es") == "México"


def test_institution_and_group_names_come_from_the_export_catalog():
    registry = PartyRegistry()
    assert registry.name("COM", "en") == "Commission"
    assert registry.name("COM", "es") == "Comisión"
    assert registry.name("GSC", "es") == "Secretaría General del Consejo"
    assert registry.name("CELAC", "es") == "Comunidad de Estados Latinoamericanos y Caribeños"


def test_member_states_sort_in_protocol_order_whatever_the_input():
    registry = PartyRegistry()
    shuffled = PROTOCOL[:]
    random.Random(4).shuffle(shuffled)
    assert registry.protocol_order(shuffled) == PROTOCOL
    assert registry.protocol_order(shuffled, "es") == PROTOCOL


def test_mixed_order_states_then_groups_then_institutions():
    registry = PartyRegistry()
    codes = ["COM", "CELAC", "PE", "hu", "BR", "EU", "BE", "AR", "HU", "ZZ"]
    assert registry.protocol_order(codes, "en") == [
        "BE", "HU", "AR", "BR", "PE", "EU", "CELAC", "COM", "ZZ",
    ]


def test_other_states_alphabetical_in_the_export_language():
    registry = PartyRegistry()
    # Mexico/México, Belize/Belice, Haiti/Haití, Suriname/Surinam; Spanish "Santa Lucía" vs
    # English "Saint Lucia" against "San Vicente" / "Saint Vincent".
    codes = ["VC", "LC", "MX", "BZ"]
    assert registry.protocol_order(codes, "en") == ["BZ", "MX", "LC", "VC"]
    assert registry.protocol_order(codes, "es") == ["BZ", "MX", "VC", "LC"]


def test_user_added_party():
    registry = PartyRegistry()
    registry.add(Party("amb", PartyKind.STATE, name_en="Amberland", name_es="Ambria"))
    assert "AMB" in registry
    assert registry.name("AMB", "es") == "Ambria"
    assert registry.protocol_order(["AMB", "BE", "AR"], "en") == ["BE", "AMB", "AR"]
    with pytest.raises(ValueError):
        registry.add(Party("BE", PartyKind.STATE, name_en="Another Belgium"))


def test_labels_in_lists():
    registry = PartyRegistry()
    assert registry.label("EL", "es") == "EL"
    assert registry.label("BR", "es") == "Brasil"
    assert registry.label("COM", "es") == "Comisión"
    assert registry.label("CELAC", "es") == "CELAC"
