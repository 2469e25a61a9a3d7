"""Discourse idioms (transforms.quotes.discourse_idioms): `That said,` and `All told,` are the writer's
sentence adverbials, not statements said by `That` or `All`."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.transforms.quotes.mentions import OWEN, reported_rows


@pytest.mark.parametrize(
    "sentence",
    [
        "That said, the plan may still work.",
        "All told, five million people could be eligible for the programme.",
        "But that said, the harbour will close in May.",
    ],
)
def test_a_discourse_idiom_reports_nothing(nlp: Language, sentence: str) -> None:
    assert reported_rows(nlp, sentence, OWEN) == []


def test_the_same_verb_with_its_own_subject_still_reports(nlp: Language) -> None:
    rows = reported_rows(nlp, "Tabb said that, in his view, the vote was close.", OWEN)
    assert ("say", "in his view, the vote was close", "Owen Tabb") in rows



@pytest.mark.parametrize(
    "sentence",
    [
        "The plan failed; having said that, it may still work.",
        "The plan failed; this said, it may still work.",
        "The harbour will close: all told, five million people could be affected.",
    ],
)
def test_a_discourse_idiom_opening_a_clause_after_a_semicolon_or_colon_reports_nothing(
    nlp: Language, sentence: str,
) -> None:
    """The idiom opens the writer's next clause there as at a sentence's start: no row says `that`
    or the first clause, by `this` or `that`."""
    assert not [row for row in reported_rows(nlp, sentence, OWEN) if row[0] == "say"]


def test_a_reporting_verb_after_a_semicolon_with_its_own_subject_still_reports(nlp: Language) -> None:
    rows = reported_rows(nlp, "The vote was close; Tabb said the plan would pass.", OWEN)
    assert ("say", "the plan would pass", "Owen Tabb") in rows
