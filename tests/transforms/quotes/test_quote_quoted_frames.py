"""Statements rebuilt around a quotation whose cue the parse gave no complement
(transforms.quotes.quoted_frames): a content-first frame (`..., said X`) and a cue before the
quotation (`X called what she saw "..."`). Sentences written for these tests (fictional people);
entities built by hand."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.transforms.quotes.mentions import MARA, OWEN
from transforms.quotes import INDIRECT, PARTIAL, Quote

Quotes = Callable[[str], list[Quote]]


@pytest.fixture(scope="module")
def quotes(body_rows: Callable[..., list[Quote]]) -> Quotes:
    """The rows of a body text mentioning Mara Lindqvist and Owen Tabb, invariant checked."""
    return lambda text: body_rows(text, MARA, OWEN)


def rows_of(rows: list[Quote], kind: str, cue: str | None = None) -> list[tuple[str, str | None, str | None]]:
    return [(q.text, q.speaker, q.cue) for q in rows if (q.quote_type == INDIRECT) == (kind == INDIRECT)
            and (cue is None or q.cue == cue)]


@pytest.mark.parametrize(
    ("text", "content", "quoted", "speaker", "cue"),
    [
        # a content-first frame whose content the quotation marks broke (the parse takes the
        # content's subject for the frame's)
        (
            'The new levy signals "the end of the road" for the ferry service, said Owen Tabb.',
            'The new levy signals "the end of the road" for the ferry service',
            "the end of the road",
            "Owen Tabb",
            "say",
        ),
        (
            'The new levy is "the end of the road" for the ferry, Owen Tabb told reporters on Monday.',
            'The new levy is "the end of the road" for the ferry',
            "the end of the road",
            "Owen Tabb",
            "tell",
        ),
        # a cue before the quotation: an object the quoted predicate describes, and the second act
        # coordinated with the cue left out
        (
            'Owen Tabb called what he saw "a disgrace to the town" and demanded an inquiry.',
            'what he saw "a disgrace to the town"',
            "a disgrace to the town",
            "Owen Tabb",
            "call",
        ),
        (
            'Mara Lindqvist testified "thousands" of files had been lost by the agency.',
            '"thousands" of files had been lost by the agency',
            "thousands",
            "Mara Lindqvist",
            "testify",
        ),
    ],
)
def test_a_statement_is_rebuilt_from_the_quotations_cue(
    quotes: Quotes, text: str, content: str, quoted: str, speaker: str, cue: str
) -> None:
    rows = quotes(text)
    assert (content, speaker, cue) in rows_of(rows, INDIRECT, cue), rows
    inner = [q for q in rows if q.quote_type != INDIRECT]
    assert [(q.quote_type, q.text, q.speaker) for q in inner] == [(PARTIAL, quoted, speaker)]


def test_a_frame_inside_the_sentence_is_not_a_closing_frame(quotes: Quotes) -> None:
    # the sentence goes on after `Tabb wrote`: the words before the comma are no content of their own
    rows = quotes('Despite his "brash manner on the radio," Tabb wrote, the mayor has kept the town calm.')
    assert not any(q.text.startswith("Despite") for q in rows if q.quote_type == INDIRECT), rows


def test_circumstances_and_the_addressee_before_the_quotation_are_not_content(quotes: Quotes) -> None:
    # only the quotation is left after them: its own row stands for the statement
    rows = quotes('Mara Lindqvist said in May on a local podcast, "the ferry will sail again."')
    assert rows_of(rows, INDIRECT) == []
    assert rows_of(rows, PARTIAL) == [("the ferry will sail again.", "Mara Lindqvist", "say")]


def test_a_whole_quoted_statement_is_not_rebuilt(quotes: Quotes) -> None:
    rows = quotes('Owen Tabb said: "The ferry will sail again in the spring, and the fares will fall."')
    assert rows_of(rows, INDIRECT) == []
