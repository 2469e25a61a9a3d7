"""The news-etl flow's own logic: a run with nothing to read starting no workers
(the whole flow on real files is in tests/e2e/test_flow.py)."""

from __future__ import annotations

import pytest

from flows.runs import NOTHING_NEW


@pytest.mark.usefixtures("prefect_server")
def test_a_flow_run_with_nothing_to_read_records_the_run_and_starts_no_workers(tmp_path, monkeypatch):
    import flows.etl as etl

    def no_runner(options):
        raise AssertionError("a task runner was started for a run with nothing to read")

    monkeypatch.setattr(etl, "task_runner_for", no_runner)  # observes, does not replace, the wiring
    (tmp_path / "landing").mkdir()
    summary = etl.news_etl(landing=str(tmp_path / "landing"), warehouse=str(tmp_path / "wh"))
    assert summary.status == "completed" and summary.files_seen == 0 and summary.message == NOTHING_NEW


@pytest.mark.usefixtures("prefect_server")
@pytest.mark.parametrize(
    ("parameters", "message"),
    [
        ({"batch_size": 0}, "batch_size must be at least 1, not 0"),
        ({"task_runner": "ray"}, "unknown task runner 'ray'"),
        ({"model": "no_such_model_xyz"}, "spaCy model 'no_such_model_xyz' not found"),
        ({"landing": "/nonexistent/landing"}, "landing folder /nonexistent/landing does not exist or is not a folder"),
    ],
)
def test_a_deployment_run_with_bad_parameters_fails_with_one_line_and_touches_nothing(tmp_path, parameters, message):
    from flows.etl import news_etl

    (tmp_path / "landing").mkdir()
    params = {"landing": str(tmp_path / "landing"), "warehouse": str(tmp_path / "wh"), **parameters}
    state = news_etl(**params, return_state=True)
    assert state.is_failed() and message in state.message and "\n" not in state.message
    assert not (tmp_path / "wh").exists()
