"""Task runners for the news-etl flow: where the batches' language work runs."""

from __future__ import annotations

import os

from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner

RUNNERS = ("process", "thread", "dask")


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)))


def make_task_runner(kind: str = "process", workers: int | None = None, dask_address: str | None = None) -> TaskRunner:
    """`process`: a local process pool, one spaCy model per process (the default: spaCy holds the
    GIL, so threads would use one core). `thread`: in-process, for debugging and tests that patch
    code. `dask`: prefect-dask on the cluster at dask_address, or on a LocalCluster."""
    workers = workers or default_workers()
    if kind == "process":
        return ProcessPoolTaskRunner(max_workers=workers)
    if kind == "thread":
        return ThreadPoolTaskRunner(max_workers=workers)
    if kind == "dask":
        from prefect_dask import DaskTaskRunner

        if dask_address:
            return DaskTaskRunner(address=dask_address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True})
    raise ValueError(f"unknown task runner {kind!r}: choose one of {', '.join(RUNNERS)}")
