"""The Prefect API a run talks to: the configured one, or a temporary local server.

Prefect starts a temporary server by itself when PREFECT_API_URL is unset, but only inside the
process that needs it: worker processes (the process pool, Dask workers) would each start their
own. Starting it here and exporting its URL gives the whole run one server. It is started the way
Prefect starts its own (uvicorn on Prefect's app factory, UI off) but without importing Prefect's
server package here, which alone takes seconds, and `start_server` returns at once so that the
caller's own start-up overlaps the server's."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager

import httpx
import prefect
from prefect.context import refresh_global_settings_context
from prefect.settings import PREFECT_API_URL, get_current_settings, temporary_settings

_STARTUP_TIMEOUT = 120.0


class TemporaryServer:
    """A Prefect API server in a child process on a free loopback port, for one run."""

    def __init__(self) -> None:
        self.process: subprocess.Popen | None = None
        self.port = 0
        self._launch()

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    def _launch(self) -> None:
        with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        env = {
            **os.environ,
            "PREFECT_UI_ENABLED": "0",
            "PREFECT__SERVER_EPHEMERAL": "1",
            "PREFECT__SERVER_FINAL": "1",
            **get_current_settings().to_environment_variables(exclude_unset=True),
        }
        env.pop("PREFECT_API_URL", None)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "--app-dir", str(prefect.__module_path__.parent), "--factory",
             "prefect.server.api.server:create_app", "--host", "127.0.0.1", "--port", str(self.port),
             "--log-level", "error", "--lifespan", "on"],
            env=env,
        )

    def wait_ready(self, timeout: float = _STARTUP_TIMEOUT) -> None:
        """Block until the server answers its health check; relaunch on another port if the one
        chosen was taken meanwhile."""
        deadline = time.monotonic() + timeout
        relaunches = 0
        with httpx.Client() as client:
            while time.monotonic() < deadline:
                assert self.process is not None
                if self.process.poll() is not None:
                    if relaunches == 3:
                        raise RuntimeError(f"the temporary Prefect server exited with code {self.process.returncode}")
                    relaunches += 1
                    self._launch()
                try:
                    if client.get(f"{self.api_url}/health").status_code == 200:
                        return
                except httpx.TransportError:
                    pass
                time.sleep(0.05)
        raise RuntimeError(f"the temporary Prefect server did not answer within {timeout:.0f}s")

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None


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
        with temporary_settings(updates={PREFECT_API_URL: server.api_url}):
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
