"""Deployments of the news-etl flow: `news-etl/daily`, served by `newsetl serve` (prefect.yaml
declares the same deployment for a work pool; a test checks that the two agree).

Serving a deployment makes this process run its flow runs, and registers it without a work pool: were
the name already taken by a work-pool deployment (`prefect deploy`), serving would take it over and,
once stopped, leave it paused with no pool. `serve_problem` refuses that, and a server that is not
there, before anything is registered."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from prefect.deployments.runner import EntrypointType
from prefect.schedules import Cron
from prefect.settings import get_current_settings

from flows.etl import FLOW_NAME, news_etl
from flows.options import DEFAULT_CRON, DEFAULT_DEPLOYMENT, DEFAULT_TIMEZONE

DEPLOYMENT = DEFAULT_DEPLOYMENT
DESCRIPTION = "Process new and changed article files from the landing folder into the warehouse."
TAGS = ["newsetl"]


def daily_schedule(cron: str = DEFAULT_CRON, timezone: str = DEFAULT_TIMEZONE) -> Cron:
    """The deployment's schedule; ValueError naming what is wrong with a bad cron string or time zone."""
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone {timezone!r} (an IANA name such as Europe/London)") from None
    return Cron(cron, timezone=timezone)


def serve_problem(name: str = DEPLOYMENT) -> str | None:
    """Why `news-etl/<name>` cannot be served here, as one line saying what to do; None when it can:
    PREFECT_API_URL names a server that answers, and no work-pool deployment has that name."""
    from prefect.client.orchestration import get_client
    from prefect.exceptions import ObjectNotFound

    url = get_current_settings().api.url
    if not url:
        return ("PREFECT_API_URL is not set: serving needs a running Prefect server to schedule on "
                "(start one with `prefect server start`, then export PREFECT_API_URL=http://127.0.0.1:4200/api)")
    with get_client(sync_client=True) as client:
        if (error := client.api_healthcheck()) is not None:
            return (f"cannot reach the Prefect API at {url}: {str(error) or type(error).__name__}; "
                    "start the server or correct PREFECT_API_URL")
        try:
            existing = client.read_deployment_by_name(f"{FLOW_NAME}/{name}")
        except ObjectNotFound:
            return None
    if existing.work_pool_name:
        return (f"deployment {FLOW_NAME}/{name} already exists on work pool {existing.work_pool_name!r} "
                "(made by `prefect deploy`): serving it here would take it over and leave it paused when "
                f"serving stops; serve under another name with --name, or start the pool's worker "
                f"(prefect worker start --pool {existing.work_pool_name})")
    return None


def serve_daily(
    landing: Path, warehouse: Path, schedule: Cron | None = None, name: str = DEPLOYMENT
) -> None:
    """Register `news-etl/<name>` (default `news-etl/daily`) with the Prefect API in PREFECT_API_URL and
    run its flow runs here until interrupted, on `schedule` (default: daily_schedule()). One run at a
    time: a second waits for the first (global_limit=1). The other parameters take flows.options'
    defaults. Call serve_problem first."""
    news_etl.serve(
        name=name,
        schedule=schedule or daily_schedule(),
        parameters={"landing": str(landing.resolve()), "warehouse": str(warehouse.resolve()), "report": True},
        global_limit=1,
        description=DESCRIPTION,
        tags=TAGS,
        entrypoint_type=EntrypointType.MODULE_PATH,  # import by module: works from any working directory
        print_starting_message=True,
    )
