"""Passive participle clauses (transforms.quotes.passive_participles): `Asked about X, Tabb said ...`
reports a question whose asker the text does not name, so its statement has no speaker."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.transforms.quotes.mentions import entities
from transforms.quotes import INDIRECT, field_quotes
from transforms.quotes.passive_participles import REQUESTING_VERBS, is_passive_participle_clause, is_requested_act

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


def test_what_was_asked_of_the_subject_is_not_its_statement(nlp: Language) -> None:
    assert _rows(nlp, "Owen Tabb was asked to comment on the plan.")["comment"] == ("the plan", None)
    # with its agent, the asker speaks (a verb of asking: its subject's demand); a verb of causing
    # reports the subject's own act
    assert _rows(nlp, "Voters were urged by Owen Tabb to reject the plan.")["reject"] == ("the plan", "Owen Tabb")
    assert _rows(nlp, "Owen Tabb was forced to admit that the plan had failed.")["admit"] == (
        "the plan had failed", "Owen Tabb")


@pytest.mark.parametrize(
    ("sentence", "verb", "expected"),
    [
        ("Owen Tabb was asked to comment on the plan.", "comment", True),
        ("Voters were urged to reject the plan.", "reject", True),
        ("Voters were urged by Owen Tabb to reject the plan.", "reject", False),
        ("Owen Tabb asked to comment on the plan.", "comment", False),
        ("Owen Tabb was forced to admit that the plan had failed.", "admit", False),
    ],
)
def test_is_requested_act(nlp: Language, sentence: str, verb: str, expected: bool) -> None:
    doc = nlp(sentence)
    assert is_requested_act(next(t for t in doc if t.text == verb)) is expected


def test_requesting_verbs_are_no_verbs_of_causing() -> None:
    from transforms.quotes.understood_subjects import CAUSATIVE_VERBS

    assert "ask" in REQUESTING_VERBS
    assert not REQUESTING_VERBS & CAUSATIVE_VERBS
