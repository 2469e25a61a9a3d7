"""The daily deployment: `newsetl serve` and prefect.yaml declare the same one."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest
import yaml

from flows import deployments
from flows.etl import FLOW_NAME, news_etl
from flows.options import DEFAULT_CRON, DEFAULT_TIMEZONE

ROOT = Path(__file__).resolve().parents[2]


def test_prefect_yaml_declares_the_served_deployment():
    [declared] = yaml.safe_load((ROOT / "prefect.yaml").read_text())["deployments"]
    assert declared["name"] == deployments.DEPLOYMENT
    assert declared["description"] == deployments.DESCRIPTION
    assert declared["tags"] == deployments.TAGS
    assert declared["schedules"] == [{"cron": DEFAULT_CRON, "timezone": DEFAULT_TIMEZONE}]
    assert declared["concurrency_limit"] == 1  # as serve's global_limit=1
    path, name = declared["entrypoint"].split(":")
    assert Path(path) == Path(inspect.getfile(news_etl.fn)).relative_to(ROOT) and name == news_etl.fn.__name__
    assert set(declared["parameters"]) <= set(inspect.signature(news_etl.fn).parameters)
    assert news_etl.name == FLOW_NAME == "news-etl"


@pytest.mark.parametrize(
    ("cron", "timezone", "message"),
    [("not a cron", "UTC", 'Invalid cron string: "not a cron"'), ("0 6 * * *", "Mars/Base", "unknown time zone")],
)
def test_a_bad_schedule_is_refused_before_anything_is_served(cron, timezone, message):
    with pytest.raises(ValueError, match=message):
        deployments.daily_schedule(cron, timezone)


def test_the_default_schedule_is_daily_at_six_utc():
    schedule = deployments.daily_schedule()
    assert (schedule.cron, schedule.timezone) == (DEFAULT_CRON, DEFAULT_TIMEZONE)


def test_every_parameter_of_the_flow_has_a_description_for_the_prefect_ui():
    from prefect.utilities.callables import parameter_schema

    properties = parameter_schema(news_etl.fn).model_dump()["properties"]
    assert set(properties) == set(inspect.signature(news_etl.fn).parameters)
    for name, prop in properties.items():
        assert len(prop.get("description", "")) > 10, name


def test_serve_refuses_to_start_without_a_prefect_server(monkeypatch):
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings(updates={PREFECT_API_URL: None}):
        assert deployments.serve_problem().startswith("PREFECT_API_URL is not set: serving needs a running Prefect")
    with temporary_settings(updates={PREFECT_API_URL: "http://127.0.0.1:9/api"}):  # the discard port: nothing there
        assert deployments.serve_problem().startswith("cannot reach the Prefect API at http://127.0.0.1:9/api: ")
