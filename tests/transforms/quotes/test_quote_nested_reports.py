"""A report of a report: `X said Y, according to Z` is Z's statement that X said Y (the content of
`according to` keeps the inner frame, as PolNeAR annotates it), and X's statement Y stands beside it;
a quotation with its own frame inside such content keeps its own speaker (test_quote_own_frames.py)."""

from __future__ import annotations

from collections.abc import Callable

from tests.transforms.quotes.mentions import MARA, OWEN
from transforms.quotes import Quote


def _rows(body_rows: Callable[..., list[Quote]], text: str) -> list[tuple[str, str | None, str | None]]:
    return [(q.text, q.speaker, q.cue) for q in body_rows(text, MARA, OWEN)]


def test_according_to_over_a_reported_clause_holds_its_frame(body_rows: Callable[..., list[Quote]]) -> None:
    rows = _rows(body_rows, "Mara Lindqvist said the ferry would stop running, according to two people at the meeting.")
    assert ("Mara Lindqvist said the ferry would stop running", "two people at the meeting", "according to") in rows
    assert ("the ferry would stop running", "Mara Lindqvist", "say") in rows


def test_a_quotation_in_a_nested_report_is_the_inner_speakers(body_rows: Callable[..., list[Quote]]) -> None:
    rows = _rows(body_rows, 'Owen Tabb told the council that the levy was a "disgrace," according to two people at the '
                 "meeting.")
    assert ("disgrace,", "Owen Tabb", "tell") in rows


def test_according_to_a_document_by_its_author(body_rows: Callable[..., list[Quote]]) -> None:
    rows = _rows(body_rows, "The levy would raise $4 million a year, according to a speech Mara Lindqvist delivered in "
                 "July. The county has 2,205 voters, according to a tally by Owen Tabb.")
    assert ("The levy would raise $4 million a year", "Mara Lindqvist", "according to") in rows
    assert ("The county has 2,205 voters", "Owen Tabb", "according to") in rows
