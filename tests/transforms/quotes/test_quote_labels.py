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
