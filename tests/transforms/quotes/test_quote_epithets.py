"""Epithets as speakers (transforms.quotes.epithets; issue 20, kind 7): `the 22-year-old said`, `the
defender added`, `the Frenchman`, `the prime minister said` resolve to the one person the article
introduced so, else stay the description. The people are fictional."""

from __future__ import annotations

from tests.transforms.newsroom import quote, run
from transforms.quotes.epithets import Description, parse_epithet


def test_parse_epithet_reads_age_role_nationality_and_former() -> None:
    assert parse_epithet("the 22-year-old") == Description(ages=(22, 22))
    assert parse_epithet("the Frenchman").nationalities == {"french"}
    d = parse_epithet("the former Scotland captain")
    assert (d.roles, d.nationalities, d.former) == ({"captain"}, {"scottish"}, True)
    assert parse_epithet("a winter break") is None and parse_epithet("the break") is None


def test_an_age_epithet_resolves_to_the_person_of_that_age(nlp) -> None:
    _, quotes = run(nlp, 'Northgate have signed defender Kofi Mensah, 22, from Eastbury. '
                         'Manager Alan Pryce, 61, was delighted.\n\n'
                         '"I have wanted to play here since I was a boy," the 22-year-old said.')
    q = quote(quotes, "I have wanted")
    assert (q.speaker, q.speaker_mention) == ("Kofi Mensah", "the 22-year-old")
    assert q.speaker_entity_id is not None


def test_a_position_epithet_resolves_to_the_one_player_in_that_position(nlp) -> None:
    _, quotes = run(nlp, 'Eastbury beat Northgate with goals from striker Ivo Banes and midfielder Rory Clegg.\n\n'
                         '"We pressed them all afternoon," the midfielder added.')
    assert quote(quotes, "We pressed them").speaker == "Rory Clegg"


def test_a_nationality_epithet_resolves_to_the_one_person_of_that_nationality(nlp) -> None:
    _, quotes = run(nlp, 'Eastbury signed Spanish winger Pablo Ortega and English defender Sam Hale on Monday.\n\n'
                         '"It is a big step for me," the Spaniard said.')
    assert quote(quotes, "It is a big step").speaker == "Pablo Ortega"


def test_a_role_epithet_resolves_to_the_person_with_that_title(nlp) -> None:
    _, quotes = run(nlp, 'Prime Minister Jane Holloway met Finance Minister Tom Reyes on Monday.\n\n'
                         '"We have a plan and we will stick to it," the prime minister said.')
    assert quote(quotes, "We have a plan").speaker == "Jane Holloway"


def test_an_epithet_that_fits_two_people_stays_the_description(nlp) -> None:
    _, quotes = run(nlp, 'Eastbury fielded defender Ivo Banes and defender Rory Clegg.\n\n'
                         '"We defended well," the defender said.')
    q = quote(quotes, "We defended well")
    assert (q.speaker, q.speaker_entity_id) == ("the defender", None)


def test_an_epithet_nobody_was_introduced_with_stays_the_description(nlp) -> None:
    _, quotes = run(nlp, 'Club chairman Neil Ambrose, 58, confirmed the deal on Monday.\n\n'
                         '"The fans deserve better," the teenager said.')
    assert quote(quotes, "The fans deserve").speaker == "the teenager"


def test_a_description_fitting_nobody_keeps_the_person_the_parse_found(nlp) -> None:
    _, quotes = run(nlp, 'The coroner, Dr Miriam Salt, said the death raised "grave concerns" about the ward.')
    assert quote(quotes, "grave concerns").speaker == "Miriam Salt"
