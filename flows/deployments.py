"""Deployments of the news-etl flow: `news-etl/daily`, served by `newsetl serve` (prefect.yaml
declares the same deployment for a work pool; a test checks that the two agree)."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from prefect.deployments.runner import EntrypointType
from prefect.schedules import Cron

from flows.etl import news_etl
from flows.options import DEFAULT_CRON, DEFAULT_TIMEZONE

DEPLOYMENT = "daily"
DESCRIPTION = "Process new and changed article files from the landing folder into the warehouse."
TAGS = ["newsetl"]


def daily_schedule(cron: str = DEFAULT_CRON, timezone: str = DEFAULT_TIMEZONE) -> Cron:
    """The deployment's schedule; ValueError naming what is wrong with a bad cron string or time zone."""
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone {timezone!r} (an IANA name such as Europe/London)") from None
    return Cron(cron, timezone=timezone)


def serve_daily(landing: Path, warehouse: Path, schedule: Cron | None = None) -> None:
    """Register `news-etl/daily` with the Prefect API in PREFECT_API_URL and run its flow runs here
    until interrupted, on `schedule` (default: daily_schedule()). One run at a time: a second waits
    for the first (global_limit=1). The other parameters take flows.options' defaults."""
    news_etl.serve(
        name=DEPLOYMENT,
        schedule=schedule or daily_schedule(),
        parameters={"landing": str(landing.resolve()), "warehouse": str(warehouse.resolve())},
        global_limit=1,
        description=DESCRIPTION,
        tags=TAGS,
        entrypoint_type=EntrypointType.MODULE_PATH,  # import by module: works from any working directory
        print_starting_message=True,
    )
