"""The Prefect API a run talks to: the configured one, or a temporary local server.

Prefect starts a temporary server by itself when PREFECT_API_URL is unset, but only inside the
process that needs it: worker processes (the process pool, Dask workers) would each start their
own. Starting one here and exporting its URL gives the whole run one server. The server is
Prefect's own application (`create_app` with `ephemeral=True`: no UI, only the services Prefect's
temporary server runs), served by uvicorn in a child process, as Prefect serves its temporary server.
What newsetl adds: the child is launched at once, without importing Prefect's server package in the
run's own process (seconds of CPU that would hold up the run's start-up), one server for the run
and its workers, no UI link to a server that is gone when the run ends, and queued logs sent before
it stops."""

from __future__ import annotations

import atexit
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
from prefect.context import refresh_global_settings_context
from prefect.settings import PREFECT_API_URL, PREFECT_UI_URL, get_current_settings, temporary_settings

_STARTUP_TIMEOUT = 120  # seconds
_PORT_TRIES = 3  # another program may take the free port between choosing and binding it
_ROOT = Path(__file__).resolve().parents[1]  # the project folder, where uvicorn finds this module


def ephemeral_app() -> Any:
    """The ASGI application of Prefect's temporary server; uvicorn's factory in the server's process."""
    from prefect.server.api.server import create_app

    return create_app(ephemeral=True, final=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class TemporaryServer:
    """Prefect's temporary API server, in a child process on a free loopback port, for one run. The
    child starts on construction; `wait_ready` blocks until it answers."""

    def __init__(self) -> None:
        self._process: subprocess.Popen | None = None
        self._launch()
        atexit.register(self.stop)  # not left behind by a run that crashes

    def _launch(self) -> None:
        self.port = _free_port()
        env = {**os.environ, **get_current_settings().to_environment_variables(exclude_unset=True),
               "PREFECT_UI_ENABLED": "0"}
        self._process = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "--app-dir", str(_ROOT), "--factory", f"{__name__}:ephemeral_app",
             "--host", "127.0.0.1", "--port", str(self.port), "--log-level", "error", "--lifespan", "on"],
            env=env, stdin=subprocess.DEVNULL,
        )

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    def wait_ready(self, timeout: float = _STARTUP_TIMEOUT) -> None:
        """Block until the server answers its health check; RuntimeError saying why it did not."""
        deadline = time.monotonic() + timeout
        tries = 1
        with httpx.Client(timeout=5) as client:
            while time.monotonic() < deadline:
                if self._process is None:
                    raise RuntimeError("the temporary Prefect server was stopped before it answered")
                code = self._process.poll()
                if code is not None:
                    if tries < _PORT_TRIES:  # most likely the port was taken meanwhile: another one
                        tries += 1
                        self._launch()
                        continue
                    raise RuntimeError(f"the temporary Prefect server did not start: it exited with code {code}")
                try:
                    if client.get(f"{self.api_url}/health").status_code == 200:
                        return
                except httpx.HTTPError:
                    pass
                time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"the temporary Prefect server did not answer within {timeout:.0f}s")

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def start_server() -> TemporaryServer | None:
    """Launch a temporary server unless PREFECT_API_URL names one; returns without waiting for it."""
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
