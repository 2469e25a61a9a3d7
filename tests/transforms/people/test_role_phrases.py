"""A run of words read as a role and affiliation: the role head, its modifiers, the affiliation."""

from __future__ import annotations

from transforms.people.role_phrases import analyse, is_role_head


def test_role_heads_are_role_nouns_titles_and_their_plurals(nlp) -> None:
    doc = nlp("The senators and Sen. Ada Pike met the spokesman and a farmer.")
    heads = [t.text for t in doc if is_role_head(t)]
    assert heads == ["senators", "Sen.", "spokesman"]


def test_a_role_with_modifiers_and_a_for_object(nlp) -> None:
    doc = nlp("a senior spokeswoman for the Harwick Port Authority")
    d = analyse(list(doc), {}, doc)
    assert (d.role, d.affiliation) == ("senior spokeswoman", "Harwick Port Authority")


def test_a_party_word_names_its_party(nlp) -> None:
    doc = nlp("the Democratic presidential nominee")
    d = analyse(list(doc)[1:], {}, doc)
    assert (d.role, d.affiliation) == ("presidential nominee", "Democratic Party")


def test_a_place_before_an_office_is_its_body_before_an_occupation_only_where_the_person_works(described) -> None:
    found = described("Ohio Gov. Ann Quill said the plant would stay open. "
                      "Miami lawyer Roy Stamm said the plant would close.")
    assert found["Ann Quill"] == ("governor", "Ohio")
    assert found["Roy Stamm"] == ("lawyer", None)


def test_a_role_noun_used_as_an_adjective_heads_no_role(nlp) -> None:
    doc = nlp("The official Harbour News Agency said a senior official had resigned.")
    assert [t.text for t in doc if is_role_head(t)] == ["official"] and not is_role_head(doc[1])
    assert is_role_head(doc[8])  # `a senior official`: the noun
