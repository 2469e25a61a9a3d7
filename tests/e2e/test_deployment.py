"""The deployment as data engineers run it: a real `prefect server start`, `newsetl serve`, and
`prefect deployment run news-etl/daily --watch`, all as separate processes on loopback."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

import duckdb
import pytest

from tests.e2e.processes import free_port, wait_for

pytestmark = pytest.mark.e2e
BIN = Path(sys.executable).parent


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/health", timeout=2) as r:
            return r.status == 200
    except OSError:
        return False


@pytest.fixture
def prefect_server_process(tmp_path):
    """`prefect server start` on a free loopback port, with its own home and database."""
    port = free_port()
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect-home"), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    env.pop("PREFECT_API_URL", None)
    url = f"http://127.0.0.1:{port}/api"
    with open(tmp_path / "server.log", "w") as log:
        proc = subprocess.Popen([str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
                                env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            wait_for(lambda: healthy(url), 120, "prefect server")
            yield {**env, "PREFECT_API_URL": url}
        finally:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=30)


def test_served_deployment_runs_on_demand(prefect_server_process, landing, tmp_path):
    env = prefect_server_process
    served_wh, wh = tmp_path / "served-default", tmp_path / "wh"
    with open(tmp_path / "serve.log", "w") as serve_log:
        serve = subprocess.Popen(
            [str(BIN / "newsetl"), "serve", "--landing", str(landing), "--warehouse", str(served_wh)],
            env=env, stdout=serve_log, stderr=subprocess.STDOUT, start_new_session=True,
        )
    try:
        def registered() -> bool:
            r = subprocess.run([str(BIN / "prefect"), "deployment", "inspect", "news-etl/daily"],
                               env=env, capture_output=True, text=True)
            return r.returncode == 0
        wait_for(registered, 120, "deployment news-etl/daily")
        inspect = subprocess.run([str(BIN / "prefect"), "deployment", "inspect", "news-etl/daily"],
                                 env=env, capture_output=True, text=True).stdout
        assert "0 6 * * *" in inspect  # the daily schedule, 06:00 UTC
        # the parameters' descriptions, which the Prefect UI shows beside each
        assert "folder of raw `*.txt` article files" in inspect and "tcp://HOST:PORT of a Dask scheduler" in inspect
        run = subprocess.run(
            [str(BIN / "prefect"), "deployment", "run", "news-etl/daily", "-p", f"landing={landing}",
             "-p", f"warehouse={wh}", "--watch"],
            env=env, capture_output=True, text=True, timeout=600,
        )
        (tmp_path / "run.log").write_text(run.stdout + run.stderr)
        assert run.returncode == 0, run.stdout + run.stderr
        assert "Completed" in run.stdout
        docs = subprocess.run([str(BIN / "prefect"), "artifact", "inspect", "news-etl-data-docs"],
                              env=env, capture_output=True, text=True)
        assert (wh / "data_docs" / "index.html").resolve().as_uri() in "".join(docs.stdout.split()), docs.stdout
        # the served deployment publishes the HTML report too (report=True), written beside the warehouse
        page = subprocess.run([str(BIN / "prefect"), "artifact", "inspect", "news-etl-report"],
                              env=env, capture_output=True, text=True)
        assert (wh / "report.html").resolve().as_uri() in "".join(page.stdout.split()), page.stdout
        assert "Dmitry Peskov" in (wh / "report.html").read_text(encoding="utf-8")
    finally:
        os.killpg(serve.pid, signal.SIGTERM)
        serve.wait(timeout=60)
    con = duckdb.connect(str(wh / "news.duckdb"), read_only=True)
    assert con.execute("select count(*) from articles").fetchone() == (1,)
    assert con.execute("select speaker from quotes where text like 'Obviously%'").fetchone() == ("Dmitry Peskov",)
    assert con.execute("select count(*) from runs").fetchone() == (1,)
    assert not served_wh.exists()  # the run used the parameters given, not the deployment's defaults


def test_prefect_yaml_deploys_to_a_process_work_pool(prefect_server_process, landing, tmp_path):
    """`prefect deploy --all` from the project folder, then a process worker runs the flow run."""
    env = {**prefect_server_process, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}", "PREFECT_LOGGING_LEVEL": "INFO"}
    root = Path(__file__).resolve().parents[2]
    wh = tmp_path / "wh"

    def prefect(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
        return subprocess.run([str(BIN / "prefect"), *args], env={**env, "PWD": str(root)}, cwd=root,
                              capture_output=True, text=True, timeout=timeout)

    assert prefect("work-pool", "create", "newsetl", "--type", "process").returncode == 0
    deployed = prefect("deploy", "--all")
    assert deployed.returncode == 0, deployed.stdout + deployed.stderr

    # `newsetl serve` on the same server must not take the work pool's deployment over
    refused = subprocess.run([str(BIN / "newsetl"), "serve", "--landing", str(landing), "--warehouse", str(wh)],
                             env=env, capture_output=True, text=True, timeout=300)
    assert refused.returncode == 1 and len(refused.stderr.splitlines()) == 1, refused.stderr
    assert refused.stderr.startswith("newsetl: deployment news-etl/daily already exists on work pool 'newsetl'")
    with open(tmp_path / "serve.log", "w") as serve_log:  # served under its own name, beside it
        serve = subprocess.Popen([str(BIN / "newsetl"), "serve", "--landing", str(landing), "--warehouse", str(wh),
                                  "--name", "served"], env=env, stdout=serve_log, stderr=subprocess.STDOUT,
                                 start_new_session=True)
    try:
        wait_for(lambda: prefect("deployment", "inspect", "news-etl/served").returncode == 0, 120, "news-etl/served")
    finally:
        os.killpg(serve.pid, signal.SIGTERM)
        serve.wait(timeout=60)
    pooled = prefect("deployment", "inspect", "news-etl/daily").stdout
    assert "'work_pool_name': 'newsetl'" in pooled and "'paused': False" in pooled, pooled
    run = prefect("deployment", "run", "news-etl/daily", "-p", f"landing={landing}", "-p", f"warehouse={wh}")
    assert run.returncode == 0, run.stdout + run.stderr
    worker = prefect("worker", "start", "--pool", "newsetl", "--run-once", timeout=600)
    assert "Finished in state Completed" in worker.stdout + worker.stderr, worker.stdout + worker.stderr
    con = duckdb.connect(str(wh / "news.duckdb"), read_only=True)
    assert con.execute("select count(*) from articles").fetchone() == (1,)
