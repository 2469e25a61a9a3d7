"""Reported statements whose content is mostly quotation (transforms.quotes.quoted_content): a
statement of its own when the writer's words around the quotation say something (a subject and
verb, an object the quotation describes), the quotation's own row alone when they do not (`that`,
`to`) or when they are the quotation's frame (`she said`). Sentences written for these tests
(fictional people); entities built by hand."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.transforms.quotes.mentions import MARA, OWEN
from transforms.quotes import INDIRECT, PARTIAL, Quote
from transforms.quotes.context import FieldContext
from transforms.quotes.quoted_content import modifies_a_noun, mostly_quoted, stands_for_quotation
from transforms.quotes.types import Statement

Context = Callable[..., FieldContext]
Quotes = Callable[[str], list[Quote]]


@pytest.fixture(scope="module")
def quotes(body_rows: Callable[..., list[Quote]]) -> Quotes:
    """The rows of a body text mentioning Mara Lindqvist and Owen Tabb, invariant checked."""
    return lambda text: body_rows(text, MARA, OWEN)


def statement(text: str, content: str) -> Statement:
    start = text.index(content)
    return Statement(start, start + len(content), "say", "clause", "speech", None)


@pytest.mark.parametrize(
    ("text", "content", "quoted"),
    [
        # a subject and verb of the writer's own around a quoted predicate
        (
            'Mara Lindqvist said that Owen Tabb is a "good, decent man."',
            'Owen Tabb is a "good, decent man."',
            "good, decent man.",
        ),
        (
            'Owen Tabb said the council had been "too slow and too timid for far too long."',
            'the council had been "too slow and too timid for far too long."',
            "too slow and too timid for far too long.",
        ),
        # an object that a quoted predicate describes: `called X "a liar"`
        (
            'Mara Lindqvist called the proposal "a reckless gamble with our savings."',
            'the proposal "a reckless gamble with our savings."',
            "a reckless gamble with our savings.",
        ),
        (
            'Owen Tabb described the mayor as "a tireless worker who never sleeps."',
            'the mayor as "a tireless worker who never sleeps."',
            "a tireless worker who never sleeps.",
        ),
    ],
)
def test_the_writers_own_words_around_a_quotation_make_a_statement_that_holds_it(
    quotes: Quotes, text: str, content: str, quoted: str
) -> None:
    rows = quotes(text)
    statements = [q for q in rows if q.quote_type == INDIRECT]
    assert [q.text for q in statements] == [content], rows
    inner = [q for q in rows if q.quote_type != INDIRECT]
    assert [(q.quote_type, q.text, q.speaker) for q in inner] == [(PARTIAL, quoted, statements[0].speaker)]
    assert statements[0].speaker in ("Mara Lindqvist", "Owen Tabb")


@pytest.mark.parametrize(
    ("text", "quoted", "speaker"),
    [
        ('Mara Lindqvist said that "the ferry will not run again before the spring."',
         "the ferry will not run again before the spring.", "Mara Lindqvist"),
        ('Owen Tabb pledged to "end the strike before the harvest begins."',
         "end the strike before the harvest begins.", "Owen Tabb"),
    ],
)
def test_only_function_words_outside_the_quotation_leave_the_quotations_row_alone(
    quotes: Quotes, text: str, quoted: str, speaker: str
) -> None:
    rows = quotes(text)
    assert [(q.text, q.speaker) for q in rows] == [(quoted, speaker)], rows
    assert rows[0].quote_type != INDIRECT


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # the quotation's own frame among the words outside it
        ('Instead, Owen Tabb said, "the bridge was never safe and never will be."',
         'Instead, Owen Tabb said, "the bridge was never safe and never will be."'),
        ('"The bridge was never safe and never will be," Mara Lindqvist said',
         '"The bridge was never safe and never will be," Mara Lindqvist said'),
        # nothing but `that` outside it
        ('Tabb said that "the bridge was never safe and never will be."',
         'that "the bridge was never safe and never will be."'),
    ],
)
def test_a_statement_that_is_its_quotation_told_again_stands_for_nothing(
    context: Context, text: str, content: str
) -> None:
    ctx = context(text, MARA, OWEN)
    assert stands_for_quotation(ctx, statement(text, content))


@pytest.mark.parametrize(
    ("text", "content", "mostly"),
    [
        ('Tabb said the council had been "too slow and too timid for far too long."',
         'the council had been "too slow and too timid for far too long."', True),
        ('Tabb said the council, which meets on Mondays, had been "too slow" on housing.',
         'the council, which meets on Mondays, had been "too slow" on housing', False),
    ],
)
def test_a_content_the_writers_words_dominate_is_always_a_statement(
    context: Context, text: str, content: str, mostly: bool
) -> None:
    ctx = context(text, OWEN)
    s = statement(text, content)
    assert mostly_quoted(ctx, s) is mostly
    assert not stands_for_quotation(ctx, s)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ('Owen Tabb rejected the union\'s "final offer" demand on Monday.', True),
        ('Mara Lindqvist criticized the "fair share" plan in her speech.', True),
        ('Mara Lindqvist called the plan "a disgrace to the town."', False),
        ('Owen Tabb said the plan was "dead on arrival" in the council.', False),
    ],
)
def test_a_quotation_that_qualifies_a_noun_is_a_label(context: Context, text: str, label: bool) -> None:
    ctx = context(text, MARA, OWEN)
    assert modifies_a_noun(ctx, 0) is label


def test_a_label_inside_a_statement_does_not_take_the_statements_speaker(quotes: Quotes) -> None:
    rows = quotes("Transport chief rejects union's 'final offer' demand")
    assert [q.text for q in rows if q.quote_type == INDIRECT] == ["union's 'final offer' demand"]
    assert [(q.text, q.speaker) for q in rows if q.quote_type != INDIRECT] == [("final offer", None)]


@pytest.mark.parametrize(
    ("text", "contents", "quoted"),
    [
        # two coordinated cues, each with a content that holds a quotation
        (
            'Owen Tabb said that the council was "too slow," and said that the mayor had been "asleep at the wheel."',
            ['the council was "too slow,"', 'the mayor had been "asleep at the wheel."'],
            ["too slow,", "asleep at the wheel."],
        ),
        (
            'Mara Lindqvist called Tabb "a liar" and said the plan was "a fraud from the start."',
            ['Tabb "a liar"', 'the plan was "a fraud from the start."'],
            ["a liar", "a fraud from the start."],
        ),
        # one cue, two coordinated contents with a quotation each: one statement holding both
        (
            'Owen Tabb said the levy was "unfair" and that the council had "ignored the poor."',
            ['the levy was "unfair" and that the council had "ignored the poor."'],
            ["unfair", "ignored the poor."],
        ),
    ],
)
def test_coordinated_statements_each_holding_a_quotation(
    quotes: Quotes, text: str, contents: list[str], quoted: list[str]
) -> None:
    rows = quotes(text)
    statements = [q for q in rows if q.quote_type == INDIRECT]
    assert [q.text for q in statements] == contents, rows
    speaker = statements[0].speaker
    assert all(q.speaker == speaker for q in statements)
    assert [(q.quote_type, q.text, q.speaker) for q in rows if q.quote_type != INDIRECT] == [
        (PARTIAL, words, speaker) for words in quoted
    ]
