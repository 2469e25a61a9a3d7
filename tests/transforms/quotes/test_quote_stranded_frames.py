"""Closing frames the parse leaves without a clause (transforms.quotes.stranded_frames): the words
before `, he said.` are still what the source said."""

from __future__ import annotations

import pytest
from spacy.language import Language

from transforms.quotes.stranded_frames import stranded_content


def _content(nlp: Language, text: str, cue: str) -> str | None:
    doc = nlp(text)
    verb = next(t for t in doc if t.text == cue)
    span = stranded_content(verb)
    return None if span is None else doc[span[0].i : span[1].i + 1].text


def test_words_before_a_closing_frame_are_its_content(nlp: Language) -> None:
    # spaCy hangs `Those` on `said` as `dep` and leaves the clause unattached
    text = "Students who borrow too much struggle for years, even with a good job, she said."
    assert _content(nlp, text, "said") == "Students who borrow too much struggle for years, even with a good job"


@pytest.mark.parametrize(
    "text",
    [
        "In a 1998 speech, Owen Tabb said: the harbour must close.",  # a phrase, not a statement
        "If the two spoke about the budget, neither side said.",  # a fronted clause, nothing said
        "Sorry, she said.",  # too short to be a statement
        "The harbour will close, Owen Tabb said, and the ferry will stop.",  # the sentence goes on
    ],
)
def test_frames_that_strand_no_statement(nlp: Language, text: str) -> None:
    assert _content(nlp, text, "said") is None


def test_a_verb_with_its_own_clause_is_not_stranded(nlp: Language) -> None:
    assert _content(nlp, "Owen Tabb said the harbour would close.", "said") is None
