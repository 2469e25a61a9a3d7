"""The Prefect API a run talks to: the configured one, or a temporary local server.

Prefect starts a temporary server by itself when PREFECT_API_URL is unset, but only inside the
process that needs it: worker processes (the process pool, Dask workers) would each start their
own. Starting one here and exporting its URL gives the whole run one server. The server is
Prefect's own (`SubprocessASGIServer`, what Prefect starts for an unset PREFECT_API_URL), started
on a thread so that `start_server` returns at once and the caller's own start-up overlaps the
server's. What newsetl adds: one server for the run and its workers, no UI link to a server that
is gone when the run ends, and queued logs sent before it stops."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from prefect.context import refresh_global_settings_context
from prefect.settings import PREFECT_API_URL, PREFECT_UI_URL, get_current_settings, temporary_settings

_STARTUP_TIMEOUT = 120  # seconds


class TemporaryServer:
    """Prefect's temporary API server, in a child process on a free loopback port, for one run."""

    def __init__(self) -> None:
        self._server = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._start, name="prefect-temporary-server", daemon=True)
        self._thread.start()

    def _start(self) -> None:
        try:
            # Prefect's server package takes seconds to import: here, on this thread, not the caller's.
            from prefect.server.api.server import SubprocessASGIServer

            self._server = SubprocessASGIServer()
            self._server.start(timeout=_STARTUP_TIMEOUT)
        except BaseException as exc:  # reported by wait_ready, on the caller's thread
            self._error = exc

    @property
    def api_url(self) -> str:
        assert self._server is not None, "wait_ready() first"
        return self._server.api_url

    def wait_ready(self, timeout: float = _STARTUP_TIMEOUT + 30) -> None:
        """Block until the server answers its health check; RuntimeError saying why it did not."""
        self._thread.join(timeout)
        if self._thread.is_alive():
            raise RuntimeError(f"the temporary Prefect server did not answer within {timeout:.0f}s")
        if self._error is not None or self._server is None:
            raise RuntimeError(f"the temporary Prefect server did not start: {self._error}")

    def stop(self) -> None:
        self._thread.join()
        if self._server is not None:
            self._server.stop()
            self._server = None


def start_server() -> TemporaryServer | None:
    """Launch a temporary server unless PREFECT_API_URL names one; returns without waiting."""
    if get_current_settings().api.url:
        return None
    return TemporaryServer()


@contextmanager
def prefect_api(server: TemporaryServer | None = None) -> Iterator[str]:
    """Yield the API URL to use: the configured one, or that of `server` (started here if not
    given), exported to worker processes and stopped on exit."""
    configured = get_current_settings().api.url
    if configured:
        yield str(configured)
        return
    server = server or TemporaryServer()
    try:
        server.wait_ready()
    except BaseException:
        server.stop()
        raise
    previous = os.environ.get("PREFECT_API_URL")
    # Exported for worker processes, and made Prefect's process-wide setting: threads that Prefect
    # starts (the process pool's message forwarder, for one) read that, not this context's settings,
    # and would otherwise start a second temporary server of their own.
    os.environ["PREFECT_API_URL"] = server.api_url
    refresh_global_settings_context()
    try:
        # no UI link: Prefect would log "View at http://127.0.0.1:.../runs/..." for a server without a UI
        # that is gone when the run ends
        with temporary_settings(updates={PREFECT_API_URL: server.api_url, PREFECT_UI_URL: ""}):
            yield server.api_url
    finally:
        _drain_workers()
        if previous is None:
            os.environ.pop("PREFECT_API_URL", None)
        else:
            os.environ["PREFECT_API_URL"] = previous
        refresh_global_settings_context()
        server.stop()


def _drain_workers() -> None:
    """Send queued logs and events while the server is still up, not at interpreter exit."""
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    for service in (APILogWorker, EventsWorker):
        service.drain_all(timeout=10)
