"""Passive participle clauses (transforms.quotes.passive_participles): `Asked about X, Tabb said ...`
reports a question whose asker the text does not name, so its statement has no speaker."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.transforms.quotes.mentions import entities
from transforms.quotes import INDIRECT, field_quotes
from transforms.quotes.passive_participles import is_passive_participle_clause

MARA = ("Mara Lindqvist", "PERSON", ["Mara Lindqvist", "Lindqvist"])
OWEN = ("Owen Tabb", "PERSON", ["Owen Tabb", "Tabb"])


def _rows(nlp: Language, text: str) -> dict[str, tuple[str, str | None]]:
    doc = nlp(text)
    rows = field_quotes("body", doc, entities({"body": doc}, MARA, OWEN))
    return {q.cue: (q.text, q.speaker) for q in rows if q.quote_type == INDIRECT}


@pytest.mark.parametrize(
    ("sentence", "cue", "content", "main_cue", "main"),
    [
        ("Asked whether the port would close, Owen Tabb declined to answer.",
         "ask", "whether the port would close", "decline", ("to answer", "Owen Tabb")),
        ("When pressed on the budget, Owen Tabb said the council had no plan.",
         "press", "the budget", "say", ("the council had no plan", "Owen Tabb")),
    ],
)
def test_the_asked_is_not_the_source(
    nlp: Language, sentence: str, cue: str, content: str, main_cue: str, main: tuple[str, str]
) -> None:
    rows = _rows(nlp, sentence)
    assert rows[cue] == (content, None)  # the asker is not in the text
    assert rows[main_cue] == main  # the answer is the subject's


@pytest.mark.parametrize(
    ("sentence", "verb", "expected"),
    [
        ("Asked about the bridge, Mara Lindqvist said it would open in May.", "Asked", True),
        ("When pressed on the budget, Owen Tabb said the council had no plan.", "pressed", True),
        # a clause with a subject or an auxiliary of its own acts for itself
        ("After Owen Tabb asked about the bridge, Mara Lindqvist said it would open in May.", "asked", False),
        ("Having asked about the bridge, Mara Lindqvist said it would open in May.", "asked", False),
        # a main verb is no adverbial clause
        ("Mara Lindqvist asked whether the bridge would open in May.", "asked", False),
    ],
)
def test_is_passive_participle_clause(nlp: Language, sentence: str, verb: str, expected: bool) -> None:
    doc = nlp(sentence)
    assert is_passive_participle_clause(next(t for t in doc if t.text == verb)) is expected
