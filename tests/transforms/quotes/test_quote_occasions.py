"""Phrases of occasion or time after a cue's object (transforms.quotes.occasions): `defended the plan
before a council panel` reports `the plan`; the phrase places the act. Sentences written for these
tests (fictional people)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.transforms.quotes.mentions import MARA, OWEN, reported_rows
from transforms.quotes.occasions import is_occasion_phrase


def _rows(nlp: Language, text: str) -> list[tuple[str, str, str | None]]:
    return reported_rows(nlp, text, MARA, OWEN)


@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [
        ("Owen Tabb defended the harbour plan before a council panel.", "defend", "the harbour plan", "Owen Tabb"),
        ("Mara Lindqvist denounced the ferry contract in an interview.", "denounce", "the ferry contract",
         "Mara Lindqvist"),
        ("Owen Tabb released the figures for this year.", "release", "the figures", "Owen Tabb"),
    ],
)
def test_a_phrase_of_occasion_or_time_does_not_complete_the_object(
        nlp: Language, text: str, cue: str, content: str, speaker: str) -> None:
    assert _rows(nlp, text) == [(cue, content, speaker)]


def test_a_phrase_that_completes_the_object_stays(nlp: Language) -> None:
    assert _rows(nlp, "Owen Tabb accused Lindqvist of lying.") == [("accuse", "Lindqvist of lying", "Owen Tabb")]


@pytest.mark.parametrize(
    ("text", "prep", "occasion"),
    [
        ("Tabb defended the plan before a council panel.", "before", True),
        ("Tabb defended the plan in late May.", "in", True),
        ("Tabb defended the plan on Twitter.", "on", True),
        ("Tabb defended the plan on Monday.", "on", False),  # `on` with a date mostly stays in the content
        ("Tabb sent the plan to the press.", "to", False),  # an addressee
        ("Tabb defended the plan in detail.", "in", False),
    ],
)
def test_is_occasion_phrase(nlp: Language, text: str, prep: str, occasion: bool) -> None:
    assert is_occasion_phrase(next(t for t in nlp(text) if t.text == prep)) is occasion
