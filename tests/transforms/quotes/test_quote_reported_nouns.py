"""Reported statements whose cue is not a verb (transforms.quotes.reported_nouns): `according to X`
and attribution nouns. Sentences written for these tests (fictional people and bodies)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Token

from transforms.quotes.context import FieldContext
from transforms.quotes.reported_nouns import according_to, noun_object_statements, noun_statements
from transforms.quotes.types import Statement

Context = Callable[..., FieldContext]
OWEN = ("Owen Tabb", "PERSON", ["Owen Tabb", "Tabb"])


def word(ctx: FieldContext, text: str) -> Token:
    return next(t for t in ctx.doc if t.text == text)


def found(ctx: FieldContext, statements: list[Statement]) -> list[tuple[str, str, str | None]]:
    return [
        (ctx.text[s.start : s.end], s.cue, s.attribution.speaker if s.attribution else None) for s in statements
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The pier lost 37 boats, the marina had 36 left and the quay kept 13, according to Owen Tabb.",
        "The harbour board hid the rust in 2010 and its engineers covered up the damage, according to Owen Tabb.",
    ],
)
def test_according_to_after_coordinated_clauses_attributes_them_all(context: Context, text: str) -> None:
    """`A, B and C, according to X`: the parse hangs the phrase on the last clause, but X stands for all."""
    ctx = context(text, OWEN)
    got = found(ctx, list(according_to(ctx, word(ctx, "according"))))
    assert got == [(text[: text.index(", according")], "according to", "Owen Tabb")]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # the writer's comment after the phrase
        ("Ferry traffic rose 12 percent last year, according to the harbour office, the largest rise in a decade.",
         "Ferry traffic rose 12 percent last year"),
        ("The levy passed easily, according to Owen Tabb, even as the council protested.", "The levy passed easily"),
        # the clause goes on after the phrase: its reason is the source's too
        ("The levy is fair, according to Owen Tabb, because the harbour needs repairs.",
         "The levy is fair, according to Owen Tabb, because the harbour needs repairs"),
    ],
)
def test_according_to_inside_its_clause_ends_it_unless_the_clause_goes_on(context: Context, text: str,
                                                                          content: str) -> None:
    """`A, according to X, the largest rise in a decade`: what follows a phrase after the clause's verb is the
    writer's comment, unless it completes the verb (an object, a complement, a reason)."""
    ctx = context(text, OWEN)
    got = found(ctx, list(according_to(ctx, word(ctx, "according"))))
    assert [c for c, _, _ in got] == [content]


def test_according_to_either_side_of_its_clause(context: Context) -> None:
    for text, cue in (
        ("According to Owen Tabb, the pier will close in June.", "According"),
        ("The pier will close in June, according to Owen Tabb.", "according"),
    ):
        ctx = context(text, OWEN)
        got = found(ctx, list(according_to(ctx, word(ctx, cue))))
        assert [(c.lower(), cue, who) for c, cue, who in got] == [
            ("the pier will close in june", "according to", "Owen Tabb")
        ]


def test_according_to_with_nothing_left_to_report_is_no_statement(context: Context) -> None:
    """The phrase is the field's last words, or its whole sentence: no content, and no error."""
    for text in ("!\n\naccording to Tabb", "The pier closed.\n\nAccording to Owen Tabb", "according to Tabb"):
        ctx = context(text, OWEN)
        according = next(t for t in ctx.doc if t.lower_ == "according")
        assert found(ctx, list(according_to(ctx, according))) == []


def test_a_noun_with_a_that_clause_and_a_possessor(context: Context) -> None:
    ctx = context("Nobody believed Owen Tabb's claim that the pier was unsafe.", OWEN)
    statements = list(noun_statements(ctx, word(ctx, "claim")))
    assert found(ctx, statements) == [("the pier was unsafe", "claim", "Owen Tabb")]
    assert statements[0].complement == "noun" and statements[0].cue_class == "speech"


def test_a_noun_without_a_content_clause_gives_nothing(context: Context) -> None:
    ctx = context("Nobody believed Owen Tabb's claim.", OWEN)
    assert list(noun_statements(ctx, word(ctx, "claim"))) == []


@pytest.mark.parametrize(
    ("text", "noun", "expected"),
    [
        ("Owen Tabb's attacks on the harbour board grew sharper.", "attacks", ("the harbour board", "attack", "on")),
        ("Owen Tabb voiced support for the new levy.", "support", ("the new levy", "support", "for")),
        ("Nobody expected Owen Tabb's criticism of the pier plan.", "criticism", ("the pier plan", "criticism", "of")),
        ("Owen Tabb's praise for the ferry crews was warm.", "praise", ("the ferry crews", "praise", "for")),
    ],
)
def test_a_nouns_prepositional_object_with_a_source(
    context: Context, text: str, noun: str, expected: tuple[str, str, str]
) -> None:
    ctx = context(text, OWEN)
    statements = list(noun_object_statements(ctx, word(ctx, noun)))
    assert [(ctx.text[s.start : s.end], s.cue, s.complement) for s in statements] == [expected]
    assert statements[0].attribution is not None and statements[0].attribution.speaker == "Owen Tabb"


def test_a_nouns_prepositional_object_without_a_source_is_no_statement(context: Context) -> None:
    ctx = context("The support for the new levy grew over the summer.", OWEN)
    assert list(noun_object_statements(ctx, word(ctx, "support"))) == []


def test_a_preposition_the_table_does_not_give_is_no_content(context: Context) -> None:
    ctx = context("Owen Tabb's support in the valley grew.", OWEN)
    assert list(noun_object_statements(ctx, word(ctx, "support"))) == []
