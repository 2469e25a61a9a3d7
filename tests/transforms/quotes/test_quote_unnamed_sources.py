"""Unnamed sources (transforms.quotes.unnamed_sources): an `it` that reads or says is a text, kept as
the speaker's words; an `it` that shows or means stays nobody."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.transforms.quotes.mentions import entities
from transforms.quotes import field_quotes
from transforms.quotes.unnamed_sources import TEXT_SPEECH_VERBS, speaking_it

MERIDIAN = ("Meridian", "ORG", ["Meridian"])


def _rows(nlp: Language, text: str) -> dict[str, tuple[str | None, str | None, str | None]]:
    doc = nlp(text)
    rows = field_quotes("body", doc, entities({"body": doc}, MERIDIAN))
    return {q.text: (q.speaker_mention, q.speaker, q.cue) for q in rows}


@pytest.mark.parametrize(
    ("text", "content", "mention", "cue"),
    [
        ('The sign went up on the road on Monday. "Stay home tonight," it read.', "Stay home tonight,", "it", "read"),
        ("The memo reached the staff on Friday. It said the port would close in June.",
         "the port would close in June", "It", "say"),
        ("The letter was short. It also declared that the port would close in June.",
         "the port would close in June", "It", "declare"),
        ('The card was in the box. At the bottom it reads, "Thank you for your support."',
         "Thank you for your support.", "it", "read"),
    ],
)
def test_an_it_that_reads_or_says_is_the_source_as_the_text_gives_it(
    nlp: Language, text: str, content: str, mention: str, cue: str
) -> None:
    assert _rows(nlp, text)[content] == (mention, None, cue)


@pytest.mark.parametrize(
    ("text", "content", "mention"),
    [
        ('"Stay home tonight," the sign read.', "Stay home tonight,", "the sign"),
        ('"Stay home tonight," reads a notice on the door of the hall.', "Stay home tonight,",
         "a notice on the door of the hall"),
        ('The notice reads: "Stay home tonight."', "Stay home tonight.", "The notice"),
    ],
)
def test_a_text_that_reads_is_a_quotation_s_speaker(nlp: Language, text: str, content: str, mention: str) -> None:
    assert _rows(nlp, text)[content][0] == mention


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The memo reached the staff on Friday. It shows that the port would close in June.",
         "the port would close in June"),
        ("It goes without saying that the port would close in June.", "the port would close in June"),
    ],
)
def test_an_it_that_shows_or_is_impersonal_stays_nobody(nlp: Language, text: str, content: str) -> None:
    assert _rows(nlp, text)[content][:2] == (None, None)


def test_a_resolved_it_keeps_its_entity(nlp: Language) -> None:
    rows = _rows(nlp, "Meridian met on Monday. It said the port would close in June.")
    assert rows["the port would close in June"][1] == "Meridian"


def test_an_it_that_reads_is_a_text_not_the_organisation_before_it(nlp: Language) -> None:
    rows = _rows(nlp, 'Meridian put up a sign on Monday. "Stay home tonight," it read.')
    assert rows["Stay home tonight,"] == ("it", None, "read")


@pytest.mark.parametrize(
    ("sentence", "word", "cue", "kept"),
    [
        ("It said the port would close.", "It", "say", True),
        ("It would say the port had closed.", "It", "say", True),
        ("It shows the port would close.", "It", "show", False),  # not a verb of saying
        ("Tabb read it aloud.", "it", "read", False),  # an object, not the subject
    ],
)
def test_speaking_it(nlp: Language, sentence: str, word: str, cue: str, kept: bool) -> None:
    doc = nlp(sentence)
    found = speaking_it(next(t for t in doc if t.text == word), cue)
    assert (found is not None) is kept
    if kept:
        assert (found.mention, found.speaker, found.entity, found.cue) == (word, None, None, cue)


def test_verbs_of_showing_are_not_text_speech_verbs() -> None:
    assert {"say", "read", "write"} <= TEXT_SPEECH_VERBS
    assert not {"show", "mean", "indicate", "suggest"} & TEXT_SPEECH_VERBS
