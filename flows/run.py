"""One run, as a library call: `run(RunOptions(...))`. The command line is a thin layer over it.

A run that finds nothing new is recorded without Prefect or the language model (about a second).
Otherwise the news-etl flow runs against the Prefect API in PREFECT_API_URL, or, when none is set,
against a temporary local server started for the run, which boots while the flow's modules load."""

from __future__ import annotations

import contextlib
import threading
import time

from flows import preflight, progress
from flows.definitions import resources_for
from flows.options import RunOptions
from flows.resources import Resources
from flows.run_summary import RunSummary
from flows.runs import record_if_nothing_new
from transforms.lexicon import LexiconError
from warehouse.store import DiskFull, WarehouseBusy, WarehouseDamaged


class RunFailed(RuntimeError):
    """Nothing could be published; the message is one line saying why. `summary`, when the flow
    ran, says what it did."""

    def __init__(self, message: str, summary: RunSummary | None = None) -> None:
        super().__init__(message)
        self.summary = summary


def run(options: RunOptions, resources: Resources | None = None, started: float | None = None,
        on_progress: progress.Listener | None = None) -> RunSummary:
    """Run the pipeline once over `options.landing` into `options.warehouse` and return the summary.

    `resources` replaces what flows.definitions builds (tests); `started` is a time.perf_counter()
    reading taken when the caller started (for the profile's start-up stages); `on_progress` is
    called with (files done, files to do) as batches finish (not when nothing is new). Raises RunFailed
    when nothing could be published: a problem flows.preflight finds before anything is written (no
    landing folder, no such model, an unreachable Dask scheduler, a warehouse it cannot write), a
    malformed word table, another run holds the warehouse, or every batch failed. Quarantined files do
    not fail a run."""
    t0 = started if started is not None else time.perf_counter()
    if reason := preflight.problem(options, resources):  # before anything is written
        raise RunFailed(reason)
    notices: list[str] = []  # what opening the warehouse repaired: said once, whichever path the run takes
    try:
        options.warehouse.mkdir(parents=True, exist_ok=True)
        if not options.reprocess:
            res = resources or resources_for(options)
            idle = record_if_nothing_new(res.source, options.warehouse, options.max_bytes, options.lock_timeout,
                                         res.model, res.failpoints, notices, options.prune_missing)
            if idle is not None:
                return idle
    except WarehouseBusy as exc:
        raise RunFailed(f"nothing could be published: {exc}") from None
    except (WarehouseDamaged, DiskFull) as exc:
        raise RunFailed(str(exc)) from None
    except OSError as exc:  # a warehouse path that is a file, a read-only folder, a full disk
        where = f" ({exc.filename})" if exc.filename else ""
        raise RunFailed(f"warehouse {options.warehouse}: {exc.strerror or exc}{where}") from None
    with progress.reporting_to(on_progress):
        summary = _flow_run(options, resources, t0)
    summary.notices[:0] = notices
    return summary


def _flow_run(options: RunOptions, resources: Resources | None, t0: float) -> RunSummary:
    from flows.api import prefect_api, start_server

    server = start_server()  # boots in its own process while the flow's modules import
    try:
        from flows.etl import news_etl
    except BaseException as exc:
        if server is not None:
            server.stop()  # not left behind by a run that never started
        if isinstance(exc, LexiconError):
            raise RunFailed(f"cannot load a word table: {exc}") from None
        raise

    # Great Expectations (seconds of imports), which the flow needs at its first commit, loads on a
    # thread while this one waits for the server and starts the flow, not later beside busy workers.
    threading.Thread(target=_preload_gate, name="preload-expectations").start()
    parameters = options.as_parameters()
    if resources is not None:  # not a flow parameter otherwise: Prefect would note it cannot store it
        parameters["resources"] = resources
    imported = time.perf_counter()
    with prefect_api(server):
        ready = time.perf_counter()
        state = news_etl(**parameters, return_state=True)
        flow_done = time.perf_counter()
    summary = state.result(raise_on_failure=False)
    if not isinstance(summary, RunSummary):  # the flow itself crashed: say why in one line
        reason = f"run {state.name}: {summary!r}" if isinstance(summary, BaseException) else f"run {state.name}"
        raise RunFailed(reason)
    summary.flow_stages.update({
        "start (imports)": imported - t0, "start (Prefect API)": ready - imported,
        "flow run overhead": flow_done - ready - summary.seconds, "stop (Prefect API)": time.perf_counter() - flow_done,
    })
    if summary.aborted:
        raise RunFailed(summary.message, summary)
    if not summary.published_anything:
        raise RunFailed(f"nothing could be published: {summary.message}", summary)
    return summary


def _preload_gate() -> None:
    # An import error is not this thread's to report: the flow imports the module again where it is used.
    with contextlib.suppress(Exception):
        import expectations.gate  # noqa: F401
