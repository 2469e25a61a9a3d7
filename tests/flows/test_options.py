"""RunOptions: every default defined once, and the same whichever way a run starts."""

from __future__ import annotations

import inspect
from dataclasses import fields
from pathlib import Path

import pytest
import typer

from flows.options import BYTES_PER_MB, DEFAULT_MODEL, DEFAULTS, MODEL_ENV_VAR, RunOptions


def test_the_file_size_limit_is_in_megabytes_of_a_million_bytes():
    assert DEFAULTS.max_file_mb == 20.0
    assert DEFAULTS.max_bytes == 20_000_000 == 20 * BYTES_PER_MB
    assert RunOptions(max_file_mb=0.5).max_bytes == 500_000


def test_the_flow_takes_every_option_as_a_parameter_with_the_same_default():
    from flows.etl import news_etl

    params = inspect.signature(news_etl.fn).parameters
    # besides the options: the resources tests hand in, and `report`, which only deployments set (the page a
    # temporary server's run would link to is gone with it; see flows.publish)
    assert set(params) == {f.name for f in fields(RunOptions)} | {"resources", "report"}
    for name, value in DEFAULTS.as_parameters().items():
        default = params[name].default
        if name == "model":  # "" in the flow: the configured model, resolved when the run starts
            assert default == "" and RunOptions(model=default).model == value
        else:
            assert default == value, name


def _cli_defaults(command: str) -> dict[str, object]:
    from newsetl.cli import app

    group = typer.main.get_command(app)
    return {p.name: p.default for p in group.commands[command].params}  # type: ignore[attr-defined]


def test_newsetl_run_defaults_are_the_options_defaults():
    cli = _cli_defaults("run")
    renamed = {"lock_timeout": "wait"}  # the CLI says --wait
    for f in fields(RunOptions):
        if f.name in ("model", "in_flight"):
            continue  # model: "" means the configured one, as in the flow; in_flight is not a CLI option
        value = cli[renamed.get(f.name, f.name)]
        assert (Path(value) if isinstance(getattr(DEFAULTS, f.name), Path) else value) == getattr(DEFAULTS, f.name)


def test_the_model_comes_from_the_option_then_the_environment_then_the_default(monkeypatch):
    monkeypatch.delenv(MODEL_ENV_VAR, raising=False)
    assert RunOptions().model == DEFAULT_MODEL
    monkeypatch.setenv(MODEL_ENV_VAR, "/models/newsroom")
    assert RunOptions().model == "/models/newsroom"
    assert RunOptions(model="en_core_web_md").model == "en_core_web_md"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"batch_size": 0}, "batch_size must be at least 1, not 0"),
        ({"commit_size": -5}, "commit_size must be at least 1, not -5"),
        ({"max_file_mb": 0}, "max_file_mb must be more than 0 and at most 1,000,000.0, not 0"),
        ({"max_file_mb": float("nan")}, "max_file_mb must be more than 0"),
        ({"max_file_mb": 1e13}, "max_file_mb must be more than 0"),
        ({"lock_timeout": float("nan")}, "lock_timeout must be a number of seconds"),
        ({"lock_timeout": float("inf")}, "lock_timeout must be a number of seconds"),
        ({"landing": ""}, "landing must name a folder, not an empty string"),
        ({"warehouse": " "}, "warehouse must name a folder, not an empty string"),
        ({"dask_address": "tcp://127.0.0.1:8786"}, "dask_address 'tcp://127.0.0.1:8786' is for task_runner 'dask'"),
        ({"task_runner": "dask", "dask_address": "notanaddress"}, "dask_address 'notanaddress' is not a scheduler"),
        ({"workers": -1}, "workers must be 0 (one per core) or more"),
        ({"lock_timeout": -1.0}, "lock_timeout must be a number of seconds, 0 or more, not -1.0"),
        ({"task_runner": "ray"}, "unknown task runner 'ray': choose one of process, thread, dask"),
    ],
)
def test_bad_options_are_refused_with_one_line_naming_the_option(change, message):
    with pytest.raises(ValueError, match="^" + message.replace("(", r"\(").replace(")", r"\)")):
        RunOptions(**change)


def test_folders_are_paths_and_parameters_are_plain_json_values():
    options = RunOptions(landing="in", warehouse="out")
    assert options.landing == Path("in") and options.warehouse == Path("out")
    params = options.as_parameters()
    assert params["landing"] == "in" and params["warehouse"] == "out"
    assert all(isinstance(v, str | int | float | bool) for v in params.values())
    assert options.with_(batch_size=4).batch_size == 4 and options.batch_size == DEFAULTS.batch_size
