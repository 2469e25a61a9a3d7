"""A report of a report: `X said Y, according to Z` is Z's statement that X said Y (the content of
`according to` keeps the inner frame, as PolNeAR annotates it), and X's statement Y stands beside it;
a quotation with its own frame inside such content keeps its own speaker (own_frames.py)."""

from __future__ import annotations

from collections.abc import Callable

from tests.transforms.quotes.mentions import MARA, OWEN
from transforms.quotes import Quote
from transforms.quotes.own_frames import frame_after
from transforms.quotes.types import Attribution


def _rows(body_rows: Callable[..., list[Quote]], text: str) -> list[tuple[str, str | None, str | None]]:
    return [(q.text, q.speaker, q.cue) for q in body_rows(text, MARA, OWEN)]


def test_according_to_over_a_reported_clause_holds_its_frame(body_rows: Callable[..., list[Quote]]) -> None:
    rows = _rows(body_rows, "Mara Lindqvist said the ferry would stop running, according to two people at the meeting.")
    assert ("Mara Lindqvist said the ferry would stop running", "two people at the meeting", "according to") in rows
    assert ("the ferry would stop running", "Mara Lindqvist", "say") in rows


def test_according_to_over_a_framed_quotation(body_rows: Callable[..., list[Quote]]) -> None:
    rows = _rows(body_rows, '"We will not give in," Owen Tabb told the crowd, according to a recording of the meeting.')
    assert ('"We will not give in," Owen Tabb told the crowd', "a recording of the meeting", "according to") in rows
    assert ("We will not give in,", "Owen Tabb", "tell") in rows


def test_a_quotation_in_a_nested_report_is_the_inner_speakers(body_rows: Callable[..., list[Quote]]) -> None:
    rows = _rows(body_rows, 'Owen Tabb told the council that the levy was a "disgrace," according to two people at the '
                 "meeting.")
    assert ("disgrace,", "Owen Tabb", "tell") in rows


def test_a_frame_after_a_quotation() -> None:
    tabb = Attribution(mention="Tabb", speaker="Owen Tabb", entity=None, cue="say")
    text = '"We won," said Tabb. "We won," Tabb said. "We won" while Tabb left. "We won." Tabb left.'
    ends = [i + 1 for i, c in enumerate(text) if c == '"'][1::2]
    assert [frame_after(text, tabb, end) >= 0 for end in ends] == [True, True, False, False]


def test_according_to_a_document_by_its_author(body_rows: Callable[..., list[Quote]]) -> None:
    rows = _rows(body_rows, "The levy would raise $4 million a year, according to a speech Mara Lindqvist delivered in "
                 "July. The county has 2,205 voters, according to a tally by Owen Tabb.")
    assert ("The levy would raise $4 million a year", "Mara Lindqvist", "according to") in rows
    assert ("The county has 2,205 voters", "Owen Tabb", "according to") in rows
