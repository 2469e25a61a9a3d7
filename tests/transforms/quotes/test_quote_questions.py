"""Questions put to the addressee (transforms.quotes.questions): `Do you think ...?` reports nobody's
statement; a question about a third party keeps its row."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.transforms.quotes.mentions import entities
from transforms.quotes import INDIRECT, field_quotes
from transforms.quotes.questions import asks_the_addressee

OWEN = ("Owen Tabb", "PERSON", ["Owen Tabb", "Tabb"])


def _indirect(nlp: Language, text: str) -> list[tuple[str, str | None, str | None]]:
    doc = nlp(text)
    rows = field_quotes("body", doc, entities({"body": doc}, OWEN))
    return [(q.text, q.speaker, q.cue) for q in rows if q.quote_type == INDIRECT]


@pytest.mark.parametrize(
    "text",
    [
        "Do you think the bridge will open in May?",
        "Would you support a new tax on fuel?",
        "The pollster asked: Do you believe the council has a plan?",
    ],
)
def test_a_question_to_the_addressee_states_nothing(nlp: Language, text: str) -> None:
    assert not [row for row in _indirect(nlp, text) if row[2] in ("think", "support", "believe")]


def test_a_statement_by_you_and_a_question_about_someone_keep_their_rows(nlp: Language) -> None:
    assert ("the bridge will open in May", "Owen Tabb", "say") in _indirect(
        nlp, "Did Owen Tabb say the bridge will open in May?")
    assert _indirect(nlp, "You said the bridge would open in May.")[0][0] == "the bridge would open in May"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Do you think the bridge will open?", True),
        ("Do you think the bridge will open?\u201d", True),  # a closing quotation mark aside
        ("You think the bridge will open.", False),
        ("Does Owen Tabb think the bridge will open?", False),
    ],
)
def test_asks_the_addressee(nlp: Language, sentence: str, expected: bool) -> None:
    doc = nlp(sentence)
    assert asks_the_addressee(next(t for t in doc if t.lemma_ == "think")) is expected


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Reporters asked whether Tabb would support the plan.", "support"),
        ("It is unclear whether the council will accept the offer.", "accept"),
        ("The debate over whether the city should accept the offer went on.", "accept"),
    ],
)
def test_a_cue_in_an_open_question_states_nothing(nlp: Language, text: str, cue: str) -> None:
    assert all(row_cue != cue for _, _, row_cue in _indirect(nlp, text))


def test_the_asking_keeps_its_row(nlp: Language) -> None:
    rows = _indirect(nlp, "Reporters asked whether Tabb would support the plan.")
    assert ("whether Tabb would support the plan", "ask") in [(text, cue) for text, _, cue in rows]


def test_a_statement_without_whether_keeps_its_row(nlp: Language) -> None:
    assert _indirect(nlp, "Tabb said the council will accept the offer.") == [
        ("the council will accept the offer", "Owen Tabb", "say")]


@pytest.mark.parametrize(
    "text",
    [
        "Owen Tabb did not say whether.",
        "Owen Tabb would not say whether or not.",
        "Owen Tabb would not say if.",
    ],
)
def test_a_question_left_out_after_its_opener_gives_no_row(nlp: Language, text: str) -> None:
    """`did not say whether.`: the clause is left out, and `whether` alone is no content."""
    assert _indirect(nlp, text) == []


def test_a_whether_clause_with_words_keeps_its_row(nlp: Language) -> None:
    assert ("whether or not the levy passed", "Owen Tabb", "say") in _indirect(
        nlp, "Owen Tabb did not say whether or not the levy passed.")
