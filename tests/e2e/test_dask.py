"""Scale-out: the flow on a real Dask cluster (a scheduler and two worker processes on loopback)
publishes exactly what the default process-pool runner publishes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from tests.articles import COUNCIL, GARDEN, HARBOUR
from tests.e2e.processes import free_port

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("prefect_server")]
BIN = Path(sys.executable).parent
TABLES = {
    "articles": "select * exclude (run_id) from articles order by article_id",
    "quotes": "select * from quotes order by quote_id",
    "entities": "select * from entities order by article_id, entity_id",
    "files": "select * exclude (run_id, recorded_at) from files order by path",
}


@pytest.fixture
def dask_cluster(tmp_path):
    """`dask scheduler` and two `dask worker` processes, one thread each, on loopback."""
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    procs = []
    with open(tmp_path / "dask.log", "w") as log:
        def start(*args: str) -> None:
            procs.append(subprocess.Popen([str(BIN / "dask"), *args], stdout=log, stderr=subprocess.STDOUT,
                                          start_new_session=True, env=os.environ.copy()))
        start("scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard")
        for n in range(2):
            start("worker", address, "--nworkers", "1", "--nthreads", "1", "--name", f"w{n}", "--no-dashboard",
                  "--local-directory", str(tmp_path / f"w{n}"))
    from distributed import Client

    deadline = time.monotonic() + 120
    while True:
        try:
            with Client(address, timeout=10) as client:
                if len(client.scheduler_info()["workers"]) == 2:
                    break
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise TimeoutError("the Dask cluster did not come up with two workers")
        time.sleep(1)
    try:
        yield address
    finally:
        for p in reversed(procs):
            os.killpg(p.pid, signal.SIGTERM)
        for p in procs:
            p.wait(timeout=60)


def tables(warehouse: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(warehouse / "news.duckdb"), read_only=True)
    try:
        return {name: con.execute(sql).fetchall() for name, sql in TABLES.items()}
    finally:
        con.close()


def test_dask_cluster_output_is_identical_to_the_default_runner(dask_cluster, landing, tmp_path):
    from flows.etl import news_etl

    for name, text in {"harbour.txt": HARBOUR, "garden.txt": GARDEN, "council.txt": COUNCIL}.items():
        (landing / name).write_text(text)
    (landing / "empty.txt").write_bytes(b"")
    default = news_etl(landing=str(landing), warehouse=str(tmp_path / "default"), batch_size=2)
    on_dask = news_etl(landing=str(landing), warehouse=str(tmp_path / "dask"), batch_size=2, task_runner="dask",
                       dask_address=dask_cluster)
    assert default.statuses == on_dask.statuses == {"published": 4, "quarantined": 1, "unchanged": 0}
    a, b = tables(tmp_path / "default"), tables(tmp_path / "dask")
    for name in TABLES:
        assert a[name] == b[name], name
    assert len(a["quotes"]) > 10 and len(a["entities"]) > 30
    from distributed import Client

    def model_loads() -> tuple[int, int]:  # runs in each worker: (loads, reuses) of the spaCy model there
        import sys

        resources = sys.modules.get("flows.resources")
        info = resources._loaded.cache_info() if resources else None
        return (info.misses, info.hits) if info else (0, 0)

    with Client(dask_cluster) as client:
        loads = client.run(model_loads)
    assert all(n <= 1 for n, _ in loads.values()), loads  # each worker loads the model once at most
    assert sum(n + hits for n, hits in loads.values()) == 3  # the 3 batches of 2 ran on the workers
