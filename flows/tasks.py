"""Prefect tasks: thin wrappers that do I/O and hand plain data to transforms/."""

from __future__ import annotations

import atexit
import gc
from datetime import date

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.states import Failed, State
from prefect.tasks import exponential_backoff

from flows.landing import ChangedWhileRead, LandingFile, LandingSource
from flows.resources import UNLOADABLE, ModelUnloadable, Processor, SpacyModel
from instrumentation.stopwatch import Stopwatch
from transforms.lexicon import LexiconError
from transforms.process import BatchResult, FileResult, RawFile, quarantined

_RETRIES = {"retries": 2, "retry_delay_seconds": exponential_backoff(backoff_factor=2), "cache_policy": NO_CACHE}
_RULE_TABLES = "rule tables: "


def worker_started() -> None:
    """Run once in each process of the process pool (flows.definitions): at its exit, skip the final
    garbage collection, which walks every object of spaCy, Prefect and the model (most of a second per
    worker, while the run waits for its workers to end) only to free memory that the exit frees anyway."""
    atexit.register(gc.freeze)


def _worth_retrying(task: object, task_run: object, state: State) -> bool:
    """Prefect's retry condition: everything but a rule table or a model that cannot be loaded (those
    fail alike on every try)."""
    return not (state.message or "").startswith((_RULE_TABLES, UNLOADABLE))


@task(name="discover", **_RETRIES)
def discover_files(source: LandingSource, max_bytes: int) -> list[LandingFile]:
    return source.discover(max_bytes)


@task(name="process-batch", retry_condition_fn=_worth_retrying, **_RETRIES)
def process_batch(
    source: LandingSource, files: list[LandingFile], model: SpacyModel, processor: Processor, today: date,
    max_bytes: int,
) -> BatchResult:
    """Read a batch of landing files and turn each into rows or a quarantine reason, in input order.
    A file that cannot be read for good (outside the folder, grown too large) is quarantined; one gone or
    changed mid-run is recorded unread, to be read again next run; any other OSError fails the task,
    which Prefect retries. A word list or rule table that cannot be read fails the task at once, with
    its one-line reason (file, line) and no retry: no file can be processed without it; so does a
    spaCy model that cannot be loaded (a damaged model folder), named in its reason."""
    clock = Stopwatch()
    readable: list[RawFile] = []
    unreadable: dict[str, FileResult] = {}
    with clock.stage("read"):
        for f in files:
            try:
                readable.append(RawFile(f.path, source.read(f.path, max_bytes, f), f.mtime_ns))
            except FileNotFoundError:
                unreadable[f.path] = _retry(f, "gone before it could be read (deleted or renamed during the run)")
            except ChangedWhileRead as exc:
                unreadable[f.path] = _retry(f, str(exc).removeprefix(f"{f.path}: "))
            except (PermissionError, ValueError) as exc:
                # not read, so no hash: recorded like the files discovery flags (see flows.plan)
                unreadable[f.path] = quarantined(f.path, "", f.size, f.mtime_ns, f"unreadable: {exc}")
    with model.exclusive():  # one batch at a time per process's pipeline (see SpacyModel.exclusive)
        with clock.stage("load model"):
            try:
                nlp = model.pipeline()
            except ModelUnloadable as exc:
                # the one-line reason is the state's; how spaCy failed goes to the logs, shown with -v
                get_run_logger().info("%s", exc, exc_info=exc)
                return Failed(message=str(exc))
        try:
            batch = processor(nlp, readable, today)
        except LexiconError as exc:
            return Failed(message=f"{_RULE_TABLES}{exc}")
    done = {r.path: r for r in batch.files}
    clock.add(batch.stages)
    return BatchResult([unreadable.get(f.path) or done[f.path] for f in files], clock.seconds)


def _retry(f: LandingFile, why: str) -> FileResult:
    """Not read for a passing reason: recorded unread (no hash), so that the next run reads it again."""
    result = quarantined(f.path, "", f.size, f.mtime_ns, f"{why}; read again by the next run")
    result.retry = True
    return result
