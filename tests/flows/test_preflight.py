"""What a run checks before writing anything: each fault is one line naming the value and what to do."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from flows import preflight
from flows.options import RunOptions
from tests.e2e.processes import free_port


@pytest.fixture
def options(tmp_path: Path) -> RunOptions:
    (tmp_path / "landing").mkdir()
    return RunOptions(landing=tmp_path / "landing", warehouse=tmp_path / "wh")


def test_a_run_that_can_start_has_no_problem_and_nothing_is_written(options: RunOptions, tmp_path: Path) -> None:
    assert preflight.problem(options) is None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["landing"]


def test_each_problem_is_named_in_one_line(options: RunOptions, tmp_path: Path) -> None:
    assert preflight.problem(options.with_(landing=tmp_path / "nope")) == (
        f"landing folder {tmp_path / 'nope'} does not exist or is not a folder")
    missing = preflight.problem(options.with_(model=str(tmp_path / "no-model")))
    assert missing.startswith(f"spaCy model '{tmp_path / 'no-model'}' not found")
    assert "--model" in missing  # what to do
    (tmp_path / "afile").write_text("")
    assert preflight.problem(options.with_(warehouse=tmp_path / "afile")).endswith("is a file, not a folder")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["afile", "landing"]


def test_an_unreachable_scheduler_is_found_before_the_run(options: RunOptions) -> None:
    address = f"tcp://127.0.0.1:{free_port()}"  # nothing listens there
    reason = preflight.problem(options.with_(task_runner="dask", dask_address=address))
    assert reason == (f"cannot reach the Dask scheduler at {address}: Connection refused; "
                      "start it (`dask scheduler`) or correct dask_address")


def test_a_listening_scheduler_passes(options: RunOptions) -> None:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        address = f"tcp://127.0.0.1:{server.getsockname()[1]}"
        assert preflight.scheduler_problem(address) is None
        assert preflight.problem(options.with_(task_runner="dask", dask_address=address)) is None



def test_a_malformed_correction_stops_the_run_naming_file_and_line(options: RunOptions) -> None:
    path = options.warehouse / "corrections" / "corrections.csv"
    path.parent.mkdir(parents=True)
    path.write_text("id,kind,target,value,who,when,why\nc1,exclude,abc,,ana,2024-05-01,advert\n", encoding="utf-8")
    assert preflight.problem(options) == (f"corrections: {path}:2: target 'abc' must be an article_id "
                                          "(32 hex digits) in a correction of kind exclude")
