"""Parties typed in a box, read the same way by the command line and the dialogs."""

from app.importer.brackets import typed_alternative
from app.model.brackets import Alternative
from app.model.parties import Party, PartyKind, PartyRegistry
from app.model.party_input import typed_codes, unknown_parties_sentence


def test_codes_in_any_case_and_full_names_become_codes():
    registry = PartyRegistry()
    assert typed_codes(registry, "fr, ES; Hungary, Hungría, celac, Presidency, fr") == (
        ["FR", "ES", "HU", "CELAC", "PRES"], [])
    assert typed_codes(registry, "FR, xx, Atlantis") == (["FR"], ["xx", "Atlantis"])
    assert typed_codes(registry, " , ") == ([], [])


def test_a_party_added_to_the_draft_is_known_by_code_and_name():
    registry = PartyRegistry([Party("UA", PartyKind.STATE, name_en="Ukraine")])
    assert typed_codes(registry, "ua, Ukraine") == (["UA"], [])


def test_sentence_lists_close_codes_then_the_drafts_parties_cut_with_an_ellipsis():
    registry = PartyRegistry()
    assert unknown_parties_sentence(registry, ["XX"], ["FR", "CELAC", "ES"]) == (
        "“XX” is not a delegation of this draft; known: ES, FR, CELAC, BE, BG, CZ, DK, DE …")
    # "FX" is near FR and FI, "Atl" near the codes in A: they come before the draft's own
    assert unknown_parties_sentence(registry, ["FX", "Atl"], ["HU"]) == (
        "“FX”, “Atl” are not delegations of this draft; known: FR, AT, FI, AG, AR, HU, BE, "
        "BG …")


def test_an_alternatives_parentheses_name_its_proponents_in_any_case():
    registry = PartyRegistry()
    assert typed_alternative(registry, "promote (celac, Hungary)") == (
        Alternative("promote", ["CELAC", "HU"]), [])
    assert typed_alternative(registry, "delete (hu)") == (Alternative("", ["HU"]), [])
    assert typed_alternative(registry, "promote (XX)") == (Alternative("promote", []), ["XX"])
    assert typed_alternative(registry, "promote (FR and ES)") == (
        Alternative("promote", ["FR", "ES"]), [])
    # parentheses that are not parties stay words
    assert typed_alternative(registry, "the rule of law (and order)") == (
        Alternative("the rule of law (and order)", []), [])
