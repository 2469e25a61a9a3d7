"""Where a reported content gives way to the writer (transforms.quotes.content_breaks), on sentences
written for these tests (fictional people); the contents these rules end are tested with
reported_span's tests."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Token

from transforms.quotes.content_breaks import (
    after_a_break,
    past_after_present,
    shares_auxiliary,
    third_person_subject,
    writers_clause,
)


def verb(nlp: Language, text: str, word: str) -> Token:
    return next(t for t in nlp(text) if t.text == word)


@pytest.mark.parametrize(
    ("text", "word", "shared"),
    [
        ("Owen Tabb said he would meet the board and tell them to wait.", "tell", True),
        ("Owen Tabb said he had met the board and written to the council.", "written", True),
        ("Owen Tabb said the ferry would run and praised the crews.", "praised", False),
    ],
)
def test_shares_auxiliary(nlp: Language, text: str, word: str, shared: bool) -> None:
    t = verb(nlp, text, word)
    assert t.dep_ == "conj"
    assert shares_auxiliary(t) is shared


@pytest.mark.parametrize(
    ("text", "word", "past"),
    [
        ("Owen Tabb said he earns little at the harbour and sold his boat last year.", "sold", True),
        ("Owen Tabb said the crews work hard and earn little.", "earn", False),
        ("Mara Lindqvist said she has been pleased with the crews and liked their work.", "liked", False),
    ],
)
def test_past_after_present(nlp: Language, text: str, word: str, past: bool) -> None:
    t = verb(nlp, text, word)
    assert t.dep_ == "conj"
    assert past_after_present(t) is past


def test_a_clause_about_the_source_after_a_dash(nlp: Language) -> None:
    doc = nlp("Mara Lindqvist said the board had misled the town — and she named its chairman.")
    named = next(t for t in doc if t.text == "named")
    dash_and = next(t for t in doc if t.text == "and")
    assert third_person_subject(named)
    assert after_a_break(doc[3], dash_and)
    doc = nlp("Mara Lindqvist said the board had misled the town and the mayor.")
    assert not after_a_break(doc[3], next(t for t in doc if t.text == "and"))


@pytest.mark.parametrize(
    ("text", "word", "writers"),
    [
        ("Owen Tabb said the ferry would keep running even as the council debated its future.", "debated", True),
        ("Mara Lindqvist insisted the bridge was safe although inspectors had found rust.", "found", True),
        ("Owen Tabb said the ferry would stop because the council had cut its budget.", "cut", False),
    ],
)
def test_writers_clause(nlp: Language, text: str, word: str, writers: bool) -> None:
    t = verb(nlp, text, word)
    assert t.dep_ == "advcl"
    assert writers_clause(t) is writers
