"""A participle right after an object content that the parse hangs on the reporting verb
(transforms.quotes.object_participles): `decried a wave of speech spreading through the towns`."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.transforms.quotes.mentions import OWEN, reported_rows


def _rows(nlp: Language, text: str) -> list[tuple[str, str, str | None]]:
    return reported_rows(nlp, text, OWEN)


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("Owen Tabb warned against the forces of fear once again growing in the port.", "warn",
         "the forces of fear once again growing in the port"),
        ("Owen Tabb recalled his years serving on the harbour board during the strike.", "recall",
         "his years serving on the harbour board during the strike"),
        ("Owen Tabb bragged about his father teaching him how to sail when he was a boy.", "brag",
         "his father teaching him how to sail when he was a boy"),
    ],
)
def test_a_participle_after_the_object_describes_it(nlp: Language, text: str, cue: str, content: str) -> None:
    assert (cue, content, "Owen Tabb") in _rows(nlp, text)


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("Owen Tabb criticized the plan, pointing to its cost.", "criticize", "the plan"),
        ("Owen Tabb denied the report, calling it false.", "deny", "the report"),
    ],
)
def test_a_participle_after_a_comma_is_not_the_objects(nlp: Language, text: str, cue: str, content: str) -> None:
    assert (cue, content, "Owen Tabb") in _rows(nlp, text)
