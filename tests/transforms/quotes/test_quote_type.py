"""Quote type (transforms.quotes.quote_type): 'direct' for a whole quoted statement, 'partial' for
words quoted inside a sentence."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from transforms.quotes.context import FieldContext
from transforms.quotes.quote_type import quote_type

Context = Callable[..., FieldContext]


def types(ctx: FieldContext) -> list[str]:
    return [quote_type(ctx, raw) for raw in ctx.spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Owen Tabb said: "The county cannot pay for this."', ["direct"]),  # after a colon
        ('"We have no money left for roads," said Owen Tabb.', ["direct"]),  # opens the paragraph
        ('Owen Tabb said "We will appeal."', ["direct"]),  # right after a reporting verb's form
        ('The plan was "dead on arrival," according to Owen Tabb.', ["partial"]),  # inside a sentence
        ('Owen Tabb said the plan "will never work".', ["partial"]),  # lower case, mid-sentence
        ('Owen Tabb said, "we will appeal."', ["partial"]),  # a statement starts with a capital
        ('Tabb said: "We will appeal" and left.', ["partial"]),  # the sentence goes on after it
    ],
)
def test_quote_type(context: Context, text: str, expected: list[str]) -> None:
    assert types(context(text)) == expected


def test_a_continued_quote_may_open_its_paragraph_in_lower_case(context: Context) -> None:
    ctx = context("Tabb said: “The council has three problems.\n\n“and none of them is money.”")
    assert types(ctx) == ["direct", "direct"]
