"""A statement's role and affiliation: at the attribution, else the person's earlier description."""

from __future__ import annotations


def test_a_later_short_name_takes_the_persons_earlier_description(described) -> None:
    text = ("Kremlin spokesman Dmitry Peskov said on Monday that the talks had begun.\n\n"
            'The leaders would ignore the warnings, Peskov told reporters. "This is normal," he said.')
    assert described(text) == {"Dmitry Peskov": ("spokesman", "Kremlin")}


def test_the_description_at_the_attribution_outranks_an_earlier_one(people) -> None:
    text = ("Jeh Johnson, the Homeland Security Secretary, said hackers were active.\n\n"
            '"We are ready," said Jeh Johnson, a former general counsel of the Pentagon.')
    _, quotes, facts = people(text)
    roles = [d.role for q, d in zip(quotes, facts.quotes, strict=True) if q.speaker == "Jeh Johnson"]
    assert roles[0] == "secretary" or roles[0] == "homeland security secretary"
    assert roles[-1] == "former general counsel"


def test_a_speaker_that_is_not_a_person_gets_no_role(described) -> None:
    assert described("The Kremlin said the leaders would meet.") == {"Kremlin": (None, None)}


def test_an_unnamed_body_speaks_for_itself_but_an_unnamed_official_has_an_affiliation(described) -> None:
    found = described("The city of Harwick said the port would close. "
                      "A spokeswoman for the Harwick Port Authority said the port would reopen.")
    assert found["The city of Harwick"] == (None, None)
    assert found["A spokeswoman for the Harwick Port Authority"] == ("spokeswoman", "Harwick Port Authority")


def test_a_plural_title_reaches_a_later_name_across_an_apposition(described) -> None:
    found = described("Senators Charles Whitlock, Republican of Ohio, and Peter Okafor, Democrat of Maine, "
                      "said the bill would pass.")
    assert found["Peter Okafor"] == ("senator", "Democratic Party")


def test_a_title_inside_someone_elses_quotation_ranks_below_the_articles_description(people) -> None:
    text = ("Republican vice-presidential nominee Mike Pence spoke on Sunday.\n\n"
            '"But, Governor Pence, will you debate?" the host asked.\n\n'
            '"We will debate," Pence said.')
    _, quotes, facts = people(text)
    roles = [d.role for q, d in zip(quotes, facts.quotes, strict=True) if q.speaker == "Mike Pence"]
    assert roles and set(roles) == {"vice-presidential nominee"}


def test_a_title_only_inside_a_quotation_is_still_a_role(people) -> None:
    text = '"Senator Okafor will vote for the bill," his aide said.\n\n"I will," Peter Okafor said.'
    _, quotes, facts = people(text)
    roles = [d.role for q, d in zip(quotes, facts.quotes, strict=True) if q.speaker == "Peter Okafor"]
    assert roles == ["senator"]
