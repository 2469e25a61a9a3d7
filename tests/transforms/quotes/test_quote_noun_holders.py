"""Holders of an attribution noun's statement (transforms.quotes.noun_holders): `entered the debate with
an argument that ...`, `in hopes that ...`, `have an argument that ...` -> the verb's subject."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.transforms.quotes.mentions import entities
from transforms.quotes import INDIRECT, field_quotes
from transforms.quotes.noun_holders import HOLDER_PREPOSITIONS, HOLDING_VERBS, holder_verb

TABB = ("Owen Tabb", "PERSON", ["Owen Tabb", "Tabb"])


def _statements(nlp: Language, text: str) -> dict[str, tuple[str | None, str | None]]:
    doc = nlp(text)
    rows = field_quotes("body", doc, entities({"body": doc}, TABB))
    return {q.text: (q.cue, q.speaker) for q in rows if q.quote_type == INDIRECT}


@pytest.mark.parametrize(
    ("sentence", "content", "cue"),
    [
        ("Tabb entered the debate with a forceful argument that the race is now a two-man contest.",
         "the race is now a two-man contest", "argument"),
        ("Tabb stayed in the race in hopes that the other candidates would fade.",
         "the other candidates would fade", "hope"),
        ("Tabb has a decent argument that the council has been taken over by its fringe.",
         "the council has been taken over by its fringe", "argument"),
        ("Tabb veered close to an admission that the port had been sold.", "the port had been sold", "admission"),
    ],
)
def test_the_subject_of_the_verb_holds_the_noun_s_statement(
    nlp: Language, sentence: str, content: str, cue: str
) -> None:
    assert _statements(nlp, sentence)[content] == (cue, "Owen Tabb")


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        # a preposition of concession or cause names other people's statements
        ("Despite complaints that he is a quixotic crusader, Tabb has found ways to press his agenda.",
         "he is a quixotic crusader"),
        # a verb that takes up someone else's statement
        ("Tabb investigated complaints that the port had been sold.", "the port had been sold"),
    ],
)
def test_no_holder_for_others_statements(nlp: Language, sentence: str, content: str) -> None:
    assert _statements(nlp, sentence)[content][1] is None


def test_holder_verb_and_its_word_lists(nlp: Language) -> None:
    doc = nlp("Tabb entered the debate with an argument that the race is over.")
    assert holder_verb(next(t for t in doc if t.text == "argument")).text == "entered"
    doc = nlp("Despite complaints that the race is over, Tabb stayed.")
    assert holder_verb(next(t for t in doc if t.text == "complaints")) is None
    assert {"with", "in"} <= HOLDER_PREPOSITIONS and not {"despite", "amid", "over"} & HOLDER_PREPOSITIONS
    assert "have" in HOLDING_VERBS and not {"investigate", "reject"} & HOLDING_VERBS
