"""Impersonal subjects (transforms.quotes.impersonal_subjects): `it is hard to say ...` reports what
nobody in particular says, so its statement has no speaker."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.transforms.quotes.mentions import entities
from transforms.quotes import INDIRECT, field_quotes
from transforms.quotes.impersonal_subjects import has_impersonal_subject

MERIDIAN = ("Meridian", "ORG", ["Meridian"])


def _rows(nlp: Language, text: str) -> dict[str, tuple[str, str | None]]:
    doc = nlp(text)
    rows = field_quotes("body", doc, entities({"body": doc}, MERIDIAN))
    return {q.cue: (q.text, q.speaker) for q in rows if q.quote_type == INDIRECT}


@pytest.mark.parametrize(
    ("sentence", "cue", "content"),
    [
        ("It is difficult to predict how the voters will react.", "predict", "how the voters will react"),
        ("That is not to suggest that the plan failed.", "suggest", "the plan failed"),
        ("It is worth noting that the vote was close.", "note", "the vote was close"),
        ("It is too soon to say how the voters will react.", "say", "how the voters will react"),
    ],
)
def test_an_impersonal_subject_is_nobody(nlp: Language, sentence: str, cue: str, content: str) -> None:
    assert _rows(nlp, sentence)[cue] == (content, None)


def test_a_named_subject_of_the_copula_still_speaks(nlp: Language) -> None:
    assert _rows(nlp, "Meridian is eager to say the plan worked.")["say"] == ("the plan worked", "Meridian")


@pytest.mark.parametrize(
    ("sentence", "verb", "expected"),
    [
        ("It is difficult to predict how the voters will react.", "predict", True),
        ("It is worth noting that the vote was close.", "noting", True),
        # a verb with a subject of its own, or a subject that names someone
        ("It said that the vote was close.", "said", False),
        ("Meridian is eager to say the plan worked.", "say", False),
        # a relative `that` stands for its noun
        ("The group that is eager to say the plan worked met on Monday.", "say", False),
    ],
)
def test_has_impersonal_subject(nlp: Language, sentence: str, verb: str, expected: bool) -> None:
    doc = nlp(sentence)
    assert has_impersonal_subject(next(t for t in doc if t.text == verb)) is expected


def test_a_participle_that_goes_on_with_the_outer_attribution_is_not_impersonal(nlp: Language) -> None:
    doc = nlp("Owen Tabb insisted it was premature to back the plan while adding that the port needs money.")
    assert not has_impersonal_subject(next(t for t in doc if t.text == "adding"))
