"""What a flow run did: counts, failures and the slowest files, for the CLI and the artifacts."""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa

from warehouse.schema import (
    ARTICLES,
    COMPLETED,
    COMPLETED_WITH_FAILURES,
    CONTENT_TABLES,
    DUPLICATE,
    ENTITIES,
    FAILED,
    FILE_STATUSES,
    PUBLISHED,
    QUARANTINED,
    QUOTES,
    RUNS,
)


@dataclass
class RunSummary:
    run_id: str
    message: str = ""
    files_seen: int = 0
    statuses: Counter = field(default_factory=Counter)
    rows: Counter = field(default_factory=Counter)
    expectations_evaluated: int = 0
    expectations_failed: int = 0
    failures: list[str] = field(default_factory=list)
    quarantined: list[tuple[str, str]] = field(default_factory=list)
    slowest: list[tuple[float, str]] = field(default_factory=list)  # (seconds, path), slowest first
    seconds: float = 0.0
    data_docs: Path | None = None  # the Great Expectations Data Docs page of the warehouse
    # Where the time went: seconds per stage, summed over the worker processes (parse, nlp, quotes...)
    # and in the flow's own process (waiting for workers, validate, write, publish...)
    worker_stages: Counter = field(default_factory=Counter)
    flow_stages: Counter = field(default_factory=Counter)
    notices: list[str] = field(default_factory=list)  # what recovery repaired on the way, one line each
    gone: int = 0  # recorded files found gone from the landing folder by this run (their rows stay)
    pruned: int = 0  # missing files whose articles this run withdrew (--prune-missing)
    vacuumed: int = 0  # old data files removed (older than the retention window, read by no kept version)
    aborted: bool = False  # stopped by a fault of the storage (a full disk): a failed run, whatever it committed
    orphaned: list[str] = field(default_factory=list)  # corrections that match nothing published, one line each

    @property
    def status(self) -> str:
        """One of warehouse.schema.RUN_STATUSES (RUNS.status' comment says what each means)."""
        if not self.published_anything:
            return FAILED
        return COMPLETED_WITH_FAILURES if self.failures else COMPLETED

    @property
    def published_anything(self) -> bool:
        """False when the run failed outright: nothing reached the warehouse."""
        if self.aborted:
            return False
        return not self.failures or self.statuses[PUBLISHED] + self.statuses[DUPLICATE] > 0

    def abort(self, reason: str) -> None:
        """Stop the run as failed, with `reason` as its one line."""
        self.aborted = True
        self.failures.insert(0, reason)

    def note_timings(self, timings: list[tuple[float, str]], keep: int = 10) -> None:
        self.slowest = heapq.nlargest(keep, self.slowest + timings)

    def reconciles(self) -> bool:
        """files seen = unchanged + published + duplicate + quarantined + not published (failed batches)."""
        return self.files_seen == sum(self.statuses.values())

    def run_row(self, landing: str, started: datetime, flow_run_name: str | None,
                provenance: Mapping[str, str | None]) -> pa.Table:
        """The run's row of the runs table; `landing` names the landing source (an absolute folder),
        `provenance` what produced the rows (flows.provenance.Provenance.columns()).
        Raises warehouse.schema.RowError when the row strays from RUNS' columns or RUN_STATUSES."""
        s = self  # short, for the table of columns below
        row = RUNS.row(
            run_id=s.run_id, flow_run_name=flow_run_name, landing=landing,
            started_at=started, finished_at=datetime.now(UTC), status=s.status,
            message=s.failures[0] if s.failures else (s.message or None),  # a failure, or what happened instead
            files_seen=s.files_seen, files_unchanged=s.statuses["unchanged"],
            published=s.statuses[PUBLISHED], duplicate=s.statuses[DUPLICATE], quarantined=s.statuses[QUARANTINED],
            articles_rows=s.rows[ARTICLES.name], quotes_rows=s.rows[QUOTES.name], entities_rows=s.rows[ENTITIES.name],
            expectations_evaluated=s.expectations_evaluated, expectations_failed=s.expectations_failed,
            seconds=(datetime.now(UTC) - started).total_seconds(), **provenance,
        )
        return RUNS.to_arrow([row])

    def profile(self) -> list[tuple[str, str, float]]:
        """(where, stage, seconds) for every timed stage, workers' first, largest first within each."""
        return [("workers", k, v) for k, v in self.worker_stages.most_common()] + [
            ("flow", k, v) for k, v in self.flow_stages.most_common()
        ]

    def markdown(self) -> str:
        """The run as a Prefect markdown artifact."""
        files = ["files seen", "unchanged", *FILE_STATUSES, "not published"]
        counts = [self.files_seen, *(self.statuses[k] for k in files[1:])]
        rows = [*(t.name for t in CONTENT_TABLES), "expectations passed", "seconds"]
        passed = f"{self.expectations_evaluated - self.expectations_failed}/{self.expectations_evaluated}"
        values = [*(self.rows[t.name] for t in CONTENT_TABLES), passed, f"{self.seconds:.1f}"]
        lines = [
            f"# news-etl run: {self.status}",
            "",
            f"{self.message}" if self.message else "",
            *_md_table(files, counts),
            "",
            *_md_table(rows, values),
        ]
        if self.notices:
            lines += ["", "## Repaired", *[f"- {n}" for n in self.notices]]
        if self.failures:
            lines += ["", "## Failures", *[f"- {f}" for f in self.failures]]
        if self.orphaned:
            lines += ["", "## Corrections that match nothing (their article changed?)",
                      *[f"- `{line}`" for line in self.orphaned[:50]]]
            if len(self.orphaned) > 50:
                lines.append(f"- ... and {len(self.orphaned) - 50} more (`newsetl check` lists them all)")
        if self.quarantined:
            lines += ["", "## Quarantined", "| file | reason |", "|---|---|"]
            lines += [f"| `{p}` | {r} |" for p, r in self.quarantined[:50]]
        if self.data_docs:
            lines += ["", f"Great Expectations Data Docs: `{self.data_docs}`"]
        if self.worker_stages or self.flow_stages:
            lines += ["", "## Where the time went", "| process | stage | seconds |", "|---|---|---:|"]
            lines += [f"| {w} | {k} | {v:.1f} |" for w, k, v in self.profile()]
        if self.slowest:
            lines += ["", "## Slowest files", "| file | seconds |", "|---|---:|"]
            lines += [f"| `{p}` | {t:.2f} |" for t, p in self.slowest]
        return "\n".join(lines) + "\n"


def _md_table(header: list[str], values: list[object]) -> list[str]:
    """A one-row markdown table, numbers right-aligned."""
    return ["| " + " | ".join(header) + " |", "|" + "---:|" * len(header), "| " + " | ".join(map(str, values)) + " |"]
