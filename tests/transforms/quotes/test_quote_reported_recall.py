"""Reported speech constructions of issue #19 that the first rules missed (transforms.quotes.reported,
reported_span): one test per construction, on sentences written for them (fictional people)."""

from __future__ import annotations

import pytest

from tests.transforms.quotes.test_quote_reported import Quotes, by_cue, indirect, quotes  # noqa: F401


@pytest.mark.parametrize(
    ("sentence", "cue", "content"),
    [
        ("Owen Tabb supported Mara Lindqvist in the primary.", "support", "Mara Lindqvist in the primary"),
        ("Owen Tabb pledged his vote to Mara Lindqvist.", "pledge", "his vote to Mara Lindqvist"),
    ],
)
def test_an_object_completed_by_an_unlisted_preposition_is_the_objects_statement(
    quotes: Quotes, sentence: str, cue: str, content: str  # noqa: F811
) -> None:
    """`X backed Y by 20 points`: a verb that attributes its object still does when a preposition
    the table does not list for it completes the object; the content is the object with it."""
    q = by_cue(quotes(sentence), cue)
    assert q.text == content
