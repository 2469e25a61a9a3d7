"""A quote's own speaker (transforms.quotes.attribution): steps 1-6 within the quote's clause."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from transforms.quotes.attribution import own_attribution, quote_window
from transforms.quotes.context import FieldContext

Context = Callable[..., FieldContext]
MARA = ("Mara Lindqvist", "PERSON", ["Mara Lindqvist", "Lindqvist"])
OWEN = ("Owen Tabb", "PERSON", ["Owen Tabb", "Tabb"])
MERIDIAN = ("Meridian", "ORG", ["Meridian"])


def speaker_and_cue(ctx: FieldContext, n: int = 0) -> tuple[str | None, str | None] | None:
    attr = own_attribution(ctx, n)
    return None if attr is None else (attr.speaker, attr.cue)


# -- the quote's clause ----------------------------------------------------------------------------


def test_window_runs_to_the_sentence_ends(context: Context) -> None:
    ctx = context('The vote failed. Owen Tabb said: "We will try again," and then he left. The end.')
    left, right = quote_window(ctx, 0)
    assert [t.text for t in left] == ["Owen", "Tabb", "said", ":"]
    assert [t.text for t in right] == ["and", "then", "he", "left", "."]  # the comma is inside the marks


def test_window_stops_at_another_quote_and_a_paragraph(context: Context) -> None:
    ctx = context('Owen Tabb said "yes" and Mara Lindqvist said "no".\n\nThe vote was held.')
    left, right = quote_window(ctx, 1)
    assert [t.text for t in left] == ["and", "Mara", "Lindqvist", "said"]
    assert [t.text for t in right] == ["."]


def test_a_quote_that_ends_its_sentence_has_no_right_side(context: Context) -> None:
    ctx = context('Tabb arrived. "We won." The crowd left early.')
    _, right = quote_window(ctx, 0)
    assert right == []


@pytest.mark.parametrize(
    ("text", "frame"),
    [
        ('Tabb arrived. "We won." Owen Tabb later wrote that the count was fair.', False),  # a statement of its own
        ('Tabb arrived. "We won." Owen Tabb reiterated his thanks on Monday.', False),
        ('Tabb arrived. "We won." Owen Tabb left the hall.', False),  # no reporting verb: a new sentence
        ('Tabb arrived. "We won." Owen Tabb said.', True),  # a bare frame
        ('Tabb arrived. "Who knows?" Owen Tabb told the station.', True),  # its object is the addressee
        ('Tabb arrived. "Who knows?" Owen Tabb questioned.', True),
    ],
)
def test_after_a_closed_quote_a_name_starts_a_new_sentence_unless_a_bare_frame(
    context: Context, text: str, frame: bool
) -> None:
    ctx = context(text, OWEN)
    _, right = quote_window(ctx, 0)
    assert bool(right) is frame


# -- steps 1-6 -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # 1. the classic frames
        ('"The bridge will open in May," Mara Lindqvist said on Monday.', ("Mara Lindqvist", "say")),
        ('"We have no money left for roads," said Owen Tabb, the county treasurer.', ("Owen Tabb", "say")),
        ('Owen Tabb said: "The county cannot pay for this."', ("Owen Tabb", "say")),
        ('The treasurer shot back: "We have no money."', ("The treasurer", "shoot")),  # any verb before `:`
        # 2. the reporting verb governing the quoted words
        ('Lindqvist says the audit means Tabb "may never have paid a cent" in rent.', ("Mara Lindqvist", "say")),
        ('Mara Lindqvist described the report as "deeply flawed".', ("Mara Lindqvist", "describe")),
        # a document's text: what it reads, also after the quote and before the document
        ('"The port must stay open," reads an editorial in the Harbour Register.',
         ("an editorial in the Harbour Register", "read")),
        ('"Vote Tabb," a banner on the town hall read.', ("a banner on the town hall", "read")),
        # 4. according to
        ('The plan was "dead on arrival," according to Owen Tabb.', ("Owen Tabb", "according to")),
        # 5. a bare name, no verb
        ('The minister "arrived in the capital on Sunday evening," the state news agency Meridian', ("Meridian", None)),
        # 6. a stance: the subject of the verb the quoted words belong to
        ('Mara Lindqvist supports "modest pay rises" for nurses.', ("Mara Lindqvist", None)),
    ],
)
def test_own_attribution(context: Context, sentence: str, expected: tuple[str, str | None]) -> None:
    assert speaker_and_cue(context(sentence, MARA, OWEN, MERIDIAN)) == expected


def test_noun_phrase_then_reporting_verb(context: Context) -> None:
    ctx = context('"We will appeal," the council\'s lawyer, Owen Tabb, tweeted.', OWEN)
    attr = own_attribution(ctx, 0)
    assert attr is not None and (attr.speaker, attr.cue) == ("Owen Tabb", "tweet")


def test_headline_name_and_colon(context: Context) -> None:
    ctx = context("Lindqvist: 'We will rebuild the bridge'", MARA)
    assert speaker_and_cue(ctx) == ("Mara Lindqvist", None)


def test_a_quote_with_no_speaker_in_its_clause(context: Context) -> None:
    ctx = context('The so-called "green corridor" was finished in 2019.', OWEN)
    assert own_attribution(ctx, 0) is None
    ctx = context('Owen Tabb spoke. "It will stay closed until spring."', OWEN)
    assert own_attribution(ctx, 0) is None  # inheritance, not its own clause, gives this one a speaker
