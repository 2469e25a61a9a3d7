"""The Prefect API a run talks to: a configured one is used as it is, no server started."""

from __future__ import annotations

from prefect.settings import PREFECT_API_URL, temporary_settings

from flows.api import prefect_api, start_server


def test_a_configured_api_is_used_without_starting_a_server():
    with temporary_settings(updates={PREFECT_API_URL: "http://127.0.0.1:9/api"}):
        assert start_server() is None
        with prefect_api() as url:
            assert url == "http://127.0.0.1:9/api"


def test_the_temporary_server_answers_then_stops_without_leaving_its_process():
    import httpx

    from flows.api import TemporaryServer

    server = TemporaryServer()
    process = server._process
    try:
        server.wait_ready()
        assert httpx.get(f"{server.api_url}/health", timeout=5).status_code == 200
    finally:
        server.stop()
    assert process is not None and process.poll() is not None  # terminated and reaped
    server.stop()  # stopping twice is harmless


def test_a_server_that_cannot_start_says_so_in_one_line(monkeypatch):
    import pytest

    import flows.api
    from flows.api import TemporaryServer

    monkeypatch.setattr(flows.api.sys, "executable", "/bin/false")  # every launch exits at once, code 1
    server = TemporaryServer()
    with pytest.raises(RuntimeError, match=r"^the temporary Prefect server did not start: it exited with code 1$"):
        server.wait_ready(timeout=30)
    server.stop()
