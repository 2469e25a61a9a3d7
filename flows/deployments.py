"""Deployments of the news-etl flow: `news-etl/daily`, served by `newsetl serve` (prefect.yaml
declares the same deployment for a work pool; a test checks that the two agree)."""

from __future__ import annotations

from pathlib import Path

from prefect.deployments.runner import EntrypointType
from prefect.schedules import Cron

from flows.etl import news_etl
from flows.options import DEFAULT_CRON, DEFAULT_TIMEZONE

DEPLOYMENT = "daily"
DESCRIPTION = "Process new and changed article files from the landing folder into the warehouse."
TAGS = ["newsetl"]


def serve_daily(landing: Path, warehouse: Path, cron: str = DEFAULT_CRON, timezone: str = DEFAULT_TIMEZONE) -> None:
    """Register `news-etl/daily` with the Prefect API in PREFECT_API_URL and run its flow runs here
    until interrupted. One run at a time: a second waits for the first (global_limit=1). The other
    parameters take flows.options' defaults (process pool, one worker per core)."""
    news_etl.serve(
        name=DEPLOYMENT,
        schedule=Cron(cron, timezone=timezone),
        parameters={"landing": str(landing.resolve()), "warehouse": str(warehouse.resolve())},
        global_limit=1,
        description=DESCRIPTION,
        tags=TAGS,
        entrypoint_type=EntrypointType.MODULE_PATH,  # import by module: works from any working directory
        print_starting_message=True,
    )
