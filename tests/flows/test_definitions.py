"""The wiring: options to resources and task runners."""

from __future__ import annotations

import pickle

import pytest
from prefect.task_runners import ProcessPoolTaskRunner, ThreadPoolTaskRunner

from flows.definitions import default_workers, resources_for, task_runner_for
from flows.landing import LocalFolder
from flows.options import RunOptions
from flows.resources import SpacyModel, gx_validation, process_files
from instrumentation.failpoints import ENV_VAR


def test_resources_are_the_local_folder_the_named_model_and_the_gx_gate(tmp_path, monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)
    res = resources_for(RunOptions(landing=tmp_path, model="my_model"))
    assert res.source == LocalFolder(tmp_path)
    assert res.model == SpacyModel("my_model")
    assert res.validation is gx_validation and res.processor is process_files
    assert res.failpoints.name is None
    # sent to worker processes with every task
    again = pickle.loads(pickle.dumps((res.source, res.model, res.processor)))
    assert again == (res.source, res.model, res.processor)


def test_a_crash_test_arms_its_failpoint_through_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_VAR, "after-manifest:3")
    fp = resources_for(RunOptions(landing=tmp_path)).failpoints
    assert (fp.name, fp.nth) == ("after-manifest", 3)


@pytest.mark.parametrize(
    ("kind", "runner_type"), [("process", ProcessPoolTaskRunner), ("thread", ThreadPoolTaskRunner)]
)
def test_task_runners_by_kind_with_one_worker_per_core_by_default(kind, runner_type):
    runner = task_runner_for(RunOptions(task_runner=kind))
    assert isinstance(runner, runner_type)
    assert default_workers() >= 1


def test_dask_runner_on_a_given_scheduler():
    from prefect_dask import DaskTaskRunner

    runner = task_runner_for(RunOptions(task_runner="dask", dask_address="tcp://127.0.0.1:8786"))
    assert isinstance(runner, DaskTaskRunner) and runner.address == "tcp://127.0.0.1:8786"
