"""`newsetl check`: does the warehouse's state agree with itself, and what can be repaired.

Checked, in order: the run lock (a run killed before it finished), the manifest (readable, naming
versions the Delta logs hold), each table (no unpublished versions past the manifest's, every data
file of the published version present and readable), the views (news.duckdb opens, every view reads,
each lists exactly the published files), and temporary files left behind. Each problem is one line
saying what is wrong and what repairs it; `repair` fixes what can be fixed without losing a published
row (the lock, the manifest from its history, unpublished versions, the views, temporary files) and
says what it cannot (a data file lost or damaged: its rows come back from the landing folder with
`newsetl run --reprocess`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
from deltalake import DeltaTable
from filelock import FileLock, Timeout

from warehouse import layout
from warehouse import manifest as mf
from warehouse.corrections import CorrectionError
from warehouse.corrections import load as load_corrections
from warehouse.corrections_apply import orphaned
from warehouse.derived_views import DERIVED_VIEWS, PIPELINE_PREFIX
from warehouse.lock import describe_owner, owner_path
from warehouse.schema import ALL_TABLES, CONTENT_TABLES, FILES, STORY_INDEX
from warehouse.sql_text import literal
from warehouse.store import Warehouse
from warehouse.story_check import story_problems

_REBUILT = {t.name for t in (*CONTENT_TABLES, FILES, STORY_INDEX)}  # what `newsetl run --reprocess` derives anew
_PARQUET = re.compile(r"'([^']+\.parquet)'")


@dataclass
class Problem:
    """One thing wrong: `what` (one line), and `fix`, the repair (None when --repair cannot make it
    without losing rows; `advice` then says what can)."""

    what: str
    fix: Callable[[], str] | None = None
    advice: str = ""

    def line(self) -> str:
        how = "--repair fixes it" if self.fix else self.advice
        return f"{self.what}; {how}" if how else self.what


@dataclass
class CheckResult:
    problems: list[Problem]
    repaired: list[str]
    busy: str | None = None  # another run holds the lock: nothing was checked

    @property
    def healthy(self) -> bool:
        return not self.problems and self.busy is None


def check(root: Path, repair: bool = False) -> CheckResult:
    """Check the warehouse at `root` (holding its run lock, so that no run changes it meanwhile);
    with `repair`, fix what can be fixed and check again. Problems left are in the result."""
    root = Path(root).resolve()
    state = root / layout.STATE
    if not state.is_dir():
        return CheckResult([Problem(f"{root} is not a warehouse (no {layout.STATE} folder)")], [])
    lock = FileLock(str(state / layout.LOCK))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        return CheckResult([], [], busy=f"warehouse {root} is in use by a run ({describe_owner(state) or 'unknown'})")
    try:
        problems = _problems(root)
        repaired: list[str] = []
        for _ in range(4):  # a repair can uncover what it hid (views are judged once the manifest reads)
            if not repair or not any(p.fix for p in problems):
                break
            repaired += [p.fix() for p in problems if p.fix]
            problems = _problems(root)
        return CheckResult(problems, repaired)
    finally:
        lock.release()


def _problems(root: Path) -> list[Problem]:
    wh = Warehouse(root)
    problems = _lock_problems(wh)
    manifest, manifest_problems = _manifest_problems(wh)
    problems += manifest_problems
    if manifest is not None:  # the manifest, or the copy a repair restores: the rest is judged against it
        wh.versions, wh.commits = dict(manifest.versions), manifest.commits
        lost = _table_problems(wh, manifest)
        problems += lost
        views = _view_problems(wh)
        if any(p.fix is None for p in lost):  # views over lost files cannot be rebuilt before they are
            for p in views:
                p.fix, p.advice = None, "rebuilt by the same `newsetl run --reprocess`"
        problems += views
        if not lost and not views:  # the rules read the views: only over a whole, readable state
            problems += _story_problems(wh)
    return problems + _correction_problems(wh) + _leftovers(wh)


def _correction_problems(wh: Warehouse) -> list[Problem]:
    """A malformed corrections file (no view can be built until it is fixed), and each correction the
    views found orphaned."""
    try:
        load_corrections(wh.root)
    except CorrectionError as exc:
        return [Problem(f"corrections: {exc}", advice="fix or delete the line")]
    return [Problem(f"correction orphaned: {line}", advice="fix its target or delete its line")
            for line in orphaned(wh.db_path)]


def _lock_problems(wh: Warehouse) -> list[Problem]:
    killed = describe_owner(wh.state_dir)
    if killed is None:
        return []

    def fix() -> str:
        owner_path(wh.state_dir).unlink(missing_ok=True)
        return f"removed the stale lock record of {killed}"

    return [Problem(f"stale lock: a run killed before it finished ({killed}) left {owner_path(wh.state_dir)}; "
                    "no process holds the lock", fix)]


def _manifest_problems(wh: Warehouse) -> tuple[mf.Manifest | None, list[Problem]]:
    path = wh.manifest_path
    try:
        manifest = mf.read(path)
    except mf.ManifestUnreadable as exc:
        fault = str(exc)
    else:
        if manifest is None and not mf.history(path) and not wh.tables_dir.exists():
            return mf.Manifest(), []  # a new warehouse: nothing published yet
        if manifest is None:
            fault = f"{path} is missing"
        elif missing := wh.missing_versions(manifest.versions):
            fault = f"{path} names {missing[0]}"
        else:
            return manifest, []
    for entry, candidate in mf.readable_history(path):
        if not wh.missing_versions(candidate.versions):
            def fix(entry: Path = entry, candidate: mf.Manifest = candidate) -> str:
                mf.write(path, candidate)
                return f"restored {path} from {entry} (commit {candidate.commits})"
            return candidate, [Problem(f"{fault}; its newest usable copy is {entry} (commit {candidate.commits})",
                                       fix)]
    return None, [Problem(f"{fault}, and no copy of it names versions the Delta logs hold",
                          advice=f"restore {path} from a backup of the warehouse, or rebuild the warehouse "
                                 "in a new folder with `newsetl run`")]


def _table_problems(wh: Warehouse, manifest: mf.Manifest) -> list[Problem]:
    problems: list[Problem] = []
    for table in ALL_TABLES:
        path = wh.tables_dir / table.name
        if table.name not in manifest.versions:
            if path.exists():
                problems.append(Problem(f"{path} holds an unpublished first commit of an interrupted run",
                                        _recover(wh)))
            continue
        published = manifest.versions[table.name]
        latest = DeltaTable(str(path)).version()
        if latest > published:
            problems.append(Problem(f"{table.name}: versions {published + 1}..{latest} were written by an "
                                    f"interrupted commit and never published", _recover(wh)))
        for uri in DeltaTable(str(path), version=published).file_uris():
            if fault := _unreadable(uri):
                rebuilt = table.name in _REBUILT
                problems.append(Problem(
                    f"{table.name} version {published}: data file {uri} {fault}",
                    advice=(f"its rows are lost from the warehouse: `newsetl run --reprocess --landing DIR "
                            f"--warehouse {wh.root}` rebuilds them from the landing folder") if rebuilt else
                    "restore the file from a backup: the history it held cannot be rebuilt from the landing folder"))
    return problems


def _unreadable(uri: str) -> str | None:
    path = layout.file_path(uri)
    if not path.exists():
        return "is missing"
    try:
        pq.read_table(path)
    except Exception as exc:  # pyarrow raises ArrowInvalid, OSError, ... for a damaged file
        return f"does not read ({str(exc).splitlines()[0][:120]})"
    return None


def _recover(wh: Warehouse) -> Callable[[], str]:
    def fix() -> str:
        undone = wh.recover()
        return "rolled back what interrupted commits left: " + ("; ".join(undone) or "nothing")
    return fix


def _view_problems(wh: Warehouse) -> list[Problem]:
    def fix() -> str:
        wh.publish_views()
        return f"rebuilt {wh.db_path}"

    if not wh.db_path.exists():
        return [Problem(f"{wh.db_path} is missing: analysts have no views", fix)]
    try:
        con = duckdb.connect(str(wh.db_path), read_only=True)
    except duckdb.Error as exc:
        return [Problem(f"{wh.db_path} does not open ({str(exc).splitlines()[0][:120]})", fix)]
    problems = []
    try:
        for table in ALL_TABLES:
            rows = con.execute("SELECT sql FROM duckdb_views() WHERE view_name = ?", [table.name]).fetchall()
            if not rows:
                problems.append(Problem(f"{wh.db_path}: view {table.name} is missing", fix))
                continue
            listed = {Path(p).name for p in _PARQUET.findall(rows[0][0])}
            published = set()
            if table.name in wh.versions:
                dt = DeltaTable(str(wh.tables_dir / table.name), version=wh.versions[table.name])
                published = {layout.file_path(u).name for u in dt.file_uris()}
            if listed != published:
                problems.append(Problem(f"{wh.db_path}: view {table.name} reads {len(listed)} files, the published "
                                        f"version has {len(published)} ({len(listed - published)} not published)",
                                        fix))
        for name in [t.name for t in ALL_TABLES] + [v.name for v in DERIVED_VIEWS]:
            try:
                con.execute(f'SELECT count(*) FROM "{name}"').fetchall()
            except duckdb.Error as exc:
                problems.append(Problem(f"{wh.db_path}: view {name} does not read "
                                        f"({str(exc).splitlines()[0][:120]})", fix))
    finally:
        con.close()
    return problems[:1] if problems and all(p.fix is fix for p in problems) and len(problems) > 3 else problems


def _story_problems(wh: Warehouse) -> list[Problem]:
    """The story rules over the published rows as the pipeline wrote them (pipeline_* views): an article an
    analyst excluded (corrections) may be the first of a story whose copies stay."""
    con = duckdb.connect()
    try:
        con.execute(f"SET file_search_path = {literal(str(wh.root))}")
        con.execute(f"ATTACH {literal(str(wh.db_path))} AS news (READ_ONLY)")
        for name in ("articles", "story_index"):
            con.execute(f"CREATE TEMP VIEW {name} AS SELECT * FROM news.{PIPELINE_PREFIX}{name}")
        found = story_problems(con)
    finally:
        con.close()
    return [Problem(f"stories: {line}", advice=f"`newsetl run --reprocess --landing DIR --warehouse {wh.root}` "
                    "decides every story again") for line in found]


def _leftovers(wh: Warehouse) -> list[Problem]:
    found = [*wh.root.glob(f".{wh.db_path.name}.*.tmp"), *wh.state_dir.glob(".*.tmp"),
             *wh.state_dir.glob("*.tmp"), *mf.history_dir(wh.manifest_path).glob(".*.tmp")]
    problems = []
    for path in found:
        def fix(path: Path = path) -> str:
            path.unlink(missing_ok=True)
            return f"removed {path}"
        problems.append(Problem(f"{path} is a temporary file an interrupted write left behind", fix))
    return problems
