"""Phrasal cues (transforms.quotes.phrasal_cues): a verb with its particle attributes its complement
where the table lists the phrase, on sentences written for them (fictional people)."""

from __future__ import annotations

import pytest

from tests.transforms.quotes.test_quote_reported import Quotes, by_cue, indirect, quotes  # noqa: F401


@pytest.mark.parametrize(
    ("sentence", "cue", "content", "speaker"),
    [
        ("Owen Tabb laid out his plan for the harbour.", "lay out", "his plan for the harbour", "Owen Tabb"),
        ("Mara Lindqvist singled out the ferry company for blame.", "single out",
         "the ferry company for blame", "Mara Lindqvist"),
        ("Owen Tabb walked back his remarks about the levy.", "walk back", "his remarks about the levy",
         "Owen Tabb"),
        ("Mara Lindqvist fired back at her critics.", "fire back", "her critics", "Mara Lindqvist"),
    ],
)
def test_a_verb_with_its_particle_attributes_its_complement(
    quotes: Quotes, sentence: str, cue: str, content: str, speaker: str  # noqa: F811
) -> None:
    """`laid out a plan`, `singled out X for`, `walked back his remarks`, `fired back at` (the parse's
    adverb standing for the particle): the phrase is the cue and the subject the source."""
    q = by_cue(quotes(sentence), cue)
    assert (q.text, q.speaker) == (content, speaker)


def test_the_verb_with_another_particle_cues_nothing(quotes: Quotes) -> None:  # noqa: F811
    """`laid off forty workers`: only the listed phrase is a cue, not the verb."""
    assert not indirect(quotes("Owen Tabb laid off forty workers at the shipyard.")), "laid off"


def test_a_verb_cue_with_an_unlisted_particle_keeps_its_own_line(quotes: Quotes) -> None:  # noqa: F811
    """`pointed out that ...`: `point` is a cue of its own; the particle changes nothing."""
    q = by_cue(quotes("Mara Lindqvist pointed out that the bridge is old."), "point")
    assert (q.text, q.speaker) == ("the bridge is old", "Mara Lindqvist")


@pytest.mark.parametrize(
    ("sentence", "cue", "content", "speaker"),
    [
        ("Owen Tabb took aim at the harbour authority.", "take aim", "the harbour authority", "Owen Tabb"),
        ("Mara Lindqvist took issue with the ferry report.", "take issue", "the ferry report", "Mara Lindqvist"),
        ("Owen Tabb took a swipe at his rivals on the council.", "take swipe", "his rivals on the council",
         "Owen Tabb"),
    ],
)
def test_a_verb_with_its_object_noun_attributes_the_nouns_prepositional_object(
    quotes: Quotes, sentence: str, cue: str, content: str, speaker: str  # noqa: F811
) -> None:
    """`took aim at X`, `took issue with X`, `took a swipe at X`: a support verb with its object noun
    is the cue; the content is the preposition's object, whether the parse hangs the preposition on
    the noun or on the verb."""
    q = by_cue(quotes(sentence), cue)
    assert (q.text, q.speaker) == (content, speaker)


def test_the_verb_with_another_object_cues_nothing(quotes: Quotes) -> None:  # noqa: F811
    """`took a ferry to the island`: only the listed object noun makes `take` a cue."""
    assert not indirect(quotes("Mara Lindqvist took a ferry to the island.")), "took a ferry"
