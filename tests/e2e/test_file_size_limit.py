"""One file-size limit whichever way a run starts: `newsetl run` and a deployment's flow run (the
flow called with its defaults, as `prefect deployment run` calls it) quarantine the same file.

It was 20 MB in the CLI and 20 MiB in the flow, so a 20.5 MB file was quarantined by one and read
by the other. The limit is in MB of 10^6 bytes, as the README says."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("prefect_server")]
NEWSETL = Path(sys.executable).parent / "newsetl"
SIZE = 20_500_000  # over 20 MB, under 20 MiB (20,971,520 bytes)


def write_big_article(path: Path) -> None:
    head = " date 2024-03-05 WORLD\nA very long report\n\n"
    paragraph = ("The committee heard evidence from witnesses about the harbour for many hours. " * 40).strip()
    body = (paragraph + "\n\n") * (SIZE // (len(paragraph) + 2) + 1)
    path.write_bytes((head + body).encode()[:SIZE])


def reason(warehouse: Path, file: str) -> str:
    con = duckdb.connect(str(warehouse / "news.duckdb"), read_only=True)
    try:
        return con.execute("select status || ': ' || reason from files where path = ?", [file]).fetchall()[0][0]
    finally:
        con.close()


def test_newsetl_run_and_a_deployment_run_quarantine_the_same_oversized_file(landing, tmp_path, prefect_server):
    from flows.etl import news_etl

    write_big_article(landing / "big.txt")
    assert os.path.getsize(landing / "big.txt") == SIZE
    cli = subprocess.run(
        [str(NEWSETL), "run", "--landing", str(landing), "--warehouse", str(tmp_path / "cli")],
        capture_output=True, text=True, timeout=600, env={**os.environ, "PREFECT_API_URL": prefect_server},
    )
    assert cli.returncode == 0, cli.stderr
    state = news_etl(landing=str(landing), warehouse=str(tmp_path / "deployment"), return_state=True)
    assert state.is_completed(), state.message
    expected = "quarantined: file too large: 20,500,000 bytes, over the limit of 20,000,000 bytes"
    assert reason(tmp_path / "cli", "big.txt") == expected
    assert reason(tmp_path / "deployment", "big.txt") == expected
