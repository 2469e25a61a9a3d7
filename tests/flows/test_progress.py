"""A run's progress reaches the listener of whoever started it, and nobody else."""

from __future__ import annotations

from flows import progress


def test_reports_reach_the_listener_of_the_block_only() -> None:
    heard: list[tuple[int, int]] = []
    progress.report(1, 2)  # nobody listens: nothing happens
    with progress.reporting_to(lambda done, total: heard.append((done, total))):
        progress.report(0, 6)
        with progress.reporting_to(None):  # an inner run without a listener
            progress.report(3, 3)
        progress.report(6, 6)
    progress.report(7, 7)
    assert heard == [(0, 6), (6, 6)]
