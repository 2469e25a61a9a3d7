"""Headline-style `Says ...` (transforms.quotes.headline_subjects): the understood subject is the person
the headline names."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.transforms.quotes.mentions import entities
from transforms.quotes import INDIRECT, field_quotes

TABB = ("Owen Tabb", "PERSON", ["Owen Tabb", "Tabb"])
LINDQVIST = ("Mara Lindqvist", "PERSON", ["Mara Lindqvist", "Lindqvist"])


def _statements(nlp: Language, headline: str, field: str, text: str) -> dict[str, tuple[str | None, str | None]]:
    docs = {"headline": nlp(headline), field: nlp(text)}
    rows = field_quotes(field, docs[field], entities(docs, TABB, LINDQVIST))
    return {q.text: (q.speaker_mention, q.speaker) for q in rows if q.quote_type == INDIRECT}


@pytest.mark.parametrize("field", ["standfirst", "body"])
def test_says_without_a_subject_is_the_headline_s_person(nlp: Language, field: str) -> None:
    rows = _statements(nlp, "Port deal is his secret weapon, Tabb hints", field,
                       "Says Lindqvist would sell the port to the highest bidder.")
    assert rows["Lindqvist would sell the port to the highest bidder"] == ("Tabb", "Owen Tabb")


def test_not_past_the_body_s_first_paragraph_nor_without_a_person_in_the_headline(nlp: Language) -> None:
    text = "The port opened in May.\n\nSays Lindqvist would sell the port to the highest bidder."
    rows = _statements(nlp, "Port deal is his secret weapon, Tabb hints", "body", text)
    assert rows["Lindqvist would sell the port to the highest bidder"] == (None, None)
    rows = _statements(nlp, "Port deal is a secret weapon", "standfirst",
                       "Says Lindqvist would sell the port to the highest bidder.")
    assert rows["Lindqvist would sell the port to the highest bidder"] == (None, None)


def test_a_verb_with_its_own_subject_keeps_it(nlp: Language) -> None:
    rows = _statements(nlp, "Port deal is his secret weapon, Tabb hints", "standfirst",
                       "Lindqvist says the port would be sold to the highest bidder.")
    assert rows["the port would be sold to the highest bidder"][1] == "Mara Lindqvist"


def test_a_person_named_in_what_a_headline_says_is_not_its_speaker(nlp: Language) -> None:
    docs = {"headline": nlp("Says Lindqvist would sell the port to the highest bidder")}
    rows = field_quotes("headline", docs["headline"], entities(docs, TABB, LINDQVIST))
    said = {q.text: (q.speaker_mention, q.speaker) for q in rows if q.quote_type == INDIRECT}
    assert said["Lindqvist would sell the port to the highest bidder"] == (None, None)
