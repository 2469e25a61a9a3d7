"""Nested stances (transforms.quotes.nested_stances): a stance verb heading the clause another cue
reports is part of that statement and gives no row of its own."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.transforms.quotes.mentions import COUNCIL, MARA, OWEN, reported_rows


@pytest.mark.parametrize(
    ("sentence", "row"),
    [
        ("Tabb said he supports the plan.", ("say", "he supports the plan", "Owen Tabb")),
        ("The Harbour Council announced it expects a deficit.",
         ("announce", "it expects a deficit", "Harbour Council")),
        ("Lindqvist told reporters Tabb wants a recount.", ("tell", "Tabb wants a recount", "Mara Lindqvist")),
    ],
)
def test_a_stance_inside_a_report_is_part_of_it(nlp: Language, sentence: str, row: tuple[str, str, str]) -> None:
    assert reported_rows(nlp, sentence, MARA, OWEN, COUNCIL) == [row]


def test_a_speech_verb_inside_a_report_keeps_its_row(nlp: Language) -> None:
    rows = reported_rows(nlp, "Tabb said Lindqvist told him the port would close.", MARA, OWEN)
    assert ("tell", "the port would close", "Mara Lindqvist") in rows
    assert ("say", "Lindqvist told him the port would close", "Owen Tabb") in rows


def test_a_stance_of_its_own_keeps_its_row(nlp: Language) -> None:
    assert reported_rows(nlp, "Tabb supports the plan.", OWEN) == [("support", "the plan", "Owen Tabb")]
