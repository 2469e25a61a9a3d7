"""Frames that `as` opens before their content (transforms.quotes.as_frames): `As Tabb noted, A`
reports A as Tabb's."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.transforms.quotes.mentions import OWEN, reported_rows


def _rows(nlp: Language, text: str) -> list[tuple[str, str, str | None]]:
    return reported_rows(nlp, text, OWEN)


def test_the_main_clause_after_an_as_frame_is_the_sources(nlp: Language) -> None:
    assert _rows(nlp, "As Owen Tabb noted, the harbour needs repairs before winter.") == [
        ("note", "the harbour needs repairs before winter", "Owen Tabb")
    ]



def test_an_as_frame_inside_its_statement_keeps_one_span(nlp: Language) -> None:
    assert _rows(nlp, "The harbour, as Owen Tabb noted on Tuesday, needs repairs before winter.") == [
        ("note", "The harbour, as Owen Tabb noted on Tuesday, needs repairs before winter", "Owen Tabb")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "As Owen Tabb spoke, protesters gathered outside the harbour.",  # a time, not a report
        "As Owen Tabb promised to close the harbour, the ferry stopped.",  # the frame reports its own content
    ],
)
def test_an_as_clause_that_frames_nothing(nlp: Language, text: str) -> None:
    main = text.split(", ", 1)[1].rstrip(".")
    assert all(content != main for _, content, _ in _rows(nlp, text))
