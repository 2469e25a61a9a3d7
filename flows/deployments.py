"""Deployments of the news-etl flow: `news-etl/daily`, served by `newsetl serve`."""

from __future__ import annotations

from pathlib import Path

from prefect.deployments.runner import EntrypointType
from prefect.schedules import Cron

from flows.etl import news_etl

DEPLOYMENT = "daily"
DEFAULT_CRON = "0 6 * * *"  # 06:00 UTC


def serve_daily(landing: Path, warehouse: Path, cron: str = DEFAULT_CRON, timezone: str = "UTC") -> None:
    """Register `news-etl/daily` with the Prefect API in PREFECT_API_URL and run its flow runs here
    until interrupted. One run at a time: a second waits for the first (global_limit=1)."""
    news_etl.serve(
        name=DEPLOYMENT,
        schedule=Cron(cron, timezone=timezone),
        parameters={"landing": str(landing.resolve()), "warehouse": str(warehouse.resolve())},
        global_limit=1,
        description="Process new and changed article files from the landing folder into the warehouse.",
        tags=["newsetl"],
        entrypoint_type=EntrypointType.MODULE_PATH,  # import by module: works from any working directory
        print_starting_message=True,
    )
