"""The warehouse on disk: Delta Lake tables, the manifest naming the published version of each,
the run lock, crash recovery, and the commit that publishes a batch.

Delta commits are atomic per table; a batch touches several tables. The manifest
(`_state/manifest.json`, replaced atomically) is what makes a batch atomic across them: views
and readers see only the table versions it names, and a run that finds a table ahead of the
manifest (a crash mid-commit) restores it to the manifest's version before doing anything else."""

from __future__ import annotations

import dataclasses
import os
import shutil
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
from deltalake import DeltaTable, write_deltalake

from instrumentation.failpoints import Failpoints
from instrumentation.stopwatch import Stopwatch
from warehouse import layout
from warehouse import manifest as mf
from warehouse.corrections import CorrectionError
from warehouse.faults import DiskFull, WarehouseDamaged, no_space, remove_half_written
from warehouse.lock import WarehouseBusy, run_lock
from warehouse.schema import ALL_TABLES, ARTICLE_TABLES, ARTICLES, BY_NAME, FILES, Table
from warehouse.sql_text import in_list
from warehouse.views import build_database

__all__ = ["DiskFull", "KnownFile", "Warehouse", "WarehouseBusy", "WarehouseDamaged"]


@dataclass(frozen=True)
class KnownFile:
    """What the warehouse recorded of a file; each field is the FILES column of its name (tests check it)."""

    sha256: str
    size_bytes: int
    mtime_ns: int
    status: str
    reason: str | None
    article_id: str | None
    missing_since: datetime | None = None  # when the file was found gone from the landing folder


# The FILES columns a KnownFile holds; the file's path (FILES' key) is what it is filed under.
KNOWN_FILE_COLUMNS = tuple(f.name for f in dataclasses.fields(KnownFile))


class Warehouse:
    def __init__(self, root: Path, failpoints: Failpoints | None = None) -> None:
        self.root = Path(root).resolve()  # Data Docs name files by absolute path (the views, relatively)
        self.tables_dir = self.root / layout.TABLES
        self.state_dir = self.root / layout.STATE
        self.manifest_path = self.state_dir / layout.MANIFEST
        self.db_path = layout.database(self.root)
        self.versions: dict[str, int] = {}
        self.commits = 0
        self.stopwatch = Stopwatch()  # write (Delta files), publish (manifest + views), compact
        self.failpoints = failpoints or Failpoints()  # armed only by the crash tests
        self._writing = ""  # what a write in progress is writing, for the message of a full disk
        self.notices: list[str] = []  # what opening the warehouse repaired, one line each

    # -- opening ---------------------------------------------------------------------------
    @classmethod
    @contextmanager
    def open(cls, root: Path, lock_timeout: float = 0, failpoints: Failpoints | None = None) -> Iterator[Warehouse]:
        """Lock the warehouse for one run (waiting up to lock_timeout seconds), recover from any
        interrupted commit or damaged manifest, and yield it. `notices` then says, one line each, what
        recovery did. WarehouseBusy when another run holds it; WarehouseDamaged when its state cannot
        be recovered safely (the message names the file and the repair command)."""
        wh = cls(root, failpoints)
        wh.state_dir.mkdir(parents=True, exist_ok=True)
        with run_lock(wh.root, wh.state_dir, lock_timeout) as killed:
            if killed:
                wh.notices.append(f"the previous run ({killed}) was killed before it finished; its lock is taken over")
            wh.recover()
            yield wh

    def _load_manifest(self) -> None:
        """Read the published versions. A missing or damaged manifest.json is restored from the newest
        history entry when that entry reads and every version it names is in the Delta logs (a state
        that was published or about to be, complete); otherwise WarehouseDamaged."""
        try:
            found = mf.read(self.manifest_path)
        except mf.ManifestUnreadable as exc:
            found = self._from_history(str(exc))
        else:
            if found is None and mf.history(self.manifest_path):
                found = self._from_history(f"{self.manifest_path} is missing")
            elif found is None and any(self._path(t).exists() for t in ALL_TABLES):
                # tables without any manifest: not a crash (a new warehouse gets its manifest before its
                # first commit), so which versions were published cannot be proven; never guess by deleting
                raise WarehouseDamaged(
                    f"{self.manifest_path} is missing and no copy of it is left, yet {self.tables_dir} holds "
                    f"tables: restore {self.state_dir} from a backup, or rebuild with `newsetl run --reprocess "
                    f"--landing DIR --warehouse {self.root}`"
                )
            elif found is None:  # a new warehouse: its (empty) published state, before any commit
                mf.write(self.manifest_path, mf.Manifest())
        found = found or mf.Manifest()
        self.versions, self.commits = dict(found.versions), found.commits

    def _from_history(self, fault: str) -> mf.Manifest:
        repair = f"run `newsetl check --warehouse {self.root} --repair`"
        try:
            entry, found = mf.restore_newest(self.manifest_path, self.tables_dir, fault)
        except mf.ManifestUnreadable as exc:
            raise WarehouseDamaged(f"{exc}; {repair}") from None
        self.notices.append(f"{fault}: restored the published state of commit {found.commits} from {entry}")
        return found

    def missing_versions(self, versions: Mapping[str, int]) -> list[str]:
        """'TABLE version V, absent from its Delta log' for each version in `versions` the logs lack."""
        return mf.missing_versions(self.tables_dir, versions)

    def _write_manifest(self) -> None:
        mf.write(self.manifest_path, mf.Manifest(self.commits, dict(self.versions)))

    def _path(self, table: Table) -> Path:
        return self.tables_dir / table.name

    def _delta(self, table: Table) -> DeltaTable | None:
        if table.name not in self.versions:
            return None
        return DeltaTable(str(self._path(table)), version=self.versions[table.name])

    def recover(self) -> list[str]:
        """Roll every table back to the version the manifest names; returns what was undone."""
        self.versions, self.commits = {}, 0
        self._load_manifest()
        undone = []
        for table in ALL_TABLES:
            path = self._path(table)
            if not path.exists():
                continue
            if table.name not in self.versions:
                shutil.rmtree(path)  # created by a commit that never reached the manifest
                undone.append(f"{table.name}: removed an unpublished first commit")
                continue
            dt = DeltaTable(str(path))
            if dt.version() != self.versions[table.name]:
                undone.append(f"{table.name}: rolled back from version {dt.version()} to {self.versions[table.name]}")
                dt.restore(self.versions[table.name])
                self.versions[table.name] = DeltaTable(str(path)).version()
        if undone:
            self._write_manifest()
        for stale in self.root.glob(f".{self.db_path.name}.*.tmp"):
            stale.unlink()  # a views rebuild that a crash interrupted
        if undone or self._views_stale():
            try:
                self.publish_views()
            except WarehouseDamaged as exc:  # a lost or damaged data file: a run that needs it stops, --reprocess not
                self.notices.append(f"{self.db_path} not rebuilt: {exc}")
        return undone

    def _views_stale(self) -> bool:
        """True when news.duckdb is missing (a new warehouse gets its empty views at once) or
        predates the manifest (a crash between the two)."""
        if not self.db_path.exists():
            return True
        return self.manifest_path.exists() and self.db_path.stat().st_mtime_ns < self.manifest_path.stat().st_mtime_ns

    # -- reading state ---------------------------------------------------------------------
    def read(self, table: Table, columns: Sequence[str] | None = None) -> pa.Table:
        """The published rows of `table`; WarehouseDamaged, in one line, when its files do not read."""
        if table.name not in self.versions:
            return table.schema.empty_table().select(list(columns) if columns else table.columns)
        try:
            dt = self._delta(table)
            stored = set(dt.schema().to_arrow().names)
            wanted = list(columns) if columns else table.columns
            data = dt.to_pyarrow_table(columns=[c for c in wanted if c in stored])
            for name in wanted:  # a column added after these files were written reads as NULL, as in the views
                if name not in stored:
                    field = table.schema.field(name)
                    data = data.append_column(field, pa.nulls(data.num_rows, field.type))
            return data.select(wanted)
        except Exception as exc:  # deltalake and pyarrow raise their own types for a lost or damaged file
            first = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else type(exc).__name__
            raise WarehouseDamaged(f"table {table.name} version {self.versions[table.name]} does not read "
                                   f"({first}); run `newsetl check --warehouse {self.root}`") from None

    def read_matching(self, table: Table, column: str, values: Sequence[str]) -> pa.Table:
        """The published rows of `table` whose `column` is one of `values` (every column), scanning only
        what the filter needs; WarehouseDamaged as read() when its files do not read."""
        if not values or table.name not in self.versions:
            return table.schema.empty_table()
        try:
            data = self._delta(table).to_pyarrow_dataset().to_table(filter=pc.field(column).isin(list(values)))
        except Exception as exc:  # deltalake and pyarrow raise their own types for a lost or damaged file
            first = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else type(exc).__name__
            raise WarehouseDamaged(f"table {table.name} version {self.versions[table.name]} does not read "
                                   f"({first}); run `newsetl check --warehouse {self.root}`") from None
        for field in table.schema:  # a column added after these files were written reads as NULL
            if field.name not in data.column_names:
                data = data.append_column(field.remove_metadata(), pa.nulls(data.num_rows, field.type))
        return data.select(table.columns)

    def known_files(self) -> dict[str, KnownFile]:
        """path -> what the warehouse recorded of the file there."""
        (path,) = FILES.key
        return {r.pop(path): KnownFile(**r) for r in self.read(FILES, [path, *KNOWN_FILE_COLUMNS]).to_pylist()}

    def published_articles(self) -> dict[str, str]:
        """article_id -> source_path of every published article."""
        t = self.read(ARTICLES, ["article_id", "source_path"])
        return dict(zip(t.column("article_id").to_pylist(), t.column("source_path").to_pylist(), strict=True))

    # -- writing ---------------------------------------------------------------------------
    def commit(
        self,
        rows: Mapping[str, pa.Table],
        withdraw_article_ids: Sequence[str] = (),
        replace_paths: Sequence[str] = (),
        publish: bool = True,
        rewrite_article_ids: Sequence[str] = (),
    ) -> int:
        """Publish one batch atomically: withdraw earlier versions' rows, replace the `files`
        records of `replace_paths` and the `articles` rows of `rewrite_article_ids` (their new rows,
        e.g. a changed story, are among `rows`; their quotes and entities stay), append `rows` (table
        name -> rows), then name the new versions in the manifest and rebuild the views. With
        publish=False the manifest and views wait for a later commit: several commits then become
        visible (or, after a crash, vanish) together. Returns the commit number."""
        started_ns = time.time_ns()
        try:
            return self._commit(rows, withdraw_article_ids, replace_paths, publish, rewrite_article_ids)
        except Exception as exc:
            if not no_space(exc):
                raise
            writing = self._writing
            self._abandon(started_ns)
            raise DiskFull(f"no space left on device writing {writing}; the published state is unchanged") from None

    def _commit(self, rows: Mapping[str, pa.Table], withdraw_article_ids: Sequence[str],
                replace_paths: Sequence[str], publish: bool, rewrite_article_ids: Sequence[str] = ()) -> int:
        versions = dict(self.versions)
        with self.stopwatch.stage("write"):
            for table in ARTICLE_TABLES:
                if withdraw_article_ids and table.name in versions:
                    versions[table.name] = self._delete(table, in_list("article_id", withdraw_article_ids))
            if rewrite_article_ids and ARTICLES.name in versions:
                versions[ARTICLES.name] = self._delete(ARTICLES, in_list("article_id", rewrite_article_ids))
            if replace_paths and FILES.name in versions:
                versions[FILES.name] = self._delete(FILES, in_list("path", replace_paths))
            self.failpoints.reach("commit-start")
            for name, data in rows.items():
                if data.num_rows:
                    versions[name] = self._append(BY_NAME[name], data)
                    self.failpoints.reach(f"after-{name}")
        if publish:
            with self.stopwatch.stage("publish"):
                # The views are written first, under a temporary name: a full disk fails there, before
                # the manifest (the moment of publication) names the new versions.
                staged = self._stage_views(versions)
                self.versions, self.commits = versions, self.commits + 1
                self._writing = f"{layout.STATE}/{layout.MANIFEST}"
                self._write_manifest()
                self.failpoints.reach("after-manifest")
                self._put_views(staged)
        else:
            self.versions, self.commits = versions, self.commits + 1
        return self.commits

    def _abandon(self, since_ns: int) -> None:
        """After a full disk: remove what the failed commit left half-written, and return to the
        published state where space allows (a rollback that fails for want of space is finished by
        the next run's recovery)."""
        remove_half_written(self.root, self.db_path.name, [self._path(t) for t in ALL_TABLES], since_ns)
        try:
            self.recover()
        except Exception as exc:
            if not no_space(exc):
                raise
            self.versions, self.commits = {}, 0
            self._load_manifest()

    def compact(self, files_per_partition: int = 4) -> list[str]:
        """Rewrite tables whose commits left many small files into one file per partition, so that
        views list few files; unpublished until the next commit. Old files stay for open readers."""
        done = []
        with self.stopwatch.stage("compact"):
            for table in ALL_TABLES:
                dt = self._delta(table)
                if dt is None:
                    continue
                partitions = len(dt.partitions()) if table.partition_by else 1
                if len(dt.file_uris()) > files_per_partition * max(1, partitions):
                    DeltaTable(str(self._path(table))).optimize.compact()
                    self.versions[table.name] = DeltaTable(str(self._path(table))).version()
                    done.append(table.name)
        return done

    def delete_all(self, tables: Sequence[Table], publish: bool = True) -> None:
        """Empty the tables (their history stays in the Delta log), as one commit."""
        for table in tables:
            if table.name in self.versions:
                self.versions[table.name] = self._delete(table, None)
        self.commits += 1
        if publish:
            self._write_manifest()
            self.publish_views()

    def _delete(self, table: Table, predicate: str | None) -> int:
        self._writing = f"{layout.TABLES}/{table.name}"
        dt = DeltaTable(str(self._path(table)))
        dt.delete(predicate)
        return dt.version()

    def _append(self, table: Table, data: pa.Table) -> int:
        self._writing = f"{layout.TABLES}/{table.name}"
        # Without the column comments: Delta refuses to append a column whose comment differs from the one it
        # stored when the table was created (so any comment edit broke existing warehouses); views take theirs
        # from warehouse.schema.
        data = data.select(table.columns).cast(table.storage_schema)
        write_deltalake(
            str(self._path(table)), data, mode="append",
            partition_by=list(table.partition_by) or None, schema_mode="merge",
        )
        return DeltaTable(str(self._path(table))).version()

    def publish_views(self) -> None:
        """Rebuild news.duckdb over the published versions, replacing the old file atomically."""
        self._put_views(self._stage_views(self.versions))

    def _put_views(self, staged: Path) -> None:
        os.replace(staged, self.db_path)
        os.utime(self.db_path)  # newer than the manifest it follows: not stale (see _views_stale)

    def _stage_views(self, versions: Mapping[str, int]) -> Path:
        """news.duckdb for `versions`, written under a temporary name (which recovery removes when a
        crash leaves it); returns that name."""
        files: dict[str, list[str]] = {}
        stored: dict[str, list[str]] = {}
        for table in ALL_TABLES:
            if table.name not in versions:
                continue
            dt = DeltaTable(str(self._path(table)), version=versions[table.name])
            files[table.name] = sorted(dt.file_uris())
            stored[table.name] = [f.name for f in dt.schema().to_arrow()]
        staged = self.root / f".{self.db_path.name}.staged.tmp"
        self._writing = self.db_path.name
        try:
            build_database(staged, files, stored)
        except CorrectionError as exc:  # edited since the run's preflight: the published state stays as it was
            staged.unlink(missing_ok=True)
            raise WarehouseDamaged(f"the views were not rebuilt: corrections: {exc}") from None
        except Exception as exc:
            staged.unlink(missing_ok=True)
            if no_space(exc):
                raise
            first = str(exc).strip().splitlines()[0][:200]
            raise WarehouseDamaged(f"the views cannot be built over the published files ({first}); "
                                   f"run `newsetl check --warehouse {self.root}`") from None
        return staged
