"""Appositions agree in number with what they describe: one name a singular role, a list of names
a plural one (each name takes it in the singular); a phrase opening with a preposition is none."""

from __future__ import annotations


def test_a_plural_apposition_before_a_list_describes_each_name(described) -> None:
    found = described("Federal prosecutors charged two Ohio developers, Ann Quill and Roy Stamm, with fraud. "
                      '"We did nothing wrong," Quill said. "Nothing at all," Stamm said.')
    assert found["Ann Quill"][0] == "developer"
    assert found["Roy Stamm"][0] == "developer"


def test_a_plural_noun_before_one_name_is_no_apposition(described) -> None:
    found = described("She asked for bonuses to be returned by responsible managers, Jane Roe said on Monday.")
    assert found["Jane Roe"] == (None, None)


def test_a_phrase_opening_with_a_preposition_is_no_apposition(described) -> None:
    found = described("Prosecutors charged Roy Stamm, with cheating investors, the court said. "
                      '"I am innocent," Stamm said.')
    assert found["Roy Stamm"] == (None, None)


def test_a_name_after_another_without_and_is_not_a_list(described) -> None:
    found = described("An attorney for Ken Ludlow, Mark Tessier, spoke to reporters on Friday. "
                      '"The hearing was a farce," Tessier said.')
    assert found["Mark Tessier"][0] == "attorney"


def test_a_singular_apposition_still_describes_one_name(described) -> None:
    found = described('"It will pass," said Mira Holt, a spokeswoman for the Harwick Port Authority.')
    assert found["Mira Holt"] == ("spokeswoman", "Harwick Port Authority")


def test_voters_named_in_a_list_are_each_a_voter(described) -> None:
    found = described("The rally drew two young voters, Maria Lopez and James Carter, who drove from Akron. "
                      '"We came for the jobs plan," Carter said.')
    assert found["James Carter"][0] == "young voter"


def test_a_plural_apposition_after_a_list_describes_every_name_of_it(described) -> None:
    # the apposition follows the list's last name; the first names of the list take it too
    text = 'Nora Veil and Amos Crane, two Maine nurses, said "the hospital will close."'
    found = described(text)
    assert found["Nora Veil"][0] == found["Amos Crane"][0] == "nurse"
    text = 'Nora Veil, Amos Crane and Rita Osei, three local teachers, said "the school must stay open."'
    assert {described(text)[n][0] for n in ("Nora Veil", "Amos Crane", "Rita Osei")} == {"local teacher"}
    # a name with an apposition of its own in a list keeps its own
    text = 'Nora Veil, a nurse, and Amos Crane, a teacher, said "the hospital will close."'
    assert (described(text)["Nora Veil"][0], described(text)["Amos Crane"][0]) == ("nurse", "teacher")
