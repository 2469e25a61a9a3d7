"""Cues of the attribution tables beyond the reporting verbs: verbs, nouns and adjectives of saying,
believing and showing (attribution_cues.tsv, attribution_noun_objects.tsv, attribution_adjectives.tsv),
on sentences written for them (fictional people)."""

from __future__ import annotations

import pytest

from tests.transforms.quotes.test_quote_reported import Quotes, by_cue, quotes  # noqa: F401


@pytest.mark.parametrize(
    ("sentence", "cue", "content", "speaker"),
    [
        ("Lindqvist credited the volunteers with the rescue.", "credit", "the volunteers with the rescue",
         "Mara Lindqvist"),
        ("Owen Tabb foresees a long fight over the budget.", "foresee", "a long fight over the budget", "Owen Tabb"),
        ("Mara Lindqvist regards the levy as a mistake.", "regard", "the levy as a mistake", "Mara Lindqvist"),
        ("Owen Tabb's proposal to close the harbour drew protests.", "proposal", "to close the harbour",
         "Owen Tabb"),
        ("Mara Lindqvist has been vocal about the new levy.", "vocal", "the new levy", "Mara Lindqvist"),
    ],
)
def test_a_verb_noun_or_adjective_of_saying_or_stance_attributes_its_complement(
    quotes: Quotes, sentence: str, cue: str, content: str, speaker: str  # noqa: F811
) -> None:
    """`credited X with Y`, `foresees X`, `regards X as Y`, `X's proposal to ...`, `vocal about X`:
    the complement the table lists for the cue is its subject's (or possessor's) statement."""
    q = by_cue(quotes(sentence), cue)
    assert (q.text, q.speaker) == (content, speaker)
