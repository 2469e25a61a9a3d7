"""Stances whose cue is an adjective (transforms.quotes.reported_adjectives). Sentences written for
these tests (fictional people)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Token

from transforms.quotes.context import FieldContext
from transforms.quotes.reported import reported_statements
from transforms.quotes.reported_adjectives import adjective_statements

Context = Callable[..., FieldContext]
OWEN = ("Owen Tabb", "PERSON", ["Owen Tabb", "Tabb"])


def word(ctx: FieldContext, text: str) -> Token:
    return next(t for t in ctx.doc if t.text == text)


@pytest.mark.parametrize(
    ("text", "adjective", "expected"),
    [
        ("Owen Tabb was critical of the harbour plan.", "critical", ("the harbour plan", "critical", "of")),
        ("Owen Tabb is confident that the levy will pass.", "confident", ("the levy will pass", "confident",
                                                                          "clause")),
        ("Owen Tabb seemed eager to leave the council.", "eager", ("to leave the council", "eager", "infinitive")),
        ("Owen Tabb remains skeptical about the new bridge.", "skeptical", ("the new bridge", "skeptical", "about")),
    ],
)
def test_an_adjectives_complement_with_the_verbs_subject_as_source(
    context: Context, text: str, adjective: str, expected: tuple[str, str, str]
) -> None:
    ctx = context(text, OWEN)
    statements = list(adjective_statements(ctx, word(ctx, adjective)))
    assert [(ctx.text[s.start : s.end], s.cue, s.complement) for s in statements] == [expected]
    assert statements[0].cue_class == "belief"
    assert statements[0].attribution is not None and statements[0].attribution.speaker == "Owen Tabb"
    assert any((s.start, s.end) == (statements[0].start, statements[0].end) for s in reported_statements(ctx))


def test_an_adjective_that_only_describes_a_noun_is_no_cue(context: Context) -> None:
    ctx = context("The critical report of the harbour board was late.", OWEN)
    assert list(adjective_statements(ctx, word(ctx, "critical"))) == []


def test_a_complement_the_table_does_not_give_is_no_content(context: Context) -> None:
    ctx = context("Owen Tabb was critical in the debate.", OWEN)
    assert list(adjective_statements(ctx, word(ctx, "critical"))) == []


def test_an_adjective_without_a_subject_gives_nothing(context: Context) -> None:
    ctx = context("Be critical of the harbour plan.", OWEN)
    assert list(adjective_statements(ctx, word(ctx, "critical"))) == []
