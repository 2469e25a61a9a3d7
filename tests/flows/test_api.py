"""The Prefect API a run talks to: a configured one is used as it is, no server started."""

from __future__ import annotations

from prefect.settings import PREFECT_API_URL, temporary_settings

from flows.api import prefect_api, start_server


def test_a_configured_api_is_used_without_starting_a_server():
    with temporary_settings(updates={PREFECT_API_URL: "http://127.0.0.1:9/api"}):
        assert start_server() is None
        with prefect_api() as url:
            assert url == "http://127.0.0.1:9/api"
