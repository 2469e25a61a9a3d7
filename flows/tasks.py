"""Prefect tasks: thin wrappers that do I/O and hand plain data to transforms/."""

from __future__ import annotations

import functools
from datetime import date
from pathlib import Path

from prefect import task
from prefect.cache_policies import NO_CACHE
from prefect.tasks import exponential_backoff
from spacy.language import Language

from newsetl.landing import LandingFile, discover, read_file
from transforms.nlp import load_pipeline
from transforms.process import BatchResult, FileResult, RawFile, process_files, quarantined
from transforms.stopwatch import Stopwatch


@functools.cache
def cached_pipeline(model: str) -> Language:
    """One model per worker process, loaded on first use and kept for every later batch."""
    return load_pipeline(model)


@task(name="discover", retries=2, retry_delay_seconds=exponential_backoff(backoff_factor=2), cache_policy=NO_CACHE)
def discover_files(landing: str, max_bytes: int) -> list[LandingFile]:
    return discover(Path(landing), max_bytes)


@task(name="process-batch", retries=2, retry_delay_seconds=exponential_backoff(backoff_factor=2), cache_policy=NO_CACHE)
def process_batch(landing: str, files: list[LandingFile], model: str, today: date, max_bytes: int) -> BatchResult:
    """Read a batch of landing files and turn each into rows or a quarantine reason."""
    clock = Stopwatch()
    readable: list[RawFile] = []
    unreadable: dict[str, FileResult] = {}
    with clock.stage("read"):
        for f in files:
            try:
                readable.append(RawFile(f.path, read_file(Path(landing), f.path, max_bytes), f.mtime_ns))
            except (PermissionError, FileNotFoundError, ValueError) as exc:  # other OSErrors: the task retries
                # not read, so no hash: recorded like the files discovery flags (see flows.etl.plan)
                unreadable[f.path] = quarantined(f.path, "", f.size, f.mtime_ns, f"unreadable: {exc}")
    with clock.stage("load model"):
        nlp = cached_pipeline(model)
    batch = process_files(nlp, readable, today)
    done = {r.path: r for r in batch.files}
    clock.add(batch.stages)
    return BatchResult([unreadable.get(f.path) or done[f.path] for f in files], clock.seconds)
