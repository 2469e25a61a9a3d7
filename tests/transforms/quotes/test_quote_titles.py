"""Quotes nobody said (transforms.quotes.titles): titles where they stand, numbers, dates, markup."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from transforms.quotes.context import FieldContext
from transforms.quotes.titles import is_title_case, is_unspoken

Context = Callable[..., FieldContext]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Meet the Press", True),
        ("Gone with the Wind", True),
        ("Crooked Hillary", True),
        ("will never work", False),
        ("The Road Is Long And The Night Is Very Dark", False),  # more than eight words
        ("2019", False),  # no word at all
    ],
)
def test_is_title_case(text: str, expected: bool) -> None:
    assert is_title_case(text) is expected


@pytest.mark.parametrize(
    "sentence",
    [
        'Owen Tabb appeared on "Morning Valley Hour" to discuss the vote.',
        'Mara Lindqvist spoke on "Today" about the flood.',  # one word: only after `on` or `'s`
        'The film is a remake of "The Quiet Harbour" from 1962.',
        'The fund paid "12,000" to each family.',  # a number
        'The treaty was signed on "March 3, 2021" in the capital.',  # a date
        'The page held <div tweet_id="6942"> and nothing else.',  # markup left in the text
    ],
)
def test_unspoken(context: Context, sentence: str) -> None:
    assert is_unspoken(context(sentence), 0)


@pytest.mark.parametrize(
    "sentence",
    [
        'Owen Tabb called her "Crooked Hillary" at the rally.',  # a nickname a speaker used
        'Mara Lindqvist said the plan "will never work".',
        '"The Bridge Is Safe," Owen Tabb said.',  # title case, but a statement with its speaker
        'Owen Tabb called the deal "Terrible" on Monday.',  # one capitalised word: a loaded term
    ],
)
def test_spoken(context: Context, sentence: str) -> None:
    assert not is_unspoken(context(sentence), 0)
