"""What a flow run did: counts, failures and the slowest files, for the CLI and the artifacts."""

from __future__ import annotations

import heapq
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa

from warehouse.schema import RUNS


@dataclass
class RunSummary:
    run_id: str
    status: str = "completed"
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

    @property
    def published_anything(self) -> bool:
        """False when the run failed outright: nothing reached the warehouse."""
        return not self.failures or self.statuses["published"] + self.statuses["duplicate"] > 0

    def note_timings(self, timings: list[tuple[float, str]], keep: int = 10) -> None:
        self.slowest = heapq.nlargest(keep, self.slowest + timings)

    def reconciles(self) -> bool:
        """files seen = unchanged + published + duplicate + quarantined + not published (failed batches)."""
        return self.files_seen == sum(self.statuses.values())

    def run_row(self, landing: str, started: datetime, flow_run_name: str | None) -> pa.Table:
        """The run's row of the runs table."""
        s = self  # short, for the table of columns below
        status = "failed" if not s.published_anything else "completed with failures" if s.failures else "completed"
        row = {
            "run_id": s.run_id, "flow_run_name": flow_run_name, "landing": str(Path(landing).resolve()),
            "started_at": started, "finished_at": datetime.now(UTC), "status": status,
            "message": s.failures[0] if s.failures else None,
            "files_seen": s.files_seen, "files_unchanged": s.statuses["unchanged"],
            "published": s.statuses["published"], "duplicate": s.statuses["duplicate"],
            "quarantined": s.statuses["quarantined"], "articles_rows": s.rows["articles"],
            "quotes_rows": s.rows["quotes"], "entities_rows": s.rows["entities"],
            "expectations_evaluated": s.expectations_evaluated, "expectations_failed": s.expectations_failed,
            "seconds": (datetime.now(UTC) - started).total_seconds(),
        }
        return pa.Table.from_pylist([row], schema=RUNS.schema)

    def profile(self) -> list[tuple[str, str, float]]:
        """(where, stage, seconds) for every timed stage, workers' first, largest first within each."""
        return [("workers", k, v) for k, v in self.worker_stages.most_common()] + [
            ("flow", k, v) for k, v in self.flow_stages.most_common()
        ]

    def markdown(self) -> str:
        """The run as a Prefect markdown artifact."""
        s = self.statuses
        lines = [
            f"# news-etl run: {self.status}",
            "",
            f"{self.message}" if self.message else "",
            "| files seen | unchanged | published | duplicate | quarantined | not published |",
            "|---:|---:|---:|---:|---:|---:|",
            f"| {self.files_seen} | {s['unchanged']} | {s['published']} | {s['duplicate']} | {s['quarantined']} "
            f"| {s['not published']} |",
            "",
            "| articles | quotes | entities | expectations passed | seconds |",
            "|---:|---:|---:|---:|---:|",
            f"| {self.rows['articles']} | {self.rows['quotes']} | {self.rows['entities']} "
            f"| {self.expectations_evaluated - self.expectations_failed}/{self.expectations_evaluated} "
            f"| {self.seconds:.1f} |",
        ]
        if self.failures:
            lines += ["", "## Failures", *[f"- {f}" for f in self.failures]]
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
