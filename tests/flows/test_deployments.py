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
