"""An `as` phrase after a preposition's object that the parse hangs on the reporting verb completes the
content (transforms.quotes.reported): `refers to the council as "the old guard"`."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.transforms.quotes.mentions import OWEN, reported_rows


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ('Owen Tabb often refers to the council as "the old guard."', "refer", 'the council as "the old guard."'),
        ("Owen Tabb focused on the harbour as his signature issue.", "focus", "the harbour as his signature issue"),
        ('Owen Tabb has referred to him as a "reformer."', "refer", 'him as a "reformer."'),
    ],
)
def test_an_as_phrase_completes_a_prepositions_object(nlp: Language, text: str, cue: str, content: str) -> None:
    assert (cue, content, "Owen Tabb") in reported_rows(nlp, text, OWEN)
