"""The warehouse on disk: Delta Lake tables, the manifest naming the published version of each,
the run lock, crash recovery, and the commit that publishes a batch.

Delta commits are atomic per table; a batch touches several tables. The manifest
(`_state/manifest.json`, replaced atomically) is what makes a batch atomic across them: views
and readers see only the table versions it names, and a run that finds a table ahead of the
manifest (a crash mid-commit) restores it to the manifest's version before doing anything else."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
from deltalake import DeltaTable, write_deltalake
from filelock import FileLock, Timeout

from instrumentation.failpoints import Failpoints
from instrumentation.stopwatch import Stopwatch
from warehouse import layout
from warehouse.schema import ALL_TABLES, ARTICLES, BY_NAME, CONTENT_TABLES, FILES, Table
from warehouse.sql_text import in_list
from warehouse.views import build_database


class WarehouseBusy(RuntimeError):
    """Another run holds the warehouse lock."""


@dataclass(frozen=True)
class KnownFile:
    """What the warehouse recorded of a file; each field is the FILES column of its name (tests check it)."""

    sha256: str
    size_bytes: int
    mtime_ns: int
    status: str
    reason: str | None
    article_id: str | None


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

    # -- opening ---------------------------------------------------------------------------
    @classmethod
    @contextmanager
    def open(cls, root: Path, lock_timeout: float = 0, failpoints: Failpoints | None = None) -> Iterator[Warehouse]:
        """Lock the warehouse for one run (waiting up to lock_timeout seconds), recover from any
        interrupted commit, and yield it."""
        wh = cls(root, failpoints)
        wh.state_dir.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(wh.state_dir / layout.LOCK))
        try:
            lock.acquire(timeout=lock_timeout)
        except Timeout:
            raise WarehouseBusy(
                f"warehouse {wh.root} is in use by another run (lock {wh.state_dir / layout.LOCK})"
            ) from None
        try:
            wh._load_manifest()
            wh.recover()
            yield wh
        finally:
            lock.release()

    def _load_manifest(self) -> None:
        if self.manifest_path.exists():
            data = json.loads(self.manifest_path.read_text())
            self.versions = {k: int(v) for k, v in data["versions"].items()}
            self.commits = int(data.get("commits", 0))

    def _write_manifest(self) -> None:
        tmp = self.manifest_path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"commits": self.commits, "versions": self.versions}, indent=2))
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, self.manifest_path)

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
            self.publish_views()
        return undone

    def _views_stale(self) -> bool:
        """True when news.duckdb is missing (a new warehouse gets its empty views at once) or
        predates the manifest (a crash between the two)."""
        if not self.db_path.exists():
            return True
        return self.manifest_path.exists() and self.db_path.stat().st_mtime_ns < self.manifest_path.stat().st_mtime_ns

    # -- reading state ---------------------------------------------------------------------
    def read(self, table: Table, columns: Sequence[str] | None = None) -> pa.Table:
        dt = self._delta(table)
        if dt is None:
            return table.schema.empty_table().select(list(columns) if columns else table.columns)
        return dt.to_pyarrow_table(columns=list(columns) if columns else None)

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
    ) -> int:
        """Publish one batch atomically: withdraw earlier versions' rows, replace the `files`
        records of `replace_paths`, append `rows` (table name -> rows), then name the new
        versions in the manifest and rebuild the views. With publish=False the manifest and
        views wait for a later commit: several commits then become visible (or, after a crash,
        vanish) together. Returns the commit number."""
        versions = dict(self.versions)
        with self.stopwatch.stage("write"):
            for table in CONTENT_TABLES:
                if withdraw_article_ids and table.name in versions:
                    versions[table.name] = self._delete(table, in_list("article_id", withdraw_article_ids))
            if replace_paths and FILES.name in versions:
                versions[FILES.name] = self._delete(FILES, in_list("path", replace_paths))
            self.failpoints.reach("commit-start")
            for name, data in rows.items():
                if data.num_rows:
                    versions[name] = self._append(BY_NAME[name], data)
                    self.failpoints.reach(f"after-{name}")
        self.versions = versions
        self.commits += 1
        if publish:
            with self.stopwatch.stage("publish"):
                self._write_manifest()  # the moment of publication
                self.failpoints.reach("after-manifest")
                self.publish_views()
        return self.commits

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
        dt = DeltaTable(str(self._path(table)))
        dt.delete(predicate)
        return dt.version()

    def _append(self, table: Table, data: pa.Table) -> int:
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
        files: dict[str, list[str]] = {}
        stored: dict[str, list[str]] = {}
        for table in ALL_TABLES:
            dt = self._delta(table)
            if dt is None:
                continue
            files[table.name] = sorted(dt.file_uris())
            stored[table.name] = [f.name for f in dt.schema().to_arrow()]
        build_database(self.db_path, files, stored)
