"""The statements that may hold a quotation (transforms.quotes.holders): looked up by their contents'
starts, the same statements, in the same order, as a comparison with every statement of the field."""

from __future__ import annotations

import random

from transforms.quotes.holders import Holders
from transforms.quotes.types import Statement


def _statement(start: int, end: int) -> Statement:
    return Statement(start, end, "say", "clause", "speech", None)


def test_the_statements_around_a_start_are_every_one_that_could_hold_a_text_there() -> None:
    rng = random.Random(19)
    for _ in range(300):
        statements = [_statement(a, a + rng.randint(1, 60)) for a in (rng.randint(0, 400) for _ in range(25))]
        holders = Holders(statements)
        for start in range(0, 480, 7):
            for length in (1, 5, 30):
                holding = [s for s in statements if s.start <= start and start + length <= s.end]
                assert [s for s in holders.around(start) if start + length <= s.end] == holding


def test_a_long_field_looks_at_the_statements_near_a_quotation_only() -> None:
    statements = [_statement(100 * k, 100 * k + 80) for k in range(2_000)]
    assert Holders(statements).around(150_050) == [statements[1_500]]
    assert Holders([]).around(10) == []
