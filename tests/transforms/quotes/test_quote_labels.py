"""Transcript labels inside quotation marks (transforms.quotes.labels): `"HOLT: ...` is the
labelled speaker's, whatever the sentence around it says. The people are fictional."""

from __future__ import annotations

from tests.transforms.newsroom import quote, run

TRANSCRIPT = ('On Sunday, Governor Maria Lopez told the host that the vote would be close.\n\n'
              'Partial transcript as follows:\n\n'
              '"HOLT: Let me start with the vote tomorrow. Will it pass?\n\n'
              '"LOPEZ: Well, look, it will be close. But the people of this state want it.\n\n'
              '"HOLT: And if it fails?\n\n'
              '"LOPEZ: Then we start again on Monday.')


def test_a_label_names_the_person_of_that_surname(nlp) -> None:
    _, quotes = run(nlp, TRANSCRIPT)
    assert quote(quotes, "LOPEZ: Well, look").speaker == "Maria Lopez"
    assert quote(quotes, "LOPEZ: Then we start").speaker == "Maria Lopez"


def test_a_label_naming_nobody_else_is_the_speaker_as_written(nlp) -> None:
    _, quotes = run(nlp, TRANSCRIPT)
    q = quote(quotes, "HOLT: Let me start")
    assert (q.speaker_mention, q.speaker_entity_id) == ("HOLT", None)
    assert q.speaker.upper() == "HOLT"


def test_a_lone_label_of_nobody_is_not_a_speaker(nlp) -> None:
    _, quotes = run(nlp, 'The mayor spoke on Friday.\n\n"UPDATE: The bridge will reopen on Monday," the city said.')
    assert quote(quotes, "UPDATE: The bridge").speaker_mention != "UPDATE"


def test_a_heading_word_in_capitals_is_not_a_speaker_where_the_sentence_names_one(nlp) -> None:
    # `NOTE:`, `WARNING:` open the quoted words of someone the sentence names: a label naming nobody
    # never outranks that, used once or twice
    _, quotes = run(nlp, 'Senator Maria Lopez spoke on Friday.\n\n"NOTE: This story has been updated," Lopez said.'
                         '\n\n"NOTE: Figures are in dollars," she said.')
    assert quote(quotes, "NOTE: This story").speaker == "Maria Lopez"
    assert quote(quotes, "NOTE: Figures").speaker == "Maria Lopez"
    _, quotes = run(nlp, 'Mayor Tom Reyes said "WARNING: do not cross the bridge," and later "WARNING: stay home."')
    assert {quote(quotes, t).speaker for t in ("WARNING: do not", "WARNING: stay")} == {"Tom Reyes"}


def test_one_repeated_label_of_nobody_is_a_heading_not_a_transcript(nlp) -> None:
    # no turns between two labels: `UPDATE:` twice is how a live page marks additions
    _, quotes = run(nlp, 'The bridge closed on Friday.\n\n"UPDATE: The bridge will reopen on Monday.\n\n'
                         '"UPDATE: Traffic is moving again.')
    assert {quote(quotes, t).speaker_mention for t in ("UPDATE: The bridge", "UPDATE: Traffic")} != {"UPDATE"}


def test_a_label_two_people_could_claim_is_as_written_not_another_turns_speaker(nlp) -> None:
    _, quotes = run(nlp, 'Ann Reyes and Tom Reyes met Chris Wallace.\n\n"WALLACE: Will you sell the farm?\n\n'
                         '"REYES: Not this year.\n\n"WALLACE: And next year?\n\n"REYES: Ask my sister.')
    assert quote(quotes, "WALLACE: And").speaker == "Chris Wallace"
    assert {(quote(quotes, t).speaker_mention, quote(quotes, t).speaker_entity_id)
            for t in ("REYES: Not", "REYES: Ask")} == {("REYES", None)}


def test_a_shouted_quotation_opening_with_a_name_is_no_turn(nlp) -> None:
    # the words after the label in capitals too: a tweet about Clinton, not her turn
    _, quotes = run(nlp, 'Hillary Clinton spoke in Ohio. Donald Trump replied on Twitter.\n\n'
                         '"CLINTON: A TOTAL DISASTER!" Trump tweeted.')
    assert quote(quotes, "CLINTON: A TOTAL").speaker == "Donald Trump"
