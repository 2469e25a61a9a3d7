"""Removing old data files: every commit that withdraws rows, every compaction and every rollback leaves
Parquet files that no current version reads. They stay for the retention window, so that a reader who
opened the views before (an analyst's open news.duckdb lists the files of the version it was built
for) keeps reading them, and then go.

Never removed, whatever their age: the files of the published versions (what the views read now) and
of the versions the newest `keep_commits` manifests name (the last published commits, which a reader
may still hold open and a repair may return to). Delta Lake's own VACUUM does the removal; the
versions to keep are passed to it."""

from __future__ import annotations

from dataclasses import dataclass, field

from deltalake import DeltaTable

from warehouse import manifest as mf
from warehouse.retention import MAX_RETAIN_DAYS
from warehouse.schema import ALL_TABLES
from warehouse.store import Warehouse

KEEP_COMMITS = 10


@dataclass
class VacuumReport:
    """files: table name -> data files removed."""

    retain_days: float
    files: dict[str, list[str]] = field(default_factory=dict)

    @property
    def removed(self) -> int:
        return sum(len(v) for v in self.files.values())

    def line(self) -> str:
        tables = ", ".join(f"{name} {len(v)}" for name, v in self.files.items() if v) or "none"
        return (f"vacuum: removed {self.removed} data files no longer read by a version of the last "
                f"{self.retain_days:g} days ({tables})")


def protected_versions(wh: Warehouse, keep_commits: int = KEEP_COMMITS) -> dict[str, set[int]]:
    """table name -> the versions whose files stay: the published one and those the newest
    `keep_commits` manifests in the history name."""
    keep: dict[str, set[int]] = {name: {v} for name, v in wh.versions.items()}
    for _, manifest in mf.readable_history(wh.manifest_path)[:keep_commits]:
        for name, version in manifest.versions.items():
            keep.setdefault(name, set()).add(version)
    return keep


def vacuum(wh: Warehouse, retain_days: float, keep_commits: int = KEEP_COMMITS, dry_run: bool = False) -> VacuumReport:
    """Remove the data files of `wh` (opened, so locked and recovered) that no protected version reads
    and that left the table more than `retain_days` days ago. ValueError for a negative window.

    Delta records a vacuum as new versions of the same rows; `wh.versions` moves to them, unpublished
    until the caller's next commit (a crash before it rolls them back, which changes no row)."""
    if not 0 <= retain_days <= MAX_RETAIN_DAYS:  # also refuses NaN; Delta's clock overflows far beyond
        raise ValueError(f"retain_days must be 0 or more, not {retain_days}" if not retain_days >= 0 else
                         f"retain_days must be at most {MAX_RETAIN_DAYS:,} (100 years), not {retain_days}")
    report = VacuumReport(retain_days)
    keep = protected_versions(wh, keep_commits)
    with wh.stopwatch.stage("vacuum"):
        for table in ALL_TABLES:
            if table.name not in wh.versions:
                continue
            dt = DeltaTable(str(wh.tables_dir / table.name))
            versions = sorted(v for v in keep.get(table.name, ()) if v <= dt.version())
            report.files[table.name] = dt.vacuum(
                retention_hours=int(retain_days * 24), dry_run=dry_run, enforce_retention_duration=False,
                keep_versions=versions,
            )
            if not dry_run:
                wh.versions[table.name] = DeltaTable(str(wh.tables_dir / table.name)).version()
    return report
