"""The run as a library call: the paths that need no Prefect server (the flow's own are in tests/e2e)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from filelock import FileLock

from flows.options import RunOptions
from flows.run import RunFailed, run
from warehouse.store import Warehouse


def test_a_missing_landing_folder_fails_with_one_line(tmp_path):
    with pytest.raises(RunFailed, match=r"^landing folder .*/nowhere does not exist or is not a folder$"):
        run(RunOptions(landing=tmp_path / "nowhere", warehouse=tmp_path / "wh"))
    assert not (tmp_path / "wh").exists()  # nothing created for a run that cannot start


def test_an_empty_landing_folder_is_a_run_with_nothing_new(tmp_path):
    (tmp_path / "landing").mkdir()
    summary = run(RunOptions(landing=tmp_path / "landing", warehouse=tmp_path / "wh"))
    assert summary.status == "completed" and summary.files_seen == 0
    assert (tmp_path / "wh" / "news.duckdb").exists()  # the views exist from the first run on


def test_a_busy_warehouse_fails_the_run_with_one_line(tmp_path):
    (tmp_path / "landing").mkdir()
    with Warehouse.open(tmp_path / "wh"):
        pass
    with FileLock(str(tmp_path / "wh" / "_state" / "run.lock")), pytest.raises(RunFailed) as failed:
        run(RunOptions(landing=tmp_path / "landing", warehouse=tmp_path / "wh"))
    assert str(failed.value).startswith("nothing could be published: warehouse ")
    assert "in use by another run" in str(failed.value) and "\n" not in str(failed.value)


def test_the_nothing_new_path_loads_neither_prefect_nor_spacy_nor_great_expectations(tmp_path):
    """A rerun with nothing new costs about a second because it imports none of the heavy libraries."""
    (tmp_path / "landing").mkdir()
    code = (
        "import sys\n"
        "from flows.options import RunOptions\n"
        "from flows.run import run\n"
        f"run(RunOptions(landing={str(tmp_path / 'landing')!r}, warehouse={str(tmp_path / 'wh')!r}))\n"
        "print(sorted(m for m in ('prefect', 'spacy', 'great_expectations') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_a_warehouse_path_that_is_a_file_fails_with_one_line(tmp_path):
    (tmp_path / "landing").mkdir()
    (tmp_path / "wh").write_text("not a folder")
    with pytest.raises(RunFailed, match=r"^warehouse .*wh is a file, not a folder$"):
        run(RunOptions(landing=tmp_path / "landing", warehouse=tmp_path / "wh"))
    assert (tmp_path / "wh").read_text() == "not a folder"


def test_the_flow_process_does_not_import_spacy():
    """spaCy runs in the workers; the flow's own process (the CLI, the flow, the gate) never imports it,
    which keeps a second off the start-up of every run with work to do."""
    code = ("import sys\nimport newsetl.cli, flows.run, flows.etl, expectations.gate, expectations.data_docs\n"
            "print(sorted(m for m in ('spacy', 'thinc') if m in sys.modules))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
