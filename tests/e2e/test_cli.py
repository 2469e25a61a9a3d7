"""The command line as users call it: a subprocess, its exit status and what it prints."""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import duckdb
import psutil
import pytest
from filelock import FileLock

from tests.e2e.processes import free_port

pytestmark = pytest.mark.e2e
NEWSETL = Path(sys.executable).parent / "newsetl"


def newsetl(*args: str, home: Path, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_API_URL": ""}
    return subprocess.run([str(NEWSETL), *args], capture_output=True, text=True, env=env, timeout=600, cwd=cwd)


def test_run_prints_a_clean_summary_then_report(landing, tmp_path):
    (landing / "junk.txt").write_bytes(b"\x00\x01\x02 binary")
    # relative folders, as `make run` passes them
    res = newsetl("run", "--landing", "landing", "--warehouse", "wh", home=tmp_path / "ph", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    out = res.stdout + res.stderr
    for noise in ("traceback", "warning", "error", "%|", "database is locked"):
        assert noise not in out.lower(), out
    assert "data docs: " in out and (tmp_path / "wh" / "data_docs" / "index.html").exists()
    assert "files seen" in out and "quarantined" in out and "junk.txt: binary content" in out
    rep = newsetl("report", "--warehouse", str(tmp_path / "wh"), home=tmp_path / "ph")
    assert rep.returncode == 0, rep.stderr
    assert "Dmitry Peskov" in rep.stdout


def test_missing_landing_folder_is_a_one_line_error(tmp_path):
    res = newsetl("run", "--landing", str(tmp_path / "nope"), "--warehouse", str(tmp_path / "wh"), home=tmp_path)
    assert res.returncode == 1
    expected = f"newsetl: landing folder {tmp_path / 'nope'} does not exist or is not a folder"
    assert res.stderr.strip().splitlines() == [expected]


def test_busy_warehouse_exits_with_a_clear_message(landing, tmp_path):
    wh = tmp_path / "wh"
    (wh / "_state").mkdir(parents=True)
    with FileLock(str(wh / "_state" / "run.lock")):
        res = newsetl("run", "--landing", str(landing), "--warehouse", str(wh), home=tmp_path / "ph")
    assert res.returncode == 1
    assert "in use by another run" in res.stderr and "Traceback" not in res.stderr


def test_rerun_with_nothing_new_is_recorded_without_a_flow_run(landing, tmp_path):
    wh, home = tmp_path / "wh", tmp_path / "ph"
    first = newsetl("run", "--landing", str(landing), "--warehouse", str(wh), "--profile", home=home)
    assert first.returncode == 0, first.stderr
    profile = first.stdout[first.stdout.index("where the time went"):]
    for stage in ("parse", "nlp", "quotes", "entities", "validate", "write", "publish", "wait for workers"):
        assert f" {stage} " in profile, profile

    again = newsetl("run", "--landing", str(landing), "--warehouse", str(wh), home=home)
    assert again.returncode == 0, again.stderr
    assert "nothing new or changed since the last run" in again.stdout
    (landing / "extra.txt").write_text((landing / "000_e9f2a0a8075f9824.txt").read_text().replace("2023", "2022"))
    third = newsetl("run", "--landing", str(landing), "--warehouse", str(wh), home=home)
    assert third.returncode == 0, third.stderr
    assert "nothing new" not in third.stdout

    with duckdb.connect(str(wh / "news.duckdb"), read_only=True) as db:
        runs = db.execute("SELECT flow_run_name IS NOT NULL, files_seen, files_unchanged, published "
                      "FROM runs ORDER BY started_at").fetchall()
        articles = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert runs == [(True, 1, 0, 1), (False, 1, 1, 0), (True, 2, 1, 1)]
    assert articles == 2


def test_a_run_starts_one_prefect_server_for_itself_and_its_workers(landing, tmp_path):
    # Prefect's threads read its process-wide settings: were the temporary server's URL only in the
    # flow's context, the process pool's message forwarder would start a second server.
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "ph"), "PREFECT_API_URL": ""}
    proc = psutil.Popen([str(NEWSETL), "run", "--landing", str(landing), "--warehouse", str(tmp_path / "wh")],
                        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    servers: set[int] = set()
    while proc.poll() is None:
        try:
            for child in proc.children(recursive=True):
                with contextlib.suppress(psutil.Error):
                    if "uvicorn" in child.cmdline():
                        servers.add(child.pid)
        except psutil.Error:
            pass
        time.sleep(0.05)
    assert proc.returncode == 0, proc.stderr.read().decode()
    assert len(servers) == 1


@pytest.mark.parametrize(("args", "code", "message"), [
    (["--task-runner", "foo"], 1, "newsetl: unknown task runner 'foo': choose one of process, thread, dask"),
    (["--batch-size", "0"], 1, "newsetl: batch_size must be at least 1, not 0"),
    (["--model", "no_such_model"], 1, "newsetl: spaCy model 'no_such_model' not found: "),
    (["--task-runner", "dask", "--dask-address", "tcp://127.0.0.1:{port}"], 1,
     "newsetl: cannot reach the Dask scheduler at tcp://127.0.0.1:{port}: Connection refused; start it"),
    (["--batch-size", "abc"], 2, "newsetl run: Invalid value for '--batch-size': "),
    (["--bogus"], 2, "newsetl run: No such option: --bogus"),
])
def test_a_bad_argument_fails_in_one_line_before_anything_is_written(landing, tmp_path, args, code, message):
    port = str(free_port())  # nothing listens there
    args = [a.replace("{port}", port) for a in args]
    res = newsetl("run", "--landing", str(landing), "--warehouse", str(tmp_path / "wh"), *args, home=tmp_path / "ph")
    assert res.returncode == code and res.stdout == ""
    assert res.stderr.startswith(message.replace("{port}", port)) and len(res.stderr.splitlines()) == 1, res.stderr
    assert not (tmp_path / "wh").exists()  # no warehouse, news.duckdb or lock for a run that cannot start


def read_only(folder: Path) -> list[str]:
    """A command prefix under which `folder` is read-only for real: a read-only bind mount in a private mount
    namespace for root (whom permission bits do not stop), the permission bits for anyone else."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        return []
    if subprocess.run(["unshare", "-m", "true"], capture_output=True).returncode != 0:
        pytest.fail("root without mount namespaces: cannot make a folder read-only for this test")
    return ["unshare", "-m", "sh", "-c", f'mount --bind -o ro "{folder}" "{folder}" && exec "$@"', "sh"]


def test_a_read_only_warehouse_is_one_line_for_a_new_and_an_existing_one(landing, tmp_path):
    home = tmp_path / "ph"
    parent = tmp_path / "readonly"
    parent.mkdir()
    env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_API_URL": ""}
    new = subprocess.run([*read_only(parent), str(NEWSETL), "run", "--landing", str(landing), "--warehouse",
                          str(parent / "wh")], capture_output=True, text=True, env=env, timeout=600)
    assert new.returncode == 1 and new.stdout == ""
    assert new.stderr.startswith(f"newsetl: warehouse {parent / 'wh'} is not writable: ")
    assert "--warehouse" in new.stderr  # what to do
    assert len(new.stderr.splitlines()) == 1 and not (parent / "wh").exists()
    if os.geteuid() != 0:
        parent.chmod(0o755)

    wh = tmp_path / "wh"
    assert newsetl("run", "--landing", str(landing), "--warehouse", str(wh), home=home).returncode == 0
    before = sorted((p.relative_to(wh), p.stat().st_mtime_ns) for p in wh.rglob("*"))
    for extra in ([], ["--reprocess"]):
        res = subprocess.run([*read_only(wh), str(NEWSETL), "run", "--landing", str(landing), "--warehouse", str(wh),
                              *extra], capture_output=True, text=True, env=env, timeout=600)
        assert res.returncode == 1 and res.stdout == "", res.stderr
        assert res.stderr.startswith(f"newsetl: warehouse {wh} is not writable: ") and len(res.stderr.splitlines()) == 1
    if os.geteuid() != 0:
        wh.chmod(0o755)
    assert sorted((p.relative_to(wh), p.stat().st_mtime_ns) for p in wh.rglob("*")) == before


def test_an_unexpected_error_is_one_line_and_verbose_shows_the_traceback(tmp_path):
    (tmp_path / "wh").mkdir()
    (tmp_path / "wh" / "news.duckdb").write_bytes(b"this is not a DuckDB database" * 200)
    quiet = newsetl("report", "--warehouse", str(tmp_path / "wh"), home=tmp_path)
    assert quiet.returncode == 1 and quiet.stdout == ""
    assert quiet.stderr.startswith(f"newsetl: cannot read {tmp_path / 'wh' / 'news.duckdb'}: ")
    assert len(quiet.stderr.splitlines()) == 1
    loud = newsetl("report", "--warehouse", str(tmp_path / "wh"), "-v", home=tmp_path)
    assert loud.returncode == 1 and "Traceback (most recent call last)" in loud.stderr
    assert loud.stderr.splitlines()[-1] == quiet.stderr.strip()


@pytest.mark.parametrize(("args", "message"), [
    (["--cron", "61 25 * * *"], "newsetl: bad schedule --cron '61 25 * * *' --timezone 'UTC': Invalid cron string"),
    (["--timezone", "Mars/Base"], "newsetl: bad schedule --cron '0 6 * * *' --timezone 'Mars/Base': unknown time zone"),
])
def test_serve_refuses_a_bad_schedule_in_one_line(landing, tmp_path, args, message):
    res = newsetl("serve", "--landing", str(landing), "--warehouse", str(tmp_path / "wh"), *args, home=tmp_path)
    assert res.returncode == 1 and res.stderr.startswith(message) and len(res.stderr.splitlines()) == 1, res.stderr
    assert not (tmp_path / "wh").exists()


def in_terminal(cmd: list[str], env: dict[str, str], columns: int = 120) -> tuple[int, str]:
    """Run `cmd` with a pseudo-terminal as its stdin, stdout and stderr, as a person at a terminal would;
    its exit status and everything it drew."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
    proc = subprocess.Popen(cmd, stdin=slave, stdout=slave, stderr=slave, env={**env, "TERM": "xterm-256color"},
                            start_new_session=True)
    os.close(slave)
    drawn = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the terminal's other side closed
            break
        if not data:
            break
        drawn.append(data)
    os.close(master)
    text = b"".join(drawn).decode("utf-8", errors="replace")
    return proc.wait(timeout=60), re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", text)  # colours and cursor moves out


def test_progress_shows_on_a_terminal_only_and_the_summary_time_is_the_wall_clock(landing, tmp_path):
    seed = (landing / "000_e9f2a0a8075f9824.txt").read_text(encoding="utf-8")
    for year in range(2015, 2020):  # six distinct articles
        (landing / f"{year}.txt").write_text(seed.replace("2023", str(year)), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    env.update(PREFECT_HOME=str(tmp_path / "ph"), PREFECT_API_URL="")
    args = [str(NEWSETL), "run", "--landing", str(landing), "--batch-size", "1", "--workers", "1"]

    started = time.monotonic()
    code, drawn = in_terminal([*args, "--warehouse", str(tmp_path / "tty")], env)
    waited = time.monotonic() - started
    assert code == 0, drawn
    assert re.search(r"processing .*\b[1-6]/6 files", drawn), drawn  # files done of the total
    assert "left" in drawn and "files/s" in drawn
    took = float(re.search(r"completed in ([\d.]+)s", drawn)[1])
    assert waited - 3 < took <= waited  # what the user waited, not the flow's share of it

    piped = subprocess.run([*args, "--warehouse", str(tmp_path / "piped")], capture_output=True, text=True,
                           env=env, timeout=600)
    assert piped.returncode == 0, piped.stderr
    assert "/6 files" not in piped.stdout + piped.stderr and "\x1b" not in piped.stdout + piped.stderr
    assert piped.stderr == ""
