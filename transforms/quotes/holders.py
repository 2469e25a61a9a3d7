"""The reported statements that may hold a quotation, looked up by where their contents start.

A statement holds a quotation only if its content starts at or before the quotation's start and
no further back than the longest content of the field (reported_span caps a content at
MAX_CONTENT_TOKENS), so each quotation looks at the statements of a bounded stretch of the field,
not at all of them: a field's quotations times its statements grew with the square of its length."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from transforms.quotes.types import Statement


class Holders:
    """The statements of one field, indexed by their contents' starts (character offsets)."""

    def __init__(self, statements: Sequence[Statement]) -> None:
        # (start, index in `statements`): the index keeps the caller's order among equal candidates
        self._by_start = sorted(range(len(statements)), key=lambda i: statements[i].start)
        self._starts = [statements[i].start for i in self._by_start]
        self._statements = statements
        self._longest = max((s.end - s.start for s in statements), default=0)

    def around(self, start: int) -> list[Statement]:
        """The statements whose content starts at or before `start` and within the longest content's
        length of it, in the order they were given: every one that could hold a text starting there."""
        lo = bisect_left(self._starts, start - self._longest)
        hi = bisect_right(self._starts, start)
        return [self._statements[i] for i in sorted(self._by_start[lo:hi])]
