"""What a flow run did: counts, failures and the slowest files, for the CLI and the artifacts."""

from __future__ import annotations

import heapq
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path


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

    @property
    def published_anything(self) -> bool:
        """False when the run failed outright: nothing reached the warehouse."""
        return not self.failures or self.statuses["published"] + self.statuses["duplicate"] > 0

    def note_timings(self, timings: list[tuple[float, str]], keep: int = 10) -> None:
        self.slowest = heapq.nlargest(keep, self.slowest + timings)

    def reconciles(self) -> bool:
        """files seen = unchanged + published + duplicate + quarantined + not published (failed batches)."""
        return self.files_seen == sum(self.statuses.values())

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
        if self.slowest:
            lines += ["", "## Slowest files", "| file | seconds |", "|---|---:|"]
            lines += [f"| `{p}` | {t:.2f} |" for t, p in self.slowest]
        return "\n".join(lines) + "\n"
