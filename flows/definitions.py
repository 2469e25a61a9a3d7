"""The wiring: the one place that turns RunOptions into the resources and the task runner a run
uses (as a dagster project's definitions.py does). The CLI, the flow and the deployment all get
theirs here."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from flows.landing import LocalFolder
from flows.options import RunOptions
from flows.resources import Resources, SpacyModel
from instrumentation.failpoints import Failpoints

if TYPE_CHECKING:
    from prefect.task_runners import TaskRunner


def resources_for(options: RunOptions) -> Resources:
    """The local landing folder, the model named by the options, the GX gate, and the failpoints a
    crash test armed through the environment (none otherwise)."""
    return Resources(
        source=LocalFolder(options.landing),
        model=SpacyModel(options.model),
        failpoints=Failpoints.from_env(),
    )


def default_workers() -> int:
    """One worker per core this process may run on."""
    return max(1, len(os.sched_getaffinity(0)))


def task_runner_for(options: RunOptions) -> TaskRunner:
    """`process`: a local process pool, one spaCy model per process (the default: spaCy holds the
    GIL, so threads would use one core). `thread`: in-process, for debugging and tests that hand
    the flow resources that only work in-process. `dask`: prefect-dask on the cluster at
    `dask_address`, or on a LocalCluster of `workers` processes."""
    # Prefect is imported here, not at the top: a run that finds nothing new needs no task runner.
    from prefect.task_runners import ProcessPoolTaskRunner, ThreadPoolTaskRunner

    workers = options.workers or default_workers()
    if options.task_runner == "process":
        from flows.tasks import worker_started

        return ProcessPoolTaskRunner(max_workers=workers, initializer=worker_started)
    if options.task_runner == "thread":
        return ThreadPoolTaskRunner(max_workers=workers)
    from prefect_dask import DaskTaskRunner  # options accept only TASK_RUNNERS: this is dask

    if options.dask_address:
        return DaskTaskRunner(address=options.dask_address)
    return DaskTaskRunner(cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True})
