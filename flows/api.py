"""The Prefect API a run talks to: the configured one, or a temporary local server.

Prefect starts a temporary server by itself when PREFECT_API_URL is unset, but only inside the
process that needs it: worker processes (the process pool, Dask workers) would each start their
own. Starting it here and exporting its URL gives the whole run one server."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from prefect.settings import PREFECT_API_URL, get_current_settings, temporary_settings


@contextmanager
def prefect_api() -> Iterator[str]:
    """Yield the API URL to use, starting a temporary local server for the duration if none is set."""
    configured = get_current_settings().api.url
    if configured:
        yield str(configured)
        return
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()
    server.start(timeout=120)
    previous = os.environ.get("PREFECT_API_URL")
    os.environ["PREFECT_API_URL"] = server.api_url  # inherited by worker processes
    try:
        with temporary_settings(updates={PREFECT_API_URL: server.api_url}):
            yield server.api_url
    finally:
        if previous is None:
            os.environ.pop("PREFECT_API_URL", None)
        else:
            os.environ["PREFECT_API_URL"] = previous
        _drain_workers()
        server.stop()


def _drain_workers() -> None:
    """Send queued logs and events while the server is still up, not at interpreter exit."""
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    for service in (APILogWorker, EventsWorker):
        service.drain_all(timeout=10)
