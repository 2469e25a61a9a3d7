"""A run's progress, for whoever started it in this process: the CLI's progress bar listens, a
deployment's run has no listener (its progress artifact is what the Prefect UI shows).

The listener is a context variable, not a flow parameter: it is a callable of the caller's process that
Prefect could neither store nor send to another process, and only the flow's own process reports."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

Listener = Callable[[int, int], None]  # (files done, files in the run)
_listener: ContextVar[Listener | None] = ContextVar("newsetl_progress", default=None)


@contextmanager
def reporting_to(listener: Listener | None) -> Iterator[None]:
    """Within the block, report() calls `listener` (None: nobody listens)."""
    token = _listener.set(listener)
    try:
        yield
    finally:
        _listener.reset(token)


def report(done: int, total: int) -> None:
    """`done` of the run's `total` files have been read and turned into rows (or quarantined)."""
    listener = _listener.get()
    if listener is not None:
        listener(done, total)
