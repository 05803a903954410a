"""Folding: typographic drift must not make a new clause; different wording must."""

from app.library.normalise import clause_key, clean_clause_text, guess_language, split_number


def test_drift_gives_the_same_key():
    base = "We recognise the “importance” of co-operation between both regions;"
    variants = [
        "7. WE RECOGNISE the \"importance\" of co\u2010operation between  both regions.",
        "- We recognise the ‘importance’ of co-operation between both regions",
        "(a) We recognise the \u201cimportance\u201d of co-operation between\u00a0both regions;",
    ]
    assert all(clause_key(variant) == clause_key(base) for variant in variants)
    assert clause_key("We recognise the importance of cooperation between both regions") != clause_key(base)
    assert clause_key("Rescisión del contrato") == clause_key("RESCISION DEL CONTRATO")


def test_paragraph_numbers_are_split_off():
    assert split_number("12. Reiterate our commitment") == ("12", "Reiterate our commitment")
    assert split_number("(b) the protection of victims") == ("b", "the protection of victims")
    assert split_number("A balanced approach") == ("", "A balanced approach")
    assert clean_clause_text("❖ Bi-regional cooperation") == "Bi-regional cooperation"


def test_language_guess():
    assert guess_language("Considerando que la libertad, la justicia y la paz en el mundo") == "es"
    assert guess_language("Whereas recognition of the inherent dignity of all members") == "en"
