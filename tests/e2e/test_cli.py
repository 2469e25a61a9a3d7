"""The command line as users call it: a subprocess, its exit status and what it prints."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import psutil
import pytest
from filelock import FileLock

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
