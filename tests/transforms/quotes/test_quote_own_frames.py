"""A quotation's own frame right after it (transforms.quotes.own_frames): found after the closing mark
(`"We won," said Tabb`, `"We won," Tabb said`), and a quotation so framed inside an `according to` content
keeps its own speaker."""

from __future__ import annotations

from collections.abc import Callable

from tests.transforms.quotes.mentions import MARA, OWEN
from transforms.quotes import Quote
from transforms.quotes.own_frames import frame_after
from transforms.quotes.types import Attribution


def _rows(body_rows: Callable[..., list[Quote]], text: str) -> list[tuple[str, str | None, str | None]]:
    return [(q.text, q.speaker, q.cue) for q in body_rows(text, MARA, OWEN)]


def test_a_frame_after_a_quotation() -> None:
    tabb = Attribution(mention="Tabb", speaker="Owen Tabb", entity=None, cue="say")
    text = '"We won," said Tabb. "We won," Tabb said. "We won" while Tabb left. "We won." Tabb left.'
    ends = [i + 1 for i, c in enumerate(text) if c == '"'][1::2]
    assert [frame_after(text, tabb, end) >= 0 for end in ends] == [True, True, False, False]



def test_according_to_over_a_framed_quotation(body_rows: Callable[..., list[Quote]]) -> None:
    rows = _rows(body_rows, '"We will not give in," Owen Tabb told the crowd, according to a recording of the meeting.')
    assert ('"We will not give in," Owen Tabb told the crowd', "a recording of the meeting", "according to") in rows
    assert ("We will not give in,", "Owen Tabb", "tell") in rows
