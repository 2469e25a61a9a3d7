"""Seconds spent per named stage of the work, for the run's profile ("where the time went")."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterator, Mapping
from contextlib import contextmanager


class Stopwatch:
    """Wall-clock seconds summed per stage name; stages may be timed any number of times."""

    def __init__(self) -> None:
        self.seconds: Counter[str] = Counter()

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        t0 = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] += time.perf_counter() - t0

    def add(self, seconds: Mapping[str, float]) -> None:
        self.seconds.update(seconds)
