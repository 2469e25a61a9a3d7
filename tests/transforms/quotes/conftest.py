"""Fixtures for the quote rules' tests: a FieldContext of a body text with hand-made entities.

Entities are built by hand (every occurrence of a surface form is a mention) so that these tests
pin the quote logic, not the NER. The people are fictional."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from tests.transforms.quotes.mentions import entities
from transforms.quotes import Quote, field_quotes
from transforms.quotes.context import FieldContext

# (canonical name, label, surface forms)
Spec = tuple[str, str, list[str]]
Context = Callable[..., FieldContext]


@pytest.fixture(scope="module")
def context(nlp: Language) -> Context:
    """A FieldContext for one body text, with the given entities (specs) mentioned in it."""

    def build(text: str, *specs: Spec) -> FieldContext:
        doc = nlp(text)
        return FieldContext("body", doc, entities({"body": doc}, *specs))

    return build


@pytest.fixture(scope="module")
def body_rows(nlp: Language) -> Callable[..., list[Quote]]:
    """field_quotes' rows for one body text with the given entities (specs) mentioned in it, each row
    checked against the invariant `text = field_text[char_start:char_end]`."""

    def run(text: str, *specs: Spec) -> list[Quote]:
        doc = nlp(text)
        rows = field_quotes("body", doc, entities({"body": doc}, *specs))
        assert all(q.text == text[q.char_start : q.char_end] for q in rows), rows
        return rows

    return run
