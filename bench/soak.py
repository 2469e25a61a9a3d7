"""The soak test (`make soak`): many consecutive runs of the real command line on one warehouse over a
landing folder that changes at random between runs (new files, edits, renames, byte copies, deletions,
bad files, a file growing while the run reads it), a SIGKILL at a random moment in a third of them and
an immediate vacuum (--retain-days 0) in some. After every run that completes, the invariants hold:

- files reconcile: every landing file has a `files` row, and every row of a file still present says
  published, duplicate or quarantined, with its article when it has one;
- the tables equal a clean rebuild from the same landing state, modulo run ids and history (which of
  two copies was seen first, files read again next run, rows kept for files gone from the folder);
- the views read and `newsetl check` finds nothing wrong.

After a killed run, readers see whole articles only. The last state, after one run with nothing new,
equals one clean run over the final folder. Every step prints the seed; a failure prints how to replay.

    python bench/soak.py [--runs 30] [--seed N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.articles import COUNCIL, GARDEN, HARBOUR  # noqa: E402

NEWSETL = Path(sys.executable).parent / "newsetl"
RUN_ARGS = ["--batch-size", "2", "--commit-size", "3", "--task-runner", "thread", "--workers", "1"]
TEMPLATES = [HARBOUR, GARDEN, COUNCIL]
BAD = [b"", b"   \n\t\n", b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)),
       b" date 2023-02-30 WORLD\nHeadline\n\nBody.\n", b" date 2024-01-01 WORLD\nHeadline only\n"]
PENDING = "read again by the next run"


class SoakFailure(AssertionError):
    pass


def article(rng: random.Random, n: int) -> str:
    text = rng.choice(TEMPLATES)
    return text.replace("2024", str(2000 + n % 24)).replace("Marsh", f"Marsh{n}").replace("Greer", f"Greer{n}")


class Landing:
    """The landing folder and the random changes made to it between runs."""

    def __init__(self, root: Path, rng: random.Random) -> None:
        self.root, self.rng, self.counter = root, rng, 0
        root.mkdir(parents=True)

    def files(self) -> list[Path]:
        return sorted(p for p in self.root.rglob("*.txt") if p.is_file())

    def new_name(self) -> Path:
        self.counter += 1
        folder = self.root / self.rng.choice(["", "", "sub", "sub/deeper"])
        folder.mkdir(parents=True, exist_ok=True)
        return folder / f"f{self.counter:04d}.txt"

    def change(self) -> list[str]:
        rng, done = self.rng, []
        for _ in range(rng.randint(1, 4)):
            self.new_name().write_text(article(rng, rng.randint(0, 10_000)))
            done.append("new")
        existing = self.files()
        actions = ["edit", "rename", "copy", "delete", "bad", "touch"]
        for action in rng.sample(actions, rng.randint(1, 4)):
            if not existing:
                break
            victim = rng.choice(existing)
            if action == "edit":
                victim.write_text(article(rng, rng.randint(0, 10_000)))
            elif action == "rename":
                victim.rename(self.new_name())
            elif action == "copy":
                shutil.copyfile(victim, self.new_name())
            elif action == "delete":
                victim.unlink()
            elif action == "bad":
                self.new_name().write_bytes(rng.choice(BAD))
            elif action == "touch":
                victim.touch()
            existing = self.files()
            done.append(action)
        return done

    def grow_while_read(self, stop: threading.Event) -> threading.Thread:
        """A writer appending to one file for as long as the run lasts."""
        path = self.new_name()
        path.write_text(article(self.rng, self.rng.randint(0, 10_000)))

        def append() -> None:
            with open(path, "a") as fh:
                while not stop.is_set():
                    fh.write("More words arrive.\n")
                    fh.flush()
                    time.sleep(0.05)

        thread = threading.Thread(target=append, daemon=True)
        thread.start()
        return thread


def newsetl_run(landing: Path, wh: Path, retain_days: float = 7, kill_after: float | None = None) -> int:
    args = [str(NEWSETL), "run", "--landing", str(landing), "--warehouse", str(wh), "--retain-days", str(retain_days)]
    proc = subprocess.Popen([*args, *RUN_ARGS], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if kill_after is not None:
        try:
            proc.wait(timeout=kill_after)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
    out, _ = proc.communicate(timeout=900)
    if proc.returncode not in (0, -signal.SIGKILL):
        raise SoakFailure(f"run failed ({proc.returncode}):\n{out}")
    return proc.returncode


def query(wh: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(wh / "news.duckdb"), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def pending(wh: Path, landing: Path) -> set[str]:
    """Paths the warehouse will read again next run: recorded unread for a passing reason (gone or changed
    mid-run), or changed on disk since the run recorded them (a writer still at work when it ended)."""
    out = set()
    for path, sha, reason, size, mtime in query(wh, "select path, sha256, reason, size_bytes, mtime_ns from files "
                                                    "where missing_since is null"):
        disk = landing / path
        unread = sha == "" and (reason or "").endswith(PENDING)
        moved = sha != "" and disk.is_file() and (disk.stat().st_size, disk.stat().st_mtime_ns) != (size, mtime)
        if unread or moved:
            out.add(path)
    return out


def state(wh: Path, skip: set[str]) -> dict[str, set]:
    """What a clean rebuild must equal, modulo run ids and history: each present file's bytes and fate
    (published and duplicate are both 'has this article'), and the articles, quotes and entities of those
    files, leaving out the files in `skip` (to be read again)."""
    files = query(wh, "select path, sha256, status, reason, article_id from files where missing_since is null")
    present = {(p, sha, "article" if status != "quarantined" else reason, aid)
               for p, sha, status, reason, aid in files if p not in skip}
    ids = sorted({aid for *_, aid in present if aid})
    ids_sql = "(" + ",".join(f"'{i}'" for i in ids) + ")" if ids else "(NULL)"
    return {
        "files": present,
        "articles": set(query(wh, f"select * exclude (run_id, source_path, source_sha256) from articles "
                                  f"where article_id in {ids_sql}")),
        "quotes": set(query(wh, f"select * from quotes where article_id in {ids_sql}")),
        "entities": {tuple(map(str, r)) for r in query(wh, f"select * from entities where article_id in {ids_sql}")},
    }


def compare(wh: Path, landing: Path, clean_wh: Path, clean_landing: Path, label: str) -> None:
    skip = pending(wh, landing) | pending(clean_wh, clean_landing)
    mine, clean = state(wh, skip), state(clean_wh, skip)
    for table in mine:
        if mine[table] != clean[table]:
            raise SoakFailure(f"{label}: {table} differ from a clean rebuild: only here "
                              f"{sorted(mine[table] - clean[table])[:3]}, only in the rebuild "
                              f"{sorted(clean[table] - mine[table])[:3]}")


def check_invariants(wh: Path, landing: Path, scratch: Path, label: str) -> None:
    on_disk = {p.relative_to(landing).as_posix() for p in landing.rglob("*.txt")}
    recorded = dict(query(wh, "select path, status from files where missing_since is null"))
    if missing := on_disk - set(recorded):
        raise SoakFailure(f"{label}: landing files without a files row: {sorted(missing)[:5]}")
    dangling = query(wh, "select f.path from files f left join articles a using (article_id) "
                         "where f.article_id is not null and a.article_id is null")
    if dangling:
        raise SoakFailure(f"{label}: files naming an article that is not there: {dangling[:5]}")
    orphans = query(wh, "select count(*) from quotes q left join articles a using (article_id) "
                        "where a.article_id is null")
    if orphans != [(0,)]:
        raise SoakFailure(f"{label}: quotes without their article: {orphans}")
    check = subprocess.run([str(NEWSETL), "check", "--warehouse", str(wh)], capture_output=True, text=True)
    if check.returncode != 0:
        raise SoakFailure(f"{label}: newsetl check: {check.stdout}{check.stderr}")
    shutil.rmtree(scratch, ignore_errors=True)
    shutil.copytree(landing, scratch / "landing", copy_function=shutil.copy2)
    newsetl_run(scratch / "landing", scratch / "wh")
    compare(wh, landing, scratch / "wh", scratch / "landing", label)


def soak(runs: int, seed: int, base: Path) -> None:
    rng = random.Random(seed)
    landing, wh, scratch = Landing(base / "landing", rng), base / "wh", base / "scratch"
    kills = planned = 0
    durations = [8.0]  # seconds of completed runs: a kill is drawn inside a typical run, not after its end
    for n in range(1, runs + 1):
        changes = landing.change()
        kill = rng.random() < 1 / 3
        retain = 0 if rng.random() < 0.3 else 7
        stop = threading.Event()
        grower = landing.grow_while_read(stop) if rng.random() < 0.3 else None
        t0 = time.monotonic()
        typical = sorted(durations)[len(durations) // 2]
        planned += kill
        code = newsetl_run(landing.root, wh, retain, kill_after=rng.uniform(0.3, 0.9 * typical) if kill else None)
        stop.set()
        if grower:
            grower.join()
        what = "killed" if code else "completed"
        growing = ", a file growing" if grower else ""
        print(f"soak seed {seed} run {n}/{runs}: {what} in {time.monotonic() - t0:.0f}s "
              f"(changes: {', '.join(changes)}{growing}, retain {retain} days)", flush=True)
        if code:
            kills += 1
            if (wh / "news.duckdb").exists():
                query(wh, "select count(*) from articles")  # readers still read
            continue
        durations.append(time.monotonic() - t0)
        check_invariants(wh, landing.root, scratch, f"run {n}")
    newsetl_run(landing.root, wh)  # nothing changes: whatever was left to read again is read now
    final = base / "final"
    shutil.copytree(landing.root, final / "landing", copy_function=shutil.copy2)
    newsetl_run(final / "landing", final / "wh")
    compare(wh, landing.root, final / "wh", final / "landing", "final state")
    if pending(wh, landing.root):
        raise SoakFailure(f"final state: files still to be read again: {sorted(pending(wh, landing.root))[:5]}")
    print(f"soak seed {seed}: {runs} runs, {kills} killed ({planned} kills drawn), invariants held after every "
          "run; the final state equals one clean run over the final folder", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--keep", type=Path, default=None, help="work in this folder and keep it")
    args = parser.parse_args()
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1, 10**9)
    base = args.keep or Path(tempfile.mkdtemp(prefix=f"newsetl-soak-{seed}-"))
    print(f"soak seed {seed}: {args.runs} runs in {base}", flush=True)
    from flows.api import prefect_api  # one Prefect server for every run of the soak

    try:
        with prefect_api():
            soak(args.runs, seed, base)
    except SoakFailure as exc:
        print(f"soak FAILED (seed {seed}): {exc}\nreplay: make soak SOAK_SEED={seed} SOAK_RUNS={args.runs}")
        return 1
    if args.keep is None:
        shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
